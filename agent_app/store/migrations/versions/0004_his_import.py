"""discharge import runs and rejected rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00

Tables for the HIS discharge import (on both engines, so the demo can import into SQLite):
the link from a HIS visit to its episode, import runs, rejected rows, incremental watermarks;
and a unique index on follow-up tasks (episode, plan, follow-up point, level) that makes task
generation idempotent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "his_episode_link",
        sa.Column("id", _ID, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("visit_number", sa.String(length=40), nullable=False),
        sa.Column("episode_id", _ID, nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_his_episode_link_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_his_episode_link")),
        sa.UniqueConstraint("episode_id", name=op.f("uq_his_episode_link_episode_id")),
        sa.UniqueConstraint("source", "visit_number", name="uq_his_episode_link_source_visit"),
    )
    op.create_table(
        "his_import_run",
        sa.Column("id", _ID, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("trigger", sa.String(length=12), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("rows_in", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("tasks_created", sa.Integer(), nullable=False),
        sa.Column("tasks_updated", sa.Integer(), nullable=False),
        sa.Column("tasks_cancelled", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_his_import_run")),
    )
    op.create_index("ix_his_import_run_started_at", "his_import_run", ["started_at"])
    op.create_table(
        "his_rejected_row",
        sa.Column("id", _ID, nullable=False),
        sa.Column("run_id", _ID, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("row_ref", sa.String(length=60), nullable=False),
        sa.Column("visit_number", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("raw", _JSON, nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["his_import_run.id"],
            name=op.f("fk_his_rejected_row_run_id_his_import_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_his_rejected_row")),
    )
    op.create_index("ix_his_rejected_row_run_id", "his_rejected_row", ["run_id"])
    op.create_index(
        "ix_his_rejected_row_source_visit", "his_rejected_row", ["source", "visit_number"]
    )
    op.create_table(
        "his_watermark",
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_his_watermark")),
    )
    op.create_index(
        "uq_task_episode_plan_offset",
        "followup_task",
        ["episode_id", "plan_id", "offset_days", "level"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_task_episode_plan_offset", table_name="followup_task")
    op.drop_table("his_watermark")
    op.drop_index("ix_his_rejected_row_source_visit", table_name="his_rejected_row")
    op.drop_index("ix_his_rejected_row_run_id", table_name="his_rejected_row")
    op.drop_table("his_rejected_row")
    op.drop_index("ix_his_import_run_started_at", table_name="his_import_run")
    op.drop_table("his_import_run")
    op.drop_table("his_episode_link")
