"""The audit trail: who signed in, played, downloaded or exported what, and when.

On the desk's local store the row is committed and queued in the outbox in one transaction,
so the server gets it even when the desk is offline now; on the central server (a
supervisor's online connection) it is inserted directly, as there is no outbox there.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.store.outbox import enqueue
from agent_app.store.schema import AuditLog
from agent_app.store.schema.base import utcnow


class AuditAction(enum.StrEnum):
    PLAY = "play"
    DOWNLOAD = "download"
    EXPORT = "export"
    PRINT = "print"
    VIEW = "view"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_LOCKED = "sign_in_locked"  # the failure that locked the account
    SMS_SENDING = "sms_sending"  # about to hand a text message to the modem
    SMS_SENT = "sms_sent"
    SMS_RETRY = "sms_retry"  # the modem did not take it; queued again
    SMS_FAILED = "sms_failed"
    SMS_UNKNOWN = "sms_unknown"  # may have left; a person decides
    SMS_BLOCKED = "sms_blocked"
    SMS_UNSUBSCRIBED = "sms_unsubscribed"
    SMS_SETTLED = "sms_settled"  # a person decided what became of an unknown message


@dataclass(frozen=True)
class AuditEntry:
    id: uuid.UUID
    staff_id: int
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    at: dt.datetime


def _add(
    session: Session,
    staff_id: int,
    action: str,
    object_type: str,
    object_id: str,
    detail: Mapping[str, Any] | None,
) -> uuid.UUID:
    row = AuditLog(
        id=uuid.uuid4(),
        staff_id=staff_id,
        action=str(action),
        object_type=object_type,
        object_id=str(object_id)[:64],
        detail=dict(detail or {}),
        at=utcnow(),
    )
    session.add(row)
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        enqueue(session, row, "insert", actor_id=staff_id)
    else:
        session.flush()
    return row.id


def record_audit(
    engine_or_session: Engine | Session,
    staff_id: int,
    action: str,
    object_type: str,
    object_id: str,
    detail: Mapping[str, Any] | None = None,
) -> uuid.UUID:
    """Write one audit row; returns its id.

    Given an Engine the row is committed before this returns. Given a Session it joins the
    caller's transaction (the caller commits), so the audited action and its record stand or
    fall together.
    """
    if isinstance(engine_or_session, Session):
        return _add(engine_or_session, staff_id, action, object_type, object_id, detail)
    with Session(engine_or_session) as session, session.begin():
        return _add(session, staff_id, action, object_type, object_id, detail)


def audit_entries(
    engine: Engine,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    staff_id: int | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """The newest audit rows, optionally for one object or one staff member."""
    query = select(AuditLog).order_by(AuditLog.at.desc()).limit(limit)
    if object_type is not None:
        query = query.where(AuditLog.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditLog.object_id == object_id)
    if staff_id is not None:
        query = query.where(AuditLog.staff_id == staff_id)
    with Session(engine) as session:
        return [
            AuditEntry(r.id, r.staff_id, r.action, r.object_type, r.object_id, r.detail, r.at)
            for r in session.scalars(query)
        ]
