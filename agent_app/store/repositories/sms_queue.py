"""Put a text message in the queue the sender works from, and pick the number to send it to.

One place writes a new outgoing ``sms_message``, for the plan's notices and the agent's
health-education texts alike: the row and its outbox entry in the caller's transaction, so the
server keeps the same record as the desk that sends it.

Who sends it is decided here, once: a desk whose own gateway runs (``desk_sends``) sends what
it queues (``sender_id``, the signed-in staff member); on any other desk the message waits
for the hospital's SMS station, which claims it on the server.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, case, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import PhoneKind, Relation, SmsDirection, SmsState
from agent_app.domain.sms_template import render_message
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.sms_templates import approved_template
from agent_app.store.schema import Blacklist, Contact, SmsMessage


def patient_mobile(session: Session, patient_id: int) -> str | None:
    """The number a text for the patient goes to: the patient's own mobile first, then a
    relative's, by the contacts' priority; None when there is no mobile number."""
    return session.scalar(
        select(Contact.number_e164)
        .where(Contact.patient_id == patient_id, Contact.kind == PhoneKind.MOBILE)
        .order_by(
            case((Contact.relation == Relation.SELF, 0), else_=1), Contact.priority, Contact.id
        )
        .limit(1)
    )


def number_blocked(session: Session, number_e164: str) -> bool:
    """On the blacklist (no calls, no texts) or unsubscribed from texts (TD / 退订)."""
    return (
        session.scalar(select(Blacklist.id).where(Blacklist.number_e164 == number_e164)) is not None
    )


_SENDING_DESKS: WeakKeyDictionary[Engine, int] = WeakKeyDictionary()


def desk_sends(engine: Engine, staff_id: int | None) -> None:
    """Say that the desk on ``engine`` sends text messages itself from now on, as
    ``staff_id`` (its gateway's worker started), or no longer (None: it stopped)."""
    if staff_id is None:
        _SENDING_DESKS.pop(engine, None)
    else:
        _SENDING_DESKS[engine] = staff_id


def local_sender(session: Session) -> int | None:
    """The staff id this desk sends new messages as, or None when the station sends them."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    return _SENDING_DESKS.get(engine) if isinstance(engine, Engine) else None


#: Planned messages' ids are named from their plan key in this namespace.
PLANNED_NAMESPACE = uuid.UUID("5d1f3c0e-8a57-4c7e-9a35-3f0b6a2d9c41")


def planned_id(plan_key: str) -> uuid.UUID:
    """The same id for the same planned message on every desk: two desks that both planned a
    notice before either pushed send it under one idempotency key, which an SMS platform
    takes once (a modem has no such check: one desk per hospital sends by modem)."""
    return uuid.uuid5(PLANNED_NAMESPACE, plan_key)


def queue_sms(
    session: Session,
    *,
    number_e164: str,
    body: str,
    purpose: str,
    staff_id: int,
    now: dt.datetime,
    patient_id: int | None,
    task_id: int | None = None,
    episode_id: int | None = None,
    plan_key: str | None = None,
) -> SmsMessage:
    """Add a queued outgoing message to ``session`` and, on a desk, its outbox entry; the
    caller commits. A ``plan_key`` already used fails the flush (IntegrityError)."""
    row = SmsMessage(
        id=planned_id(plan_key) if plan_key else uuid.uuid4(),
        task_id=task_id,
        number_e164=number_e164,
        body=body,
        state=SmsState.QUEUED,
        direction=SmsDirection.OUT,
        patient_id=patient_id,
        episode_id=episode_id,
        purpose=purpose,
        plan_key=plan_key,
        created_at=now,
        sender_id=local_sender(session),
    )
    session.add(row)
    session.flush()
    if session.get_bind().dialect.name == "sqlite":
        enqueue(session, row, "insert", actor_id=staff_id)
    return row


def queue_templates(
    session: Session,
    codes: Sequence[str],
    values: Mapping[str, str | None],
    *,
    patient_id: int,
    task_id: int | None,
    staff_id: int,
    now: dt.datetime,
) -> int:
    """Queue the approved templates ``codes`` (the wrap-up's re-visit reminder and
    health-education texts) for the patient's mobile, in the caller's transaction; how many
    were queued. None goes to a blocked or unsubscribed number, and a template no longer
    approved is left out."""
    number = patient_mobile(session, patient_id)
    if number is None or number_blocked(session, number):
        return 0
    queued = 0
    for code in dict.fromkeys(codes):
        found = approved_template(session, code)
        if found is None:
            continue
        kind, body = found
        queue_sms(
            session,
            number_e164=number,
            body=render_message(body, values),
            purpose=kind.value,
            staff_id=staff_id,
            now=now,
            patient_id=patient_id,
            task_id=task_id,
        )
        queued += 1
    return queued
