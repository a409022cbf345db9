"""The hospital's own calendar exceptions: closure days and extra working days."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.work_calendar import ExceptionKind
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, IdType, UtcDateTime, utcnow


class CallingException(ChangeTracked, Base):
    """One day set apart from the national calendar by an administrator.

    A removed exception stays as a row with ``active`` false, so its removal reaches the desks
    by the change cursor like any other change (a pull never sees deleted rows).
    """

    __tablename__ = "calling_exception"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[ExceptionKind] = mapped_column(EnumText(ExceptionKind, 8))
    reason: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
