"""The best-time model reads the store's calls: a patient who answers only in the evening gets
an evening suggestion when their follow-up opens, and the panel says so in Chinese."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Direction, LineType, TaskStatus
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.followups import best_time, load_followup
from agent_app.store.repositories.reach_history import forget_cached_history, reach_model_for
from agent_app.store.schema import CallAttempt, FollowupTask, Patient
from agent_app.ui.followup.patient_panel import PatientPanel
from tests.conftest import DEMO_TODAY

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_store(engine, 5, seed=5, today=DEMO_TODAY, history=False)
    forget_cached_history()
    yield engine
    forget_cached_history()
    engine.dispose()


def _evening_answerer(engine: Engine) -> FollowupTask:
    """Twelve weeks of calls to one patient: never answered at 09:00, always at 19:00."""
    now = dt.datetime.now(dt.UTC)
    with Session(engine, expire_on_commit=False) as session:
        task = session.scalars(
            select(FollowupTask).where(FollowupTask.status == TaskStatus.PENDING).limit(1)
        ).one()
        staff_id = task.assigned_staff_id or 1
        for week in range(1, 13):
            day = (now - dt.timedelta(weeks=week)).astimezone(SHANGHAI)
            for hour, answered in ((9, False), (19, True)):
                started = day.replace(hour=hour, minute=5)
                session.add(
                    CallAttempt(
                        id=uuid.uuid4(),
                        task_id=task.id,
                        patient_id=task.patient_id,
                        staff_id=staff_id,
                        direction=Direction.OUTBOUND,
                        line=LineType.FAKE,
                        number="13800000000",
                        started_at=started,
                        answered_at=started + dt.timedelta(seconds=8) if answered else None,
                        ended_at=started + dt.timedelta(minutes=2),
                    )
                )
        session.commit()
        session.expunge(task)
        return task


def test_a_patient_who_answers_in_the_evening_is_suggested_an_evening_call(store: Engine) -> None:
    task = _evening_answerer(store)
    with Session(store) as session:
        birth = session.get_one(Patient, task.patient_id).birth_date
    model = reach_model_for(store, task.patient_id, birth, task.department_id, "Asia/Shanghai")
    weekday = dt.datetime.now(SHANGHAI).isoweekday()
    assert model.chance((weekday, 19)) > 0.7 > 0.3 > model.chance((weekday, 9))
    reach = best_time(store, load_followup(store, task.id))
    assert reach is not None
    assert reach.own_history
    assert reach.best_hours is not None
    start, end = reach.best_hours
    assert start <= 19 < end and not start <= 9 < end


def test_the_panel_names_the_usual_hours_in_chinese(
    qtbot: QtBot, chinese: None, store: Engine
) -> None:
    task = _evening_answerer(store)
    reach = best_time(store, load_followup(store, task.id))
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.show_reach(reach)
    assert panel.reach_label.isVisibleTo(panel)
    assert "通常在" in panel.reach_label.text() and "本人" in panel.reach_label.text()
