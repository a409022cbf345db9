"""task leases, row-level security, recording uploads, data-driven insert-only sync (server side)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:00:00

Everything here is PostgreSQL only; the desk's SQLite store is unchanged.

**Who is calling.** Each staff member connects as their own LOGIN role named exactly like
``staff.username`` (``agent_app.sync.logins.provision_staff_login`` makes it), a member of one
group role per ``staff.role``: ``desk_agent``, ``desk_supervisor``, ``desk_quality``,
``desk_admin``, all members of ``desk_staff`` which holds the grants every desk needs. Roles are
cluster-wide, so upgrade creates them only if missing and downgrade drops them only when no
other database still uses them. ``desk_staff()`` / ``desk_staff_id()`` /
``desk_staff_department()`` (SECURITY DEFINER, keyed on ``session_user``) say who the caller is;
policies call them as ``(SELECT desk_staff_id())`` so they run once per query, not per row.

**Row-level security.** Agents and supervisors see the tasks of their department and tasks
assigned to them; patients, contacts and episodes through those (the patient has no
department: it is reached through an episode of the department or a visible task, both index
probes by patient id); call attempts they made or of visible tasks; results and SMS of visible
tasks; recordings, reviews and stored recording chunks through the attempt they belong to
(each policy leans on the parent table's policy). ``desk_quality`` sees all of it;
``desk_admin`` manages staff, departments and the reference tables and sees no patient data.
``audit_log`` is insert-only for everyone (own staff id) and readable by quality and admin
only. Writes are limited by column grants and WITH CHECK (a desk writes rows under its own
staff id). Table owners (the migration and import roles) are not subject to the policies.

Because rows can become visible without changing (a new episode makes an old patient part of
a department), inserting an episode or a task, or moving a task to another department or
assignee, re-stamps the patient and its contacts, so the pull cursor hands them out again.

**sync_apply** now reads the insert-only tables from ``sync_insert_only(table_name)``: a later
migration registers another table with
``INSERT INTO sync_insert_only VALUES ('my_table') ON CONFLICT DO NOTHING`` (and deletes it in
its downgrade); the table needs a unique key the desk fills (a client uuid ``id``: a repeated
insert is answered ``duplicate``), an INSERT grant to ``desk_staff`` and, under RLS, an INSERT
policy. Seeded here: call_attempt, recording, qa_review, complaint, audit_log,
sms_message. When the caller is a staff login, the actor is that login's staff row (the
payload's ``_actor_id`` counts only for non-staff sessions such as tools and tests); the
task a result or a task update names is looked up past RLS (``sync_task_state``: id, status
and assignee only), so a result for a task moved to another department meanwhile is still
kept and flagged, and the update answered ``stale``; ``sync_push`` also refuses for good an
entry a policy or a grant forbids (SQLSTATE 42501).

**Leases** live in the server-only ``task_lease`` (one row per leased task), not in
``followup_task``, so heartbeats do not move the pull cursor. ``lease_claim_next``,
``lease_claim``, ``lease_heartbeat`` and ``lease_release`` are SECURITY DEFINER and check the
scope inside from ``desk_staff()`` (an agent's own tasks and department pool, a supervisor's
department, the whole hospital for quality, nothing for admin). They lock the task row
``FOR NO KEY UPDATE SKIP LOCKED`` and write the lease with
``ON CONFLICT ... DO UPDATE WHERE expired``, so two desks never hold one task even when one
commits between the other's snapshot and its lock.

**Recording upload**: ``recording_chunk(recording_id, byte_offset, data)`` keeps the bytes;
``recording_upload_offset`` says where to resume, ``recording_put_chunk`` appends (a resent
chunk is answered, not stored twice), ``recording_finish`` checks size and sha256 against the
recording row and marks it ``verified`` (or drops the chunks and marks it ``failed``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INSERT_ONLY = ("call_attempt", "recording", "qa_review", "complaint", "audit_log", "sms_message")
READABLE = (
    "department", "staff", "patient", "contact", "episode", "questionnaire_template",
    "call_script", "followup_plan", "followup_task", "blacklist", "call_attempt",
    "followup_result", "recording", "qa_review", "complaint", "sms_message",
    "recording_chunk", "sync_insert_only",
)  # fmt: skip
REFERENCE = ("department", "staff", "questionnaire_template", "call_script", "followup_plan",
             "blacklist")  # fmt: skip
SECURED = (
    "staff", "patient", "contact", "episode", "followup_task", "call_attempt", "followup_result",
    "recording", "qa_review", "complaint", "sms_message", "audit_log", "recording_chunk",
    "applied_change",
)  # fmt: skip


def _migration_0002() -> ModuleType:
    path = Path(__file__).with_name("0002_server_sync.py")
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _replaced(sql: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        if old not in sql:
            raise RuntimeError(f"migration 0002 changed; cannot find {old!r}")
        sql = sql.replace(old, new)
    return sql.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def _new_apply(old: str) -> str:
    return _replaced(
        old,
        (
            "actor bigint := COALESCE(\n"
            "        (change->'payload'->>'_actor_id')::bigint,\n"
            "        (SELECT s.id FROM staff s WHERE s.username = session_user));",
            "actor bigint := COALESCE(\n"
            "        desk_staff_id(), (change->'payload'->>'_actor_id')::bigint);",
        ),
        # No conflict target: naming one needs SELECT on the key, which an insert-only table
        # such as audit_log does not grant (and RLS would then check the SELECT policies).
        ("'ON CONFLICT (id) DO NOTHING', tbl, tbl)", "'ON CONFLICT DO NOTHING', tbl, tbl)"),
        (
            "ELSIF tbl IN ('call_attempt', 'recording', 'qa_review', 'complaint') "
            "AND op = 'insert'",
            "ELSIF op = 'insert' AND EXISTS (SELECT 1 FROM sync_insert_only i "
            "WHERE i.table_name = tbl)",
        ),
        # The task a result or an update names is looked up past RLS (sync_task_state), so a
        # result for a task moved out of the agent's sight is still kept and flagged, and an
        # update of such a task is answered "stale" instead of being refused as unknown.
        (
            "SELECT * INTO cur_task FROM followup_task t WHERE t.id = res.task_id FOR SHARE;",
            "SELECT * INTO cur_task FROM sync_task_state(res.task_id, false) x "
            "WHERE x.id IS NOT NULL;",
        ),
        (
            "SELECT * INTO cur_task FROM followup_task t WHERE t.id = new_task.id FOR UPDATE;",
            "SELECT * INTO cur_task FROM sync_task_state(new_task.id, true) x "
            "WHERE x.id IS NOT NULL;",
        ),
        (
            "        WHERE t.id = cur_task.id;\n        IF NOT holds THEN",
            "        WHERE t.id = cur_task.id;\n        holds := holds AND FOUND;\n"
            "        IF NOT holds THEN",
        ),
    )


def _new_push(old: str) -> str:
    return _replaced(
        old,
        (
            "IF left(err_state, 2) NOT IN ('22', '23', 'SY') THEN",
            "IF left(err_state, 2) NOT IN ('22', '23', 'SY') AND err_state <> '42501' THEN",
        ),
    )


TASK_STATE = """
-- Only what the push rules need (id, status, assignee), locked as the rules need it.
CREATE FUNCTION sync_task_state(wanted bigint, for_update boolean) RETURNS followup_task
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

