"""The administrator's calendar exceptions: list, add, remove, and the work calendar they make.

Only administrators write them (``check_admin`` here, grants on the server), and every change
is noted in ``audit_log``. A removal keeps the row with ``active`` false so that desks learn of
it by their pull; adding the same day again brings that row back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.coded_error import CodedError
from agent_app.domain.work_calendar import ExceptionKind, LocalException, WorkCalendar
from agent_app.store.repositories.templates import check_admin, record_edit
from agent_app.store.schema import CallingException
from agent_app.store.schema.base import utcnow

MAX_REASON = 200


class CalendarEditError(CodedError, ValueError):
    """An exception the calendar cannot take; nothing was written."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "calendar_day_taken": "{day} already has an exception; remove it first",
        "calendar_reason_too_long": "the reason is longer than {limit} characters",
        "calendar_no_such_exception": "that exception is no longer in the calendar",
    }


@dataclass(frozen=True)
class CalendarEntry:
    """One active exception as the administrator's list shows it."""

    id: int
    day: dt.date
    kind: ExceptionKind
    reason: str


def list_exceptions(engine: Engine) -> list[CalendarEntry]:
    """The active exceptions, by day."""
    with Session(engine) as session:
        rows = session.scalars(
            select(CallingException)
            .where(CallingException.active.is_(True))
            .order_by(CallingException.day)
        ).all()
        return [CalendarEntry(r.id, r.day, r.kind, r.reason) for r in rows]


def load_work_calendar(reader: Connection | Session) -> WorkCalendar:
    """The national calendar with this store's active exceptions, in the caller's transaction."""
    rows = reader.execute(
        select(CallingException.day, CallingException.kind).where(CallingException.active.is_(True))
    )
    return WorkCalendar.from_exceptions(LocalException(day, kind) for day, kind in rows)


def add_exception(
    engine: Engine, day: dt.date, kind: ExceptionKind, reason: str, *, staff_id: int
) -> CalendarEntry:
    """Set ``day`` apart as ``kind``; refused (``CalendarEditError``) if it already is."""
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise CalendarEditError("calendar_reason_too_long", limit=MAX_REASON)
    with Session(engine) as session, session.begin():
        check_admin(session, staff_id)
        row = session.scalars(select(CallingException).where(CallingException.day == day)).first()
        if row is not None and row.active:
            raise CalendarEditError("calendar_day_taken", day=day.isoformat())
        if row is None:
            row = CallingException(day=day, kind=kind, reason=reason, active=True)
            session.add(row)
        row.kind, row.reason, row.active = kind, reason, True
        row.changed_by_id, row.changed_at = staff_id, utcnow()
        session.flush()
        record_edit(
            session,
            staff_id,
            "calling_exception",
            row.id,
            {"day": day.isoformat(), "kind": kind.value, "reason": reason, "active": True},
        )
        return CalendarEntry(row.id, row.day, row.kind, row.reason)


def remove_exception(engine: Engine, entry_id: int, *, staff_id: int) -> None:
    """Take an exception out of the calendar (the row stays, inactive, for the desks' pull)."""
    with Session(engine) as session, session.begin():
        check_admin(session, staff_id)
        row = session.get(CallingException, entry_id)
        if row is None or not row.active:
            raise CalendarEditError("calendar_no_such_exception")
        row.active, row.changed_by_id, row.changed_at = False, staff_id, utcnow()
        record_edit(
            session,
            staff_id,
            "calling_exception",
            row.id,
            {"day": row.day.isoformat(), "kind": row.kind.value, "active": False},
        )
