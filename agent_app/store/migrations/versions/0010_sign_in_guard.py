"""the sign-in guard's wrong-password counts, on the desk only

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02 18:45:00

Local store only (like the outbox): one row per user name with the wrong passwords in a row,
when the next attempt is allowed and until when the account is locked. The central server
changes nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "sign_in_guard",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_guard")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.drop_table("sign_in_guard")
