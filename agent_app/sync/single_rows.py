"""Single rows brought in from the server ahead of the pull (a claimed task, the queue's
first page), written as the pull writes them: upserted, the desk's own columns kept, rows
with a change waiting in the outbox left alone.

These go through SQLAlchemy one statement per call: they are a handful of rows, where the
bulk path's set-up would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError

from agent_app.store.outbox import pending_row_ids
from agent_app.sync.cursor import PullCursor, save_cursor
from agent_app.sync.errors import as_sync_error
from agent_app.sync.pull_tables import DESK_KEPT_COLUMNS, pulled_columns
from agent_app.sync.server_keys import adopt_pulled_keys


def fetch_rows(
    server: Engine, table: Table, column_name: str, values: Sequence[object]
) -> list[dict[str, Any]]:
    """The server's current rows of ``table`` whose ``column_name`` is one of ``values`` (as
    far as the caller may see them), for bringing single rows in ahead of the pull."""
    if not values:
        return []
    columns = pulled_columns(table)
    query = select(*columns).where(table.c[column_name].in_(list(values)))
    try:
        with server.connect() as connection:
            rows = connection.execute(query).all()
            connection.rollback()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    names = [c.name for c in columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


def upsert_rows(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    only_changed: bool = False,
    waiting: set[str] | None = None,
) -> int:
    """Insert or update ``rows`` of ``table`` as the server sent them, inside the caller's
    transaction; rows still waiting in the outbox (``waiting``, read here if not given) are
    left alone. ``only_changed`` skips the write of a row the store already holds at the same
    ``change_seq``. A row made here under a provisional id (a contact) takes the server's id
    first (server_keys.py). Rows offered."""
    key = next(iter(table.primary_key.columns)).name
    adopted = adopt_pulled_keys(connection, table, rows)
    if waiting is None:
        waiting = pending_row_ids(connection, table.name)
    waiting = waiting - adopted
    fresh = [row for row in rows if str(row[key]) not in waiting]
    if fresh:
        connection.execute(_upsert(table, only_changed), fresh)
    return len(fresh)


@functools.cache
def _upsert(table: Table, only_changed: bool) -> Any:
    """One statement per table, built once (a card writes a few rows into nine tables)."""
    key = next(iter(table.primary_key.columns)).name
    kept = DESK_KEPT_COLUMNS.get(table.name, frozenset())
    statement = insert(table)
    columns = {
        c.name: statement.excluded[c.name] for c in table.c if c.name != key and c.name not in kept
    }
    changed = table.c.change_seq != statement.excluded.change_seq if only_changed else None
    return statement.on_conflict_do_update(index_elements=[key], set_=columns, where=changed)


@contextlib.contextmanager
def foreign_keys_off(local: Engine) -> Iterator[Connection]:
    """A store connection with SQLite's foreign-key checks off: the store is a partial copy
    kept consistent by the server, so a row may arrive before the parent it names."""
    with local.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            yield connection
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def store_page(
    local: Engine, table: Table, rows: list[dict[str, Any]], to: PullCursor | None
) -> int:
    """Upsert ``rows`` and move the cursor (unless ``to`` is None) in one local transaction;
    rows stored."""
    with foreign_keys_off(local) as connection, connection.begin():
        stored = upsert_rows(connection, table, rows)
        if to is not None:
            save_cursor(connection, table.name, to)
    return stored
