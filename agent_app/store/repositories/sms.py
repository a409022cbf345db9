"""Text messages in the desk's store: the send states, status reports, replies, unsubscribing.

Sending at most once rests on one rule kept here: a message moves from ``queued`` to
``sending`` in its own committed transaction (only if it is still ``queued``) before the modem
sees it, and a message found ``sending`` when the sender starts is marked ``unknown``, never
``queued``. Each transition is audited in the same transaction, and goes into the outbox in
it too, so the server and every other desk's patient card follow the message's state.

A desk sends only the messages it sends itself (``sender_id`` set on this desk: queued here
while its gateway ran, or claimed by its SMS station); another desk's message pulled here is
never sent, reported on or marked from here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CursorResult, Engine, func, or_, select, update
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsDirection, SmsState
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.schema import Blacklist, FollowupTask, SmsMessage

OBJECT = "sms_message"
#: A status report older than this cannot be for a message (references wrap at 256).
REPORT_WINDOW = dt.timedelta(days=3)
SENT_HERE = SmsMessage.sender_id.is_not(None)


def _push(session: Session, sms_id: uuid.UUID) -> None:
    """The message's new state into the outbox, in the caller's transaction (desks only)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    row = session.get(SmsMessage, sms_id, populate_existing=True)
    if row is not None:
        enqueue(session, row, "update")


@dataclass(frozen=True)
class OutgoingSms:
    id: uuid.UUID
    number_e164: str
    body: str
    attempts: int


@dataclass(frozen=True)
class SmsView:
    """One message as the patient card lists it."""

    id: uuid.UUID
    direction: SmsDirection
    number_e164: str
    body: str
    state: SmsState
    created_at: dt.datetime
    sent_at: dt.datetime | None
    delivered_at: dt.datetime | None
    error: str


