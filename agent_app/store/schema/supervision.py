"""Spot-check sampling runs, and the indexes the supervisor's statistics read by.

A sampling run records everything needed to repeat it: the seed, the quotas, the period and
the parent tasks it picked, so an auditor can re-run it and get the same L2/L3 tasks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.store.schema.base import Base, IdType, JsonType, UtcDateTime, utcnow
from agent_app.store.schema.calls import CallAttempt, FollowupResult
from agent_app.store.schema.followup import FollowupTask


class SamplingRun(Base):
    """One spot-check draw: level 2 (department checks its agents) or 3 (hospital checks
    departments)."""

    __tablename__ = "sampling_run"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    seed: Mapped[int] = mapped_column(IdType)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    quotas: Mapped[dict[str, Any]] = mapped_column(JsonType)
    counts: Mapped[dict[str, Any]] = mapped_column(JsonType)
    picks: Mapped[list[list[int]]] = mapped_column(JsonType)  # [parent task id, new task id]
    template_code: Mapped[str] = mapped_column(String(40))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


# Statistics read tasks by level and due time whatever their status (the queue's partial
# indexes cover open tasks only), attempts by start time and by task, results by creation
# time. The task and attempt indexes carry the columns the dashboard groups and filters by,
# so a month of a million-patient hospital is read from the indexes without visiting rows.
Index(
    "ix_task_level_due",
    FollowupTask.level,
    FollowupTask.due_at,
    FollowupTask.status,
    FollowupTask.department_id,
    FollowupTask.assigned_staff_id,
    FollowupTask.plan_id,
    FollowupTask.episode_id,
)
Index(
    "ix_call_attempt_started_at",
    CallAttempt.started_at,
    CallAttempt.staff_id,
    CallAttempt.task_id,
    CallAttempt.disposition,
)
Index(
    "ix_call_attempt_task_reach",
    CallAttempt.task_id,
    CallAttempt.disposition,
    CallAttempt.started_at,
)
Index("ix_followup_result_created_at", FollowupResult.created_at)
