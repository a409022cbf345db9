"""spot-check sampling runs and the statistics indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00

``sampling_run`` lives on both engines: a supervisor samples on the server when online and on
the local store in the demo; it is written directly on that connection, never through the
outbox, so the server's ``sync_apply`` needs no rule for it. The indexes let the dashboard
read tasks by level and due time, attempts by start time and by task, and results by
creation time, mostly from the indexes alone (see schema/supervision.py).

On the server, supervisors and quality staff (the group roles of 0003) may read and write
sampling runs, and re-assign a complaint to another department.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_CHECKERS = "desk_supervisor, desk_quality"
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"
GRANTS = (
    f"GRANT SELECT, INSERT ON sampling_run TO {_CHECKERS}",
    f"GRANT USAGE ON SEQUENCE sampling_run_id_seq TO {_CHECKERS}",
    f"GRANT UPDATE (department_id) ON complaint TO {_CHECKERS}",
)


def upgrade() -> None:
    op.create_table(
        "sampling_run",
        sa.Column("id", _ID, nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("seed", _ID, nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("department_id", _ID, nullable=True),
        sa.Column("quotas", _JSON, nullable=False),
        sa.Column("counts", _JSON, nullable=False),
        sa.Column("picks", _JSON, nullable=False),
        sa.Column("template_code", sa.String(length=40), nullable=False),
        sa.Column("created_by_id", _ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_sampling_run_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_sampling_run_created_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sampling_run")),
    )
    op.create_index(
        "ix_task_level_due",
        "followup_task",
        ["level", "due_at", "status", "department_id", "assigned_staff_id", "plan_id",
         "episode_id"],
    )  # fmt: skip
    op.create_index(
        "ix_call_attempt_started_at",
        "call_attempt",
        ["started_at", "staff_id", "task_id", "disposition"],
    )
    op.create_index(
        "ix_call_attempt_task_reach", "call_attempt", ["task_id", "disposition", "started_at"]
    )
    op.create_index("ix_followup_result_created_at", "followup_result", ["created_at"])
    if _server_roles():
        for grant in GRANTS:
            op.execute(grant)


def _server_roles() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "postgresql" and bind.exec_driver_sql(_HAS_ROLES).scalar() == 2


def downgrade() -> None:
    if _server_roles():
        op.execute(f"REVOKE UPDATE (department_id) ON complaint FROM {_CHECKERS}")
    op.drop_index("ix_followup_result_created_at", table_name="followup_result")
    op.drop_index("ix_call_attempt_task_reach", table_name="call_attempt")
    op.drop_index("ix_call_attempt_started_at", table_name="call_attempt")
    op.drop_index("ix_task_level_due", table_name="followup_task")
    op.drop_table("sampling_run")
