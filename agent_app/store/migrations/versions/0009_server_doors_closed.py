"""server doors closed: writes only within reach, functions per role, server-stamped audit

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 19:00:00

Server only; on the desk's SQLite store it forgets password hashes pulled from a server.

**Reach.** ``desk_task_in_reach(task, patient, department)`` (SECURITY DEFINER) is the one rule
for "may this login write about this task": quality staff reach every task; agents and
supervisors the tasks of their department, tasks assigned to them, and tasks they worked
(a lease or a call attempt of theirs), so a result for a task moved away meanwhile is still
kept and flagged. The INSERT policies of call attempts, results, red-flag alerts and SMS use
it (with the patient and department the row names, which must be the task's); complaints may
name only a patient and a call the writer sees. ``sync_task_state`` answers (and locks) only
tasks in reach, so no login can lock another department's tasks; everything else is
"not on the server".

**Flags.** ``sync_result_flag`` says, as a code, why a result arriving now is kept but flagged:
``task_cancelled``, ``task_reassigned:<staff>``, ``lease_lost:<staff>`` (another desk holds the
task's lease now, judged by the server's clock), ``task_already_done`` (another staff member's
result came first) or ``task_moved`` (the task left the writer's department).

**Spot-checks** copy patient, episode, department and follow-up point from a done level-1
parent task the caller sees, under the spot-check plan, open and unclaimed; a supervisor's
only for their own department. Sampling runs are under row-level security too.

**Functions.** EXECUTE is revoked from PUBLIC on every function of the schema (and by default
on new ones) and granted per group role; every SECURITY DEFINER function sets its search_path.
Lease lengths are clamped to ``desk_server_setting`` (``lease_min_seconds``,
``lease_max_seconds``; 60 and 3600), which only the database owner changes.

**Staff password hashes** are granted to no desk role (column grants), and never pulled.

**Audit.** A staff login's audit row gets the server's time and the login's own staff id,
whatever the desk sent; the desk's own time stays in ``detail.desk_at``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ME = "(SELECT desk_staff_id())"
DEPT = "(SELECT desk_staff_department())"
DESK = "desk_agent, desk_supervisor"
LEASE_ROLES = "desk_agent, desk_supervisor, desk_quality"
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"

FUNCTIONS = """
CREATE TABLE desk_server_setting (name text PRIMARY KEY, value integer NOT NULL);
INSERT INTO desk_server_setting VALUES ('lease_min_seconds', 60), ('lease_max_seconds', 3600);

CREATE FUNCTION desk_lease_seconds(requested integer) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT LEAST(GREATEST(COALESCE(requested, 0), lo.value), hi.value)
    FROM desk_server_setting lo, desk_server_setting hi
    WHERE lo.name = 'lease_min_seconds' AND hi.name = 'lease_max_seconds'
$$;

-- A desk's login (not a superuser, not a table owner's tool): the server decides for it.
CREATE FUNCTION desk_is_staff_login() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT NOT r.rolsuper AND pg_has_role(session_user, 'desk_staff', 'MEMBER')
    FROM pg_roles r WHERE r.rolname = session_user
$$;

CREATE FUNCTION desk_task_in_reach(wanted bigint, patient bigint DEFAULT NULL,
                                   department bigint DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM followup_task t, desk_staff() me
        WHERE t.id = wanted AND me.id IS NOT NULL
          AND (patient IS NULL OR t.patient_id = patient)
          AND (department IS NULL OR t.department_id = department)
          AND (me.role = 'quality'
               OR (me.role IN ('agent', 'supervisor')
                   AND (t.department_id = me.department_id OR t.assigned_staff_id = me.id
                        OR EXISTS (SELECT 1 FROM task_lease l
                                   WHERE l.task_id = t.id AND l.owner_id = me.id)
                        OR EXISTS (SELECT 1 FROM call_attempt a
                                   WHERE a.task_id = t.id AND a.staff_id = me.id)))))
$$;

