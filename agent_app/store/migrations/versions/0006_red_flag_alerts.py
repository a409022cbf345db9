"""red-flag alerts for the attending doctor

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 13:00:00

Alerts are written by the desk at wrap-up and pushed through the outbox like results: on the
server the table is registered insert-only for ``sync_apply`` (migration 0003) and guarded by
row-level security — agents and supervisors see their department's alerts and those for which
they are the doctor or the one who raised it, hospital quality sees all; the doctor (or the
department) acknowledges them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
ME = "(SELECT desk_staff_id())"
DEPT = "(SELECT desk_staff_department())"
SERVER_RULES = (
    "INSERT INTO sync_insert_only VALUES ('red_flag_alert') ON CONFLICT DO NOTHING",
    "GRANT SELECT, INSERT ON red_flag_alert TO desk_staff",
    "GRANT UPDATE (acknowledged_at, acknowledged_by_id) ON red_flag_alert TO desk_staff",
    "ALTER TABLE red_flag_alert ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY red_flag_alert_read ON red_flag_alert FOR SELECT "
    f"TO desk_agent, desk_supervisor USING (department_id = {DEPT} OR doctor_id = {ME} "
    f"OR raised_by_id = {ME})",
    "CREATE POLICY red_flag_alert_read_all ON red_flag_alert FOR SELECT TO desk_quality "
    "USING (true)",
    "CREATE POLICY red_flag_alert_write ON red_flag_alert FOR INSERT TO desk_staff "
    f"WITH CHECK (raised_by_id = {ME})",
    "CREATE POLICY red_flag_alert_acknowledge ON red_flag_alert FOR UPDATE TO desk_staff "
    f"USING (doctor_id = {ME} OR department_id = {DEPT})",
)


def upgrade() -> None:
    op.create_table(
        "red_flag_alert",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("result_id", sa.Uuid(), nullable=False),
        sa.Column("task_id", ID, nullable=False),
        sa.Column("patient_id", ID, nullable=False),
        sa.Column("department_id", ID, nullable=False),
        sa.Column("doctor_id", ID, nullable=True),
        sa.Column("raised_by_id", ID, nullable=False),
        sa.Column("rule_id", sa.String(length=40), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["followup_result.id"],
            name=op.f("fk_red_flag_alert_result_id_followup_result"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["followup_task.id"], name=op.f("fk_red_flag_alert_task_id_followup_task")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patient.id"], name=op.f("fk_red_flag_alert_patient_id_patient")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_red_flag_alert_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["staff.id"], name=op.f("fk_red_flag_alert_doctor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"], ["staff.id"], name=op.f("fk_red_flag_alert_raised_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["staff.id"],
            name=op.f("fk_red_flag_alert_acknowledged_by_id_staff"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_flag_alert")),
    )
    with op.batch_alter_table("red_flag_alert", schema=None) as batch_op:
        batch_op.create_index("ix_red_flag_alert_doctor_open", ["doctor_id", "acknowledged_at"])
        batch_op.create_index(
            "ix_red_flag_alert_department_created", ["department_id", "created_at"]
        )
    if op.get_bind().dialect.name == "postgresql":
        for statement in SERVER_RULES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DELETE FROM sync_insert_only WHERE table_name = 'red_flag_alert'")
    op.drop_table("red_flag_alert")  # its policies and grants go with it
