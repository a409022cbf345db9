"""text messages on every desk: pulled, their states pushed forward, claimed by the SMS station

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 19:30:00

**Both stores.** ``sms_message`` becomes change-tracked (``change_seq``) and gains
``sender_id``: the staff member whose desk sends the message (or received the reply). A desk
that sends by itself fills it when it queues; NULL means the message waits for the hospital's
SMS station. A desk never pulls ``sender_id``, so on a desk it is set only on the messages that
desk sends (agent_app/sync/pull_tables.py).

Messages from before: every outgoing message a desk holds was made there (none were pulled),
so a desk's own keep sending from it (``sender_id`` 0: its own, the staff member not known);
on the server each outgoing message takes the staff member who pushed it (its
``applied_change``), so no SMS station ever claims a message a desk with a modem may also
send. At most once comes first: a message queued before on a desk without a gateway is not
sent by the station (as before, it is not sent at all; a person queues it again).

**Server.**

- Change-tracked, stamped and announced like ``sms_template`` (0020), so desks pull it. The
  notice names the departments of the messages' tasks (of the patients' episodes for those
  without a task) and of their senders; one that queues a message nobody sends yet goes to
  every desk, so the SMS station, wherever it is, claims it at once.
- Read: a desk login reads a message of a task it reads, a message without a task whose
  patient it reads (replies, reminders), and a message it sends itself (its ``sender_id``);
  quality staff read them all, as before.
- Write: the insert rule also requires ``sender_id`` to be NULL or the writer's own, so no
  desk hides a message from the station under somebody else's name.
- Update: desks may change only what sending changes (state, attempts, next try, sent and
  delivered times, part references, error), only on messages they read (the policy), and a
  trigger refuses any update by a desk login that moves the state back (agent_app/domain/
  sms_progress.py: queued = sending < unknown < sent < delivered < failed = blocked) or
  touches the text, number, patient, task, direction or sender. ``sync_apply`` takes an
  ``update`` of ``sms_message`` as that plain UPDATE, as the writer, and refuses one whose
  text, number, patient or task differ from the server's, or that names a message the
  writer cannot read.
- ``sms_claim_queued(n)`` (SECURITY DEFINER): the SMS station takes up to ``n`` queued
  messages nobody sends yet (``FOR UPDATE SKIP LOCKED``, one statement), marks them
  ``sending`` under its own staff id and returns them, with those it claimed before and has
  not reported on yet (a station that died between the claim and storing them gets them
  again; one it stored is never stored twice). Only members of the group role
  ``desk_sms_station`` may call it; IT grants it with ``python -m agent_app.server
  sms-station grant <username>``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from agent_app.store.migrations.function_edits import edit_function, undo_edits

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# Written out, not imported: a migration keeps the rule as it was when it ran.
_RANK = (
    "(CASE {0} WHEN 'queued' THEN 0 WHEN 'sending' THEN 0 WHEN 'received' THEN 0 "
    "WHEN 'unknown' THEN 1 WHEN 'sent' THEN 2 WHEN 'delivered' THEN 3 WHEN 'failed' THEN 4 "
    "WHEN 'blocked' THEN 4 END)"
)
ME = "(SELECT desk_staff_id())"
READ_BEFORE = "EXISTS (SELECT 1 FROM followup_task t WHERE t.id = sms_message.task_id)"
READ_AFTER = (
    f"(task_id IS NOT NULL AND {READ_BEFORE}) "
    "OR (task_id IS NULL AND patient_id IS NOT NULL "
    "AND EXISTS (SELECT 1 FROM patient p WHERE p.id = sms_message.patient_id)) "
    f"OR sender_id = {ME}"
)
WRITE_BEFORE = (
    "(task_id IS NULL OR desk_task_in_reach(task_id)) AND (patient_id IS NULL OR "
    "EXISTS (SELECT 1 FROM patient p WHERE p.id = sms_message.patient_id)) AND "
    "(episode_id IS NULL OR "
    "EXISTS (SELECT 1 FROM episode e WHERE e.id = sms_message.episode_id)) AND ("
    "plan_key IS NULL "
    "OR (task_id IS NOT NULL AND plan_key = purpose || ':task:' || task_id) "
    "OR (episode_id IS NOT NULL AND plan_key = purpose || ':episode:' || episode_id))"
)
WRITE_AFTER = f"{WRITE_BEFORE} AND (sender_id IS NULL OR sender_id = {ME})"
UPDATED = "state, attempts, next_try_at, sent_at, delivered_at, part_refs, delivered_refs, error"

FORWARD_ONLY = f"""
CREATE FUNCTION sms_message_forward_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- The migration and IT's tools are not desks: they may repair a row by hand.
    IF NOT COALESCE(desk_is_staff_login(), false) THEN
        RETURN NEW;
    END IF;
    IF NEW.body IS DISTINCT FROM OLD.body OR NEW.number_e164 IS DISTINCT FROM OLD.number_e164
            OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
            OR NEW.task_id IS DISTINCT FROM OLD.task_id
            OR NEW.direction IS DISTINCT FROM OLD.direction
            OR NEW.episode_id IS DISTINCT FROM OLD.episode_id
            OR NEW.plan_key IS DISTINCT FROM OLD.plan_key
            OR (OLD.sender_id IS NOT NULL AND NEW.sender_id IS DISTINCT FROM OLD.sender_id) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'the text, number, patient, task and sender of a text message never change';
    END IF;
    IF {_RANK.format("NEW.state")} IS NULL
            OR {_RANK.format("NEW.state")} < {_RANK.format("OLD.state")} THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = format('a text message does not go back from %s to %s',
                             OLD.state, NEW.state);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sms_message_forward_only BEFORE UPDATE ON sms_message
    FOR EACH ROW EXECUTE FUNCTION sms_message_forward_only();
