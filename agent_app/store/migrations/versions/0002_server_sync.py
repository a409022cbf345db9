"""server sync: change tracking for pull, idempotent apply for push (PostgreSQL only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00

**Change tracking (pull cursor).** Every change-tracked row carries ``change_seq`` (from one
sequence) and ``change_xid``, the id of the transaction that last wrote it
(``pg_current_xact_id()``, xid8); a BEFORE INSERT OR UPDATE trigger stamps both. A sequence
number alone cannot be a cursor: transaction A takes seq 5, B takes seq 6 and commits first, a
reader sees 6 and moves past it, then A commits 5 behind the reader's back. The xid rule fixes
that. A reader hands out only row versions whose ``change_xid`` is below the xmin of its own
snapshot (``pg_snapshot_xmin(pg_current_snapshot())``): every transaction below xmin has
finished, and any later writer gets a larger xid, so the set of versions below xmin never
grows again. Handing them out in ``(change_xid, change_seq)`` order with the last pair as the
cursor therefore never skips one and never repeats one (an updated row comes back once, as a
new version with a new xid). The price: a long transaction on the server holds everything
newer back until it ends; nothing is lost meanwhile. ``change_seq`` is unique, so the pair is a
total order and pages can stop anywhere. Rows that existed before this migration get a fresh
``change_seq`` and ``change_xid`` 1, below any real transaction, so a first pull finds them.

**Idempotent apply (push).** ``sync_push(changes jsonb)`` takes a batch of outbox entries
``{change_id, table, op, row_id, payload}`` and applies each through ``sync_apply``, returning
one ``(change_id, status, detail)`` row per entry; the batch runs in one savepoint and is redone
with a savepoint per entry only when one is refused. ``sync_apply``
first claims the change id in ``applied_change`` (``ON CONFLICT DO NOTHING``, which also waits
for a still-running earlier attempt of the same change), so a change pushed twice after a lost
acknowledgement answers ``duplicate`` and is not applied again. Rows the desk creates are
inserted by their client UUID with ``ON CONFLICT DO NOTHING``; results are insert-only, and a
result for a task assigned meanwhile to someone else, or cancelled, is stored with
``flagged_reason`` set for the supervisor. Task updates keep the larger attempt count and
change status or due time only while the task is open and the pusher (``_actor_id`` in the
payload, else the staff row named like the session's role) holds it or it is in the pool;
otherwise the answer is ``stale`` and the server keeps its state. A data or integrity error
(SQLSTATE class 22, 23) or a rule of ours (SQLSTATE ``SY001``) refuses that one entry for good
(status ``refused``, the desk quarantines it); any other error aborts the batch so the desk
retries it.

The functions are SECURITY INVOKER so row-level security policies added later apply to the
caller; leases can move into their own table later so heartbeats do not churn the cursor.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRACKED = (
    "department",
    "staff",
    "patient",
    "contact",
    "episode",
    "questionnaire_template",
    "call_script",
    "followup_plan",
    "followup_task",
    "blacklist",
)

STAMP = """
CREATE FUNCTION sync_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('sync_change_seq');
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END $$;
"""

APPLIED_CHANGE = """
CREATE TABLE applied_change (
    change_id uuid PRIMARY KEY,
    table_name text NOT NULL,
    row_id text NOT NULL,
    operation text NOT NULL,
    actor_id bigint,
    outcome text NOT NULL DEFAULT 'applied',
    detail text NOT NULL DEFAULT '',
    applied_by name NOT NULL DEFAULT session_user,
    applied_at timestamptz NOT NULL DEFAULT now()
);
"""

APPLY = """
CREATE FUNCTION sync_apply(change jsonb, OUT apply_outcome text, OUT apply_detail text)
LANGUAGE plpgsql AS $$
DECLARE
    cid uuid := (change->>'change_id')::uuid;
    tbl text := change->>'table';
    op text := change->>'op';
    p jsonb := change->'payload';
    actor bigint := COALESCE(
        (change->'payload'->>'_actor_id')::bigint,
        (SELECT s.id FROM staff s WHERE s.username = session_user));
    claimed int;
    res followup_result;
    new_task followup_task;
    cur_task followup_task;
    holds boolean;