ROLES = """
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['desk_staff', 'desk_agent', 'desk_supervisor', 'desk_quality',
                             'desk_admin'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        IF r <> 'desk_staff' AND NOT pg_has_role(r, 'desk_staff', 'MEMBER') THEN
            EXECUTE format('GRANT desk_staff TO %I', r);
        END IF;
    END LOOP;
END $$;
"""

WHO = """
CREATE FUNCTION desk_staff(OUT id bigint, OUT role text, OUT department_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.id, s.role, s.department_id FROM staff s
    WHERE s.username = session_user::text AND s.active
$$;
CREATE FUNCTION desk_staff_id() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.id FROM staff s WHERE s.username = session_user::text AND s.active
$$;
CREATE FUNCTION desk_staff_department() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.department_id FROM staff s WHERE s.username = session_user::text AND s.active
$$;
"""

ME = "(SELECT desk_staff_id())"
DEPT = "(SELECT desk_staff_department())"
DESK = "desk_agent, desk_supervisor"


def _task(ref: str) -> str:
    # Probes the task by primary key; followup_task's own policy then says whether it counts.
    return f"EXISTS (SELECT 1 FROM followup_task t WHERE t.id = {ref})"


def _attempt(ref: str, extra: str = "") -> str:
    return f"EXISTS (SELECT 1 FROM call_attempt a WHERE a.id = {ref}{extra})"


