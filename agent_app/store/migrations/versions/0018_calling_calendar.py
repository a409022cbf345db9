"""calling calendar: the hospital's own closure days and extra working days

Revision ID: 0018
Revises: 0015
Create Date: 2026-12-03 13:30:00

**Both stores.** ``calling_exception`` holds one row per day an administrator set apart from
China's national calendar: ``kind`` ``closed`` (the follow-up centre is shut: nobody calls) or
``open`` (an extra working day), with a reason. Removing an exception sets ``active`` false
instead of deleting the row, so the removal reaches every desk through the change cursor.

**Server.** A reference table like ``call_script``: change-tracked for the pull cursor (stamp
trigger, ``change_xid``, cursor index, migration 0002), announced on the ``desk_change`` channel
to every desk (migration 0013), readable by every staff login, written only by administrators
(no row-level security: the calendar is the whole hospital's and holds no patient data).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLE = "calling_exception"
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
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_by_id", ID, nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["staff.id"], name=op.f("fk_calling_exception_changed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calling_exception")),
        sa.UniqueConstraint("day", name=op.f("uq_calling_exception_day")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calling_exception_change_seq"), ["change_seq"], unique=False
        )
    if op.get_bind().dialect.name == "postgresql":
        for statement in SERVER_RULES:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table(TABLE)  # its triggers, index, grants and sequence go with it
