"""Every inbound call becomes an inbound ``call_attempt``, linked to the follow-up it continues.

The row is written when the line rings (so a call nobody answered is still on record, as a
missed callback) and completed when the call ends (``finish_attempt`` in
store/repositories/attempts.py); both writes go to the outbox in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import Direction, LineType
from agent_app.screenpop.lookup import PopDecision
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.contacts import current_contact_id
from agent_app.store.schema import CallAttempt

log = logging.getLogger(__name__)

# How an inbound call ended that the phone does not say itself: codes, as the store keeps them.
MISSED = "missed"  # the caller hung up before the call was answered
MISSED_UNANSWERED = "missed_ring_out"  # nobody answered before the ring time ran out
BLOCKED = "blacklisted"  # rejected: the number is on the blacklist
DECLINED = "declined"  # the agent declined it before answering
BUSY_HERE = "busy_here"  # turned away (486): the agent was already on an inbound call


def number_for_record(decision: PopDecision) -> str:
    """The normalized number when there is one, else what the line said (or "withheld")."""
    caller = decision.caller
    if caller.number is not None:
        return caller.number.e164
    return (caller.raw or caller.kind.value)[:40]


def record_inbound(
    engine: Engine,
    decision: PopDecision,
    *,
    staff_id: int,
    line: LineType,
    now: dt.datetime | None = None,
    attempt_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Store the ringing call; linked to the patient, contact and open task when known.
    ``attempt_id``: the id the caller chose when the call started (a new one by default)."""
    patient = decision.patient
    match = patient.match if patient is not None else None
    task = patient.open_task if patient is not None else None
    attempt_id = attempt_id or uuid.uuid4()
    attempt = CallAttempt(
        id=attempt_id,
        task_id=task.task_id if task is not None else None,
        patient_id=patient.patient_id if patient is not None else None,
        contact_id=match.contact_id if match is not None else None,
        staff_id=staff_id,
        direction=Direction.INBOUND,
        line=line,
        number=number_for_record(decision),
        started_at=now or dt.datetime.now(dt.UTC),
    )
    with Session(engine) as session, session.begin():
        attempt.contact_id = current_contact_id(session, attempt.contact_id)
        session.add(attempt)
        enqueue(session, attempt)
    if decision.blacklisted:
        log.warning("inbound call from a blacklisted number (attempt %s)", attempt_id)
    return attempt_id


def link_inbound(
    engine: Engine, attempt_id: uuid.UUID, patient_id: int, task_id: int | None
) -> None:
    """The agent chose the patient (chooser or search): attach the attempt to them."""
    with Session(engine) as session, session.begin():
        attempt = session.get_one(CallAttempt, attempt_id)
        attempt.patient_id = patient_id
        attempt.task_id = task_id
        enqueue(session, attempt, "update")
