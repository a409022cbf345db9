"""The tallies after a generated hospital is seeded in bulk and after the desk's own writes
(calls placed, answered and ended, wrap-ups with answers and retries) through the
repositories: the same figures as the raw rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.answer_sheet import AnswerSheet
from agent_app.domain.enums import Disposition, LineType, TaskStatus
from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import finish_attempt, mark_answered, start_outbound
from agent_app.store.repositories.followups import WrapUp, load_followup, save_wrapup
from agent_app.store.schema import FollowupTask
from tests.conftest import DEMO_TODAY
from tests.reports.tally_checks import (
    assert_figures_match_the_raw_rows,
    assert_tallies_match_a_rebuild,
)

NOW = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path: Path) -> Engine:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    seed_store(engine, 60, seed=3, today=DEMO_TODAY, history=False)
    return engine


def _filters() -> list[StatsFilter]:
    wide = StatsFilter(DEMO_TODAY - dt.timedelta(days=120), DEMO_TODAY + dt.timedelta(days=60))
    return [
        wide,
        month_filter(2026, 11),
        month_filter(2026, 11, department_id=1),
        StatsFilter(wide.start, wide.end, staff_id=1),
        StatsFilter(wide.start, wide.end, diagnosis_prefix="I"),
    ]


def _open_tasks(engine: Engine, count: int) -> list[int]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(FollowupTask.id)
                .where(FollowupTask.status == TaskStatus.PENDING)
                .order_by(FollowupTask.due_at, FollowupTask.id)
                .limit(count)
            )
        )


def _call(engine: Engine, task_id: int, n: int, *, reached: bool) -> None:
    work = load_followup(engine, task_id)
    started = NOW + dt.timedelta(hours=n)
    attempt = start_outbound(
        engine, staff_id=1, number="13800000000", line=LineType.FAKE, task_id=task_id,
        started_at=started,
    )  # fmt: skip
    if reached:
        mark_answered(engine, attempt, started + dt.timedelta(seconds=8))
    finish_attempt(
        engine, attempt, answered_at=None, ended_at=started + dt.timedelta(minutes=3),
        end_reason="You ended the call.",
    )  # fmt: skip
    answers = None
    if reached:
        sheet = AnswerSheet(work.template, call_started_at=started)
        first = work.template.sections[0].questions[0]
        if first.options:
            sheet.answer(first.id, first.options[0].value, started)
        answers = sheet.to_json()
    save_wrapup(
        engine,
        work,
        WrapUp(
            task_id=task_id,
            staff_id=1,
            disposition=Disposition.REACHED if reached else Disposition.NO_ANSWER,
            attempt_id=attempt,
            answers=answers,
            satisfaction=5 - n % 3 if reached else None,
            now=started + dt.timedelta(minutes=4),
        ),
    )


def test_tallies_of_a_bulk_seed_and_of_the_desks_wrapups_match_the_raw_rows(desk: Engine) -> None:
    assert_tallies_match_a_rebuild(desk)
    for n, task_id in enumerate(_open_tasks(desk, 12)):
        _call(desk, task_id, n, reached=n % 3 != 0)
    assert_tallies_match_a_rebuild(desk)
    assert_figures_match_the_raw_rows(desk, _filters())
