"""red-flag inbox: the doctor role, acknowledgements stamped by the server, escalation

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 19:40:00

**Both stores.** ``red_flag_alert`` gains ``change_seq`` (it is pulled now, so the doctor and
the supervisor see alerts raised on other desks), ``ack_action`` (a code of
``domain.red_flags.AckAction``), ``ack_note``, ``escalated_at`` (passed to the supervisor) and
``on_duty_sms_at`` (texted to the on-duty number). ``department`` gains ``on_duty_phone``
(E.164, "" for none), pulled with the department like its name, set by the administrator.

**Server.** A ``desk_doctor`` group (a member of ``desk_staff``) for staff with role
``doctor``. A doctor reads the alerts of their department and those naming them, and through
those alerts only the patients, numbers, results and calls behind them (to read the answers,
play the call and call back); their own staff row and their department's staff. No queue,
no lease, no task: ``desk_task_in_reach`` reaches nothing for a doctor.

Nobody updates ``red_flag_alert`` directly any more. ``red_flag_acknowledge(alert, action,
note)`` (SECURITY DEFINER) lets the alert's doctor, a doctor of its department or its
department's supervisor acknowledge it once, with the server's time and the caller's own staff
id; an acknowledged alert is never changed again. ``sync_apply`` takes a pushed ``update`` of an
alert through it (an alert acknowledged meanwhile by someone else is answered ``stale``). A new
alert must arrive unacknowledged and unescalated, and its ``created_at`` is never after the
server's clock (a desk clock running ahead would delay the escalation).

``red_flag_escalate(texts)`` (every desk's sync cycle calls it) decides escalation on the
server, once whatever number of desks call it at once: an open alert older than
``red_flag_escalate_minutes`` (``desk_server_setting``, 30) gets ``escalated_at``; and, when the
caller is a desk that sends text messages (``texts``), one escalated longer than
``red_flag_sms_minutes`` (30) ago in a department with an on-duty number gets
``on_duty_sms_at``, and that row (alert, department, number, minutes waited; no patient) is
answered to the one caller whose UPDATE stamped it, which then queues the text. Concurrent
callers serialise on the row lock and the loser's re-checked ``WHERE`` finds it stamped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from agent_app.store.migrations.function_edits import edit_function, undo_edits

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

ME = "(SELECT desk_staff_id())"
DEPT = "(SELECT desk_staff_department())"
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"
_ALERT_COLUMNS = ("ack_action", "ack_note", "escalated_at", "on_duty_sms_at")
ACK_ACTIONS = ("noted", "called_back", "told_to_come_in", "referred_to_emergency")

ROLE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'desk_doctor') THEN
        CREATE ROLE desk_doctor NOLOGIN;
    END IF;
    IF NOT pg_has_role('desk_doctor', 'desk_staff', 'MEMBER') THEN
        GRANT desk_staff TO desk_doctor;
    END IF;
END $$;
"""

