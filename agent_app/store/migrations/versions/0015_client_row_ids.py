"""contacts made at a desk reach the server once: a client uuid, a server id answered at push

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 09:30:00

Of the rows a desk creates offline, only ``contact`` has a key the server issues (an integer
from the server's sequence; every other kind is keyed by a client uuid). A contact added at
the desk gets a provisional negative id there, which the server could not take, so it
quarantined the change. Now:

**Both stores.** ``contact.client_uuid`` (unique, NULL for the HIS's contacts) names a contact
made at a desk wherever it travels, so the server's row and the desk's provisional one are
known to be the same.

**Server.** ``sync_apply`` takes ``insert`` of ``contact`` through ``sync_add_contact``
(SECURITY DEFINER), which checks the writer may write about the patient
(``desk_patient_in_reach``: an episode of the writer's department, or a task in the writer's
reach by ``desk_task_in_reach``; any patient for quality staff; none for the administrator),
then answers the contact's server id: the row already holding that client uuid, else the
patient's contact with the same number (two desks adding one number make one contact), else
a new row with a server id and the next calling priority. One adder per patient at a time
(the patient row is locked ``FOR NO KEY UPDATE``, after the reach check, so nobody can lock
another department's patients). The answer's ``detail`` is the id; it is kept in
``applied_change.detail``, and a change pushed again after a lost acknowledgement is answered
``duplicate`` with the first answer's detail, so the desk always learns the id.

**Desk.** ``provisional_key`` (local only) remembers which server id each provisional id
became, for screens opened before the sync that still name the provisional one. Contacts
already made at this desk get a client uuid, written into their queued insert; those inserts,
and the entries the server refused only because they named such a contact or a row refused
with it (a foreign key), go back to pending, so what was quarantined reaches the server now.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from agent_app.store.migrations.function_edits import edit_function, undo_edits

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_quality')"

FUNCTIONS = """
-- May the caller write about this patient: the read rule's reach, as one definer probe.
CREATE FUNCTION desk_patient_in_reach(wanted bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM desk_staff() me
        WHERE me.id IS NOT NULL
          AND ((me.role = 'quality' AND EXISTS (SELECT 1 FROM patient p WHERE p.id = wanted))
               OR (me.role IN ('agent', 'supervisor')
                   AND (EXISTS (SELECT 1 FROM episode e WHERE e.patient_id = wanted
                                AND e.department_id = me.department_id)
                        OR EXISTS (SELECT 1 FROM followup_task t WHERE t.patient_id = wanted
                                   AND desk_task_in_reach(t.id, wanted))))))
$$;

