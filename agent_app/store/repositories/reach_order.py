"""The queue with the day's calls first by who is most likely to answer now.

Due order decides the day a follow-up is called; within the calls due by the end of today (in
the hospital's zone) the one whose patient most likely answers in this hour comes first, so a
nurse with twenty calls left at 18:00 rings the patients who answer in the evening while they
still do. The chance is the best-time model's (``domain/reach_model.py``): the patient's own
calls shrunk towards their age band in their department, and those towards the department's.
Calls due later stay in due order after them. Outside the working day (before 08:00 or from
21:00) the ranking is for the next morning's first hours, when the calls will be made.
"""

from __future__ import annotations

import datetime as dt
from array import array
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from agent_app.domain.reach_model import (
    ReachModel,
    Slot,
    SlotCounts,
    age_band,
    merge,
    next_day,
    slot_of,
)
from agent_app.store.repositories.queue_order import QueueSort, queue_order
from agent_app.store.repositories.reach_history import department_groups, patients_counts
from agent_app.store.repositories.tasks import QueueScope, scope_task_ids
from agent_app.store.schema import FollowupTask, Patient

WORKING_HOURS = (8, 21)  # [start, end) of the hours a desk rings patients at all
NEXT_MORNING_HOUR = 9  # the hour ranked for when the desk is opened outside them


def ranking_slot(now: dt.datetime, zone: str) -> Slot:
    """The slot today's calls are ranked for: now, or the next morning when now is night."""
    local = now.astimezone(ZoneInfo(zone))
    start, end = WORKING_HOURS
    if start <= local.hour < end:
        return slot_of(now, zone)
    day = local.date() if local.hour < start else local.date() + dt.timedelta(days=1)
    return day.isoweekday(), NEXT_MORNING_HOUR


def chances_now(engine: Engine, scope: QueueScope, zone: str, now: dt.datetime) -> dict[int, float]:
    """The chance that a call placed now is answered, for each open task of ``scope`` due by
    the end of today."""
    ids = scope_task_ids(scope).subquery()
    task = FollowupTask
    query = (
        select(task.id, task.patient_id, task.department_id, Patient.birth_date)
        .select_from(ids)
        .join(task, task.id == ids.c.id)
        .join(Patient, Patient.id == task.patient_id)
        .where(ids.c.due_at < next_day(now, zone))
    )
    with engine.connect() as connection:
        due_today = connection.execute(query).all()
    own = patients_counts(engine, (row.patient_id for row in due_today), zone)
    slot, today = ranking_slot(now, zone), now.astimezone(ZoneInfo(zone)).date()
    hospitals: dict[int, tuple[SlotCounts, dict[str, SlotCounts]]] = {}
    chances: dict[int, float] = {}
    for task_id, patient_id, department_id, birth in due_today:
        if department_id not in hospitals:
            groups = department_groups(engine, department_id, zone, now)
            hospitals[department_id] = (merge(groups), groups)
        hospital, groups = hospitals[department_id]
        patient = own.get(patient_id)
        model = ReachModel(hospital=hospital, group=groups.get(age_band(birth, today)),
                           patient=patient)  # fmt: skip
        chances[task_id] = model.chance(slot)
    return chances


def reach_order(engine: Engine, scope: QueueScope, zone: str, now: dt.datetime) -> array[int]:
    """Every open task id of ``scope``: those due by the end of today first, the likeliest to
    answer now at the top (ties in due order), then the rest in due order."""
    due_order = queue_order(engine, scope, QueueSort.DUE)
    chances = chances_now(engine, scope, zone, now)
    position = {task_id: number for number, task_id in enumerate(due_order)}
    today = sorted(
        (task_id for task_id in chances if task_id in position),
        key=lambda task_id: (-chances[task_id], position[task_id]),
    )
    order: array[int] = array("q", today)
    order.extend(task_id for task_id in due_order if task_id not in chances)
    return order