-- Only what the push rules need (id, status, assignee), locked as they need it, and only
-- for a task in the caller's reach: another department's tasks are "not on the server".
CREATE OR REPLACE FUNCTION sync_task_state(wanted bigint, for_update boolean)
RETURNS followup_task
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t followup_task;
BEGIN
    IF desk_is_staff_login() AND NOT desk_task_in_reach(wanted) THEN
        RETURN t;
    END IF;
    IF for_update THEN
        SELECT x.id, x.status, x.assigned_staff_id INTO t.id, t.status, t.assigned_staff_id
        FROM followup_task x WHERE x.id = wanted FOR UPDATE;
    ELSE
        SELECT x.id, x.status, x.assigned_staff_id INTO t.id, t.status, t.assigned_staff_id
        FROM followup_task x WHERE x.id = wanted FOR SHARE;
    END IF;
    RETURN t;
END $$;

CREATE FUNCTION sync_result_flag(wanted bigint, writer bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE
        WHEN t.status = 'cancelled' THEN 'task_cancelled'
        WHEN t.assigned_staff_id IS NOT NULL AND t.assigned_staff_id <> writer
            THEN 'task_reassigned:' || t.assigned_staff_id
        WHEN l.owner_id IS NOT NULL THEN 'lease_lost:' || l.owner_id
        WHEN t.status = 'done' AND EXISTS (SELECT 1 FROM followup_result r
                                           WHERE r.task_id = t.id AND r.staff_id <> writer)
            THEN 'task_already_done'
        WHEN s.id IS NOT NULL AND s.role IN ('agent', 'supervisor')
             AND s.department_id IS DISTINCT FROM t.department_id
             AND t.assigned_staff_id IS DISTINCT FROM writer
            THEN 'task_moved'
        ELSE '' END
    FROM followup_task t
    LEFT JOIN staff s ON s.id = writer
    LEFT JOIN task_lease l ON l.task_id = t.id AND l.owner_id <> writer AND l.expires_at > now()
    WHERE t.id = wanted AND (NOT desk_is_staff_login() OR desk_task_in_reach(wanted))
$$;

-- A spot-check copies its parent: a done level-1 follow-up the caller sees (a supervisor's
-- department, any for quality). A function, as a policy on followup_task cannot read it.
CREATE FUNCTION desk_spot_check_parent(parent bigint, patient bigint, episode bigint,
                                       department bigint, point integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM followup_task p, desk_staff() me
        WHERE p.id = parent AND p.level = 1 AND p.status = 'done'
          AND p.patient_id = patient AND p.episode_id IS NOT DISTINCT FROM episode
          AND p.department_id = department AND p.offset_days = point
          AND (me.role = 'quality'
               OR (me.role = 'supervisor' AND p.department_id = me.department_id)))
$$;

-- The server says who wrote an audit row and when; the desk's own time is kept beside it.
CREATE FUNCTION desk_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF desk_is_staff_login() THEN
        NEW.detail := COALESCE(NEW.detail, '{}'::jsonb)
            || jsonb_build_object('desk_at', NEW.at, 'desk_staff_id', NEW.staff_id);
        NEW.at := now();
        NEW.staff_id := desk_staff_id();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION desk_audit_stamp();
"""

_OLD_FLAG = """res.flagged_reason := CASE
            WHEN cur_task.assigned_staff_id IS NOT NULL
                 AND cur_task.assigned_staff_id <> res.staff_id
                THEN format('task was reassigned to staff %s before this result arrived',
                            cur_task.assigned_staff_id)
            WHEN cur_task.status = 'cancelled'
                THEN 'task was cancelled before this result arrived'
            ELSE '' END;"""
_NEW_FLAG = "res.flagged_reason := COALESCE(sync_result_flag(res.task_id, res.staff_id), '');"

# A change id claimed by another login is not a "duplicate" of this desk's change: say so,
# so a desk whose change id was taken first by someone else sees a refusal, not a silent drop.
_OLD_CLAIMED = """    IF claimed = 0 THEN
        apply_outcome := 'duplicate';
        RETURN;
    END IF;"""
_NEW_CLAIMED = """    IF claimed = 0 THEN
        IF NOT EXISTS (SELECT 1 FROM applied_change a WHERE a.change_id = cid) THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = 'this change id was already used by another login';
        END IF;
        apply_outcome := 'duplicate';
        RETURN;
    END IF;"""
# Acknowledging an alert names the one who did it, never someone else.
_ACKNOWLEDGE = (
    "CREATE POLICY red_flag_alert_acknowledge ON red_flag_alert FOR UPDATE TO desk_staff "
    f"USING (doctor_id = {ME} OR department_id = {DEPT}) "
    f"WITH CHECK ((doctor_id = {ME} OR department_id = {DEPT}) "
    f"AND (acknowledged_by_id IS NULL OR acknowledged_by_id = {ME}))"
)
_OLD_ACKNOWLEDGE = (
    "CREATE POLICY red_flag_alert_acknowledge ON red_flag_alert FOR UPDATE TO desk_staff "
    f"USING (doctor_id = {ME} OR department_id = {DEPT})"
)

_LEASE_SECONDS = (
    "make_interval(secs => seconds)",
    "make_interval(secs => desk_lease_seconds(seconds))",
)
LEASE_FUNCTIONS = (
    "lease_claim_next(integer, timestamptz)",
    "lease_claim(bigint, integer)",
    "lease_heartbeat(integer)",
)

_SPOT_PARENT = (
    "parent_task_id IS NOT NULL AND status = 'pending' AND attempt_count = 0 "
    "AND EXISTS (SELECT 1 FROM followup_plan pl WHERE pl.id = followup_task.plan_id "
    "AND pl.rules ? 'spot_check') "
    "AND desk_spot_check_parent(parent_task_id, patient_id, episode_id, department_id, "
    "offset_days)"
)
_SAME_DEPT_STAFF = (
    "(assigned_staff_id IS NULL OR EXISTS (SELECT 1 FROM staff s "
    "WHERE s.id = followup_task.assigned_staff_id "
    "AND s.department_id = followup_task.department_id))"
)
# (table, policy, command, roles, expression); replaced policies are dropped first.
POLICIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("followup_task", "spot_check", "INSERT", "desk_supervisor",
     f"level = 2 AND department_id = {DEPT} AND {_SPOT_PARENT} AND {_SAME_DEPT_STAFF}"),
    ("followup_task", "spot_check_all", "INSERT", "desk_quality",
     f"level IN (2, 3) AND {_SPOT_PARENT} AND {_SAME_DEPT_STAFF}"),
    ("call_attempt", "write", "INSERT", "desk_staff",
     f"staff_id = {ME} AND CASE WHEN task_id IS NULL "
     "THEN patient_id IS NULL "
     "OR EXISTS (SELECT 1 FROM patient p WHERE p.id = call_attempt.patient_id) "
     "ELSE desk_task_in_reach(task_id, patient_id) END"),
    ("followup_result", "write", "INSERT", "desk_staff",
     f"staff_id = {ME} AND desk_task_in_reach(task_id)"),
    ("red_flag_alert", "write", "INSERT", "desk_staff",
     f"raised_by_id = {ME} AND desk_task_in_reach(task_id, patient_id, department_id) "
     "AND EXISTS (SELECT 1 FROM followup_result r WHERE r.id = red_flag_alert.result_id "
     "AND r.task_id = red_flag_alert.task_id)"),
    ("sms_message", "write", "INSERT", "desk_staff",
     "task_id IS NULL OR desk_task_in_reach(task_id)"),
    ("complaint", "write", "INSERT", "desk_staff",
     f"created_by_id = {ME} "
     "AND (patient_id IS NULL "
     "OR EXISTS (SELECT 1 FROM patient p WHERE p.id = complaint.patient_id)) "
     "AND (attempt_id IS NULL OR EXISTS (SELECT 1 FROM call_attempt a "
     "WHERE a.id = complaint.attempt_id))"),
    ("sampling_run", "read", "SELECT", "desk_supervisor",
     f"department_id = {DEPT} OR created_by_id = {ME}"),
    ("sampling_run", "write", "INSERT", "desk_supervisor",
     f"created_by_id = {ME} AND department_id = {DEPT} AND level = 2"),
    ("sampling_run", "read_all", "SELECT", "desk_quality", "true"),
    ("sampling_run", "write_all", "INSERT", "desk_quality", f"created_by_id = {ME}"),
)  # fmt: skip
NEW_TABLES_WITH_RLS = ("sampling_run",)

# Who may call what; everything else is callable only inside the functions that use it.
EXECUTE = (
    ("desk_staff() , desk_staff_id(), desk_staff_department(), desk_is_staff_login(), "
     "desk_task_in_reach(bigint, bigint, bigint), sync_push(jsonb), sync_apply(jsonb), "
     "sync_task_state(bigint, boolean), sync_result_flag(bigint, bigint), "
     "recording_upload_offset(uuid), recording_put_chunk(uuid, bigint, bytea), "
     "recording_finish(uuid)", "desk_staff"),
    ("lease_claim_next(integer, timestamptz), lease_claim(bigint, integer), "
     "lease_heartbeat(integer), lease_release(bigint)", LEASE_ROLES),
    ("desk_spot_check_plan(), "
     "desk_spot_check_parent(bigint, bigint, bigint, bigint, integer)",
     "desk_supervisor, desk_quality"),
)  # fmt: skip


def _function_sql(connection: sa.Connection, signature: str) -> str:
    return str(
        connection.exec_driver_sql(
            f"SELECT pg_get_functiondef('{signature}'::regprocedure)"
        ).scalar_one()
    )


def _replace_in_function(
    connection: sa.Connection, signature: str, old: str, new: str, *, count: int = 1
) -> None:
    sql = _function_sql(connection, signature)
    if sql.count(old) != count:
        raise RuntimeError(f"{signature} changed; cannot find {old!r} {count} time(s)")
    op.execute(sql.replace(old, new))


def _staff_columns(connection: sa.Connection) -> str:
    names = connection.exec_driver_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = 'staff' AND column_name <> 'password_hash' ORDER BY ordinal_position"
    ).scalars()
    return ", ".join(f'"{name}"' for name in names)


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def _forget_pulled_hashes(connection: sa.Connection) -> None:
    """A desk that has pulled from a server holds its colleagues' hashes: drop them all; each
    staff member's next sign-in on this desk is checked by the server and kept for offline."""
    pulled = connection.exec_driver_sql(
        "SELECT count(*) FROM sync_state WHERE name LIKE 'pull:%'"
    ).scalar()
    if pulled:
        connection.exec_driver_sql("UPDATE staff SET password_hash = ''")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        _forget_pulled_hashes(connection)
        return
    if not _server(connection):
        return
    op.execute(FUNCTIONS)
    _replace_in_function(connection, "sync_apply(jsonb)", _OLD_FLAG, _NEW_FLAG)
    _replace_in_function(connection, "sync_apply(jsonb)", _OLD_CLAIMED, _NEW_CLAIMED)
    op.execute("DROP POLICY red_flag_alert_acknowledge ON red_flag_alert")
    op.execute(_ACKNOWLEDGE)
    for signature in LEASE_FUNCTIONS:
        count = _function_sql(connection, signature).count(_LEASE_SECONDS[0])
        _replace_in_function(connection, signature, *_LEASE_SECONDS, count=max(count, 1))
    for table, name, *_ in POLICIES:
        op.execute(f"DROP POLICY IF EXISTS {table}_{name} ON {table}")
    for table in NEW_TABLES_WITH_RLS:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    _create_policies(POLICIES)
    columns = _staff_columns(connection)
    op.execute("REVOKE ALL ON staff FROM desk_staff, desk_agent, desk_supervisor, desk_quality, "
               "desk_admin")  # fmt: skip
    op.execute(f"GRANT SELECT ({columns}) ON staff TO desk_staff")
    op.execute(f"GRANT INSERT ({columns}), UPDATE ({columns}), DELETE ON staff TO desk_admin")
    op.execute("GRANT SELECT ON desk_server_setting TO desk_staff")
    op.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    op.execute("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
    for functions, roles in EXECUTE:
        op.execute(f"GRANT EXECUTE ON FUNCTION {functions} TO {roles}")


OLD_POLICIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("followup_task", "spot_check", "INSERT", "desk_supervisor",
     f"level = 2 AND department_id = {DEPT} AND parent_task_id IS NOT NULL"),
    ("followup_task", "spot_check_all", "INSERT", "desk_quality",
     "level IN (2, 3) AND parent_task_id IS NOT NULL"),
    ("call_attempt", "write", "INSERT", "desk_staff", f"staff_id = {ME}"),
    ("followup_result", "write", "INSERT", "desk_staff", f"staff_id = {ME}"),
    ("red_flag_alert", "write", "INSERT", "desk_staff", f"raised_by_id = {ME}"),
    ("sms_message", "write", "INSERT", "desk_staff",
     "task_id IS NULL OR EXISTS (SELECT 1 FROM followup_task t WHERE t.id = sms_message.task_id)"),
    ("complaint", "write", "INSERT", "desk_staff", f"created_by_id = {ME}"),
)  # fmt: skip
OLD_TASK_STATE = """
CREATE OR REPLACE FUNCTION sync_task_state(wanted bigint, for_update boolean)
RETURNS followup_task
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t followup_task;
BEGIN
    IF for_update THEN
        SELECT x.id, x.status, x.assigned_staff_id INTO t.id, t.status, t.assigned_staff_id
        FROM followup_task x WHERE x.id = wanted FOR UPDATE;
    ELSE
        SELECT x.id, x.status, x.assigned_staff_id INTO t.id, t.status, t.assigned_staff_id
        FROM followup_task x WHERE x.id = wanted FOR SHARE;
    END IF;
    RETURN t;
END $$;
"""


def _create_policies(policies: tuple[tuple[str, str, str, str, str], ...]) -> None:
    for table, name, command, roles, expression in policies:
        clause = f"WITH CHECK ({expression})" if command == "INSERT" else f"USING ({expression})"
        op.execute(f"CREATE POLICY {table}_{name} ON {table} FOR {command} TO {roles} {clause}")


def downgrade() -> None:
    connection = op.get_bind()
    if not _server(connection):
        return
    op.execute("ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC")
    op.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC")
    op.execute("REVOKE ALL ON staff FROM desk_staff, desk_admin")
    op.execute("GRANT SELECT ON staff TO desk_staff")
    op.execute("GRANT INSERT, UPDATE, DELETE ON staff TO desk_admin")
    for table, name, *_ in POLICIES:
        op.execute(f"DROP POLICY IF EXISTS {table}_{name} ON {table}")
    for table in NEW_TABLES_WITH_RLS:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    _create_policies(OLD_POLICIES)
    op.execute("DROP TRIGGER audit_log_stamp ON audit_log")
    op.execute("DROP FUNCTION desk_audit_stamp()")
    _replace_in_function(connection, "sync_apply(jsonb)", _NEW_FLAG, _OLD_FLAG)
    _replace_in_function(connection, "sync_apply(jsonb)", _NEW_CLAIMED, _OLD_CLAIMED)
    op.execute("DROP POLICY red_flag_alert_acknowledge ON red_flag_alert")
    op.execute(_OLD_ACKNOWLEDGE)
    for signature in LEASE_FUNCTIONS:
        count = _function_sql(connection, signature).count(_LEASE_SECONDS[1])
        _replace_in_function(connection, signature, *reversed(_LEASE_SECONDS), count=count)
    op.execute(OLD_TASK_STATE)
    for function in ("sync_result_flag(bigint, bigint)",
                     "desk_spot_check_parent(bigint, bigint, bigint, bigint, integer)",
                     "desk_task_in_reach(bigint, bigint, bigint)", "desk_is_staff_login()",
                     "desk_lease_seconds(integer)"):  # fmt: skip
        op.execute(f"DROP FUNCTION {function}")
    op.execute("DROP TABLE desk_server_setting")
