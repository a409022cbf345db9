"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 09:43:22.465787
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # The outbox and the sync cursor live only in the desktop's store.
        op.create_table(
            "outbox",
            sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
            sa.Column("change_id", sa.Uuid(), nullable=False),
            sa.Column("table_name", sa.String(length=40), nullable=False),
            sa.Column("row_id", sa.String(length=64), nullable=False),
            sa.Column("operation", sa.String(length=10), nullable=False),
            sa.Column(
                "payload",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=False,
            ),
            sa.Column("state", sa.String(length=12), nullable=False),
            sa.Column("error", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
            sa.UniqueConstraint("change_id", name=op.f("uq_outbox_change_id")),
        )
        with op.batch_alter_table("outbox", schema=None) as batch_op:
            batch_op.create_index("ix_outbox_state_seq", ["state", "seq"], unique=False)

        op.create_table(
            "sync_state",
            sa.Column("name", sa.String(length=40), nullable=False),
            sa.Column(
                "cursor", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
            ),
            sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("last_error", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_state")),
        )

    op.create_table(
        "call_script",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_script")),
        sa.UniqueConstraint("code", name=op.f("uq_call_script_code")),
    )
    with op.batch_alter_table("call_script", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_script_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("code", name=op.f("uq_department_code")),
    )
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_department_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "patient",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("mrn", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patient_mrn")),
    )
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patient_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_patient_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_patient_name"), ["name"], unique=False)

    op.create_table(
        "questionnaire_template",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column(
            "body",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_template")),
        sa.UniqueConstraint("code", "version", name="uq_template_code_version"),
    )
    with op.batch_alter_table("questionnaire_template", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_template_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "contact",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "patient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("relation", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number_raw", sa.String(length=40), nullable=False),
        sa.Column("number_e164", sa.String(length=20), nullable=False),
        sa.Column("number_national", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_contact_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index("ix_contact_number_e164", ["number_e164"], unique=False)
        batch_op.create_index("ix_contact_number_national", ["number_national"], unique=False)
        batch_op.create_index("ix_contact_patient_id", ["patient_id"], unique=False)

    op.create_table(
        "followup_plan",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "template_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("script_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "rules",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "offsets_days",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("max_attempts", sa.SmallInteger(), nullable=False),
        sa.Column("retry_spacing_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "calling_hours",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("sms_before_call", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_followup_plan_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["script_id"], ["call_script.id"], name=op.f("fk_followup_plan_script_id_call_script")
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["questionnaire_template.id"],
            name=op.f("fk_followup_plan_template_id_questionnaire_template"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_plan")),
    )
    with op.batch_alter_table("followup_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_followup_plan_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "staff",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=30), nullable=False),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("sip_account", sa.String(length=120), nullable=False),
        sa.Column("extension", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_staff_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_department_id"), ["department_id"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column(
            "detail",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_audit_log_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_staff_at", ["staff_id", "at"], unique=False)

    op.create_table(
        "blacklist",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("number_e164", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column(
            "added_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["staff.id"], name=op.f("fk_blacklist_added_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blacklist")),
        sa.UniqueConstraint("number_e164", name=op.f("uq_blacklist_number_e164")),
    )
    with op.batch_alter_table("blacklist", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_blacklist_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "episode",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "patient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("ward", sa.String(length=40), nullable=False),
        sa.Column("admitted_on", sa.Date(), nullable=False),
        sa.Column("discharged_on", sa.Date(), nullable=False),
        sa.Column("diagnosis_code", sa.String(length=12), nullable=False),
        sa.Column("diagnosis_name", sa.String(length=120), nullable=False),
        sa.Column(
            "attending_doctor_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "attending_nurse_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("discharge_disposition", sa.String(length=16), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attending_doctor_id"], ["staff.id"], name=op.f("fk_episode_attending_doctor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["attending_nurse_id"], ["staff.id"], name=op.f("fk_episode_attending_nurse_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_episode_department_id_department")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_episode_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode")),
    )
    with op.batch_alter_table("episode", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_episode_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(
            "ix_episode_department_discharged", ["department_id", "discharged_on"], unique=False
        )
        batch_op.create_index("ix_episode_diagnosis_code", ["diagnosis_code"], unique=False)
        batch_op.create_index("ix_episode_patient_id", ["patient_id"], unique=False)

    op.create_table(
        "followup_task",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "patient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "episode_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("plan_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column(
            "parent_task_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "assigned_staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempt_count", sa.SmallInteger(), nullable=False),
        sa.Column(
            "lease_owner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_staff_id"],
            ["staff.id"],
            name=op.f("fk_followup_task_assigned_staff_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_followup_task_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_followup_task_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lease_owner_id"], ["staff.id"], name=op.f("fk_followup_task_lease_owner_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["parent_task_id"],
            ["followup_task.id"],
            name=op.f("fk_followup_task_parent_task_id_followup_task"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_followup_task_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["followup_plan.id"], name=op.f("fk_followup_task_plan_id_followup_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_task")),
    )
    with op.batch_alter_table("followup_task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_followup_task_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            "ix_task_open_assigned_due",
            ["assigned_staff_id", "due_at", "id"],
            unique=False,
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.create_index(
            "ix_task_open_department_due",
            ["department_id", "due_at", "id"],
            unique=False,
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.create_index(
            "ix_task_open_due",
            ["due_at", "id"],
            unique=False,
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.create_index(
            "ix_task_open_pool_due",
            ["department_id", "due_at", "id"],
            unique=False,
            sqlite_where=sa.text(
                "status IN ('pending', 'in_progress') AND assigned_staff_id IS NULL"
            ),
            postgresql_where=sa.text(
                "status IN ('pending', 'in_progress') AND assigned_staff_id IS NULL"
            ),
        )
        batch_op.create_index("ix_task_parent_task_id", ["parent_task_id"], unique=False)
        batch_op.create_index("ix_task_patient_id", ["patient_id"], unique=False)

    op.create_table(
        "call_attempt",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "patient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("line", sa.String(length=8), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disposition", sa.String(length=20), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_call_attempt_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patient.id"], name=op.f("fk_call_attempt_patient_id_patient")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_call_attempt_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["followup_task.id"], name=op.f("fk_call_attempt_task_id_followup_task")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_attempt")),
    )
    with op.batch_alter_table("call_attempt", schema=None) as batch_op:
        batch_op.create_index(
            "ix_call_attempt_patient_started", ["patient_id", "started_at"], unique=False
        )
        batch_op.create_index(
            "ix_call_attempt_staff_started", ["staff_id", "started_at"], unique=False
        )
        batch_op.create_index("ix_call_attempt_task_id", ["task_id"], unique=False)

    op.create_table(
        "sms_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("number_e164", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["followup_task.id"], name=op.f("fk_sms_message_task_id_followup_task")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_message")),
    )
    op.create_table(
        "complaint",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "patient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("attempt_id", sa.Uuid(), nullable=True),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column(
            "replies",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "created_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["call_attempt.id"], name=op.f("fk_complaint_attempt_id_call_attempt")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_complaint_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_complaint_department_id_department")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patient.id"], name=op.f("fk_complaint_patient_id_patient")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    op.create_table(
        "followup_result",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("attempt_id", sa.Uuid(), nullable=True),
        sa.Column("staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "template_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column(
            "answers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("satisfaction", sa.SmallInteger(), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("vital_status", sa.String(length=10), nullable=False),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("flagged_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["call_attempt.id"],
            name=op.f("fk_followup_result_attempt_id_call_attempt"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_followup_result_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["followup_task.id"], name=op.f("fk_followup_result_task_id_followup_task")
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["questionnaire_template.id"],
            name=op.f("fk_followup_result_template_id_questionnaire_template"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_result")),
    )
    with op.batch_alter_table("followup_result", schema=None) as batch_op:
        batch_op.create_index("ix_followup_result_task_id", ["task_id"], unique=False)

    op.create_table(
        "qa_review",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("attempt_id", sa.Uuid(), nullable=False),
        sa.Column(
            "reviewer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column(
            "scores",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("comments", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["call_attempt.id"], name=op.f("fk_qa_review_attempt_id_call_attempt")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["staff.id"], name=op.f("fk_qa_review_reviewer_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_review")),
    )
    with op.batch_alter_table("qa_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_review_attempt_id"), ["attempt_id"], unique=False)

    op.create_table(
        "recording",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("attempt_id", sa.Uuid(), nullable=False),
        sa.Column("codec", sa.String(length=16), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("local_path", sa.String(length=400), nullable=False),
        sa.Column("upload_state", sa.String(length=10), nullable=False),
        sa.Column(
            "markers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["call_attempt.id"], name=op.f("fk_recording_attempt_id_call_attempt")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording")),
    )
    with op.batch_alter_table("recording", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recording_attempt_id"), ["attempt_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("outbox", schema=None) as batch_op:
            batch_op.drop_index("ix_outbox_state_seq")
        op.drop_table("outbox")
        op.drop_table("sync_state")
    with op.batch_alter_table("recording", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recording_attempt_id"))

    op.drop_table("recording")
    with op.batch_alter_table("qa_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_review_attempt_id"))

    op.drop_table("qa_review")
    with op.batch_alter_table("followup_result", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_result_task_id")

    op.drop_table("followup_result")
    op.drop_table("complaint")
    op.drop_table("sms_message")
    with op.batch_alter_table("call_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_call_attempt_task_id")
        batch_op.drop_index("ix_call_attempt_staff_started")
        batch_op.drop_index("ix_call_attempt_patient_started")

    op.drop_table("call_attempt")
    with op.batch_alter_table("followup_task", schema=None) as batch_op:
        batch_op.drop_index("ix_task_patient_id")
        batch_op.drop_index("ix_task_parent_task_id")
        batch_op.drop_index(
            "ix_task_open_pool_due",
            sqlite_where=sa.text(
                "status IN ('pending', 'in_progress') AND assigned_staff_id IS NULL"
            ),
            postgresql_where=sa.text(
                "status IN ('pending', 'in_progress') AND assigned_staff_id IS NULL"
            ),
        )
        batch_op.drop_index(
            "ix_task_open_due",
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.drop_index(
            "ix_task_open_department_due",
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.drop_index(
            "ix_task_open_assigned_due",
            sqlite_where=sa.text("status IN ('pending', 'in_progress')"),
            postgresql_where=sa.text("status IN ('pending', 'in_progress')"),
        )
        batch_op.drop_index(batch_op.f("ix_followup_task_change_seq"))

    op.drop_table("followup_task")
    with op.batch_alter_table("episode", schema=None) as batch_op:
        batch_op.drop_index("ix_episode_patient_id")
        batch_op.drop_index("ix_episode_diagnosis_code")
        batch_op.drop_index("ix_episode_department_discharged")
        batch_op.drop_index(batch_op.f("ix_episode_change_seq"))

    op.drop_table("episode")
    with op.batch_alter_table("blacklist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_blacklist_change_seq"))

    op.drop_table("blacklist")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_staff_at")

    op.drop_table("audit_log")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_department_id"))
        batch_op.drop_index(batch_op.f("ix_staff_change_seq"))

    op.drop_table("staff")
    with op.batch_alter_table("followup_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_plan_change_seq"))

    op.drop_table("followup_plan")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_patient_id")
        batch_op.drop_index("ix_contact_number_national")
        batch_op.drop_index("ix_contact_number_e164")
        batch_op.drop_index(batch_op.f("ix_contact_change_seq"))

    op.drop_table("contact")
    with op.batch_alter_table("questionnaire_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_template_change_seq"))

    op.drop_table("questionnaire_template")
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_name"))
        batch_op.drop_index(batch_op.f("ix_patient_id_number"))
        batch_op.drop_index(batch_op.f("ix_patient_change_seq"))

    op.drop_table("patient")
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_change_seq"))

    op.drop_table("department")
    with op.batch_alter_table("call_script", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_script_change_seq"))

    op.drop_table("call_script")