"""

CLAIM = """
CREATE FUNCTION sms_claim_queued(wanted integer) RETURNS SETOF sms_message
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me bigint := desk_staff_id();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SY002',
            MESSAGE = format('the database login %s is not an active staff member', session_user);
    END IF;
    -- One statement: the rows another station is claiming right now are skipped, and a row
    -- claimed and committed meanwhile fails the re-checked WHERE, so none is taken twice.
    UPDATE sms_message m SET state = 'sending', sender_id = me
    WHERE m.id IN (
        SELECT x.id FROM sms_message x
        WHERE x.direction = 'out' AND x.state = 'queued' AND x.sender_id IS NULL
          AND (x.next_try_at IS NULL OR x.next_try_at <= now())
        ORDER BY x.created_at, x.id
        LIMIT LEAST(GREATEST(COALESCE(wanted, 0), 0), 500)
        FOR UPDATE SKIP LOCKED)
      AND m.state = 'queued' AND m.sender_id IS NULL;
    -- With what this station claimed before and has not reported on: it may have died
    -- before storing them (its desk stores each id once).
    RETURN QUERY SELECT * FROM sms_message m
        WHERE m.sender_id = me AND m.direction = 'out' AND m.state = 'sending'
        ORDER BY m.created_at, m.id;
END $$;
"""

STATION_ROLE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'desk_sms_station') THEN
        CREATE ROLE desk_sms_station NOLOGIN;
    END IF;
    -- A desk role like the others (a backup carries the desk_staff family and its logins).
    IF NOT pg_has_role('desk_sms_station', 'desk_staff', 'MEMBER') THEN
        GRANT desk_staff TO desk_sms_station;
    END IF;
END $$;
"""
DROP_STATION_ROLE = """
DO $$
BEGIN
    DROP OWNED BY desk_sms_station;
    DROP ROLE desk_sms_station;
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'role desk_sms_station is still used by another database; kept';
END $$;
"""