_ACTIONS_SQL = ", ".join(f"'{code}'" for code in ACK_ACTIONS)
FUNCTIONS = f"""
INSERT INTO desk_server_setting VALUES ('red_flag_escalate_minutes', 30),
    ('red_flag_sms_minutes', 30) ON CONFLICT (name) DO NOTHING;

CREATE FUNCTION red_flag_acknowledge(alert uuid, action text, note text)
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    my_id bigint;
    my_role text;
    my_dept bigint;
    a red_flag_alert;
    said text := btrim(COALESCE(note, ''));
BEGIN
    SELECT d.id, d.role, d.department_id INTO my_id, my_role, my_dept FROM desk_staff() d;
    SELECT * INTO a FROM red_flag_alert x WHERE x.id = alert FOR UPDATE;
    IF NOT FOUND OR my_id IS NULL OR NOT (
            (my_role = 'doctor' AND (a.doctor_id = my_id OR a.department_id = my_dept))
            OR (my_role = 'supervisor' AND a.department_id = my_dept)) THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001', MESSAGE = 'not_yours';
    END IF;
    IF a.acknowledged_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001', MESSAGE = 'already_acknowledged';
    END IF;
    IF action IS NULL OR action NOT IN ({_ACTIONS_SQL}) THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001', MESSAGE = 'unknown_action';
    END IF;
    IF (action = 'noted' AND said = '') OR length(said) > 500 THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001', MESSAGE = 'note_required';
    END IF;
    UPDATE red_flag_alert x SET acknowledged_at = now(), acknowledged_by_id = my_id,
        ack_action = action, ack_note = said
    WHERE x.id = alert;
    RETURN now();
END $$;

CREATE FUNCTION red_flag_escalate(texts boolean)
RETURNS TABLE (alert uuid, department bigint, phone text, waited_minutes integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first_wait interval := make_interval(mins => (SELECT s.value FROM desk_server_setting s
                                                  WHERE s.name = 'red_flag_escalate_minutes'));
    second_wait interval := make_interval(mins => (SELECT s.value FROM desk_server_setting s
                                                   WHERE s.name = 'red_flag_sms_minutes'));
BEGIN
    IF desk_staff_id() IS NULL THEN
        RETURN;
    END IF;
    UPDATE red_flag_alert x SET escalated_at = now()
    WHERE x.acknowledged_at IS NULL AND x.escalated_at IS NULL
      AND x.created_at <= now() - first_wait;
    IF NOT COALESCE(texts, false) THEN
        RETURN;
    END IF;
    RETURN QUERY
    UPDATE red_flag_alert x SET on_duty_sms_at = now()
    FROM department d
    WHERE d.id = x.department_id AND d.on_duty_phone <> ''
      AND x.acknowledged_at IS NULL AND x.escalated_at IS NOT NULL
      AND x.on_duty_sms_at IS NULL AND x.escalated_at <= now() - second_wait
    RETURNING x.id, x.department_id, d.on_duty_phone::text,
              (extract(epoch FROM now() - x.created_at) / 60)::integer;
END $$;

-- The desk's wrap-up time, but never after the server's: escalation counts from it.
CREATE FUNCTION red_flag_alert_clock() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF desk_is_staff_login() THEN
        NEW.created_at := LEAST(NEW.created_at, now());
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER red_flag_alert_clock BEFORE INSERT ON red_flag_alert
    FOR EACH ROW EXECUTE FUNCTION red_flag_alert_clock();
"""
DROP_FUNCTIONS = (
    "DROP TRIGGER red_flag_alert_clock ON red_flag_alert",
    "DROP FUNCTION red_flag_alert_clock()",
    "DROP FUNCTION red_flag_escalate(boolean)",
    "DROP FUNCTION red_flag_acknowledge(uuid, text, text)",
    "DELETE FROM desk_server_setting WHERE name IN ('red_flag_escalate_minutes', "
    "'red_flag_sms_minutes')",
)

_ALERT = "EXISTS (SELECT 1 FROM red_flag_alert a WHERE a.{column} = {ref})"
# (table, policy, command, roles, expression): read policies for the doctor's group.
DOCTOR_POLICIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("red_flag_alert", "doctor_read", "SELECT", "desk_doctor",
     f"department_id = {DEPT} OR doctor_id = {ME}"),
    ("staff", "doctor_read", "SELECT", "desk_doctor", f"department_id = {DEPT} OR id = {ME}"),
    ("patient", "doctor_read", "SELECT", "desk_doctor",
     _ALERT.format(column="patient_id", ref="patient.id")),
    ("contact", "doctor_read", "SELECT", "desk_doctor",
     "EXISTS (SELECT 1 FROM patient p WHERE p.id = contact.patient_id)"),
    ("followup_result", "doctor_read", "SELECT", "desk_doctor",
     _ALERT.format(column="result_id", ref="followup_result.id")),
    ("call_attempt", "doctor_read", "SELECT", "desk_doctor",
     f"staff_id = {ME} OR " + _ALERT.format(column="task_id", ref="call_attempt.task_id")),
)  # fmt: skip

_WRITE_BEFORE = (
    f"raised_by_id = {ME} AND desk_task_in_reach(task_id, patient_id, department_id) "
    "AND EXISTS (SELECT 1 FROM followup_result r WHERE r.id = red_flag_alert.result_id "
    "AND r.task_id = red_flag_alert.task_id)"
)
_WRITE_AFTER = (
    f"{_WRITE_BEFORE} AND acknowledged_at IS NULL AND acknowledged_by_id IS NULL "
    "AND ack_action IS NULL AND escalated_at IS NULL AND on_duty_sms_at IS NULL"
)
_ACKNOWLEDGE_BEFORE = (
    "CREATE POLICY red_flag_alert_acknowledge ON red_flag_alert FOR UPDATE TO desk_staff "
    f"USING (doctor_id = {ME} OR department_id = {DEPT}) "
    f"WITH CHECK ((doctor_id = {ME} OR department_id = {DEPT}) "
    f"AND (acknowledged_by_id IS NULL OR acknowledged_by_id = {ME}))"
)