BEGIN
    apply_outcome := 'applied';
    apply_detail := '';
    INSERT INTO applied_change (change_id, table_name, row_id, operation, actor_id)
    VALUES (cid, tbl, COALESCE(change->>'row_id', ''), op, actor)
    ON CONFLICT (change_id) DO NOTHING;
    GET DIAGNOSTICS claimed = ROW_COUNT;
    IF claimed = 0 THEN
        apply_outcome := 'duplicate';
        RETURN;
    END IF;

    IF tbl = 'followup_result' AND op = 'insert' THEN
        res := jsonb_populate_record(NULL::followup_result, p);
        SELECT * INTO cur_task FROM followup_task t WHERE t.id = res.task_id FOR SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = format('task %s does not exist on the server', res.task_id);
        END IF;
        res.flagged_reason := CASE
            WHEN cur_task.assigned_staff_id IS NOT NULL
                 AND cur_task.assigned_staff_id <> res.staff_id
                THEN format('task was reassigned to staff %s before this result arrived',
                            cur_task.assigned_staff_id)
            WHEN cur_task.status = 'cancelled'
                THEN 'task was cancelled before this result arrived'
            ELSE '' END;
        INSERT INTO followup_result SELECT res.* ON CONFLICT (id) DO NOTHING;
        GET DIAGNOSTICS claimed = ROW_COUNT;
        IF claimed = 0 THEN
            apply_outcome := 'duplicate';
        ELSIF res.flagged_reason <> '' THEN
            apply_outcome := 'flagged';
            apply_detail := res.flagged_reason;
        END IF;
    ELSIF tbl IN ('call_attempt', 'recording', 'qa_review', 'complaint') AND op = 'insert' THEN
        EXECUTE format('INSERT INTO %I SELECT * FROM jsonb_populate_record(NULL::%I, $1) '
                       'ON CONFLICT (id) DO NOTHING', tbl, tbl) USING p;
        GET DIAGNOSTICS claimed = ROW_COUNT;
        IF claimed = 0 THEN
            apply_outcome := 'duplicate';
        END IF;
    ELSIF tbl = 'call_attempt' AND op = 'update' THEN
        UPDATE call_attempt a SET
            answered_at = COALESCE(a.answered_at, (p->>'answered_at')::timestamptz),
            ended_at = COALESCE(a.ended_at, (p->>'ended_at')::timestamptz),
            disposition = COALESCE(p->>'disposition', a.disposition),
            end_reason = COALESCE(p->>'end_reason', a.end_reason)
        WHERE a.id = (p->>'id')::uuid AND a.staff_id = (p->>'staff_id')::bigint;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = 'the call attempt to update is not on the server';
        END IF;
    ELSIF tbl = 'complaint' AND op = 'update' THEN
        UPDATE complaint c SET
            state = COALESCE(p->>'state', c.state),
            replies = COALESCE(p->'replies', c.replies),
            closed_at = COALESCE((p->>'closed_at')::timestamptz, c.closed_at)
        WHERE c.id = (p->>'id')::uuid;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = 'the complaint to update is not on the server';
        END IF;
    ELSIF tbl = 'followup_task' AND op = 'update' THEN
        new_task := jsonb_populate_record(NULL::followup_task, p);
        SELECT * INTO cur_task FROM followup_task t WHERE t.id = new_task.id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = format('task %s does not exist on the server', new_task.id);
        END IF;
        IF new_task.status IS NOT NULL AND new_task.status NOT IN
                ('pending', 'in_progress', 'done', 'failed', 'cancelled') THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = format('unknown task status %L', new_task.status);
        END IF;
        holds := cur_task.status IN ('pending', 'in_progress') AND actor IS NOT NULL
            AND (cur_task.assigned_staff_id IS NULL OR cur_task.assigned_staff_id = actor);
        UPDATE followup_task t SET
            attempt_count = GREATEST(t.attempt_count, COALESCE(new_task.attempt_count, 0)),
            status = CASE WHEN holds THEN COALESCE(new_task.status, t.status) ELSE t.status END,
            due_at = CASE WHEN holds THEN COALESCE(new_task.due_at, t.due_at) ELSE t.due_at END,
            updated_at = now()
        WHERE t.id = cur_task.id;
        IF NOT holds THEN
            apply_outcome := 'stale';
            apply_detail := 'the task was closed or reassigned on the server; '
                            'only the attempt count was kept';
        END IF;
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = format('the server does not accept %s of %s from the desk', op, tbl);
    END IF;

    IF apply_outcome <> 'applied' THEN
        UPDATE applied_change a SET outcome = apply_outcome, detail = apply_detail
        WHERE a.change_id = cid;
    END IF;
