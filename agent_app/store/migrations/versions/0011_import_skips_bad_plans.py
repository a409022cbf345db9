"""an import run records the plans it had to skip

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 07:00:00

``his_import_run.skipped_plans``: the follow-up plans a run could not use, each as
``{"plan", "code", "params"}``. One bad plan no longer stops a whole import; the run applies
every other plan and names the skipped one here, for the administrator's screen.
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


def downgrade() -> None:
    with op.batch_alter_table("his_import_run") as batch:
        batch.drop_column("skipped_plans")
