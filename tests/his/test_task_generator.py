"""Generating tasks is idempotent and follows plan changes without touching finished work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, insert, select, update

from agent_app.domain.enums import TaskStatus
from agent_app.domain.work_calendar import ExceptionKind
from agent_app.his.file_source import read_file
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions, run_import
from agent_app.his.task_generator import due_moment, generate_tasks, load_plans
from agent_app.store.schema import CallingException, FollowupPlan, FollowupTask, Patient, Staff
from tests.his.conftest import HOURS, NOW, sqlite_only

SHANGHAI = ZoneInfo("Asia/Shanghai")
RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "his"


@pytest.fixture
def imported(his_store: Engine) -> Engine:
    mapping = ColumnMapping.load(RESOURCES / "mapping_zh.json")
    rows = read_file(RESOURCES / "sample_discharges.csv", mapping)
    run_import(his_store, "his-export", "file", rows, options=ImportOptions(now=NOW))
    return his_store


def _tasks(engine: Engine, plan_id: int) -> dict[int, tuple[TaskStatus, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(FollowupTask.offset_days, FollowupTask.status, Staff.username)
            .outerjoin(Staff, Staff.id == FollowupTask.assigned_staff_id)
            .where(FollowupTask.plan_id == plan_id)
        ).all()
    return {offset: (status, username) for offset, status, username in rows}


def test_generating_again_changes_nothing(imported: Engine) -> None:
    counts = generate_tasks(imported, now=NOW)

    assert (counts.created, counts.updated, counts.cancelled) == (0, 0, 0)


def test_a_changed_plan_updates_future_tasks_and_leaves_finished_ones(imported: Engine) -> None:
    with imported.begin() as connection:
        connection.execute(
            update(FollowupTask)
            .where(FollowupTask.plan_id == 101, FollowupTask.offset_days == 3)
            .values(status=TaskStatus.DONE, attempt_count=1)
        )
        connection.execute(
            update(FollowupPlan)
            .where(FollowupPlan.id == 101)
            .values(
                offsets_days=[3, 14],
                rules={"department": "CARD", "assign": "doctor"},
            )
        )

    counts = generate_tasks(imported, now=NOW)

    assert (counts.created, counts.updated, counts.cancelled) == (1, 0, 1)
    assert _tasks(imported, 101) == {
        3: (TaskStatus.DONE, "zengqiang"),  # finished: untouched
        14: (TaskStatus.PENDING, "wujianhua"),  # new point, to the attending doctor
        30: (TaskStatus.CANCELLED, "zengqiang"),  # no longer in the plan
    }
    again = generate_tasks(imported, now=NOW)
    assert (again.created, again.updated, again.cancelled) == (0, 0, 0)


def test_a_changed_assignment_moves_waiting_tasks(imported: Engine) -> None:
    with imported.begin() as connection:
        connection.execute(
            update(FollowupPlan).where(FollowupPlan.id == 101).values(rules={"assign": "pool"})
        )

    counts = generate_tasks(imported, now=NOW)

    assert counts.updated == 2
    assert _tasks(imported, 101) == {3: (TaskStatus.PENDING, None), 30: (TaskStatus.PENDING, None)}


def test_a_new_plan_adds_only_points_not_long_past(imported: Engine) -> None:
    with imported.begin() as connection:
        connection.execute(
            insert(FollowupPlan).values(
                id=104,
                name="心梗 1 天回访",
                template_id=1,
                rules={"icd10": ["I21"]},
                offsets_days=[0, 1, 10, 60],
                calling_hours=HOURS,
            )
        )

    counts = generate_tasks(imported, now=NOW + dt.timedelta(days=10))

    # Discharged 20 Nov, generated on 3 Dec with 7 days' grace: days 0 and 1 are too late,
    # day 10 (30 Nov) is not.
    assert counts.created == 2
    assert set(_tasks(imported, 104)) == {10, 60}


@sqlite_only
def test_tasks_being_called_are_left_alone(imported: Engine) -> None:
    with imported.begin() as connection:
        connection.execute(
            update(FollowupTask)
            .where(FollowupTask.plan_id == 101)
            .values(status=TaskStatus.IN_PROGRESS)
        )
        connection.execute(update(FollowupPlan).where(FollowupPlan.id == 101).values(active=False))

    counts = generate_tasks(imported, now=NOW)

    assert counts.cancelled == 0
    assert {s for s, _ in _tasks(imported, 101).values()} == {TaskStatus.IN_PROGRESS}


def test_the_unique_index_refuses_a_duplicate_generated_task(imported: Engine) -> None:
    with imported.connect() as connection:
        task = connection.execute(select(FollowupTask).where(FollowupTask.plan_id == 101)).first()
        patients = connection.execute(select(func.count()).select_from(Patient)).scalar_one()
    assert task is not None and patients == 5
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), imported.begin() as connection:
        connection.execute(
            insert(FollowupTask).values(
                patient_id=task.patient_id,
                episode_id=task.episode_id,
                plan_id=task.plan_id,
                department_id=task.department_id,
                offset_days=task.offset_days,
                due_at=task.due_at,
                level=1,
            )
        )


def _due(engine: Engine, plan_id: int) -> dict[int, dt.datetime]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(FollowupTask.offset_days, FollowupTask.due_at).where(
                FollowupTask.plan_id == plan_id
            )
        ).all()
    return {offset: due.astimezone(SHANGHAI).replace(tzinfo=None) for offset, due in rows}


def test_a_follow_up_point_on_a_closure_day_moves_to_the_next_calling_day(
    imported: Engine,
) -> None:
    with imported.begin() as connection:
        connection.execute(
            insert(FollowupPlan).values(
                id=104, name="心梗 10 天回访", template_id=1, rules={"icd10": ["I21"]},
                offsets_days=[10], calling_hours=HOURS,
            )
        )  # fmt: skip
    generate_tasks(imported, now=NOW)
    assert _due(imported, 104) == {10: dt.datetime(2026, 11, 30, 8, 30)}  # discharged 20 Nov

    with imported.begin() as connection:
        connection.execute(
            insert(CallingException).values(
                day=dt.date(2026, 11, 30), kind=ExceptionKind.CLOSED, reason="全院停电检修",
                active=True, changed_at=NOW,
            )
        )  # fmt: skip
    counts = generate_tasks(imported, now=NOW)

    assert counts.updated == 1  # the waiting task follows the calendar
    assert _due(imported, 104) == {10: dt.datetime(2026, 12, 1, 8, 30)}


def test_a_follow_up_point_on_a_public_holiday_waits_unless_the_plan_calls_on_holidays(
    his_store: Engine,
) -> None:
    with his_store.begin() as connection:
        connection.execute(
            update(FollowupPlan)
            .where(FollowupPlan.id == 103)
            .values(calling_hours={**HOURS, "skip_holidays": False})
        )
        plans = {plan.plan_id: plan for plan in load_plans(connection).plans}
    national_day = dt.date(2026, 10, 1)
    skips, calls = due_moment(plans[101], national_day), due_moment(plans[103], national_day)
    assert skips.astimezone(SHANGHAI).replace(tzinfo=None) == dt.datetime(2026, 10, 8, 8, 30)
    assert calls.astimezone(SHANGHAI).replace(tzinfo=None) == dt.datetime(2026, 10, 1, 8, 30)