-- A contact made at a desk, once per client uuid; the answer is its server id.
CREATE FUNCTION sync_add_contact(p jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    c contact := jsonb_populate_record(NULL::contact, p);
    known contact;
BEGIN
    IF c.client_uuid IS NULL OR c.patient_id IS NULL OR COALESCE(c.number_e164, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = 'a contact from the desk needs its client uuid, patient and number';
    END IF;
    IF desk_is_staff_login() AND NOT desk_patient_in_reach(c.patient_id) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('patient %s is not in your reach', c.patient_id);
    END IF;
    PERFORM 1 FROM patient x WHERE x.id = c.patient_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SY001',
            MESSAGE = format('patient %s is not on the server', c.patient_id);
    END IF;
    SELECT * INTO known FROM contact x WHERE x.client_uuid = c.client_uuid;
    IF FOUND THEN
        IF known.patient_id <> c.patient_id THEN
            RAISE EXCEPTION USING ERRCODE = 'SY001',
                MESSAGE = 'this client uuid already names another patient''s contact';
        END IF;
        RETURN known.id;
    END IF;
    SELECT * INTO known FROM contact x
    WHERE x.patient_id = c.patient_id AND x.number_e164 = c.number_e164
    ORDER BY x.priority, x.id LIMIT 1;
    IF FOUND THEN
        RETURN known.id;
    END IF;
    INSERT INTO contact (patient_id, name, relation, kind, number_raw, number_e164,
                         number_national, priority, client_uuid, change_seq)
    SELECT c.patient_id, c.name, c.relation, c.kind, c.number_raw, c.number_e164,
           COALESCE(c.number_national, ''), COALESCE(max(x.priority) + 1, 0), c.client_uuid, 0
    FROM contact x WHERE x.patient_id = c.patient_id
    RETURNING id INTO known.id;
    RETURN known.id;
END $$;
"""

# (old text, new text) in sync_apply, as the function stands when this migration runs.
_APPLY_EDITS: tuple[tuple[str, str], ...] = (
    (
        "        apply_outcome := 'duplicate';\n        RETURN;",
        "        apply_outcome := 'duplicate';\n"
        "        SELECT a.detail INTO apply_detail FROM applied_change a "
        "WHERE a.change_id = cid;\n"
        "        apply_detail := COALESCE(apply_detail, '');\n"
        "        RETURN;",
    ),
    (
        "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
        "            MESSAGE = format('the server does not accept",
        "    ELSIF tbl = 'contact' AND op = 'insert' THEN\n"
        "        apply_detail := sync_add_contact(p)::text;\n"
        "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
        "            MESSAGE = format('the server does not accept",
    ),
    (
        "    IF apply_outcome <> 'applied' THEN\n        UPDATE applied_change",
        "    IF apply_outcome <> 'applied' OR apply_detail <> '' THEN\n"
        "        UPDATE applied_change",
    ),
)


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def _requeue_desk_contacts(connection: sa.Connection) -> None:
    """Give contacts made here a client uuid and put what the server refused back in line."""
    contacts = connection.exec_driver_sql("SELECT id FROM contact WHERE id < 0").scalars().all()
    for contact_id in contacts:
        key = uuid.uuid4()
        connection.execute(
            sa.text("UPDATE contact SET client_uuid = :k WHERE id = :i"),
            {"k": key.hex, "i": contact_id},
        )
        connection.execute(
            sa.text(
                "UPDATE outbox SET payload = json_set(payload, '$.client_uuid', :k) "
                "WHERE table_name = 'contact' AND operation = 'insert' AND row_id = :i"
            ),
            {"k": str(key), "i": str(contact_id)},
        )
    if not contacts:
        return
    connection.exec_driver_sql(
        "UPDATE outbox SET state = 'pending', error = '' WHERE state = 'quarantined' AND ("
        "(table_name = 'contact' AND operation = 'insert' AND CAST(row_id AS INTEGER) < 0) "
        "OR error LIKE '%foreign key%')"
    )


def upgrade() -> None:
    op.add_column("contact", sa.Column("client_uuid", sa.Uuid(), nullable=True))
    op.create_index("ix_contact_client_uuid", "contact", ["client_uuid"], unique=True)
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.create_table(
            "provisional_key",
            sa.Column("table_name", sa.String(length=40), nullable=False),
            sa.Column("provisional_id", sa.Integer(), nullable=False),
            sa.Column("server_id", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint(
                "table_name", "provisional_id", name=op.f("pk_provisional_key")
            ),
        )
        _requeue_desk_contacts(connection)
        return
    if not _server(connection):
        return
    op.execute(FUNCTIONS)
    edit_function(connection, "sync_apply(jsonb)", _APPLY_EDITS)
    op.execute("REVOKE EXECUTE ON FUNCTION desk_patient_in_reach(bigint), "
               "sync_add_contact(jsonb) FROM PUBLIC")  # fmt: skip
    # sync_apply runs as the desk's login, so the login calls sync_add_contact itself.
    op.execute("GRANT EXECUTE ON FUNCTION sync_add_contact(jsonb) TO desk_staff")


def downgrade() -> None:
    connection = op.get_bind()
    if _server(connection):
        edit_function(connection, "sync_apply(jsonb)", undo_edits(_APPLY_EDITS))
        op.execute("DROP FUNCTION sync_add_contact(jsonb)")
        op.execute("DROP FUNCTION desk_patient_in_reach(bigint)")
    if connection.dialect.name == "sqlite":
        op.drop_table("provisional_key")
    op.drop_index("ix_contact_client_uuid", table_name="contact")
    op.drop_column("contact", "client_uuid")
