"""Replies to the desk's text messages, and unsubscribing (TD / 退订).

A reply is stored on the desk that took it in and goes into the outbox in the same
transaction, so the patient's card on every desk lists it after a pull.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import BlacklistKind, SmsDirection, SmsState
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.schema import Blacklist, SmsMessage

UNSUBSCRIBE_REASON = "sms_unsubscribed"


def record_incoming(
    engine: Engine,
    number_e164: str,
    body: str,
    patient_id: int | None,
    now: dt.datetime,
    sms_id: uuid.UUID | None = None,
    *,
    receiver_id: int | None = None,
) -> uuid.UUID | None:
    """Store a reply, and put it in the outbox so the patient's card shows it on every desk;
    ``patient_id`` is the patient whose contact has that number, if any, ``receiver_id`` the
    staff member whose desk took it in (its ``sender_id``: that login reads it on the server
    even when no patient matched).

    ``sms_id`` given (made from a platform's own id for the reply): a reply already stored
    under it is not stored again, and None is answered."""
    sms_id = sms_id or uuid.uuid4()
    with Session(engine) as session, session.begin():
        if session.get(SmsMessage, sms_id) is not None:
            return None
        session.add(
            SmsMessage(
                id=sms_id,
                task_id=None,
                number_e164=number_e164[:20],
                body=body,
                state=SmsState.RECEIVED,
                direction=SmsDirection.IN,
                patient_id=patient_id,
                created_at=now,
                sender_id=receiver_id,
            )
        )
        if session.get_bind().dialect.name == "sqlite":
            enqueue(session, session.get_one(SmsMessage, sms_id), "insert", actor_id=receiver_id)
    return sms_id


def unsubscribe(engine: Engine, number_e164: str, staff_id: int, now: dt.datetime) -> bool:
    """Put the number on the text message blacklist; False when it was already listed.

    The server issues blacklist ids, so the desk's own row takes a negative id (as contacts
    made offline do) that no row pulled from the server can hold."""
    with Session(engine) as session, session.begin():
        if session.scalar(select(Blacklist.id).where(Blacklist.number_e164 == number_e164)):
            return False
        lowest = session.scalar(select(func.min(Blacklist.id))) or 0
        row = Blacklist(
            id=min(lowest, 0) - 1,
            number_e164=number_e164[:20],
            reason=UNSUBSCRIBE_REASON,
            added_by_id=staff_id,
            added_at=now,
            kind=BlacklistKind.SMS,
        )
        session.add(row)
        session.flush()
        record_audit(session, staff_id, AuditAction.SMS_UNSUBSCRIBED, "blacklist", str(row.id))
    return True
