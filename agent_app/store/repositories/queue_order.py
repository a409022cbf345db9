"""The queue in an order the agent picks by clicking a column: patient, plan, attempts, ….

Only due order has an index per scope; any other order would sort the whole scope on every
page read. So the order is taken once, as the ordered list of task ids (8 bytes a task: about
14 MB for 1.7 million open follow-ups), and each page is then read by primary key.
"""

from __future__ import annotations

import enum
from array import array
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from agent_app.domain.views import TaskRow
from agent_app.store.repositories.tasks import QueueScope, rows_of_page, scope_task_ids
from agent_app.store.schema import Department, Episode, FollowupPlan, FollowupTask, Patient


class QueueSort(enum.StrEnum):
    """The queue's columns, in the order the table shows them."""

    DUE = "due"
    PATIENT = "patient"
    MRN = "mrn"
    DEPARTMENT = "department"
    DIAGNOSIS = "diagnosis"
    PLAN = "plan"
    LEVEL = "level"
    ATTEMPTS = "attempts"
    STATUS = "status"


def _sort_key(sort: QueueSort) -> tuple[Any, Any | None]:
    """The column to order by, and the join that brings it (None: the task row has it)."""
    task = FollowupTask
    return {
        QueueSort.DUE: (task.due_at, None),
        QueueSort.PATIENT: (Patient.name, (Patient, Patient.id == task.patient_id)),
        QueueSort.MRN: (Patient.mrn, (Patient, Patient.id == task.patient_id)),
        QueueSort.DEPARTMENT: (Department.name, (Department, Department.id == task.department_id)),
        QueueSort.DIAGNOSIS: (
            func.coalesce(Episode.diagnosis_name, ""),
            (Episode, Episode.id == task.episode_id),
        ),
        QueueSort.PLAN: (
            func.coalesce(FollowupPlan.name, ""),
            (FollowupPlan, FollowupPlan.id == task.plan_id),
        ),
        QueueSort.LEVEL: (task.level, None),
        QueueSort.ATTEMPTS: (task.attempt_count, None),
        QueueSort.STATUS: (task.status, None),
    }[sort]


def queue_order(
    engine: Engine, scope: QueueScope, sort: QueueSort, descending: bool = False
) -> array[int]:
    """Every open task id of ``scope`` in ``sort`` order; ties keep due order, then id."""
    ids = scope_task_ids(scope).subquery()
    task = FollowupTask
    key, join = _sort_key(sort)
    query = select(ids.c.id).select_from(ids).join(task, task.id == ids.c.id)
    if join is not None:
        query = query.outerjoin(*join)
    query = query.order_by(key.desc() if descending else key.asc(), ids.c.due_at, ids.c.id)
    order: array[int] = array("q")
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=10_000)
        for chunk in result.execute(query).scalars().partitions():
            order.extend(chunk)
    return order


def rows_by_ids(engine: Engine, task_ids: Sequence[int]) -> list[TaskRow]:
    """The queue lines of ``task_ids``, in that order; a task finished since the order was taken
    still shows, with its new status, so rows do not shift under the agent."""
    if not task_ids:
        return []
    page = select(FollowupTask.id).where(FollowupTask.id.in_(list(task_ids))).subquery()
    position = {task_id: number for number, task_id in enumerate(task_ids)}
    rows = rows_of_page(engine, page, FollowupTask.id)
    return sorted(rows, key=lambda row: position[row.task_id])
