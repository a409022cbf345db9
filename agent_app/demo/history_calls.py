"""The calls of one past follow-up, placed by the desk's own retry rules.

Each attempt gets a disposition drawn the way calls go (most are answered, some ring out or
are busy, a few reach a wrong number or a refusal); :func:`next_step` then says, exactly as
at the desk's wrap-up, whether the task is done, failed or due again and when. The agent
picks the task up again a little after it falls due, inside the plan's calling hours.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from agent_app.demo.history_patients import HistoryPatient
from agent_app.domain.enums import Disposition, EndReason, TaskStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.retry_rules import BAD_NUMBER, RetryPolicy, next_step

# How calls to discharged patients go, first attempt (later ones are answered a bit less).
_ODDS: tuple[tuple[Disposition, float], ...] = (
    (Disposition.REACHED, 0.64),
    (Disposition.NO_ANSWER, 0.19),
    (Disposition.BUSY, 0.07),
    (Disposition.CALL_BACK_LATER, 0.04),
    (Disposition.REFUSED, 0.015),
    (Disposition.WRONG_NUMBER, 0.015),
    (Disposition.NUMBER_INVALID, 0.01),
    (Disposition.LINE_FAILED, 0.01),
)
# With answers the desk stores a result (followups.save_wrapup); the agent fills them in.
WITH_RESULT = frozenset({Disposition.REACHED, Disposition.REFUSED, Disposition.DECEASED})
_RING: dict[Disposition, tuple[int, int, EndReason]] = {
    Disposition.NO_ANSWER: (45, 60, EndReason.NO_ANSWER),
    Disposition.BUSY: (2, 6, EndReason.BUSY),
    Disposition.NUMBER_INVALID: (2, 5, EndReason.NOT_FOUND),
    Disposition.LINE_FAILED: (1, 3, EndReason.FAILED),
}
_SHORT_TALK: dict[Disposition, tuple[int, int]] = {
    Disposition.CALL_BACK_LATER: (15, 45),
    Disposition.WRONG_NUMBER: (8, 25),
}


@dataclass
class PlannedCall:
    """One attempt; a call with a result gets its end time once its answers are known."""

    started_at: dt.datetime
    disposition: Disposition
    contact_index: int
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    end_reason: str = ""


@dataclass
class TaskCalls:
    calls: list[PlannedCall]
    status: TaskStatus
    due_at: dt.datetime  # the task's due time after the last wrap-up
    attempts: int


def _draw(rng: random.Random, attempt: int) -> Disposition:
    # Who did not answer the first call is a little less likely to answer the next one.
    pick = rng.random() + (0.08 if attempt else 0.0)
    for disposition, odds in _ODDS:
        pick -= odds
        if pick < 0:
            return disposition
    return Disposition.NO_ANSWER


def plan_calls(
    rng: random.Random,
    due_at: dt.datetime,
    policy: RetryPolicy,
    contacts: int,
    *,
    deceased: bool,
    close_by: dt.datetime,
) -> TaskCalls:
    """The attempts of a task due at ``due_at`` until the rules close it. ``deceased``: the
    patient has died and whoever answers says so. A task still open when the next call would
    start after ``close_by`` is reached on that call, so the past ends closed."""
    due = due_at
    attempts = 0
    contact = 0
    calls: list[PlannedCall] = []
    # The task reaches an agent's queue when due; it is called minutes to a day later.
    delay = dt.timedelta(minutes=rng.choice((5, 30, 90, 240, 1440)) * rng.random())
    start = policy.calendar.next_allowed(due_at + delay).replace(microsecond=0)
    while True:
        if deceased:
            disposition = Disposition.DECEASED if rng.random() < 0.85 else Disposition.NO_ANSWER
        else:
            disposition = _draw(rng, attempts)
        if start >= close_by or len(calls) >= 8:
            disposition = Disposition.DECEASED if deceased else Disposition.REACHED
        call = PlannedCall(start, disposition, contact)
        calls.append(call)
        if disposition in _RING:
            low, high, reason = _RING[disposition]
            call.ended_at = start + dt.timedelta(seconds=rng.randint(low, high))
            call.end_reason = reason.value
            wrapped = call.ended_at + dt.timedelta(seconds=rng.randint(5, 30))
        else:
            call.answered_at = start + dt.timedelta(seconds=rng.randint(4, 20))
            if disposition in _SHORT_TALK:
                low, high = _SHORT_TALK[disposition]
                call.ended_at = call.answered_at + dt.timedelta(seconds=rng.randint(low, high))
                call.end_reason = EndReason.LOCAL_HANGUP.value
                wrapped = call.ended_at + dt.timedelta(seconds=rng.randint(10, 40))
            else:
                # Its length follows the answers; a wrap-up takes well under half an hour.
                wrapped = call.answered_at + dt.timedelta(minutes=30)
        callback = None
        if disposition is Disposition.CALL_BACK_LATER:
            callback = policy.calendar.next_allowed(
                wrapped + dt.timedelta(hours=rng.randint(2, 26))
            )
        step = next_step(
            disposition,
            attempts_before=attempts,
            due_at=due,
            now=wrapped,
            policy=policy,
            callback_at=callback,
            other_numbers_left=contact < contacts - 1,
        )
        due, attempts = step.due_at, step.attempt_count
        if step.status is not TaskStatus.PENDING:
            return TaskCalls(calls, step.status, due, attempts)
        if disposition in BAD_NUMBER:
            contact += 1
        pickup = dt.timedelta(minutes=rng.randint(0, 90))
        start = policy.calendar.next_allowed(max(due, wrapped) + pickup).replace(microsecond=0)


@dataclass
class TaskWork:
    task_id: int
    patient: HistoryPatient
    offset: int
    due_at: dt.datetime  # as the plan engine set it at discharge
    assigned: int | None
    calls: TaskCalls | None  # None: cancelled when the patient's death was learnt


def schedule(
    rng: random.Random,
    patients: Iterable[HistoryPatient],
    first_task_id: int,
    *,
    last_due: dt.datetime,
    close_by: dt.datetime,
) -> list[TaskWork]:
    """Every task of the past patients with its calls. Tasks due after ``last_due`` belong
    to the present and are left out, unless a death had already cancelled them."""
    tasks: list[TaskWork] = []
    task_id = first_task_id
    for patient in patients:
        if patient.died_in_hospital:
            continue
        plan = patient.team.plan
        dead_known = False
        for offset in plan.offsets:
            day = patient.discharged_on + dt.timedelta(days=offset)
            due = dt.datetime.combine(day, dt.time(9, 0), HOSPITAL_TZ).astimezone(dt.UTC)
            if not dead_known and due > last_due:
                break
            assigned = None
            if rng.random() >= 0.15:
                # The attending doctor's share goes to the patient's nurse: doctors call none.
                rng.random()  # (drawn all the same, so the rest of the history stays put)
                assigned = patient.nurse
            calls = None
            if not dead_known:
                deceased = patient.died_on is not None and patient.died_on <= day
                calls = plan_calls(
                    rng,
                    due,
                    plan.policy,
                    len(patient.contacts),
                    deceased=deceased,
                    close_by=close_by,
                )
                dead_known = calls.calls[-1].disposition is Disposition.DECEASED
            tasks.append(TaskWork(task_id, patient, offset, due, assigned, calls))
            task_id += 1
    return tasks
