"""Turn episodes into follow-up tasks by the active plans; safe to run again at any time.

A generated task is keyed by (episode, plan, follow-up point, level 1), guarded by a unique
index. Running again after a plan changed updates tasks still waiting (pending, no attempt,
due in the future), cancels waiting ones the plans no longer want, and adds new points.
Finished tasks, tasks being called and tasks already attempted are never touched.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, bindparam, select, update

from agent_app.domain.enums import TaskStatus
from agent_app.domain.work_calendar import NATIONAL_ONLY, CallingCalendar, WorkCalendar
from agent_app.his.errors import PlanRuleError
from agent_app.his.importer import store_time
from agent_app.his.plan_rules import (
    Assignment,
    EpisodeFacts,
    PlanSpec,
    age_at,
    choose_plans,
)
from agent_app.store.bulk import bulk_insert
from agent_app.store.repositories.calendar_exceptions import load_work_calendar
from agent_app.store.schema import Base, Department, Episode, FollowupPlan, FollowupTask, Patient
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)

BATCH = 2000
TASK_COLUMNS = (
    "patient_id",
    "episode_id",
    "plan_id",
    "department_id",
    "offset_days",
    "due_at",
    "level",
    "assigned_staff_id",
    "status",
    "attempt_count",
    "updated_at",
    "change_seq",
)


@dataclass
class TaskCounts:
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    # Plans the run could not use (PlanRuleError.as_json), set once from load_plans.
    skipped_plans: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: TaskCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.cancelled += other.cancelled


@dataclass(frozen=True)
class ImportPlans:
    """The plans the import applies, and the ones it had to skip with the reason."""

    plans: list[PlanSpec]
    skipped: list[PlanRuleError]

    def skipped_json(self) -> list[dict[str, Any]]:
        return [problem.as_json() for problem in self.skipped]


@dataclass(frozen=True)
class _Wanted:
    due_at: dt.datetime
    assigned_staff_id: int | None


def load_plans(connection: Connection) -> ImportPlans:
    """The active import plans, parsed; a plan that cannot be used is skipped, with its reason.

    One bad plan never stops an import: its episodes still get every other plan's tasks, and
    the run records the skipped plan for the administrator. Spot-check plans are left out.
    """
    rows = connection.execute(
        select(
            FollowupPlan.id,
            FollowupPlan.name,
            FollowupPlan.rules,
            FollowupPlan.offsets_days,
            FollowupPlan.calling_hours,
        )
        .where(FollowupPlan.active.is_(True))
        .order_by(FollowupPlan.id)
    )
    plans, skipped = [], []
    for row in rows:
        try:
            plan = PlanSpec.from_row(*row)
        except PlanRuleError as exc:
            log.warning("Discharge import skips a plan: %s", exc)
            skipped.append(exc)
            continue
        if not plan.rules.spot_check:
            plans.append(plan)
    return ImportPlans(plans, skipped)


def due_moment(plan: PlanSpec, day: dt.date, days: WorkCalendar = NATIONAL_ONLY) -> dt.datetime:
    """The first moment on ``day`` (or after) that the plan may call, in UTC: a follow-up point
    on a holiday or the hospital's closure day moves to the next calling day."""
    zone = ZoneInfo(plan.calling_hours.zone)
    calendar = CallingCalendar(plan.calling_hours, days)
    return calendar.next_allowed(dt.datetime.combine(day, dt.time(0, 0), zone))


