"""Discharge import bookkeeping: which HIS visit became which episode, runs, rejected rows.

An episode is identified across imports by ``(source, visit_number)`` in ``his_episode_link``;
the row hash there tells a repeated row (nothing to do) from a corrected one (update, logged).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.store.schema.base import Base, IdType, JsonType, UtcDateTime, utcnow


class HisEpisodeLink(Base):
    __tablename__ = "his_episode_link"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    visit_number: Mapped[str] = mapped_column(String(40))
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), unique=True
    )
    row_hash: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("source", "visit_number", name="uq_his_episode_link_source_visit"),
    )


class HisImportRun(Base):
    """One import (scheduled, by hand, or a batch of HL7 messages) and what it did."""

    __tablename__ = "his_import_run"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))
    trigger: Mapped[str] = mapped_column(String(12), default="manual")
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(12), default="running")
    rows_in: Mapped[int] = mapped_column(default=0)
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    tasks_created: Mapped[int] = mapped_column(default=0)
    tasks_updated: Mapped[int] = mapped_column(default=0)
    tasks_cancelled: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    # Plans the run could not use, each {"plan", "code", "params"}: the rest still applied.
    skipped_plans: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)

    __table_args__ = (Index("ix_his_import_run_started_at", "started_at"),)


class HisRejectedRow(Base):
    """A source row that failed validation, kept for review with the reason."""

    __tablename__ = "his_rejected_row"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("his_import_run.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(40))
    row_ref: Mapped[str] = mapped_column(String(60))
    visit_number: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(String(300))
    raw: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_his_rejected_row_run_id", "run_id"),
        Index("ix_his_rejected_row_source_visit", "source", "visit_number"),
    )


class HisWatermark(Base):
    """How far an incremental source has been read (its largest discharge time, ISO text)."""

    __tablename__ = "his_watermark"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
