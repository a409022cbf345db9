"""A person settles the text messages whose sending is ``unknown``.

The sender never resends such a message by itself: the modem may have taken it before the
desk stopped, and a patient who gets every reminder twice stops reading them. Whoever checks
(the patient said they got it, the platform's log shows it, or nobody can tell) decides:

- ``was_sent``: it left; it counts as sent from now on, and its parts' status reports still
  apply;
- ``send_again``: a new message with the same text and a new idempotency key is queued (so
  an SMS platform that saw the first one does not drop it as a duplicate), and this one is
  closed as not sent;
- ``drop``: closed as not sent, and not sent again.

Each decision applies only to a message still ``unknown`` (two people deciding at once: the
second is told it was settled) and is audited with who and what.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import SmsDirection, SmsState
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.repositories.sms_queue import local_sender
from agent_app.store.schema import FollowupTask, Patient, SmsMessage

OBJECT = "sms_message"


class Settlement(enum.StrEnum):
    WAS_SENT = "was_sent"
    SEND_AGAIN = "send_again"
    DROP = "drop"


#: The ``error`` code a settled message keeps, for the patient card and the audit trail.
SETTLED_CODES = {
    Settlement.SEND_AGAIN: "sms_settled_sent_again",
    Settlement.DROP: "sms_settled_dropped",
}


class SmsSettleError(CodedError):
    ENGLISH: ClassVar[dict[str, str]] = {
        "sms_already_settled": "That message has already been settled by someone else.",
    }


@dataclass(frozen=True)
class UnsettledSms:
    """A message that may or may not have left, as the settling screen lists it."""

    id: uuid.UUID
    number_e164: str
    body: str
    created_at: dt.datetime
    error: str  # why it is unknown: sms_interrupted, sms_send_unconfirmed, …
    patient_name: str | None
    task_id: int | None


def unsettled_messages(engine: Engine) -> list[UnsettledSms]:
    """Every outgoing message in ``unknown``, oldest first."""
    patient_id = func.coalesce(FollowupTask.patient_id, SmsMessage.patient_id)
    query = (
        select(
            SmsMessage.id,
            SmsMessage.number_e164,
            SmsMessage.body,
            SmsMessage.created_at,
            SmsMessage.error,
            Patient.name,
            SmsMessage.task_id,
        )
        .outerjoin(FollowupTask, FollowupTask.id == SmsMessage.task_id)
        .outerjoin(Patient, Patient.id == patient_id)
        .where(SmsMessage.state == SmsState.UNKNOWN, SmsMessage.direction == SmsDirection.OUT)
        .order_by(SmsMessage.created_at, SmsMessage.id)
    )
    with engine.connect() as connection:
        return [UnsettledSms(*row) for row in connection.execute(query)]


def unsettled_count(engine: Engine) -> int:
    query = select(func.count()).where(
        SmsMessage.state == SmsState.UNKNOWN, SmsMessage.direction == SmsDirection.OUT
    )
    with engine.connect() as connection:
        return int(connection.scalar(query) or 0)


def settle_message(
    engine: Engine, sms_id: uuid.UUID, settlement: Settlement, staff_id: int, now: dt.datetime
) -> uuid.UUID | None:
    """Apply ``settlement`` to a message still ``unknown``; returns the new message's id for
    ``send_again``. Raises SmsSettleError when it is not ``unknown`` any more."""
    if settlement is Settlement.WAS_SENT:
        values: dict[str, object] = {"state": SmsState.SENT, "sent_at": now, "error": ""}
    else:
        values = {"state": SmsState.FAILED, "error": SETTLED_CODES[settlement]}
    with Session(engine) as session, session.begin():
        changed = session.execute(
            update(SmsMessage)
            .where(SmsMessage.id == sms_id, SmsMessage.state == SmsState.UNKNOWN)
            .values(**values)
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise SmsSettleError("sms_already_settled")
        enqueue(session, session.get_one(SmsMessage, sms_id, populate_existing=True), "update")
        detail: dict[str, object] = {"settlement": settlement.value}
        new_id: uuid.UUID | None = None
        if settlement is Settlement.SEND_AGAIN:
            old = session.get_one(SmsMessage, sms_id)
            again = SmsMessage(
                id=uuid.uuid4(),
                task_id=old.task_id,
                patient_id=old.patient_id,
                number_e164=old.number_e164,
                body=old.body,
                state=SmsState.QUEUED,
                created_at=now,
                sender_id=local_sender(session),
            )
            session.add(again)
            enqueue(session, again)
            new_id = again.id
            detail["new_id"] = str(new_id)
        record_audit(session, staff_id, AuditAction.SMS_SETTLED, OBJECT, str(sms_id), detail)
    return new_id
