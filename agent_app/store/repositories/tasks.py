"""The agent's task queue: counted once, then read a page at a time in due order.

Each scope reads from a partial index over open tasks that is already in queue order, so
finding a page is an index walk even a million rows deep; the joins for display run only on
the page's own rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Engine,
    String,
    func,
    literal,
    select,
    text,
    tuple_,
    type_coerce,
    union_all,
)

from agent_app.domain.enums import CheckLevel, Role, TaskStatus
from agent_app.domain.views import StaffAccount, TaskRow
from agent_app.store.repositories import AnySelect
from agent_app.store.schema import Department, Episode, FollowupPlan, FollowupTask, Patient
from agent_app.store.schema.followup import OPEN_TASK_SQL

OPEN_STATUSES = (TaskStatus.PENDING.value, TaskStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class QueueScope:
    """Whose tasks a queue shows: an agent's own plus the department pool, a supervisor's
    department, or (quality and admin) the whole hospital."""

    staff_id: int
    role: Role
    department_id: int
    due_before: dt.datetime | None = None
    # Filters the agent picks on top of the scope (each narrows it; None means any).
    patient_ids: tuple[int, ...] | None = None  # from a name, MRN or phone search
    status: TaskStatus | None = None  # pending or in progress
    level: CheckLevel | None = None  # own follow-ups or level 2/3 spot-checks
    department_filter: int | None = None  # supervisors and quality: one department

    @classmethod
    def for_account(
        cls, account: StaffAccount, due_before: dt.datetime | None = None
    ) -> QueueScope:
        return cls(account.id, account.role, account.department_id, due_before)


def scope_task_ids(scope: QueueScope) -> AnySelect:
    """Open task ids and due times of the scope, each branch served by one partial index."""
    task = FollowupTask
    open_ = text(OPEN_TASK_SQL)

    def branch(*conditions: object) -> AnySelect:
        query = select(task.id, task.due_at).where(open_, *conditions)  # type: ignore[arg-type]
        if scope.due_before is not None:
            query = query.where(task.due_at < scope.due_before)
        if scope.patient_ids is not None:
            query = query.where(task.patient_id.in_(scope.patient_ids))
        if scope.status is not None:
            query = query.where(task.status == scope.status)
        if scope.level is not None:
            query = query.where(task.level == int(scope.level))
        if scope.department_filter is not None:
            query = query.where(task.department_id == scope.department_filter)
        return query

    if scope.role is Role.AGENT:
        own = branch(task.assigned_staff_id == scope.staff_id)
        pool = branch(task.department_id == scope.department_id, text("assigned_staff_id IS NULL"))
        return select(union_all(own, pool).subquery())
    if scope.role is Role.SUPERVISOR:
        return branch(task.department_id == scope.department_id)
    if scope.role is Role.DOCTOR:  # a doctor's desk is the red-flag inbox, not a queue
        return branch(text("1 = 0"))
    return branch()


def count_queue(engine: Engine, scope: QueueScope) -> int:
    """How many open tasks the scope holds."""
    ids = scope_task_ids(scope).subquery()
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(ids)).scalar_one())


def queue_position(engine: Engine, scope: QueueScope, task_id: int) -> int | None:
    """The row of ``task_id`` in the scope's queue, or None when the queue does not hold it."""
    ids = scope_task_ids(scope).subquery()
    raw = _raw_due(ids)
    with engine.connect() as connection:
        due = connection.execute(select(raw).where(ids.c.id == task_id)).first()
        if due is None:
            return None
        before = (raw < due[0]) | ((raw == due[0]) & (ids.c.id < task_id))
        query = select(func.count()).select_from(ids).where(before)
        return int(connection.execute(query).scalar_one())


# (due time as the database holds it, task id) of a page's first row. The time is kept raw:
# SQLite holds it as text, and rows written by the bulk loader and by the ORM spell the same
# instant differently ("…01:00:00" and "…01:00:00.000000"), so a re-bound datetime would not
# compare equal to the row it came from.
PageKey = tuple[Any, int]


def _raw_due(ids: Any) -> Any:
    return type_coerce(ids.c.due_at, String)


def queue_page_keys(engine: Engine, scope: QueueScope, page_size: int) -> list[PageKey]:
    """The first (due time, id) of every page, in one ordered walk of the scope's index.

    With these keys any page is found by seeking, not by skipping rows: an OFFSET deep in a
    million-row queue walks the whole index up to it on every read.
    """
    ids = scope_task_ids(scope).subquery()
    query = select(_raw_due(ids), ids.c.id).order_by(ids.c.due_at, ids.c.id)
    keys: list[PageKey] = []
    with engine.connect() as connection:
        for number, row in enumerate(connection.execute(query)):
            if number % page_size == 0:
                keys.append((row[0], row[1]))
    return keys


def queue_page(
    engine: Engine, scope: QueueScope, offset: int, limit: int, start: PageKey | None = None
) -> list[TaskRow]:
    """Rows ``offset`` .. ``offset + limit`` of the queue, overdue first; with ``start`` (the
    key of the row at ``offset``) the page is found by an index seek instead."""
    ids = scope_task_ids(scope).subquery()
    page_query = select(ids.c.id).order_by(ids.c.due_at, ids.c.id).limit(limit)
    if start is None:
        page_query = page_query.offset(offset)
    else:
        due, task_id = start
        # A row-value comparison, so both engines seek the index instead of scanning.
        page_query = page_query.where(
            tuple_(_raw_due(ids), ids.c.id) >= tuple_(literal(due), literal(task_id))
        )
    return rows_of_page(engine, page_query.subquery(), FollowupTask.due_at, FollowupTask.id)


def rows_of_page(engine: Engine, page: Any, *order_by: Any) -> list[TaskRow]:
    """The queue lines of the task ids in ``page`` (a subquery with an ``id`` column), joined
    for display only on those rows."""
    task = FollowupTask
    query = (
        select(
            task.id,
            task.patient_id,
            Patient.name,
            Patient.mrn,
            Department.name,
            func.coalesce(FollowupPlan.name, ""),
            task.due_at,
            task.level,
            task.status,
            task.attempt_count,
            func.coalesce(FollowupPlan.max_attempts, 3),
            func.coalesce(Episode.diagnosis_name, ""),
        )
        .select_from(page)
        .join(task, task.id == page.c.id)
        .join(Patient, Patient.id == task.patient_id)
        .join(Department, Department.id == task.department_id)
        .outerjoin(FollowupPlan, FollowupPlan.id == task.plan_id)
        .outerjoin(Episode, Episode.id == task.episode_id)
        .order_by(*order_by)
    )
    with engine.connect() as connection:
        return [
            TaskRow(
                task_id=row[0],
                patient_id=row[1],
                patient_name=row[2],
                mrn=row[3],
                department_name=row[4],
                plan_name=row[5],
                due_at=row[6],
                level=CheckLevel(row[7]),
                status=TaskStatus(row[8]),
                attempts=row[9],
                max_attempts=row[10],
                diagnosis=row[11],
            )
            for row in connection.execute(query)
        ]


def list_departments(engine: Engine) -> list[tuple[int, str]]:
    """Departments by name, for the queue's department filter."""
    with engine.connect() as connection:
        rows = connection.execute(select(Department.id, Department.name).order_by(Department.code))
        return [(row[0], row[1]) for row in rows]
