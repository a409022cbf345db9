"""Queue a local change for the server in the same transaction that makes it.

Every agent action writes its row(s) to the local store and calls ``enqueue`` inside the same
``Session`` transaction, so either both are durable or neither is. The payload is the row's
columns as JSON (UUIDs and times as text, enums as their values), enough for the server to
apply it idempotently by the row's client-generated UUID. The push side reads pending entries
in ``seq`` order and records what the server answered.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event, func, inspect, select, update
from sqlalchemy.orm import Session

from agent_app.domain.enums import OutboxState
from agent_app.store.schema.base import Base
from agent_app.store.schema.local import Outbox

ACTOR_KEY = "_actor_id"
CommitWatcher = Callable[[], None]
_WATCHERS: WeakKeyDictionary[Engine, list[CommitWatcher]] = WeakKeyDictionary()
_ARMED = "outbox_watch_armed"


def watch_commits(local: Engine, watcher: CommitWatcher) -> None:
    """Call ``watcher`` (on the committing thread) after every commit that queued changes in
    ``local``'s outbox, e.g. to push them at once instead of at the next poll."""
    _WATCHERS.setdefault(local, []).append(watcher)


def unwatch_commits(local: Engine, watcher: CommitWatcher) -> None:
    watchers = _WATCHERS.get(local, [])
    if watcher in watchers:
        watchers.remove(watcher)


def _arm(session: Session) -> None:
    bind = session.bind
    engine = bind.engine if isinstance(bind, Connection) else bind
    if not isinstance(engine, Engine) or not _WATCHERS.get(engine) or session.info.get(_ARMED):
        return
    session.info[_ARMED] = True

    def committed(done: Session) -> None:
        done.info.pop(_ARMED, None)
        for watcher in list(_WATCHERS.get(engine, [])):
            watcher()

    event.listen(session, "after_commit", committed, once=True)


def _json_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def row_payload(row: Base) -> dict[str, Any]:
    """The row's column values as JSON-ready data (after a flush, so defaults are filled)."""
    mapper = inspect(type(row))
    return {col.key: _json_value(getattr(row, col.key)) for col in mapper.column_attrs}


def enqueue(
    session: Session, row: Base, operation: str = "insert", *, actor_id: int | None = None
) -> Outbox:
    """Add an outbox entry for ``row`` to ``session``'s transaction (flushes ``row`` first).

    ``actor_id`` names the staff member who made the change, for server rules that depend on
    who acts (a task update by its holder); it travels in the payload under ``_actor_id``.
    """
    session.flush()
    identity = inspect(row).identity
    if identity is None or len(identity) != 1:
        raise ValueError(f"{type(row).__name__} has no single-column key to sync by")
    payload = row_payload(row)
    if actor_id is not None:
        payload[ACTOR_KEY] = actor_id
    entry = Outbox(
        table_name=type(row).__tablename__,
        row_id=str(identity[0]),
        operation=operation,
        payload=payload,
    )
    session.add(entry)
    _arm(session)
    return entry


@dataclass(frozen=True)
class OutboxEntry:
    """One pending change as the push sends it."""

    seq: int
    change_id: uuid.UUID
    table_name: str
    row_id: str
    operation: str
    payload: dict[str, Any]

    def envelope(self) -> dict[str, Any]:
        return {
            "change_id": str(self.change_id),
            "table": self.table_name,
            "op": self.operation,
            "row_id": self.row_id,
            "payload": self.payload,
        }


def next_pending(engine: Engine, limit: int) -> list[OutboxEntry]:
    """The oldest ``limit`` pending entries, in the order they were made."""
    query = (
        select(
            Outbox.seq,
            Outbox.change_id,
            Outbox.table_name,
            Outbox.row_id,
            Outbox.operation,
            Outbox.payload,
        )
        .where(Outbox.state == OutboxState.PENDING)
        .order_by(Outbox.seq)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [OutboxEntry(*row) for row in connection.execute(query)]


def record_outcomes(engine: Engine, pushed: Sequence[int], refused: Mapping[int, str]) -> None:
    """Mark entries the server has committed as pushed, and refused ones as quarantined."""
    with engine.begin() as connection:
        mark_outcomes(connection, pushed, refused)


def mark_outcomes(
    connection: Connection, pushed: Sequence[int], refused: Mapping[int, str]
) -> None:
    """``record_outcomes`` in the caller's transaction."""
    if pushed:
        connection.execute(
            update(Outbox).where(Outbox.seq.in_(pushed)).values(state=OutboxState.PUSHED, error="")
        )
    for seq, reason in refused.items():
        connection.execute(
            update(Outbox)
            .where(Outbox.seq == seq)
            .values(state=OutboxState.QUARANTINED, error=reason)
        )


def count_by_state(engine: Engine) -> dict[OutboxState, int]:
    """How many entries are pending, pushed and quarantined."""
    with engine.connect() as connection:
        rows = connection.execute(select(Outbox.state, func.count()).group_by(Outbox.state))
        counts = {state: 0 for state in OutboxState}
        counts.update({OutboxState(state): int(n) for state, n in rows})
        return counts


def pending_row_ids(connection: Connection, table: str) -> set[str]:
    """Keys of ``table`` rows with local changes the server has not taken yet."""
    return pending_rows_by_table(connection, [table]).get(table, set())


def pending_rows_by_table(connection: Connection, tables: Sequence[str]) -> dict[str, set[str]]:
    """``pending_row_ids`` of several tables in one query."""
    query = select(Outbox.table_name, Outbox.row_id).where(
        Outbox.state == OutboxState.PENDING, Outbox.table_name.in_(list(tables))
    )
    pending: dict[str, set[str]] = {}
    for table, row_id in connection.execute(query):
        pending.setdefault(table, set()).add(row_id)
    return pending
