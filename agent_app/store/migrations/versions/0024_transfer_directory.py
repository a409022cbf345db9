"""transfer directory: departments' follow-up lines and doctors on duty

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03 19:40:00

**Both stores.** ``transfer_target`` holds the places a call can be transferred to: a
department's follow-up line or a doctor on duty (``kind``), a label, the number or SIP address
the line dials, and for a doctor the duty window (``duty_starts_at``/``duty_ends_at``; NULL:
always). Removing an entry sets ``active`` false instead of deleting the row, so the removal
reaches every desk through the change cursor.

**Server.** A reference table like ``calling_exception`` (0018): change-tracked for the pull
cursor (stamp trigger, ``change_xid``, cursor index, migration 0002), announced on the
``desk_change`` channel to every desk (migration 0013), readable by every staff login, written
only by administrators. No row-level security: the directory is the whole hospital's (a call
for another department is transferred there, so every desk needs every department's lines)
and holds no patient data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

TABLE = "transfer_target"
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SERVER_RULES = (
    f"ALTER TABLE {TABLE} ADD COLUMN change_xid xid8 NOT NULL DEFAULT '1'",
    f"ALTER TABLE {TABLE} ALTER COLUMN change_xid DROP DEFAULT",
    f"CREATE INDEX ix_{TABLE}_change_cursor ON {TABLE} (change_xid, change_seq)",
    f"CREATE TRIGGER {TABLE}_sync_stamp BEFORE INSERT OR UPDATE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()",
    *(
        f"CREATE TRIGGER {TABLE}_notify_{event} AFTER {event.upper()} ON {TABLE} "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION sync_notify_change()"
        for event in ("insert", "update")
    ),
    f"GRANT SELECT ON {TABLE} TO desk_staff",
    f"GRANT INSERT, UPDATE, DELETE ON {TABLE} TO desk_admin",
    f"GRANT USAGE ON SEQUENCE {TABLE}_id_seq TO desk_admin",
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", ID, nullable=False),
        sa.Column("department_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("number", sa.String(length=120), nullable=False),
        sa.Column("duty_starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duty_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_by_id", ID, nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_transfer_target_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["staff.id"], name=op.f("fk_transfer_target_changed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_target")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfer_target_change_seq"), ["change_seq"])
        batch_op.create_index(batch_op.f("ix_transfer_target_department_id"), ["department_id"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in SERVER_RULES:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table(TABLE)  # its triggers, indexes, grants and sequence go with it
