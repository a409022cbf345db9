"""The transfer directory: departments' follow-up lines and doctors on duty."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, IdType, UtcDateTime, utcnow


class TransferTarget(ChangeTracked, Base):
    """One place a call can be transferred to. Administrators keep the directory on the
    server; desks pull it. A removed entry stays with ``active`` false, so its removal
    reaches the desks by the change cursor."""

    __tablename__ = "transfer_target"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    kind: Mapped[TransferTargetKind] = mapped_column(EnumText(TransferTargetKind, 20))
    label: Mapped[str] = mapped_column(String(80))
    number: Mapped[str] = mapped_column(String(120))
    duty_starts_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    duty_ends_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