def generate_tasks(
    engine: Engine,
    episode_ids: Sequence[int] | None = None,
    *,
    now: dt.datetime | None = None,
    late_days: int = 7,
) -> TaskCounts:
    """Generate tasks for ``episode_ids`` (all episodes when None), one transaction per batch.

    A follow-up point more than ``late_days`` before ``now`` is not created late (a 3-day
    call for a stay imported a month afterwards is no use); an existing one is kept.
    """
    now = now or utcnow()
    with engine.connect() as connection:
        loaded = load_plans(connection)
        if episode_ids is None:
            episode_ids = list(connection.execute(select(Episode.id)).scalars())
    counts = TaskCounts(skipped_plans=loaded.skipped_json())
    for chunk in _chunks(sorted(set(episode_ids)), BATCH):
        with engine.begin() as connection:
            counts.add(generate_for_batch(connection, chunk, loaded.plans, now, late_days))
    return counts


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def generate_for_batch(
    connection: Connection,
    episode_ids: Sequence[int],
    plans: Sequence[PlanSpec],
    now: dt.datetime,
    late_days: int,
) -> TaskCounts:
    """Bring the tasks of these episodes in line with ``plans`` inside the caller's transaction."""
    days = load_work_calendar(connection)
    oldest = now.date() - dt.timedelta(days=late_days)
    wanted: dict[tuple[int, int, int], _Wanted] = {}
    episode_info: dict[int, tuple[int, int]] = {}  # episode → (patient, department)
    for row in connection.execute(
        select(
            Episode.id,
            Episode.patient_id,
            Episode.department_id,
            Department.code,
            Episode.ward,
            Episode.diagnosis_code,
            Episode.admitted_on,
            Episode.discharged_on,
            Episode.attending_doctor_id,
            Episode.attending_nurse_id,
            Episode.discharge_disposition,
            Patient.birth_date,
        )
        .join(Department, Department.id == Episode.department_id)
        .join(Patient, Patient.id == Episode.patient_id)
        .where(Episode.id.in_(episode_ids))
    ):
        (eid, pid, dept, code, ward, icd, admitted, discharged, doctor, nurse, disp, birth) = row
        episode_info[eid] = (pid, dept)
        facts = EpisodeFacts(
            code, ward, icd, age_at(birth, discharged), (discharged - admitted).days, disp
        )
        for plan in choose_plans(facts, plans):
            staff = {Assignment.NURSE: nurse, Assignment.DOCTOR: doctor}.get(plan.rules.assign)
            for offset in plan.offsets_days:
                day = discharged + dt.timedelta(days=offset)
                wanted[(eid, plan.plan_id, offset)] = _Wanted(due_moment(plan, day, days), staff)
    existing = connection.execute(
        select(
            FollowupTask.id,
            FollowupTask.episode_id,
            FollowupTask.plan_id,
            FollowupTask.offset_days,
            FollowupTask.level,
            FollowupTask.status,
            FollowupTask.attempt_count,
            FollowupTask.due_at,
            FollowupTask.assigned_staff_id,
        ).where(
            FollowupTask.episode_id.in_(episode_ids),
            FollowupTask.plan_id.is_not(None),
        )
    ).all()
    counts = TaskCounts()
    updates: list[dict[str, object]] = []
    cancels: list[dict[str, object]] = []
    seen: set[tuple[int, int, int]] = set()
    for task in existing:
        if task.level != 1:  # filtered here: a level term makes SQLite skip the episode index
            continue
        key = (int(task.episode_id or 0), int(task.plan_id or 0), task.offset_days)
        seen.add(key)
        want = wanted.get(key)
        # Only a task nobody has worked on yet follows the plans; a cancelled one stays
        # cancelled (a supervisor may have cancelled it on purpose).
        waiting = (
            task.status is TaskStatus.PENDING and task.attempt_count == 0 and task.due_at > now
        )
        if not waiting:
            continue
        if want is None:
            cancels.append({"tid": task.id})
        elif task.due_at != want.due_at or task.assigned_staff_id != want.assigned_staff_id:
            updates.append({"tid": task.id, "due": want.due_at, "staff": want.assigned_staff_id})
    table = Base.metadata.tables["followup_task"]
    if updates:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("tid"))
            .values(
                due_at=bindparam("due"),
                assigned_staff_id=bindparam("staff"),
                updated_at=now,
            ),
            updates,
        )
        counts.updated = len(updates)
    if cancels:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("tid"))
            .values(status=TaskStatus.CANCELLED, updated_at=now),
            cancels,
        )
        counts.cancelled = len(cancels)
    stamp = store_time(now)
    rows = [
        (
            episode_info[eid][0],
            eid,
            plan_id,
            episode_info[eid][1],
            offset,
            store_time(want.due_at),
            1,
            want.assigned_staff_id,
            TaskStatus.PENDING.value,
            0,
            stamp,
            0,
        )
        for (eid, plan_id, offset), want in wanted.items()
        if (eid, plan_id, offset) not in seen and want.due_at.date() >= oldest
    ]
    bulk_insert(connection, "followup_task", TASK_COLUMNS, rows)
    counts.created = len(rows)
    return counts