END $$;
"""

PUSH = """
CREATE FUNCTION sync_push(changes jsonb)
RETURNS TABLE (change_id uuid, status text, detail text)
LANGUAGE plpgsql AS $$
DECLARE
    c jsonb;
    err_state text;
    ids uuid[] := '{}';
    outcomes text[] := '{}';
    details text[] := '{}';
    one_outcome text;
    one_detail text;
BEGIN
    -- Fast path: the whole batch in one savepoint. Only when an entry is refused is the batch
    -- redone with a savepoint per entry, so that one bad entry does not stop the others.
    BEGIN
        FOR c IN SELECT e.value FROM jsonb_array_elements(changes) WITH ORDINALITY e(value, n)
                 ORDER BY e.n LOOP
            SELECT a.apply_outcome, a.apply_detail INTO one_outcome, one_detail
            FROM sync_apply(c) a;
            ids := ids || (c->>'change_id')::uuid;
            outcomes := outcomes || one_outcome;
            details := details || one_detail;
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE;
        IF left(err_state, 2) NOT IN ('22', '23', 'SY') THEN
            RAISE;
        END IF;
        ids := '{}';
        outcomes := '{}';
        details := '{}';
        FOR c IN SELECT e.value FROM jsonb_array_elements(changes) WITH ORDINALITY e(value, n)
                 ORDER BY e.n LOOP
            BEGIN
                SELECT a.apply_outcome, a.apply_detail INTO one_outcome, one_detail
                FROM sync_apply(c) a;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE, one_detail = MESSAGE_TEXT;
                IF left(err_state, 2) NOT IN ('22', '23', 'SY') THEN
                    RAISE;
                END IF;
                one_outcome := 'refused';
            END;
            ids := ids || (c->>'change_id')::uuid;
            outcomes := outcomes || one_outcome;
            details := details || one_detail;
        END LOOP;
    END;
    RETURN QUERY SELECT * FROM unnest(ids, outcomes, details);
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the desk's SQLite store has no server rules
    op.execute("CREATE SEQUENCE sync_change_seq AS bigint")
    op.execute(STAMP)
    for table in TRACKED:
        op.execute(f"ALTER TABLE {table} ADD COLUMN change_xid xid8 NOT NULL DEFAULT '1'")
        op.execute(f"ALTER TABLE {table} ALTER COLUMN change_xid DROP DEFAULT")
        op.execute(f"UPDATE {table} SET change_seq = nextval('sync_change_seq')")
        op.execute(f"CREATE INDEX ix_{table}_change_cursor ON {table} (change_xid, change_seq)")
        op.execute(
            f"CREATE TRIGGER {table}_sync_stamp BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()"
        )
    op.execute(APPLIED_CHANGE)
    op.execute(APPLY)
    op.execute(PUSH)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION sync_push(jsonb)")
    op.execute("DROP FUNCTION sync_apply(jsonb)")
    op.execute("DROP TABLE applied_change")
    for table in TRACKED:
        op.execute(f"DROP TRIGGER {table}_sync_stamp ON {table}")
        op.execute(f"DROP INDEX ix_{table}_change_cursor")
        op.execute(f"ALTER TABLE {table} DROP COLUMN change_xid")
    op.execute("DROP FUNCTION sync_stamp_change()")
    op.execute("DROP SEQUENCE sync_change_seq")