_ANCHOR = (
    "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
    "            MESSAGE = format('the server does not accept"
)
_APPLY_EDITS: tuple[tuple[str, str], ...] = (
    ("    holds boolean;\nBEGIN", "    holds boolean;\n    sms sms_message;\nBEGIN"),
    (
        _ANCHOR,
        "    ELSIF tbl = 'sms_message' AND op = 'update' THEN\n"
        "        -- As the writer: the policy says whether it reads the message, the trigger\n"
        "        -- whether the state moves forward.\n"
        "        sms := jsonb_populate_record(NULL::sms_message, p);\n"
        "        UPDATE sms_message m SET state = sms.state, attempts = sms.attempts,\n"
        "            next_try_at = sms.next_try_at, sent_at = sms.sent_at,\n"
        "            delivered_at = sms.delivered_at, part_refs = sms.part_refs,\n"
        "            delivered_refs = sms.delivered_refs, error = sms.error\n"
        "        WHERE m.id = sms.id\n"
        "        RETURNING m.body = sms.body AND m.number_e164 = sms.number_e164\n"
        "            AND m.patient_id IS NOT DISTINCT FROM sms.patient_id\n"
        "            AND m.task_id IS NOT DISTINCT FROM sms.task_id INTO holds;\n"
        "        IF NOT FOUND THEN\n"
        "            RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
        "                MESSAGE = 'the text message to update is not on the server';\n"
        "        END IF;\n"
        "        IF NOT COALESCE(holds, false) THEN\n"
        "            RAISE EXCEPTION USING ERRCODE = 'SY001', MESSAGE =\n"
        "                'the text, number, patient and task of a text message never change';\n"
        "        END IF;\n" + _ANCHOR,
    ),
)


_NOTIFY_ANCHOR = (
    "    END IF;\n    IF TG_TABLE_NAME IN ('followup_task', 'episode', 'patient', 'contact') THEN\n"
)
_NOTIFY_EDITS: tuple[tuple[str, str], ...] = (
    (
        _NOTIFY_ANCHOR,
        # Nested: a branch's query is prepared only when it runs (new_rows of other
        # tables have no ``direction``).
        "    ELSIF TG_TABLE_NAME = 'sms_message' THEN\n"
        "        IF NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.direction = 'out'\n"
        "                AND n.state = 'queued' AND n.sender_id IS NULL) THEN\n"
        "            SELECT array_agg(DISTINCT d) INTO found FROM (\n"
        "                SELECT t.department_id FROM new_rows n\n"
        "                    JOIN followup_task t ON t.id = n.task_id\n"
        "                UNION SELECT e.department_id FROM new_rows n\n"
        "                    JOIN episode e ON e.patient_id = n.patient_id\n"
        "                    WHERE n.task_id IS NULL\n"
        "                UNION SELECT s.department_id FROM new_rows n\n"
        "                    JOIN staff s ON s.id = n.sender_id) x(d);\n"
        "        END IF;\n"
        "    END IF;\n"
        "    IF TG_TABLE_NAME IN ('followup_task', 'episode', 'patient', 'contact')\n"
        "            OR (TG_TABLE_NAME = 'sms_message' AND found IS NOT NULL) THEN\n",
    ),
)


def _server(connection: sa.Connection) -> bool:
    """The central server (its desk roles exist), not a desk's store or a bare PostgreSQL."""
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(
            "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_admin')"
        ).scalar()
        == 2
    )