# Every cross-table test is an EXISTS probe on a primary key or an indexed foreign key, and
# leans on the parent table's policy, so a pull page or a single lookup costs a few index
# probes per row however large the hospital is.
# (table, policy name suffix, command, roles, USING or WITH CHECK expression)
POLICIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("staff", "read", "SELECT", DESK, f"department_id = {DEPT} OR id = {ME}"),
    ("staff", "read_all", "SELECT", "desk_quality, desk_admin", "true"),
    ("staff", "manage", "ALL", "desk_admin", "true"),
    ("followup_task", "read", "SELECT", DESK,
     f"department_id = {DEPT} OR assigned_staff_id = {ME}"),
    ("followup_task", "change", "UPDATE", DESK,
     f"department_id = {DEPT} OR assigned_staff_id = {ME}"),
    ("followup_task", "read_all", "SELECT", "desk_quality", "true"),
    ("followup_task", "change_all", "UPDATE", "desk_quality", "true"),
    ("episode", "read", "SELECT", DESK,
     f"department_id = {DEPT} OR EXISTS (SELECT 1 FROM followup_task t WHERE "
     f"t.patient_id = episode.patient_id AND t.episode_id = episode.id "
     f"AND t.assigned_staff_id = {ME})"),
    ("episode", "read_all", "SELECT", "desk_quality", "true"),
    ("patient", "read", "SELECT", DESK,
     f"EXISTS (SELECT 1 FROM episode e WHERE e.patient_id = patient.id "
     f"AND e.department_id = {DEPT}) "
     f"OR EXISTS (SELECT 1 FROM followup_task t WHERE t.patient_id = patient.id)"),
    ("patient", "read_all", "SELECT", "desk_quality", "true"),
    ("contact", "read", "SELECT", DESK,
     "EXISTS (SELECT 1 FROM patient p WHERE p.id = contact.patient_id)"),
    ("contact", "read_all", "SELECT", "desk_quality", "true"),
    ("call_attempt", "read", "SELECT", DESK,
     f"staff_id = {ME} OR {_task('call_attempt.task_id')}"),
    ("call_attempt", "read_all", "SELECT", "desk_quality", "true"),
    ("call_attempt", "write", "INSERT", "desk_staff", f"staff_id = {ME}"),
    ("call_attempt", "change", "UPDATE", "desk_staff", f"staff_id = {ME}"),
    ("followup_result", "read", "SELECT", DESK,
     f"staff_id = {ME} OR {_task('followup_result.task_id')}"),
    ("followup_result", "read_all", "SELECT", "desk_quality", "true"),
    ("followup_result", "write", "INSERT", "desk_staff", f"staff_id = {ME}"),
    ("recording", "read", "SELECT", "desk_staff", _attempt("recording.attempt_id")),
    ("recording", "write", "INSERT", "desk_staff",
     _attempt("recording.attempt_id", f" AND a.staff_id = {ME}")),
    ("recording_chunk", "read", "SELECT", "desk_staff",
     "EXISTS (SELECT 1 FROM recording r WHERE r.id = recording_chunk.recording_id)"),
    ("qa_review", "read", "SELECT", "desk_staff", _attempt("qa_review.attempt_id")),
    ("qa_review", "write", "INSERT", "desk_supervisor, desk_quality",
     f"reviewer_id = {ME} AND {_attempt('qa_review.attempt_id')}"),
    ("complaint", "read", "SELECT", DESK,
     f"department_id = {DEPT} OR created_by_id = {ME}"),
    ("complaint", "read_all", "SELECT", "desk_quality", "true"),
    ("complaint", "write", "INSERT", "desk_staff", f"created_by_id = {ME}"),
    ("complaint", "change", "UPDATE", DESK, f"department_id = {DEPT} OR created_by_id = {ME}"),
    ("complaint", "change_all", "UPDATE", "desk_quality", "true"),
    ("sms_message", "read", "SELECT", DESK, _task("sms_message.task_id")),
    ("sms_message", "read_all", "SELECT", "desk_quality", "true"),
    ("sms_message", "write", "INSERT", "desk_staff",
     f"task_id IS NULL OR {_task('sms_message.task_id')}"),
    ("audit_log", "write", "INSERT", "desk_staff", f"staff_id = {ME}"),
    ("audit_log", "read", "SELECT", "desk_quality, desk_admin", "true"),
    ("applied_change", "own", "ALL", "desk_staff", "applied_by = session_user"),
)  # fmt: skip

