"""spot-checks created on the server; a complaint's department travels with its updates

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 17:00:00

Server only (the local store changes nothing):

- ``desk_spot_check_plan()`` gives a sampling the spot-check plan, storing it with its
  verification questionnaire and script on first use. A supervisor's login may not write
  templates or plans (they are the administrator's), so the function does it for them, and
  only that. Stored on first use rather than here: a hospital loaded with its own ids (a HIS
  import, the demo) must find the ids it brings still free.
- Supervisors may add level-2 spot-check tasks for their own department, quality staff level-2
  and level-3 spot-check tasks for any department. Only tasks with a parent: a sampling's
  tasks check a follow-up that was done, they do not start new follow-ups.
- ``sync_apply`` carries a complaint's re-assignment to another department from a desk that
  worked offline. It updates the department only when it changed, so an agent's reply to a
  complaint (agents have no grant on the column) is never refused for it.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from agent_app.shipped_files import RESOURCES_DIR

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

RESOURCES = RESOURCES_DIR
TEMPLATE_CODE = "spot_check_verification"  # supervision.verification_plan names the same
PLAN_NAME = "质控抽查核实"
SCRIPT_TITLE = "质控抽查核实话术"
DEPT = "(SELECT desk_staff_department())"
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"
SPOT_CHECK = "parent_task_id IS NOT NULL"
RULES = (
    "GRANT EXECUTE ON FUNCTION desk_spot_check_plan() TO desk_supervisor, desk_quality",
    "GRANT INSERT ON followup_task TO desk_supervisor, desk_quality",
    "GRANT USAGE ON SEQUENCE followup_task_id_seq TO desk_supervisor, desk_quality",
    "CREATE POLICY followup_task_spot_check ON followup_task FOR INSERT TO desk_supervisor "
    f"WITH CHECK (level = 2 AND department_id = {DEPT} AND {SPOT_CHECK})",
    "CREATE POLICY followup_task_spot_check_all ON followup_task FOR INSERT TO desk_quality "
    f"WITH CHECK (level IN (2, 3) AND {SPOT_CHECK})",
)
UNDO = (
    "DROP POLICY followup_task_spot_check_all ON followup_task",
    "DROP POLICY followup_task_spot_check ON followup_task",
    "REVOKE USAGE ON SEQUENCE followup_task_id_seq FROM desk_supervisor, desk_quality",
    "REVOKE INSERT ON followup_task FROM desk_supervisor, desk_quality",
)

_COMPLAINT_FOUND = (
    "                MESSAGE = 'the complaint to update is not on the server';\n        END IF;\n"
)
_COMPLAINT_MOVED = """\
        -- Privileges are checked before any row is: only a real move names the column.
        IF p ? 'department_id' AND EXISTS (SELECT 1 FROM complaint c
                WHERE c.id = (p->>'id')::uuid
                  AND c.department_id IS DISTINCT FROM (p->>'department_id')::bigint) THEN
            UPDATE complaint c SET department_id = (p->>'department_id')::bigint
            WHERE c.id = (p->>'id')::uuid;
        END IF;
"""


def _apply_sql(connection: sa.Connection) -> str:
    return str(
        connection.exec_driver_sql(
            "SELECT pg_get_functiondef('sync_apply(jsonb)'::regprocedure)"
        ).scalar_one()
    )


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def _plan_function() -> str:
    """``desk_spot_check_plan()``: the spot-check plan's id, stored with its questionnaire and
    script on first use. SECURITY DEFINER: a supervisor may not write templates or plans, but
    a sampling needs this one. What it stores is fixed here, from the shipped files."""
    body = (RESOURCES / "questionnaires" / f"{TEMPLATE_CODE}.json").read_text("utf-8")
    parsed = json.loads(body)
    script = (RESOURCES / "scripts" / f"{TEMPLATE_CODE}.txt").read_text("utf-8")
    for piece in (body, script):
        if "$spot$" in piece:
            raise RuntimeError("the shipped spot-check files hold the quoting tag $spot$")
    ids = ", ".join(
        f"('{table}', (SELECT max(id) FROM {table}))"
        for table in ("questionnaire_template", "call_script", "followup_plan")
    )
    return f"""
CREATE FUNCTION desk_spot_check_plan() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE v_template bigint; v_script bigint; v_plan bigint; r record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('desk_spot_check_plan'));
    SELECT q.id INTO v_template FROM questionnaire_template q
    WHERE q.code = '{TEMPLATE_CODE}' AND q.active ORDER BY q.version DESC LIMIT 1;
    IF v_template IS NOT NULL THEN
        SELECT p.id INTO v_plan FROM followup_plan p
        WHERE p.template_id = v_template AND p.name = '{PLAN_NAME}' ORDER BY p.id LIMIT 1;
        IF v_plan IS NOT NULL THEN
            RETURN v_plan;
        END IF;
    END IF;
    -- Rows loaded with their own ids (a HIS import, the demo) may have left a sequence
    -- behind: move each past the highest id before taking one.
    FOR r IN SELECT x.top, pg_get_serial_sequence(x.tbl, 'id')::regclass AS seq
             FROM (VALUES {ids}) AS x(tbl, top) LOOP
        IF r.top IS NOT NULL THEN
            PERFORM setval(r.seq, GREATEST(r.top, COALESCE(pg_sequence_last_value(r.seq), 0)));
        END IF;
    END LOOP;
    IF v_template IS NULL THEN
        INSERT INTO questionnaire_template (code, version, title, body, active, change_seq)
        VALUES ('{TEMPLATE_CODE}', {int(parsed.get("version", 1))},
                $spot${parsed["title"]["zh_CN"]}$spot$, $spot${body}$spot$::jsonb, true, 0)
        RETURNING id INTO v_template;
    END IF;
    SELECT s.id INTO v_script FROM call_script s WHERE s.code = '{TEMPLATE_CODE}';
    IF v_script IS NULL THEN
        INSERT INTO call_script (code, title, body, change_seq)
        VALUES ('{TEMPLATE_CODE}', '{SCRIPT_TITLE}', $spot${script}$spot$, 0)
        RETURNING id INTO v_script;
    END IF;
    INSERT INTO followup_plan (name, department_id, template_id, script_id, rules, offsets_days,
        max_attempts, retry_spacing_minutes, calling_hours, sms_before_call, active, change_seq)
    VALUES ('{PLAN_NAME}', NULL, v_template, v_script, '{{"spot_check": true}}', '[0]', 3,
        120, '{{}}', false, true, 0)
    RETURNING id INTO v_plan;
    RETURN v_plan;
END $fn$;
REVOKE ALL ON FUNCTION desk_spot_check_plan() FROM PUBLIC;
"""


def upgrade() -> None:
    connection = op.get_bind()
    if not _server(connection):
        return
    op.execute(_plan_function())
    for rule in RULES:
        op.execute(rule)
    apply = _apply_sql(connection)
    if _COMPLAINT_FOUND not in apply:
        raise RuntimeError("sync_apply changed; cannot find its complaint update")
    op.execute(apply.replace(_COMPLAINT_FOUND, _COMPLAINT_FOUND + _COMPLAINT_MOVED, 1))


def downgrade() -> None:
    connection = op.get_bind()
    if not _server(connection):
        return
    op.execute(_apply_sql(connection).replace(_COMPLAINT_MOVED, "", 1))
    for rule in UNDO:
        op.execute(rule)
    # A plan it stored stays: spot-check tasks point at it.
    op.execute("DROP FUNCTION desk_spot_check_plan()")
