"""Text message templates the plan and the agents send from (agent_app.domain.sms_template)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.sms_template import SmsTemplateKind, SmsTemplateState
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, UtcDateTime


class SmsTemplate(ChangeTracked, Base):
    """One template. Keyed by a uuid so a supervisor's desk can write one offline and push it;
    ``department_id`` None is the hospital's own template, which only administrators write."""

    __tablename__ = "sms_template"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[SmsTemplateKind] = mapped_column(EnumText(SmsTemplateKind, 20))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    state: Mapped[SmsTemplateState] = mapped_column(
        EnumText(SmsTemplateState, 10), default=SmsTemplateState.DRAFT
    )
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