GRANTS = (
    "GRANT USAGE ON SCHEMA public TO desk_staff",
    f"GRANT SELECT ON {', '.join(READABLE)} TO desk_staff",
    "GRANT INSERT ON call_attempt, followup_result, recording, qa_review, complaint, "
    "sms_message, audit_log TO desk_staff",
    "GRANT UPDATE (answered_at, ended_at, disposition, end_reason) ON call_attempt TO desk_staff",
    "GRANT UPDATE (state, replies, closed_at) ON complaint TO desk_staff",
    "GRANT UPDATE (attempt_count, status, due_at, updated_at) ON followup_task TO desk_staff",
    "GRANT SELECT, INSERT, UPDATE ON applied_change TO desk_staff",
    "GRANT USAGE ON SEQUENCE sync_change_seq TO desk_staff",
    f"GRANT INSERT, UPDATE, DELETE ON {', '.join(REFERENCE)} TO desk_admin",
    "GRANT SELECT ON audit_log TO desk_quality, desk_admin",
)

TOUCH = """
CREATE TABLE sync_insert_only (table_name text PRIMARY KEY);

-- A patient becomes visible to a department when an episode or task of it appears there; its
-- row did not change, so stamp it (and its contacts) again for the pull cursor. Per statement
-- for inserts, so a bulk import touches each patient once.
CREATE FUNCTION desk_touch_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE patient SET change_seq = 0 WHERE id IN (SELECT n.patient_id FROM new_rows n);
    UPDATE contact SET change_seq = 0 WHERE patient_id IN (SELECT n.patient_id FROM new_rows n);
    RETURN NULL;
END $$;
CREATE FUNCTION desk_touch_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE patient SET change_seq = 0 WHERE id = NEW.patient_id;
    UPDATE contact SET change_seq = 0 WHERE patient_id = NEW.patient_id;
    RETURN NULL;
END $$;
CREATE TRIGGER episode_touch_patient AFTER INSERT ON episode
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION desk_touch_inserted();
CREATE TRIGGER followup_task_touch_patient AFTER INSERT ON followup_task
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION desk_touch_inserted();
CREATE TRIGGER followup_task_moved_touch_patient
    AFTER UPDATE OF department_id, assigned_staff_id ON followup_task FOR EACH ROW
    WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id
          OR OLD.assigned_staff_id IS DISTINCT FROM NEW.assigned_staff_id)
    EXECUTE FUNCTION desk_touch_moved();
"""