def due_messages(engine: Engine, now: dt.datetime, limit: int) -> list[OutgoingSms]:
    """Queued messages whose retry time has come, oldest first."""
    query = (
        select(SmsMessage.id, SmsMessage.number_e164, SmsMessage.body, SmsMessage.attempts)
        .where(
            SmsMessage.state == SmsState.QUEUED,
            SmsMessage.direction == SmsDirection.OUT,
            SENT_HERE,
            or_(SmsMessage.next_try_at.is_(None), SmsMessage.next_try_at <= now),
        )
        .order_by(SmsMessage.created_at, SmsMessage.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [OutgoingSms(*row) for row in connection.execute(query)]


def sent_since(engine: Engine, since: dt.datetime) -> int:
    """How many messages the modem was asked to send since ``since`` (for the rate limit)."""
    with engine.connect() as connection:
        count = connection.execute(
            select(func.count()).where(
                SmsMessage.direction == SmsDirection.OUT, SENT_HERE, SmsMessage.sent_at >= since
            )
        ).scalar_one()
    return int(count)


def is_blocked(engine: Engine, number_e164: str) -> bool:
    """True when the number is on the blacklist, of either kind."""
    with engine.connect() as connection:
        found = connection.execute(
            select(Blacklist.id).where(Blacklist.number_e164 == number_e164)
        ).first()
    return found is not None


def claim_for_sending(engine: Engine, sms_id: uuid.UUID, staff_id: int, now: dt.datetime) -> bool:
    """Move a queued message to ``sending`` and commit; False when it was no longer queued.

    ``sent_at`` is set here too: the rate limit counts what was handed to the modem."""
    with Session(engine) as session, session.begin():
        result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            update(SmsMessage)
            .where(SmsMessage.id == sms_id, SmsMessage.state == SmsState.QUEUED)
            .values(state=SmsState.SENDING, attempts=SmsMessage.attempts + 1, sent_at=now)
        )
        if result.rowcount != 1:
            return False
        record_audit(session, staff_id, AuditAction.SMS_SENDING, OBJECT, str(sms_id))
        _push(session, sms_id)
    return True


def _finish(
    engine: Engine,
    sms_id: uuid.UUID,
    staff_id: int,
    action: AuditAction,
    values: dict[str, Any],
    detail: dict[str, Any],
) -> None:
    with Session(engine) as session, session.begin():
        session.execute(update(SmsMessage).where(SmsMessage.id == sms_id).values(**values))
        record_audit(session, staff_id, action, OBJECT, str(sms_id), detail)
        _push(session, sms_id)


def mark_sent(
    engine: Engine,
    sms_id: uuid.UUID,
    refs: list[int],
    staff_id: int,
    now: dt.datetime,
    platform_id: str = "",
) -> None:
    """Handed over: ``refs`` from a modem, ``platform_id`` from an SMS platform (audited)."""
    detail: dict[str, Any] = {"refs": refs}
    if platform_id:
        detail["platform_id"] = platform_id
    _finish(
        engine,
        sms_id,
        staff_id,
        AuditAction.SMS_SENT,
        {"state": SmsState.SENT, "part_refs": refs, "sent_at": now, "error": ""},
        detail,
    )


def mark_unknown(
    engine: Engine, sms_id: uuid.UUID, refs: list[int], code: str, staff_id: int
) -> None:
    """The message may have left: a person decides; the sender never touches it again."""
    _finish(
        engine,
        sms_id,
        staff_id,
        AuditAction.SMS_UNKNOWN,
        {"state": SmsState.UNKNOWN, "part_refs": refs, "error": code},
        {"refs": refs, "code": code},
    )


def mark_retry(
    engine: Engine,
    sms_id: uuid.UUID,
    code: str,
    next_try_at: dt.datetime,
    staff_id: int,
    *,
    count: bool = True,
) -> None:
    """The modem or platform did not take it: queued again for ``next_try_at``; ``count``
    false gives the try back (the desk was refused, not the message)."""
    values: dict[str, Any] = {
        "state": SmsState.QUEUED, "next_try_at": next_try_at, "sent_at": None, "error": code
    }  # fmt: skip
    if not count:
        values["attempts"] = SmsMessage.attempts - 1
    _finish(
        engine,
        sms_id,
        staff_id,
        AuditAction.SMS_RETRY,
        values,
        {"code": code, "next_try_at": next_try_at.isoformat(), "counted": count},
    )


def mark_failed(engine: Engine, sms_id: uuid.UUID, code: str, staff_id: int) -> None:
    _finish(
        engine,
        sms_id,
        staff_id,
        AuditAction.SMS_FAILED,
        {"state": SmsState.FAILED, "sent_at": None, "error": code},
        {"code": code},
    )


def mark_blocked(engine: Engine, sms_id: uuid.UUID, staff_id: int) -> None:
    _finish(
        engine,
        sms_id,
        staff_id,
        AuditAction.SMS_BLOCKED,
        {"state": SmsState.BLOCKED, "error": "sms_blacklisted"},
        {},
    )


def mark_interrupted_unknown(engine: Engine, staff_id: int) -> list[uuid.UUID]:
    """Messages left ``sending`` by a crash become ``unknown``; their ids."""
    with Session(engine) as session, session.begin():
        ids = list(
            session.scalars(
                select(SmsMessage.id).where(SmsMessage.state == SmsState.SENDING, SENT_HERE)
            )
        )
        for sms_id in ids:
            session.execute(
                update(SmsMessage)
                .where(SmsMessage.id == sms_id)
                .values(state=SmsState.UNKNOWN, error="sms_interrupted")
            )
            record_audit(
                session,
                staff_id,
                AuditAction.SMS_UNKNOWN,
                OBJECT,
                str(sms_id),
                {"code": "sms_interrupted"},
            )
            _push(session, sms_id)
    return ids


def record_report(
    engine: Engine,
    reference: int,
    recipient_e164: str,
    delivered: bool,
    failed: bool,
    now: dt.datetime,
) -> uuid.UUID | None:
    """Apply a status report to the newest message sent to ``recipient_e164`` with a part of
    that reference (references wrap at 256, so the number narrows the match)."""
    with Session(engine) as session, session.begin():
        candidates = session.scalars(
            select(SmsMessage)
            .where(
                SmsMessage.direction == SmsDirection.OUT,
                SENT_HERE,
                SmsMessage.number_e164 == recipient_e164,
                SmsMessage.state.in_((SmsState.SENT, SmsState.UNKNOWN)),
                SmsMessage.sent_at >= now - REPORT_WINDOW,
            )
            .order_by(SmsMessage.sent_at.desc())
        )
        for message in candidates:
            if reference not in (message.part_refs or []):
                continue
            _apply_report(message, [reference], delivered, failed, now)
            session.flush()
            _push(session, message.id)
            return message.id
    return None


def record_message_report(
    engine: Engine, sms_id: uuid.UUID, delivered: bool, failed: bool, now: dt.datetime
) -> bool:
    """Apply an SMS platform's delivery state for a whole message (named by the idempotency
    key the desk sent, its id); False when no sent message has that id."""
    with Session(engine) as session, session.begin():
        message = session.scalar(
            select(SmsMessage).where(
                SmsMessage.id == sms_id,
                SmsMessage.direction == SmsDirection.OUT,
                SENT_HERE,
                SmsMessage.state.in_((SmsState.SENT, SmsState.UNKNOWN, SmsState.DELIVERED)),
            )
        )
        if message is None:
            return False
        _apply_report(message, [], delivered, failed, now)
        session.flush()
        _push(session, message.id)
    return True


def _apply_report(
    message: SmsMessage, refs: list[int], delivered: bool, failed: bool, now: dt.datetime
) -> None:
    """One report on a message: failed for good, or ``refs`` delivered (the whole message once
    every part is); an unknown message stays unknown for a person, with the report kept."""
    if failed:
        message.state = SmsState.FAILED
        message.error = "sms_not_delivered"
    elif delivered:
        confirmed = sorted({*(message.delivered_refs or []), *refs})
        message.delivered_refs = confirmed
        if message.state is SmsState.SENT and set(confirmed) >= set(message.part_refs or []):
            message.state = SmsState.DELIVERED
            message.delivered_at = now


def messages_for_patient(engine: Engine, patient_id: int) -> list[SmsView]:
    """Every message to or from a patient, newest first (for the patient card)."""
    query = (
        select(SmsMessage)
        .outerjoin(FollowupTask, FollowupTask.id == SmsMessage.task_id)
        .where(or_(SmsMessage.patient_id == patient_id, FollowupTask.patient_id == patient_id))
        .order_by(SmsMessage.created_at.desc())
    )
    with Session(engine) as session:
        return [
            SmsView(
                m.id,
                m.direction,
                m.number_e164,
                m.body,
                m.state,
                m.created_at,
                m.sent_at,
                m.delivered_at,
                m.error,
            )
            for m in session.scalars(query)
        ]
