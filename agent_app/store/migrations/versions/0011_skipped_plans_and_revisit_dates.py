"""an import run records the plans it had to skip; an episode keeps its booked re-visit

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 07:00:00

``his_import_run.skipped_plans``: the follow-up plans a run could not use, each as
``{"plan", "code", "params"}``. One bad plan no longer stops a whole import; the run applies
every other plan and names the skipped one here, for the administrator's screen.

``episode.revisit_on``: the re-visit the doctor booked at discharge (复诊日期), when the HIS
sends it; the call script reads it to the patient.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    op.add_column(
        "his_import_run",
        sa.Column("skipped_plans", json_type, nullable=False, server_default=sa.text("'[]'")),
    )
    op.add_column("episode", sa.Column("revisit_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of episode would lose its tally triggers.
    op.drop_column("episode", "revisit_on")
    op.drop_column("his_import_run", "skipped_plans")