_ANCHOR = (
    "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
    "            MESSAGE = format('the server does not accept"
)
_APPLY_EDITS: tuple[tuple[str, str], ...] = (
    (
        _ANCHOR,
        "    ELSIF tbl = 'red_flag_alert' AND op = 'update' THEN\n"
        "        IF EXISTS (SELECT 1 FROM red_flag_alert x WHERE x.id = (p->>'id')::uuid\n"
        "                   AND x.acknowledged_at IS NOT NULL) THEN\n"
        "            apply_outcome := 'stale';\n"
        "            apply_detail := 'already_acknowledged';\n"
        "        ELSE\n"
        "            PERFORM red_flag_acknowledge((p->>'id')::uuid, p->>'ack_action',\n"
        "                                         COALESCE(p->>'ack_note', ''));\n"
        "        END IF;\n" + _ANCHOR,
    ),
)


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def _write_policy(check: str) -> None:
    op.execute("DROP POLICY red_flag_alert_write ON red_flag_alert")
    op.execute(
        "CREATE POLICY red_flag_alert_write ON red_flag_alert FOR INSERT TO desk_staff "
        f"WITH CHECK ({check})"
    )


def _track_changes() -> None:
    """Stamp and announce alert changes like the other pulled tables (0002, 0013)."""
    op.execute("ALTER TABLE red_flag_alert ADD COLUMN change_xid xid8 NOT NULL DEFAULT '1'")
    op.execute("ALTER TABLE red_flag_alert ALTER COLUMN change_xid DROP DEFAULT")
    op.execute("UPDATE red_flag_alert SET change_seq = nextval('sync_change_seq')")
    op.execute(
        "CREATE INDEX ix_red_flag_alert_change_cursor ON red_flag_alert (change_xid, change_seq)"
    )
    op.execute(
        "CREATE TRIGGER red_flag_alert_sync_stamp BEFORE INSERT OR UPDATE ON red_flag_alert "
        "FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()"
    )
    for event in ("insert", "update"):
        op.execute(
            f"CREATE TRIGGER red_flag_alert_notify_{event} AFTER {event.upper()} ON "
            "red_flag_alert REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION sync_notify_change()"
        )


def upgrade() -> None:
    with op.batch_alter_table("red_flag_alert", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("ack_action", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("ack_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("on_duty_sms_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_red_flag_alert_change_seq"), ["change_seq"])
    op.add_column(
        "department",
        sa.Column("on_duty_phone", sa.String(length=32), nullable=False, server_default=""),
    )
    connection = op.get_bind()
    if not _server(connection):
        return
    op.execute(ROLE)
    _track_changes()
    op.execute("DROP POLICY red_flag_alert_acknowledge ON red_flag_alert")
    op.execute("REVOKE UPDATE ON red_flag_alert FROM desk_staff")
    _write_policy(_WRITE_AFTER)
    for table, name, command, roles, expression in DOCTOR_POLICIES:
        op.execute(
            f"CREATE POLICY {table}_{name} ON {table} FOR {command} TO {roles} USING ({expression})"
        )
    op.execute(FUNCTIONS)
    op.execute("REVOKE EXECUTE ON FUNCTION red_flag_alert_clock() FROM PUBLIC")
    op.execute(
        "GRANT EXECUTE ON FUNCTION red_flag_acknowledge(uuid, text, text) "
        "TO desk_doctor, desk_supervisor"
    )
    op.execute("GRANT EXECUTE ON FUNCTION red_flag_escalate(boolean) TO desk_staff")
    edit_function(connection, "sync_apply(jsonb)", _APPLY_EDITS)


def downgrade() -> None:
    connection = op.get_bind()
    if _server(connection):
        edit_function(connection, "sync_apply(jsonb)", undo_edits(_APPLY_EDITS))
        for statement in DROP_FUNCTIONS:
            op.execute(statement)
        for table, name, *_ in DOCTOR_POLICIES:
            op.execute(f"DROP POLICY {table}_{name} ON {table}")
        _write_policy(_WRITE_BEFORE)
        op.execute(
            "GRANT UPDATE (acknowledged_at, acknowledged_by_id) ON red_flag_alert TO desk_staff"
        )
        op.execute(_ACKNOWLEDGE_BEFORE)
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER red_flag_alert_notify_{event} ON red_flag_alert")
        op.execute("DROP TRIGGER red_flag_alert_sync_stamp ON red_flag_alert")
        op.execute("DROP INDEX ix_red_flag_alert_change_cursor")
        op.execute("ALTER TABLE red_flag_alert DROP COLUMN change_xid")
        # desk_doctor stays, like the other groups (0003): other databases may use it.
    op.drop_column("department", "on_duty_phone")
    with op.batch_alter_table("red_flag_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_red_flag_alert_change_seq"))
        for name in reversed(_ALERT_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("change_seq")
