"""Questionnaire templates, call scripts, follow-up plans and the tasks they produce."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.enums import TaskStatus
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, IdType, JsonType, UtcDateTime


class QuestionnaireTemplate(ChangeTracked, Base):
    """A versioned questionnaire; ``body`` holds sections, questions, branching and red flags."""

    __tablename__ = "questionnaire_template"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(default=1)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[dict[str, Any]] = mapped_column(JsonType)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("code", "version", name="uq_template_code_version"),)


class CallScript(ChangeTracked, Base):
    """Text read to the patient; placeholders like {patient_name} are filled at call time."""

    __tablename__ = "call_script"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)


class FollowupPlan(ChangeTracked, Base):
    __tablename__ = "followup_plan"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    template_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_template.id"))
    script_id: Mapped[int | None] = mapped_column(ForeignKey("call_script.id"))
    rules: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    offsets_days: Mapped[list[int]] = mapped_column(JsonType)
    max_attempts: Mapped[int] = mapped_column(SmallInteger, default=3)
    retry_spacing_minutes: Mapped[int] = mapped_column(default=120)
    calling_hours: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    sms_before_call: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The pre-call notice goes out when the first call is due within this many hours.
    sms_notice_hours: Mapped[int] = mapped_column(default=18, server_default="18")
    #: The re-visit reminder goes out this many days before the episode's ``revisit_on``;
    #: 0 sends none.
    revisit_reminder_days: Mapped[int] = mapped_column(default=2, server_default="2")
    #: Template codes; None means the hospital's default (domain.sms_template.DEFAULT_CODES).
    notice_template_code: Mapped[str | None] = mapped_column(String(40))
    reminder_template_code: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# Written out as literal SQL so that queries can repeat the exact text: SQLite only uses a
# partial index when the query's WHERE contains the index's terms verbatim.
OPEN_TASK_SQL = "status IN ('pending', 'in_progress')"
_OPEN = text(OPEN_TASK_SQL)
_OPEN_POOL = text(f"{OPEN_TASK_SQL} AND assigned_staff_id IS NULL")


class FollowupTask(ChangeTracked, Base):
    """One follow-up call to make; level 2/3 tasks are spot-checks of a parent task."""

    __tablename__ = "followup_task"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id", ondelete="CASCADE"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("followup_plan.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    offset_days: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    level: Mapped[int] = mapped_column(SmallInteger, default=1)
    parent_task_id: Mapped[int | None] = mapped_column(ForeignKey("followup_task.id"))
    assigned_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[TaskStatus] = mapped_column(EnumText(TaskStatus, 12), default=TaskStatus.PENDING)
    attempt_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    lease_owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        # Partial indexes over open tasks only, each already in queue order (due time, id), so
        # a queue page is an index walk on either engine: own assignments, the department
        # pool, a department, and the whole hospital.
        Index(
            "ix_task_open_assigned_due",
            "assigned_staff_id",
            "due_at",
            "id",
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        Index(
            "ix_task_open_pool_due",
            "department_id",
            "due_at",
            "id",
            sqlite_where=_OPEN_POOL,
            postgresql_where=_OPEN_POOL,
        ),
        Index(
            "ix_task_open_department_due",
            "department_id",
            "due_at",
            "id",
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        Index("ix_task_open_due", "due_at", "id", sqlite_where=_OPEN, postgresql_where=_OPEN),
        Index("ix_task_patient_id", "patient_id"),
        Index("ix_task_parent_task_id", "parent_task_id"),
        # Discharge import (his/): one task per episode, plan, follow-up point and level, so
        # generating twice never duplicates. Not partial: SQLite only picks a partial index
        # when the query repeats its condition, and then prefers other indexes on level.
        Index(
            "uq_task_episode_plan_offset",
            "episode_id",
            "plan_id",
            "offset_days",
            "level",
            unique=True,
        ),
    )
