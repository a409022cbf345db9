"""Red-flag alerts: an answer that the attending doctor must see (fever, bleeding, …)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.enums import RedFlagSeverity
from agent_app.domain.red_flags import AckAction
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, UtcDateTime, utcnow


class RedFlagAlert(ChangeTracked, Base):
    """Raised at wrap-up from the questionnaire's red-flag rules; acknowledged by a doctor or
    the department's supervisor (the server stamps who and when, migration 0023), escalated by
    the server's clock: ``escalated_at`` to the supervisor, ``on_duty_sms_at`` when the
    department's on-duty number was texted."""

    __tablename__ = "red_flag_alert"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    result_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("followup_result.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("followup_task.id"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    rule_id: Mapped[str] = mapped_column(String(40))
    severity: Mapped[RedFlagSeverity] = mapped_column(EnumText(RedFlagSeverity, 10))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    ack_action: Mapped[AckAction | None] = mapped_column(EnumText(AckAction, 24))
    ack_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    escalated_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    on_duty_sms_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_red_flag_alert_doctor_open", "doctor_id", "acknowledged_at"),
        Index("ix_red_flag_alert_department_created", "department_id", "created_at"),
    )