LEASES = """
CREATE TABLE task_lease (
    task_id bigint PRIMARY KEY REFERENCES followup_task (id) ON DELETE CASCADE,
    owner_id bigint NOT NULL REFERENCES staff (id),
    expires_at timestamptz NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_task_lease_owner ON task_lease (owner_id);

CREATE FUNCTION lease_caller(OUT id bigint, OUT role text, OUT department_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    SELECT d.id, d.role, d.department_id INTO id, role, department_id FROM desk_staff() d;
    IF id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SY002',
            MESSAGE = format('the database login %s is not an active staff member', session_user);
    END IF;
END $$;

CREATE FUNCTION lease_claim_next(seconds int, due_before timestamptz DEFAULT NULL)
RETURNS TABLE (task_id bigint, owner_id bigint, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me record;
    candidate bigint;
BEGIN
    SELECT * INTO me FROM lease_caller();
    LOOP
        -- Each round takes a fresh snapshot (READ COMMITTED), so a lease committed since the
        -- last round is seen and its task left out; SKIP LOCKED passes over tasks another
        -- desk is claiming right now.
        SELECT t.id INTO candidate FROM followup_task t
        WHERE t.status IN ('pending', 'in_progress')
          AND (due_before IS NULL OR t.due_at < due_before)
          AND (me.role = 'quality'
               OR (me.role = 'supervisor' AND t.department_id = me.department_id)
               OR (me.role = 'agent' AND (t.assigned_staff_id = me.id
                   OR (t.department_id = me.department_id AND t.assigned_staff_id IS NULL))))
          AND NOT EXISTS (SELECT 1 FROM task_lease l
                          WHERE l.task_id = t.id AND l.expires_at > now())
        ORDER BY t.due_at, t.id
        LIMIT 1
        FOR NO KEY UPDATE OF t SKIP LOCKED;
        IF candidate IS NULL THEN
            RETURN;
        END IF;
        INSERT INTO task_lease AS l (task_id, owner_id, expires_at)
        VALUES (candidate, me.id, now() + make_interval(secs => seconds))
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
    END LOOP;
END $$;

CREATE FUNCTION lease_claim(wanted bigint, seconds int)
RETURNS TABLE (task_id bigint, owner_id bigint, expires_at timestamptz, owner_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me record;
    t followup_task;
BEGIN
    SELECT * INTO me FROM lease_caller();
    SELECT * INTO t FROM followup_task x WHERE x.id = wanted FOR NO KEY UPDATE;
    -- COALESCE: a pool task's NULL assignee must not turn the whole test into NULL (= pass).
    IF NOT FOUND OR t.status NOT IN ('pending', 'in_progress') OR NOT COALESCE(
            me.role = 'quality'
            OR (me.role = 'supervisor' AND t.department_id = me.department_id)
            OR (me.role = 'agent' AND (t.assigned_staff_id = me.id
                OR (t.department_id = me.department_id AND t.assigned_staff_id IS NULL))),
            false) THEN
        RAISE EXCEPTION USING ERRCODE = 'SY003',
            MESSAGE = format('task %s is not open or not in your queue', wanted);
    END IF;
    INSERT INTO task_lease AS l (task_id, owner_id, expires_at)
    VALUES (wanted, me.id, now() + make_interval(secs => seconds))
    ON CONFLICT ON CONSTRAINT task_lease_pkey DO UPDATE
        SET owner_id = EXCLUDED.owner_id, expires_at = EXCLUDED.expires_at,
            claimed_at = CASE WHEN l.owner_id = EXCLUDED.owner_id THEN l.claimed_at ELSE now() END
        WHERE l.expires_at <= now() OR l.owner_id = EXCLUDED.owner_id;
    RETURN QUERY SELECT l.task_id, l.owner_id, l.expires_at, s.full_name::text
        FROM task_lease l JOIN staff s ON s.id = l.owner_id WHERE l.task_id = wanted;
END $$;

CREATE FUNCTION lease_heartbeat(seconds int)
RETURNS TABLE (task_id bigint, owner_id bigint, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me record;
BEGIN
    SELECT * INTO me FROM lease_caller();
    DELETE FROM task_lease l USING followup_task t
    WHERE l.owner_id = me.id AND t.id = l.task_id AND t.status NOT IN ('pending', 'in_progress');
    -- A lease that ran out is renewed too while nobody else has taken the task.
    RETURN QUERY UPDATE task_lease l SET expires_at = now() + make_interval(secs => seconds)
        WHERE l.owner_id = me.id
        RETURNING l.task_id, l.owner_id, l.expires_at;
END $$;

CREATE FUNCTION lease_release(released bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me record;
BEGIN
    SELECT * INTO me FROM lease_caller();
    DELETE FROM task_lease l WHERE l.task_id = released AND l.owner_id = me.id;
END $$;
"""

UPLOADS = """
CREATE TABLE recording_chunk (
    recording_id uuid NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    byte_offset bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (recording_id, byte_offset)
);
-- Opus is already compressed: store the bytes out of line without trying pglz on them.
ALTER TABLE recording_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE FUNCTION recording_for_upload(rec uuid, lock boolean) RETURNS recording
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r recording;
BEGIN
    IF lock THEN
        SELECT * INTO r FROM recording x WHERE x.id = rec FOR UPDATE;
    ELSE
        SELECT * INTO r FROM recording x WHERE x.id = rec;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SY004',
            MESSAGE = format('recording %s is not on the server yet', rec);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM call_attempt a WHERE a.id = r.attempt_id
                   AND a.staff_id = desk_staff_id()) THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = 'only the staff member who made the call can upload its recording';
    END IF;
    RETURN r;
END $$;

CREATE FUNCTION recording_upload_offset(rec uuid, OUT stored bigint, OUT state text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r recording := recording_for_upload(rec, false);
BEGIN
    state := r.upload_state;
    SELECT COALESCE(max(c.byte_offset + length(c.data)), 0) INTO stored
    FROM recording_chunk c WHERE c.recording_id = rec;
END $$;

CREATE FUNCTION recording_put_chunk(rec uuid, at_offset bigint, chunk bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r recording := recording_for_upload(rec, true);
    stored bigint;
BEGIN
    IF r.upload_state = 'verified' THEN
        RETURN r.size_bytes;
    END IF;
    SELECT COALESCE(max(c.byte_offset + length(c.data)), 0) INTO stored
    FROM recording_chunk c WHERE c.recording_id = rec;
    IF at_offset < stored THEN
        RETURN stored;  -- a chunk resent after a lost answer: already stored
    END IF;
    IF at_offset > stored THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = format('chunk at byte %s leaves a gap after byte %s', at_offset, stored);
    END IF;
    IF stored + length(chunk) > r.size_bytes THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = format('the upload is longer than the recording''s %s bytes', r.size_bytes);
    END IF;
    INSERT INTO recording_chunk VALUES (rec, at_offset, chunk);
    UPDATE recording SET upload_state = 'uploading' WHERE id = rec AND upload_state <> 'uploading';
    RETURN stored + length(chunk);
END $$;

CREATE FUNCTION recording_finish(rec uuid, OUT state text, OUT detail text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r recording := recording_for_upload(rec, true);
    got_size bigint;
    got_hash text;
BEGIN
    IF r.upload_state = 'verified' THEN
        state := 'verified';
        detail := '';
        RETURN;
    END IF;
    SELECT COALESCE(sum(length(c.data)), 0),
           encode(sha256(COALESCE(string_agg(c.data, ''::bytea ORDER BY c.byte_offset),
                                  ''::bytea)), 'hex')
    INTO got_size, got_hash
    FROM recording_chunk c WHERE c.recording_id = rec;
    IF got_size = r.size_bytes AND got_hash = lower(r.sha256) THEN
        state := 'verified';
        detail := '';
    ELSE
        DELETE FROM recording_chunk c WHERE c.recording_id = rec;
        state := 'failed';
        detail := format('the server received %s bytes with sha256 %s, expected %s bytes '
                         'with sha256 %s', got_size, got_hash, r.size_bytes, r.sha256);
    END IF;
    UPDATE recording SET upload_state = state WHERE id = rec;
END $$;
"""

