"""Text messages from before 0022 keep being sent from where they were: a desk's own from the
desk, and on the server each is its pusher's, so an SMS station never claims (and sends a
second time) a message a desk with a modem also sends."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import text

from agent_app.store.engine import create_server_engine, create_sqlite_engine
from agent_app.store.migrate import alembic_config, upgrade_to_head
from agent_app.store.repositories.sms import due_messages

INSERT = (
    "INSERT INTO sms_message (id, number_e164, body, state, created_at, direction, part_refs, "
    "delivered_refs, attempts, error) VALUES (:i, '+8613800000001', '复诊提醒', :s, "
    "'2026-12-01 08:00:00', :d, '[]', '[]', 0, '')"
)


def test_a_desks_queued_messages_from_before_are_still_sent_from_it(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "desk.sqlite3")
    queued, reply = uuid.uuid4(), uuid.uuid4()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0021")
        connection.execute(text(INSERT), {"i": queued.hex, "s": "queued", "d": "out"})
        connection.execute(text(INSERT), {"i": reply.hex, "s": "received", "d": "in"})
    upgrade_to_head(engine)
    now = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    assert [m.id for m in due_messages(engine, now, 10)] == [queued]
    with engine.connect() as connection:
        senders = dict(connection.execute(text("SELECT id, sender_id FROM sms_message")).all())
    engine.dispose()
    assert senders == {queued.hex: 0, reply.hex: None}


def test_on_the_server_a_message_from_before_belongs_to_its_pusher(pg_url: str) -> None:
    engine = create_server_engine(pg_url)
    pushed, unknown_origin = uuid.uuid4(), uuid.uuid4()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0021")
        for sms_id in (pushed, unknown_origin):
            connection.execute(text(INSERT), {"i": sms_id, "s": "queued", "d": "out"})
        connection.execute(
            text("INSERT INTO applied_change (change_id, table_name, row_id, operation, actor_id)"
                 " VALUES (:c, 'sms_message', :r, 'insert', 7)"),
            {"c": uuid.uuid4(), "r": str(pushed)},
        )  # fmt: skip
    upgrade_to_head(engine)
    with engine.connect() as connection:
        senders = dict(connection.execute(text("SELECT id, sender_id FROM sms_message")).all())
        stamped = connection.execute(
            text("SELECT count(*) FROM sms_message WHERE change_seq > 0")
        ).scalar_one()
    engine.dispose()
    assert senders == {pushed: 7, unknown_origin: None}
    assert stamped == 2  # both handed out by the next pull
