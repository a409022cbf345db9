"""change notify: the server says on a channel when rows the desks pull have changed

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 09:30:00

Server only; the desk's SQLite store is unchanged.

A desk used to learn of other desks' work at its next sync cycle. Now every INSERT or UPDATE
statement on a pulled table ends with ``pg_notify('desk_change', payload)``; PostgreSQL
delivers it when the transaction commits, to every connection that runs ``LISTEN desk_change``
(``agent_app.sync.change_listener``), which wakes its desk's sync at once.

**Cheap.** One statement-level trigger per table and event (transition table ``new_rows``),
not one per row, so a bulk import of 50,000 tasks notifies once per statement; within a
transaction PostgreSQL drops a payload identical to one already queued.

**Small and harmless.** The payload is ``<table>:<xid>:<departments>``, nothing else: the
table's name, the writing transaction's id (the desk pulls only transactions below its
snapshot's xmin, so it waits until the xmin has passed this id before pulling) and the
departments whose desks can see the rows, as comma-separated ids; ``*`` when every desk may
(reference tables, staff), and empty when only hospital-wide desks can (a patient with no
episode or task yet). Every login can LISTEN and NOTIFY on any channel, so department ids and
transaction ids are all a payload may carry; no names, numbers or row ids. A forged
notification costs a listening desk one cheap pull at most.

**Departments** follow the read policies of migration 0003: a task's own department and its
assignee's; an episode's and the assignees' of its tasks; a patient's (and its contacts')
departments of its episodes and tasks and those tasks' assignees. The function is SECURITY
DEFINER so it sees those rows whoever writes, and is callable only as a trigger.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

CHANNEL = "desk_change"
NOTIFIED = (
    "department",
    "staff",
    "call_script",
    "questionnaire_template",
    "followup_plan",
    "patient",
    "contact",
    "episode",
    "followup_task",
    "blacklist",
)
EVENTS = ("insert", "update")
# A statement touching more departments than this is announced to everyone (payloads are
# capped at 8000 bytes, and such a statement is an import every desk will want anyway).
MAX_LISTED = 200

_PATIENT_DEPARTMENTS = """
            SELECT e.department_id FROM episode e WHERE e.patient_id IN ({ids})
            UNION SELECT t.department_id FROM followup_task t WHERE t.patient_id IN ({ids})
            UNION SELECT s.department_id FROM followup_task t
                JOIN staff s ON s.id = t.assigned_staff_id WHERE t.patient_id IN ({ids})"""

NOTIFY = f"""
CREATE FUNCTION sync_notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    found bigint[];
    departments text := '*';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'followup_task' THEN
        SELECT array_agg(DISTINCT d) INTO found FROM (
            SELECT n.department_id AS d FROM new_rows n
            UNION SELECT s.department_id FROM new_rows n
                JOIN staff s ON s.id = n.assigned_staff_id) x;
    ELSIF TG_TABLE_NAME = 'episode' THEN
        SELECT array_agg(DISTINCT d) INTO found FROM (
            SELECT n.department_id AS d FROM new_rows n
            UNION SELECT s.department_id FROM new_rows n
                JOIN followup_task t ON t.patient_id = n.patient_id AND t.episode_id = n.id
                JOIN staff s ON s.id = t.assigned_staff_id) x;
    ELSIF TG_TABLE_NAME = 'patient' THEN
        SELECT array_agg(DISTINCT d) INTO found FROM ({
    _PATIENT_DEPARTMENTS.format(ids="SELECT n.id FROM new_rows n")
}) x(d);
    ELSIF TG_TABLE_NAME = 'contact' THEN
        SELECT array_agg(DISTINCT d) INTO found FROM ({
    _PATIENT_DEPARTMENTS.format(ids="SELECT n.patient_id FROM new_rows n")
}) x(d);
    END IF;
    IF TG_TABLE_NAME IN ('followup_task', 'episode', 'patient', 'contact') THEN
        found := array_remove(found, NULL);
        departments := CASE
            WHEN cardinality(found) > {MAX_LISTED} THEN '*'
            ELSE COALESCE(array_to_string(found, ','), '') END;
    END IF;
    PERFORM pg_notify('{CHANNEL}',
                      TG_TABLE_NAME || ':' || pg_current_xact_id()::text || ':' || departments);
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the desk's SQLite store has nobody to tell
    op.execute(NOTIFY)
    op.execute("REVOKE EXECUTE ON FUNCTION sync_notify_change() FROM PUBLIC")
    for table in NOTIFIED:
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER {table}_notify_{event} AFTER {event.upper()} ON {table} "
                "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
                "EXECUTE FUNCTION sync_notify_change()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in NOTIFIED:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER {table}_notify_{event} ON {table}")
    op.execute("DROP FUNCTION sync_notify_change()")