LEASE_FUNCTIONS = (
    "lease_release(bigint)",
    "lease_heartbeat(int)",
    "lease_claim(bigint, int)",
    "lease_claim_next(int, timestamptz)",
    "lease_caller()",
)
UPLOAD_FUNCTIONS = (
    "recording_finish(uuid)",
    "recording_put_chunk(uuid, bigint, bytea)",
    "recording_upload_offset(uuid)",
    "recording_for_upload(uuid, boolean)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the desk's SQLite store has no server rules
    old = _migration_0002()
    op.execute(ROLES)
    op.execute(WHO)
    op.execute(TOUCH)
    op.execute(
        "INSERT INTO sync_insert_only VALUES " + ", ".join(f"('{table}')" for table in INSERT_ONLY)
    )
    op.execute(TASK_STATE)
    op.execute(_new_apply(old.APPLY))
    op.execute(_new_push(old.PUSH))
    op.execute(LEASES)
    op.execute(UPLOADS)
    for grant in GRANTS:
        op.execute(grant)
    for table in SECURED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for table, name, command, roles, expression in POLICIES:
        clause = f"WITH CHECK ({expression})" if command == "INSERT" else f"USING ({expression})"
        op.execute(f"CREATE POLICY {table}_{name} ON {table} FOR {command} TO {roles} {clause}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    old = _migration_0002()
    for table, name, *_ in POLICIES:
        op.execute(f"DROP POLICY {table}_{name} ON {table}")
    for table in SECURED:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for function in (*UPLOAD_FUNCTIONS, *LEASE_FUNCTIONS):
        op.execute(f"DROP FUNCTION {function}")
    op.execute("DROP TABLE recording_chunk")
    op.execute("DROP TABLE task_lease")
    op.execute(old.PUSH.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(old.APPLY.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute("DROP FUNCTION sync_task_state(bigint, boolean)")
    op.execute("DROP TRIGGER followup_task_moved_touch_patient ON followup_task")
    op.execute("DROP TRIGGER followup_task_touch_patient ON followup_task")
    op.execute("DROP TRIGGER episode_touch_patient ON episode")
    op.execute("DROP FUNCTION desk_touch_moved()")
    op.execute("DROP FUNCTION desk_touch_inserted()")
    op.execute("DROP TABLE sync_insert_only")
    for function in ("desk_staff_department()", "desk_staff_id()", "desk_staff()"):
        op.execute(f"DROP FUNCTION {function}")
    # Roles are cluster-wide: take back what this database granted, then drop each role only
    # if no other database still holds grants for it.
    op.execute(
        """
        DO $$
        DECLARE r text;
        BEGIN
            FOREACH r IN ARRAY ARRAY['desk_agent', 'desk_supervisor', 'desk_quality',
                                     'desk_admin', 'desk_staff'] LOOP
                EXECUTE format('DROP OWNED BY %I', r);
                BEGIN
                    EXECUTE format('DROP ROLE %I', r);
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    RAISE NOTICE 'role % is still used by another database; kept', r;
                END;
            END LOOP;
        END $$;
        """
    )
