"""Contacts the agent adds at the desk (an unknown caller turns out to be a patient's family).

The server hands out contact ids, so a contact made offline gets a provisional negative id
here and a client uuid; the server answers its own id when the contact is pushed, and the desk
renames the row and everything naming it then (agent_app/sync/server_keys.py).
"""

from __future__ import annotations

import random
import uuid

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import PhoneKind, Relation
from agent_app.domain.phone_numbers import normalize_number
from agent_app.store.outbox import enqueue
from agent_app.store.schema import Contact, ProvisionalKey


def add_contact(engine: Engine, patient_id: int, name: str, relation: Relation, number: str) -> int:
    """Store a new phone contact for the patient; raises InvalidNumberError for bad numbers."""
    normalized = normalize_number(number)
    kind = PhoneKind.MOBILE if normalized.mobile else PhoneKind.LANDLINE
    with Session(engine) as session, session.begin():
        lowest = session.execute(select(func.min(Contact.id))).scalar() or 0
        priority = session.execute(
            select(func.count()).where(Contact.patient_id == patient_id)
        ).scalar_one()
        contact = Contact(
            id=min(lowest, 0) - 1,
            patient_id=patient_id,
            name=name.strip()[:60],
            relation=relation,
            kind=kind,
            number_raw=number.strip()[:40],
            number_e164=normalized.e164,
            number_national=normalized.national,
            priority=priority,
            client_uuid=uuid.uuid4(),
        )
        session.add(contact)
        enqueue(session, contact)
        return contact.id


def current_contact_id(session: Session, contact_id: int | None) -> int | None:
    """The id ``contact_id`` stands for now: a provisional id the server has since replaced
    (a card opened before the sync) becomes the server's id."""
    if contact_id is None or contact_id >= 0:
        return contact_id
    server_id = session.execute(
        select(ProvisionalKey.server_id).where(
            ProvisionalKey.table_name == Contact.__tablename__,
            ProvisionalKey.provisional_id == contact_id,
        )
    ).scalar_one_or_none()
    return contact_id if server_id is None else int(server_id)


def random_contact_number(engine: Engine, rng: random.Random) -> str | None:
    """A stored contact's number as it was written (the demo's simulated callers)."""
    with engine.connect() as connection:
        low, high = connection.execute(select(func.min(Contact.id), func.max(Contact.id))).one()
        if low is None:
            return None
        return connection.execute(
            select(Contact.number_raw)
            .where(Contact.id >= rng.randint(low, high))
            .order_by(Contact.id)
            .limit(1)
        ).scalar_one_or_none()
