"""text messages are sent through a GSM modem, received, and unsubscribed from

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-03 14:00:00

**sms_message** gains what sending at most once needs: ``attempts`` and ``next_try_at`` (retries
before the modem took the message), ``part_refs`` (the modem's reference of each part, which
status reports quote), ``delivered_refs`` (those confirmed), ``sent_at``, ``delivered_at``
and ``error`` (a code). ``direction`` tells replies (``in``, matched to a patient in
``patient_id``) from sent messages. States ``sending``, ``delivered``, ``unknown``,
``blocked`` and ``received`` are new values of the same text column.

**blacklist.kind**: ``call`` (every existing row: no calls and no text messages) or ``sms``
(the patient answered TD / 退订: no more text messages, calls still allowed).

Both dialects get the same columns; no new table or function. On the server, sms_message stays
insert-only for desks, and its insert rule now also checks the new ``patient_id``: a desk may
name only a patient it can read.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


OLD_WRITE = "task_id IS NULL OR desk_task_in_reach(task_id)"
# The patient must be one the writer can read (the subquery runs under the writer's own rules).
NEW_WRITE = (
    f"({OLD_WRITE}) AND (patient_id IS NULL OR "
    "EXISTS (SELECT 1 FROM patient p WHERE p.id = sms_message.patient_id))"
)


def _write_policy(check: str) -> None:
    op.execute("DROP POLICY sms_message_write ON sms_message")
    op.execute(
        f"CREATE POLICY sms_message_write ON sms_message FOR INSERT TO desk_staff "
        f"WITH CHECK ({check})"
    )


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    columns: list[sa.Column[Any]] = [
        sa.Column("direction", sa.String(3), nullable=False, server_default="out"),
        sa.Column("patient_id", id_type, nullable=True),
        sa.Column("part_refs", json_type, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("delivered_refs", json_type, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(40), nullable=False, server_default=""),
    ]
    for column in columns:
        op.add_column("sms_message", column)
    op.create_index("ix_sms_message_state", "sms_message", ["state"])
    op.add_column(
        "blacklist", sa.Column("kind", sa.String(8), nullable=False, server_default="call")
    )
    if op.get_bind().dialect.name == "postgresql":
        _write_policy(NEW_WRITE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _write_policy(OLD_WRITE)
    op.drop_column("blacklist", "kind")
    op.drop_index("ix_sms_message_state", table_name="sms_message")
    for name in (
        "error",
        "delivered_at",
        "sent_at",
        "next_try_at",
        "attempts",
        "delivered_refs",
        "part_refs",
        "patient_id",
        "direction",
    ):
        op.drop_column("sms_message", name)