def _policy(name: str, command: str, roles: str, clause: str, rule: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS sms_message_{name} ON sms_message")
    if rule:
        op.execute(
            f"CREATE POLICY sms_message_{name} ON sms_message FOR {command} TO {roles} "
            f"{clause} ({rule})"
        )


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    # Plain columns, added in place: a batch copy would rebuild the table (see 0020).
    op.add_column(
        "sms_message", sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
    )
    op.add_column("sms_message", sa.Column("sender_id", id_type, nullable=True))
    op.create_index("ix_sms_message_change_seq", "sms_message", ["change_seq"])
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("UPDATE sms_message SET sender_id = 0 WHERE direction = 'out'")
    if not _server(connection):
        return
    op.execute(
        "UPDATE sms_message m SET sender_id = a.actor_id FROM applied_change a "
        "WHERE a.table_name = 'sms_message' AND a.operation = 'insert' "
        "AND a.row_id = m.id::text AND m.direction = 'out'"
    )
    op.execute("ALTER TABLE sms_message ADD COLUMN change_xid xid8")
    op.execute(
        "UPDATE sms_message SET change_seq = nextval('sync_change_seq'), "
        "change_xid = pg_current_xact_id()"
    )
    op.execute("ALTER TABLE sms_message ALTER COLUMN change_xid SET NOT NULL")
    op.execute("CREATE INDEX ix_sms_message_change_cursor ON sms_message (change_xid, change_seq)")
    op.execute(
        "CREATE TRIGGER sms_message_sync_stamp BEFORE INSERT OR UPDATE ON sms_message "
        "FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()"
    )
    for event in ("insert", "update"):
        op.execute(
            f"CREATE TRIGGER sms_message_notify_{event} AFTER {event.upper()} ON sms_message "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION sync_notify_change()"
        )
    _policy("read", "SELECT", "desk_agent, desk_supervisor", "USING", READ_AFTER)
    _policy("write", "INSERT", "desk_staff", "WITH CHECK", WRITE_AFTER)
    _policy(
        "change", "UPDATE", "desk_agent, desk_supervisor", f"USING ({READ_AFTER}) WITH CHECK",
        READ_AFTER,
    )  # fmt: skip
    _policy("change_all", "UPDATE", "desk_quality", "USING (true) WITH CHECK", "true")
    op.execute(f"GRANT UPDATE ({UPDATED}) ON sms_message TO desk_staff")
    op.execute(FORWARD_ONLY)
    op.execute(STATION_ROLE)
    op.execute(CLAIM)
    op.execute("REVOKE EXECUTE ON FUNCTION sms_claim_queued(integer) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION sms_claim_queued(integer) TO desk_sms_station")
    edit_function(connection, "sync_apply(jsonb)", _APPLY_EDITS)
    edit_function(connection, "sync_notify_change()", _NOTIFY_EDITS)


def downgrade() -> None:
    connection = op.get_bind()
    if _server(connection):
        for signature, edits in (
            ("sync_notify_change()", _NOTIFY_EDITS),
            ("sync_apply(jsonb)", _APPLY_EDITS),
        ):
            edit_function(connection, signature, undo_edits(edits))
        op.execute("DROP FUNCTION sms_claim_queued(integer)")
        op.execute(DROP_STATION_ROLE)
        op.execute("DROP TRIGGER sms_message_forward_only ON sms_message")
        op.execute("DROP FUNCTION sms_message_forward_only()")
        op.execute(f"REVOKE UPDATE ({UPDATED}) ON sms_message FROM desk_staff")
        _policy("change_all", "UPDATE", "desk_quality", "", "")
        _policy("change", "UPDATE", "desk_agent, desk_supervisor", "", "")
        _policy("write", "INSERT", "desk_staff", "WITH CHECK", WRITE_BEFORE)
        _policy("read", "SELECT", "desk_agent, desk_supervisor", "USING", READ_BEFORE)
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER sms_message_notify_{event} ON sms_message")
        op.execute("DROP TRIGGER sms_message_sync_stamp ON sms_message")
        op.execute("DROP INDEX ix_sms_message_change_cursor")
        op.execute("ALTER TABLE sms_message DROP COLUMN change_xid")
    op.drop_index("ix_sms_message_change_seq", table_name="sms_message")
    op.drop_column("sms_message", "sender_id")
    op.drop_column("sms_message", "change_seq")
