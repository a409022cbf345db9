"""a claim is one round trip that brings the task's card; lease_claim_next plans once

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 10:00:00

Server only; the desk's SQLite store is unchanged.

**The card comes with the claim.** ``lease_claim_next_card(seconds, due_before, known)`` and
``lease_claim_card(task, seconds, known)`` claim as ``lease_claim_next`` and ``lease_claim``
do, and answer in the same row the server's clock (so the desk measures its clock offset
without a round trip of its own) and, for a lease the caller won, ``desk_task_card``: the
task, its patient, the patient's contacts, the task's episode and plan, and the plan's
questionnaire and script, the departments and staff they name, as JSON arrays of rows keyed
by table. ``known`` (``{"call_script": [1, 2], ...}``) lists reference rows the desk already
holds (department, staff, followup_plan, questionnaire_template, call_script); those are
left out. A desk that never saw the task stores all of it with the lease in one local
transaction instead of nine reads and nine commits.

The two claim functions are SECURITY INVOKER: the lease itself is taken by the SECURITY
DEFINER lease functions, which apply the caller's own role and department. ``desk_task_card``
is SECURITY DEFINER with the read rules of row-level security for desk roles written out
(the task as ``followup_task_read``, its patient and contacts through it, the episode as
``episode_read``, staff as ``staff_read``, each with quality's ``_read_all``), because
reading as the caller runs the policies' helper functions a dozen times per card, which cost
more than the claim; a staff row carries only the columns desk roles are granted, never
``password_hash``. The tests compare a card with what the login may SELECT itself.

**lease_claim_next plans once.** It used to be re-planned on every call (its one query
branched on the caller's role, so a cached plan fitted nobody), which cost more server time
than the claim itself. Now each role has its own query, cached as a generic plan, an agent's
queue is read from its two partial indexes (own tasks, then the department pool earlier
than the first own task), the caller and the lease length are read inline, and an absent
``due_before`` is an open range the index can use. Behaviour and grants are unchanged.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

LEASE_ROLES = "desk_agent, desk_supervisor, desk_quality"
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"

_OPEN = "t.status IN ('pending', 'in_progress') AND t.due_at < due"
_UNLEASED = (
    "NOT EXISTS (SELECT 1 FROM task_lease l WHERE l.task_id = t.id AND l.expires_at > now())"
)
_PICK = "ORDER BY t.due_at, t.id LIMIT 1 FOR NO KEY UPDATE OF t SKIP LOCKED"

CLAIM_NEXT = f"""
CREATE OR REPLACE FUNCTION lease_claim_next(seconds integer, due_before timestamptz DEFAULT NULL)
RETURNS TABLE (task_id bigint, owner_id bigint, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    me_id bigint;
    me_role text;
    me_department bigint;
    due timestamptz := COALESCE(due_before, 'infinity');
    until timestamptz;
    candidate bigint;
    own_due timestamptz;
    pooled bigint;
BEGIN
    SELECT s.id, s.role, s.department_id INTO me_id, me_role, me_department
    FROM staff s WHERE s.username = session_user::text AND s.active;
    IF me_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SY002',
            MESSAGE = format('the database login %s is not an active staff member', session_user);
    END IF;
    SELECT now() + make_interval(secs => LEAST(GREATEST(COALESCE(seconds, 0), lo.value),
                                               hi.value))
    INTO until FROM desk_server_setting lo, desk_server_setting hi
    WHERE lo.name = 'lease_min_seconds' AND hi.name = 'lease_max_seconds';
    LOOP
        -- Each round takes a fresh snapshot (READ COMMITTED), so a lease committed since the
        -- last round is seen and its task left out; SKIP LOCKED passes over tasks another
        -- desk is claiming right now.
        IF me_role = 'agent' THEN
            -- Own tasks first; the pool only if it has one due earlier. Locking the own
            -- candidate meanwhile keeps nobody else waiting: only this agent's queue has it.
            SELECT t.id, t.due_at INTO candidate, own_due FROM followup_task t
            WHERE {_OPEN} AND t.assigned_staff_id = me_id AND {_UNLEASED}
            {_PICK};
            SELECT t.id INTO pooled FROM followup_task t
            WHERE {_OPEN} AND t.assigned_staff_id IS NULL AND t.department_id = me_department
              AND (candidate IS NULL OR (t.due_at, t.id) < (own_due, candidate))
              AND {_UNLEASED}
            {_PICK};
            candidate := COALESCE(pooled, candidate);
        ELSIF me_role = 'supervisor' THEN
            SELECT t.id INTO candidate FROM followup_task t
            WHERE {_OPEN} AND t.department_id = me_department AND {_UNLEASED}
            {_PICK};
        ELSIF me_role = 'quality' THEN
            SELECT t.id INTO candidate FROM followup_task t
            WHERE {_OPEN} AND {_UNLEASED}
            {_PICK};
        END IF;
        IF candidate IS NULL THEN
            RETURN;
        END IF;
        INSERT INTO task_lease AS l (task_id, owner_id, expires_at)
        VALUES (candidate, me_id, until)
        ON CONFLICT ON CONSTRAINT task_lease_pkey DO UPDATE
            SET owner_id = EXCLUDED.owner_id, expires_at = EXCLUDED.expires_at, claimed_at = now()
            WHERE l.expires_at <= now()
        RETURNING l.task_id, l.owner_id, l.expires_at
        INTO task_id, owner_id, expires_at;
        IF FOUND THEN
            RETURN NEXT;
            RETURN;
        END IF;
        candidate := NULL;  -- taken by a lease committed after our snapshot: next round
        pooled := NULL;
    END LOOP;
END $$;
"""


def _known(table: str, key: str) -> str:
    """True unless the desk said it holds row ``key`` of ``table`` already."""
    return f"NOT COALESCE(known -> '{table}' @> to_jsonb({key}), false)"


# table -> (FROM, WHERE, row as JSON or "" for the whole row)
_CARD_PARTS: tuple[tuple[str, str, str, str], ...] = (
    ("followup_task", "task", "true", ""),
    ("patient", "patient p, task", "p.id = task.patient_id", ""),
    ("contact", "contact c, task", "c.patient_id = task.patient_id", ""),
    ("episode", "episode e", "true", ""),
    ("followup_plan", "plan", _known("followup_plan", "plan.id"), ""),
    ("questionnaire_template", "questionnaire_template q, plan",
     f"q.id = plan.template_id AND {_known('questionnaire_template', 'q.id')}", ""),
    ("call_script", "call_script c, plan",
     f"c.id = plan.script_id AND {_known('call_script', 'c.id')}", ""),
    ("department", "department d",
     "d.id IN (SELECT task.department_id FROM task UNION ALL SELECT e.department_id FROM "
     f"episode e UNION ALL SELECT plan.department_id FROM plan) AND {_known('department', 'd.id')}",
     ""),
    ("staff", "staff s",
     "s.id IN (SELECT me_id FROM task UNION ALL SELECT task.assigned_staff_id FROM task "
     "UNION ALL SELECT e.attending_doctor_id FROM episode e UNION ALL "
     "SELECT e.attending_nurse_id FROM episode e) "
     "AND (s.department_id = me_department OR s.id = me_id OR me_role = 'quality') "
     f"AND {_known('staff', 's.id')}", "STAFF"),
)  # fmt: skip


def card_function(staff_columns: list[str]) -> str:
    """``desk_task_card``: SECURITY DEFINER, with row-level security's read rules for desk
    roles written out (migration 0003's policies), because reading as the caller evaluates
    the policies' helper functions a dozen times per card, which cost more than the claim.
    A staff row carries only the columns a desk may read. PL/pgSQL, so its one query is
    planned once per session."""
    staff_row = "jsonb_build_object(" + ", ".join(f"'{c}', s.\"{c}\"" for c in staff_columns) + ")"
    parts = []
    for table, source, where, row in _CARD_PARTS:
        alias = source.split(",")[0].split()[-1]
        value = staff_row if row == "STAFF" else f"to_jsonb({alias}) - 'change_xid'"
        parts.append(
            f"'{table}', (SELECT COALESCE(jsonb_agg({value}), '[]') FROM {source} WHERE {where})"
        )
    fields = ",\n        ".join(parts)
    return f"""
CREATE FUNCTION desk_task_card(wanted bigint, known jsonb DEFAULT '{{}}')
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    me_id bigint;
    me_role text;
    me_department bigint;
    card jsonb;
BEGIN
    SELECT s.id, s.role, s.department_id INTO me_id, me_role, me_department
    FROM staff s WHERE s.username = session_user::text AND s.active;
    -- The task as followup_task_read / _read_all let the caller see it; its patient and the
    -- patient's contacts are visible through it (patient_read, contact_read); the episode
    -- as episode_read / _read_all; staff as staff_read / _read_all.
    WITH task AS (
        SELECT t.* FROM followup_task t
        WHERE t.id = wanted AND (me_role = 'quality'
            OR (me_role IN ('agent', 'supervisor')
                AND (t.department_id = me_department OR t.assigned_staff_id = me_id)))),
    episode AS (
        SELECT e.* FROM episode e, task
        WHERE e.id = task.episode_id AND (me_role = 'quality' OR e.department_id = me_department
            OR (task.assigned_staff_id = me_id AND e.patient_id = task.patient_id))),
    plan AS (SELECT p.* FROM followup_plan p, task WHERE p.id = task.plan_id)
    SELECT jsonb_build_object(
        {fields})
    INTO card;
    RETURN card;
END $$;
"""


CLAIM_WITH_CARD = """
CREATE FUNCTION lease_claim_next_card(seconds integer, due_before timestamptz, known jsonb)
RETURNS TABLE (server_now timestamptz, task_id bigint, owner_id bigint,
               expires_at timestamptz, owner_name text, card jsonb)
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
BEGIN
    SELECT l.task_id, l.owner_id, l.expires_at INTO task_id, owner_id, expires_at
    FROM lease_claim_next(seconds, due_before) AS l;
    IF task_id IS NOT NULL THEN
        card := desk_task_card(task_id, known);
    END IF;
    server_now := clock_timestamp();
    RETURN NEXT;  -- one row even when nothing is due, so the server's clock comes back
END $$;

CREATE FUNCTION lease_claim_card(wanted bigint, seconds integer, known jsonb)
RETURNS TABLE (server_now timestamptz, task_id bigint, owner_id bigint,
               expires_at timestamptz, owner_name text, card jsonb)
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
BEGIN
    SELECT l.task_id, l.owner_id, l.expires_at, l.owner_name
    INTO task_id, owner_id, expires_at, owner_name
    FROM lease_claim(wanted, seconds) AS l;
    IF owner_id = desk_staff_id() THEN
        card := desk_task_card(task_id, known);
    END IF;
    server_now := clock_timestamp();
    RETURN NEXT;
END $$;
"""

NEW_FUNCTIONS = (
    "lease_claim_card(bigint, integer, jsonb)",
    "lease_claim_next_card(integer, timestamptz, jsonb)",
    "desk_task_card(bigint, jsonb)",
)


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def _staff_columns(connection: sa.Connection) -> list[str]:
    """The staff columns desk roles may read (migration 0009's column grant)."""
    return list(
        connection.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = 'staff' "
            "AND has_column_privilege('desk_staff', 'public.staff', column_name::text, 'SELECT') "
            "ORDER BY ordinal_position"
        ).scalars()
    )


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _previous_claim_next() -> str:
    """lease_claim_next as migrations 0003 and 0009 left it."""
    leases: str = _migration("0003_leases_security_uploads.py").LEASES
    start = leases.index("CREATE FUNCTION lease_claim_next(")
    end = leases.index("END $$;", start) + len("END $$;")
    old, new = _migration("0009_server_doors_closed.py")._LEASE_SECONDS
    body = leases[start:end].replace(str(old), str(new))
    return body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    connection = op.get_bind()
    if not _server(connection):
        return  # the desk's SQLite store has no server functions
    op.execute(CLAIM_NEXT)
    op.execute(card_function(_staff_columns(connection)))
    op.execute(CLAIM_WITH_CARD)
    functions = ", ".join(NEW_FUNCTIONS)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {functions} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {functions} TO {LEASE_ROLES}")


def downgrade() -> None:
    if not _server(op.get_bind()):
        return
    for function in NEW_FUNCTIONS:
        op.execute(f"DROP FUNCTION {function}")
    op.execute(_previous_claim_next())
