"""Queue a text message in a desk's store and read it back, for the sender tests."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsState
from agent_app.store.schema import SmsMessage


def queue_message(
    engine: Engine,
    number: str,
    body: str,
    at: dt.datetime,
    task_id: int | None = None,
    sender_id: int | None = 1,
) -> uuid.UUID:
    """A message queued on a desk that sends it itself (as ``sender_id``; None: it waits for
    the hospital's SMS station)."""
    sms_id = uuid.uuid4()
    with Session(engine) as session, session.begin():
        session.add(
            SmsMessage(
                id=sms_id,
                task_id=task_id,
                number_e164=number,
                body=body,
                state=SmsState.QUEUED,
                created_at=at,
                sender_id=sender_id,
            )
        )
    return sms_id


def message_row(engine: Engine, sms_id: uuid.UUID) -> SmsMessage:
    with Session(engine, expire_on_commit=False) as session:
        found = session.get(SmsMessage, sms_id)
        assert found is not None
        return found
