"""What happens on and after a call: attempts, results, recordings, reviews, complaints, audit.

Rows created on the agent's desktop use client-generated UUID keys so a sync retry never
duplicates them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, SmallInteger, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.enums import (
    BlacklistKind,
    ComplaintState,
    Direction,
    Disposition,
    LineType,
    Outcome,
    SmsDirection,
    SmsState,
    UploadState,
    VitalStatus,
)
from agent_app.store.schema.base import (
    Base,
    ChangeTracked,
    EnumText,
    IdType,
    JsonType,
    UtcDateTime,
    utcnow,
)


def _uuid_pk() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid, primary_key=True, default=uuid.uuid4)


class CallAttempt(Base):
    __tablename__ = "call_attempt"

    id: Mapped[uuid.UUID] = _uuid_pk()
    task_id: Mapped[int | None] = mapped_column(ForeignKey("followup_task.id"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    direction: Mapped[Direction] = mapped_column(EnumText(Direction, 10))
    line: Mapped[LineType] = mapped_column(EnumText(LineType, 8))
    number: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    disposition: Mapped[Disposition | None] = mapped_column(EnumText(Disposition, 20))
    end_reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_call_attempt_task_id", "task_id"),
        Index("ix_call_attempt_patient_started", "patient_id", "started_at"),
        Index("ix_call_attempt_staff_started", "staff_id", "started_at"),
    )


class FollowupResult(Base):
    """The answers of one follow-up; append-only (a correction is a new row)."""

    __tablename__ = "followup_result"

    id: Mapped[uuid.UUID] = _uuid_pk()
    task_id: Mapped[int] = mapped_column(ForeignKey("followup_task.id"))
    attempt_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("call_attempt.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    template_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_template.id"))
    template_version: Mapped[int] = mapped_column()
    answers: Mapped[dict[str, Any]] = mapped_column(JsonType)
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    outcome: Mapped[Outcome] = mapped_column(EnumText(Outcome, 12))
    vital_status: Mapped[VitalStatus] = mapped_column(
        EnumText(VitalStatus, 10), default=VitalStatus.UNKNOWN
    )
    death_date: Mapped[dt.date | None] = mapped_column()
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    flagged_reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_followup_result_task_id", "task_id"),)


class Recording(Base):
    __tablename__ = "recording"

    id: Mapped[uuid.UUID] = _uuid_pk()
    attempt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_attempt.id"), index=True)
    codec: Mapped[str] = mapped_column(String(16))
    duration_ms: Mapped[int] = mapped_column(default=0)
    size_bytes: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    local_path: Mapped[str] = mapped_column(String(400), default="")
    upload_state: Mapped[UploadState] = mapped_column(
        EnumText(UploadState, 10), default=UploadState.LOCAL
    )
    markers: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)


class QaReview(Base):
    __tablename__ = "qa_review"

    id: Mapped[uuid.UUID] = _uuid_pk()
    attempt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_attempt.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    level: Mapped[int] = mapped_column(SmallInteger)
    scores: Mapped[dict[str, Any]] = mapped_column(JsonType)
    comments: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Complaint(Base):
    __tablename__ = "complaint"

    id: Mapped[uuid.UUID] = _uuid_pk()
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    attempt_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("call_attempt.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    kind: Mapped[str] = mapped_column(String(20), default="complaint")
    summary: Mapped[str] = mapped_column(Text)
    state: Mapped[ComplaintState] = mapped_column(
        EnumText(ComplaintState, 10), default=ComplaintState.OPEN
    )
    replies: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class Blacklist(ChangeTracked, Base):
    """Numbers never to call, or to treat with care when they call in."""

    __tablename__ = "blacklist"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    number_e164: Mapped[str] = mapped_column(String(20), unique=True)
    reason: Mapped[str] = mapped_column(String(200))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    kind: Mapped[BlacklistKind] = mapped_column(
        EnumText(BlacklistKind, 8), default=BlacklistKind.CALL, server_default="call"
    )


class SmsMessage(ChangeTracked, Base):
    """A text message, sent or received. Its uuid is the idempotency key of the send: the
    sender writes ``sending`` before the modem gets it and never sends a row twice."""

    __tablename__ = "sms_message"

    id: Mapped[uuid.UUID] = _uuid_pk()
    task_id: Mapped[int | None] = mapped_column(ForeignKey("followup_task.id"))
    number_e164: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[SmsState] = mapped_column(EnumText(SmsState, 10), default=SmsState.QUEUED)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    direction: Mapped[SmsDirection] = mapped_column(
        EnumText(SmsDirection, 3), default=SmsDirection.OUT, server_default="out"
    )
    patient_id: Mapped[int | None] = mapped_column(IdType)  # a reply's patient, by number
    #: The modem's message reference of each part (``+CMGS: <mr>``), for status reports.
    part_refs: Mapped[list[int]] = mapped_column(JsonType, default=list, server_default="[]")
    #: The references status reports confirmed (a report may come twice).
    delivered_refs: Mapped[list[int]] = mapped_column(JsonType, default=list, server_default="[]")
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_try_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str] = mapped_column(String(40), default="", server_default="")
    #: Why it was sent: a template kind (pre_call_notice, revisit_reminder, health_education),
    #: or None for a message written by hand or received.
    purpose: Mapped[str | None] = mapped_column(String(20))
    episode_id: Mapped[int | None] = mapped_column(IdType)  # a re-visit reminder's episode
    #: What a planned message is for ("pre_call_notice:task:12"): unique on both stores, so two
    #: runs or two desks never queue the same notice twice (the server drops a second push).
    plan_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    #: The staff member whose desk sends the message (or received the reply): set when it is
    #: queued on a desk that sends by itself, or by the SMS station's claim on the server;
    #: NULL while it waits for the station. A desk never pulls it: on a desk it is set only
    #: for the messages that desk sends, so its sender sends nobody else's.
    sender_id: Mapped[int | None] = mapped_column(IdType)

    __table_args__ = (Index("ix_sms_message_state", "state"),)


class AuditLog(Base):
    """Who saw, played or exported what, and when."""

    __tablename__ = "audit_log"

    id: Mapped[uuid.UUID] = _uuid_pk()
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_audit_log_staff_at", "staff_id", "at"),)
