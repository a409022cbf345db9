"""A desk upgraded from 0011 holds contacts the server quarantined: they get a client uuid and
go back in line, with the changes refused only because they named such a contact."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import text

from agent_app.store.engine import create_sqlite_engine
from agent_app.store.migrate import alembic_config, upgrade_to_head

FK_REFUSAL = (
    'The server refused this change: insert or update on table "call_attempt" violates '
    'foreign key constraint "fk_call_attempt_contact_id_contact".'
)
OTHER_REFUSAL = "The server refused this change: task 9 does not exist on the server."


def test_quarantined_desk_contacts_get_a_client_uuid_and_go_back_in_line(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "desk.sqlite3")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0011")
        connection.execute(
            text("INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, "
                 "notes, change_seq) VALUES (1, 'M1', 'x', 'F', '1950-01-01', '', '', '', 0)")
        )  # fmt: skip
        for contact_id in (1, -1):
            connection.execute(
                text("INSERT INTO contact (id, patient_id, name, relation, kind, number_raw, "
                     "number_e164, number_national, priority, change_seq) VALUES (:i, 1, 'x', "
                     "'other', 'mobile', '1', :n, '1', 0, 0)"),
                {"i": contact_id, "n": f"+86135000000{contact_id + 2:02d}"},
            )  # fmt: skip
        entries = [
            ("contact", "-1", {"id": -1, "patient_id": 1}, "The server refused this change: "
             "the server does not accept insert of contact from the desk."),
            ("call_attempt", str(uuid.uuid4()), {"contact_id": -1}, FK_REFUSAL),
            ("followup_result", str(uuid.uuid4()), {"task_id": 9}, OTHER_REFUSAL),
        ]  # fmt: skip
        for seq, (table, row_id, payload, error) in enumerate(entries, 1):
            connection.execute(
                text("INSERT INTO outbox (seq, change_id, table_name, row_id, operation, "
                     "payload, state, error, created_at) VALUES (:s, :c, :t, :r, 'insert', :p, "
                     "'quarantined', :e, '2026-12-01 08:00:00')"),
                {"s": seq, "c": uuid.uuid4().hex, "t": table, "r": row_id,
                 "p": json.dumps(payload), "e": error},
            )  # fmt: skip
    upgrade_to_head(engine)
    with engine.connect() as connection:
        keys = dict(connection.execute(text("SELECT id, client_uuid FROM contact")).all())
        states = connection.execute(
            text("SELECT table_name, state, payload FROM outbox ORDER BY seq")
        ).all()
    engine.dispose()
    assert keys[1] is None and keys[-1] is not None
    assert [(table, state) for table, state, _ in states] == [
        ("contact", "pending"),
        ("call_attempt", "pending"),
        ("followup_result", "quarantined"),
    ]
    assert uuid.UUID(json.loads(states[0][2])["client_uuid"]) == uuid.UUID(keys[-1])
