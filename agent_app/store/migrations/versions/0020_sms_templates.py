"""text message templates; the plan's pre-call notice and re-visit reminder settings

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 16:30:00

**Both stores.** ``sms_template`` (uuid key, so a supervisor's desk can write one offline and
push it): code, kind (pre_call_notice / revisit_reminder / health_education), title, body,
owner department (NULL: the hospital's own), state (draft / approved / retired).

``followup_plan`` gains ``sms_notice_hours`` (18: the notice goes out when the first call is
due within that many hours), ``revisit_reminder_days`` (2; 0 sends none) and the two template
codes (NULL: the hospital's default); ``episode.revisit_on`` is indexed for the reminders'
planner. ``sms_message`` gains ``purpose`` (the template kind),
``episode_id`` (a re-visit reminder's episode) and ``plan_key``, unique, so a planned message
is queued once however many runs or desks plan it: a desk's second insert fails locally, and
the server's insert-only apply (``ON CONFLICT DO NOTHING``) drops a second desk's push.

**Server.** Row-level security like ``knowledge_article`` (0017): every staff login reads
approved templates; drafts and retired ones only their editors; an editor is an administrator,
or a supervisor of the owner department (a hospital-wide template: administrators only);
``updated_by`` must be the writer; nobody deletes (a template is retired). Change-tracked and
announced like the other reference tables; ``sync_apply`` takes ``insert``/``update`` of
``sms_template`` as an upsert by id, as the writer, so the policies decide.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from agent_app.store.migrations.function_edits import edit_function, undo_edits

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_admin')"
_ROLE = "(SELECT me.role FROM desk_staff() me)"
_EDITOR = (
    f"({_ROLE} = 'admin' OR ({_ROLE} = 'supervisor' "
    "AND department_id = (SELECT desk_staff_department())))"
)
_WRITTEN = "id, code, kind, title, body, department_id, state, updated_by, updated_at"
SECURITY = (
    "ALTER TABLE sms_template ENABLE ROW LEVEL SECURITY",
    "GRANT SELECT ON sms_template TO desk_staff",
    f"GRANT INSERT ({_WRITTEN}), UPDATE ({_WRITTEN}) ON sms_template "
    "TO desk_supervisor, desk_admin",
    "CREATE POLICY sms_template_read ON sms_template FOR SELECT TO desk_staff "
    f"USING (state = 'approved' OR {_EDITOR})",
    "CREATE POLICY sms_template_add ON sms_template FOR INSERT "
    f"TO desk_supervisor, desk_admin WITH CHECK ({_EDITOR} "
    "AND updated_by = (SELECT desk_staff_id()))",
    "CREATE POLICY sms_template_change ON sms_template FOR UPDATE "
    f"TO desk_supervisor, desk_admin USING ({_EDITOR}) WITH CHECK ({_EDITOR} "
    "AND updated_by = (SELECT desk_staff_id()))",
)

_ANCHOR = (
    "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
    "            MESSAGE = format('the server does not accept"
)
_APPLY_EDITS: tuple[tuple[str, str], ...] = (
    (
        _ANCHOR,
        "    ELSIF tbl = 'sms_template' AND op IN ('insert', 'update') THEN\n"
        f"        INSERT INTO sms_template ({_WRITTEN})\n"
        "        SELECT r.id, r.code, r.kind, r.title, r.body, r.department_id, r.state,\n"
        "               actor, now()\n"
        "        FROM jsonb_populate_record(NULL::sms_template, p) r\n"
        "        ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind,\n"
        "            title = EXCLUDED.title, body = EXCLUDED.body,\n"
        "            department_id = EXCLUDED.department_id, state = EXCLUDED.state,\n"
        "            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at;\n"
        + _ANCHOR,
    ),
)

_PLAN_COLUMNS = ("sms_notice_hours", "revisit_reminder_days", "notice_template_code",
                 "reminder_template_code")  # fmt: skip
_MESSAGE_COLUMNS = ("purpose", "episode_id", "plan_key")


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "sms_template",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("department_id", id_type, nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("updated_by", id_type, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_sms_template_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["staff.id"], name=op.f("fk_sms_template_updated_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_template")),
        sa.UniqueConstraint("code", name=op.f("uq_sms_template_code")),
    )
    with op.batch_alter_table("sms_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sms_template_change_seq"), ["change_seq"])
        batch_op.create_index(batch_op.f("ix_sms_template_department_id"), ["department_id"])
    with op.batch_alter_table("followup_plan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sms_notice_hours", sa.Integer(), nullable=False, server_default="18")
        )
        batch_op.add_column(
            sa.Column("revisit_reminder_days", sa.Integer(), nullable=False, server_default="2")
        )
        batch_op.add_column(sa.Column("notice_template_code", sa.String(40), nullable=True))
        batch_op.add_column(sa.Column("reminder_template_code", sa.String(40), nullable=True))
    op.create_index("ix_episode_revisit_on", "episode", ["revisit_on"])
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purpose", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("episode_id", id_type, nullable=True))
        batch_op.add_column(sa.Column("plan_key", sa.String(80), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_sms_message_plan_key"), ["plan_key"])
    connection = op.get_bind()
    if not _server(connection):
        return
    op.execute("ALTER TABLE sms_template ADD COLUMN change_xid xid8 NOT NULL")
    op.execute(
        "CREATE INDEX ix_sms_template_change_cursor ON sms_template (change_xid, change_seq)"
    )
    op.execute(
        "CREATE TRIGGER sms_template_sync_stamp BEFORE INSERT OR UPDATE ON sms_template "
        "FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()"
    )
    for event in ("insert", "update"):
        op.execute(
            f"CREATE TRIGGER sms_template_notify_{event} AFTER {event.upper()} ON "
            "sms_template REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION sync_notify_change()"
        )
    for statement in SECURITY:
        op.execute(statement)
    edit_function(connection, "sync_apply(jsonb)", _APPLY_EDITS)


def downgrade() -> None:
    connection = op.get_bind()
    if _server(connection):
        edit_function(connection, "sync_apply(jsonb)", undo_edits(_APPLY_EDITS))
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_sms_message_plan_key"), type_="unique")
        for name in reversed(_MESSAGE_COLUMNS):
            batch_op.drop_column(name)
    op.drop_index("ix_episode_revisit_on", table_name="episode")
    # Plain columns, dropped in place: a batch copy of followup_plan would break the foreign
    # keys every task holds to it (SQLite refuses to drop the referenced table).
    for name in reversed(_PLAN_COLUMNS):
        op.drop_column("followup_plan", name)
    op.drop_table("sms_template")
