""" "Best chance first": today's calls by who most likely answers now, then the rest by due
date, on both engines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.reach_model import next_day
from agent_app.store.repositories.queue_order import QueueSort, queue_order
from agent_app.store.repositories.reach_history import forget_cached_history
from agent_app.store.repositories.reach_order import ranking_slot, reach_order
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import FollowupTask
from tests.conftest import DEMO_TODAY
from tests.store.call_history import add_calls

ZONE = "Asia/Shanghai"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
MORNING = dt.datetime.combine(DEMO_TODAY, dt.time(9, 5), SHANGHAI).astimezone(dt.UTC)
EVENING = dt.datetime.combine(DEMO_TODAY, dt.time(19, 5), SHANGHAI).astimezone(dt.UTC)


def _scope(engine: Engine) -> QueueScope:
    return QueueScope.for_account(next(a for a in list_accounts(engine) if a.role is Role.QUALITY))


def _history(engine: Engine, task_id: int, answers_at: int, misses_at: int) -> None:
    """Eight weeks of calls: answered at ``answers_at`` o'clock, missed at ``misses_at``."""
    add_calls(
        engine,
        task_id,
        (
            (
                dt.datetime.combine(
                    DEMO_TODAY - dt.timedelta(weeks=week), dt.time(hour), SHANGHAI
                ).astimezone(dt.UTC),
                answered,
            )
            for week in range(1, 9)
            for hour, answered in ((answers_at, True), (misses_at, False))
        ),
    )


def _two_patients_due_today(engine: Engine) -> tuple[int, int]:
    """An evening answerer due first thing today, and a morning answerer due a little later."""
    due = queue_order(engine, _scope(engine), QueueSort.DUE)
    with Session(engine) as session:
        patients: dict[int, int] = {}
        for task_id in due:
            patient_id = session.get_one(FollowupTask, task_id).patient_id
            patients.setdefault(patient_id, task_id)
            if len(patients) == 2:
                break
    evening, morning = patients.values()
    start = dt.datetime.combine(DEMO_TODAY, dt.time(0, 1), SHANGHAI).astimezone(dt.UTC)
    with Session(engine) as session, session.begin():
        for minutes, task_id in ((0, evening), (1, morning)):
            session.execute(
                update(FollowupTask)
                .where(FollowupTask.id == task_id)
                .values(due_at=start + dt.timedelta(minutes=minutes))
            )
    _history(engine, evening, answers_at=19, misses_at=9)
    _history(engine, morning, answers_at=9, misses_at=19)
    forget_cached_history()
    return evening, morning


def test_the_patient_who_answers_at_this_hour_comes_first(demo_engine: Engine) -> None:
    evening, morning = _two_patients_due_today(demo_engine)
    scope = _scope(demo_engine)
    at_nine = list(reach_order(demo_engine, scope, ZONE, MORNING))
    at_seven_pm = list(reach_order(demo_engine, scope, ZONE, EVENING))
    assert at_nine.index(morning) < at_nine.index(evening)
    assert at_seven_pm.index(evening) < at_seven_pm.index(morning)
    assert at_seven_pm.index(evening) == 0  # the likeliest of the whole day's calls


def test_todays_calls_come_first_and_the_rest_keep_due_order(demo_engine: Engine) -> None:
    scope = _scope(demo_engine)
    due = list(queue_order(demo_engine, scope, QueueSort.DUE))
    order = list(reach_order(demo_engine, scope, ZONE, MORNING))
    assert sorted(order) == sorted(due) and len(order) == len(set(order))
    cut = next_day(MORNING, ZONE)
    with Session(demo_engine) as session:
        due_at = dict(session.execute(select(FollowupTask.id, FollowupTask.due_at)).all())
    today = [task_id for task_id in order if due_at[task_id] < cut]
    assert today, "the demo has calls due today"
    assert order[: len(today)] == today  # every one of today's calls before any later call
    later = order[len(today) :]
    assert later == [task_id for task_id in due if due_at[task_id] >= cut]


def test_at_night_the_ranking_is_for_the_next_mornings_hours(demo_engine: Engine) -> None:
    evening, morning = _two_patients_due_today(demo_engine)
    early = dt.datetime.combine(DEMO_TODAY, dt.time(1, 10), SHANGHAI).astimezone(dt.UTC)
    order = list(reach_order(demo_engine, _scope(demo_engine), ZONE, early))
    assert order.index(morning) < order.index(evening)  # ranked for 09:00, not for 01:00
    assert ranking_slot(early, ZONE) == (DEMO_TODAY.isoweekday(), 9)
    late = dt.datetime.combine(DEMO_TODAY, dt.time(22, 30), SHANGHAI).astimezone(dt.UTC)
    assert ranking_slot(late, ZONE) == (DEMO_TODAY.isoweekday() % 7 + 1, 9)
    assert ranking_slot(EVENING, ZONE) == (DEMO_TODAY.isoweekday(), 19)
