"""Write pulled chunks into the desk's SQLite store fast, each with its cursor.

A chunk (tens of thousands of rows) is one local transaction holding its rows and the table's
new cursor, so a pull cut anywhere resumes after the last chunk stored, with nothing
duplicated or skipped. Rows go in as plain tuples through one ``executemany`` of a prepared
upsert: no per-row ORM work, no type conversion (the server sends the text SQLite keeps).

The upsert keeps what the old page-by-page pull kept: columns the desk owns
(``DESK_KEPT_COLUMNS``, e.g. its own lease) are set on insert only, and a row whose local
change still waits in the outbox is not written at all (the server's answer to the push
brings it back later). (A plain INSERT into a table still empty was measured no faster than
the upsert, so every chunk takes the upsert: a row a claim brought in meanwhile stays safe.)

Chunks come in commit order, not foreign-key order, so the connection writes them with
foreign-key checks off. While it loads, the connection trades ``synchronous=FULL`` for
``NORMAL``: in WAL mode a power cut can then lose the last chunks, never half of one, and
a lost chunk's cursor is lost with it, so the next pull simply fetches it again. The agent's
own saves run on other connections and stay FULL.

A bulk load of a table (full chunks) writes it without its secondary indexes and builds them
again by sorting once it ends: with a million follow-ups, keeping nine indexes up to date row
by row costs twice the CPU of the whole load without them. Unique indexes stay, so the load
is still checked. The indexes come back when the table's stream ends, also on failure; a desk
killed meanwhile gets them back at its next pull (``restore_indexes``).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Index, Table, Uuid

from agent_app.store.outbox import pending_row_ids
from agent_app.store.schema import Base
from agent_app.sync.cursor import PullCursor, save_cursor
from agent_app.sync.pull_tables import DESK_KEPT_COLUMNS, pulled_columns, pulled_row_applies
from agent_app.sync.server_keys import SERVER_KEYED, adopt_pulled_keys

LOAD_CACHE_KIB = -65_536  # 64 MiB of page cache while loading: the indexes stay in memory


@contextlib.contextmanager
def loading_connection(local: Engine) -> Iterator[Connection]:
    """A local connection set up for bulk chunks, put back as it was afterwards."""
    with local.connect() as connection:
        settings = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("synchronous", "cache_size")
        }
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
        connection.exec_driver_sql(f"PRAGMA cache_size={LOAD_CACHE_KIB}")
        connection.commit()
        try:
            yield connection
        finally:
            connection.rollback()
            for name, value in settings.items():
                connection.exec_driver_sql(f"PRAGMA {name}={int(value)}")
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def secondary_indexes(table: Table) -> list[Index]:
    """The indexes of ``table`` a bulk load may leave out for a while (not the unique ones)."""
    return [index for index in table.indexes if not index.unique]


def restore_indexes(local: Engine, tables: Sequence[Table]) -> None:
    """Create whichever secondary index of ``tables`` is missing (after a bulk load that was
    killed before it put them back); nothing when all are there."""
    with local.begin() as connection:
        for table in tables:
            for index in secondary_indexes(table):
                index.create(connection, checkfirst=True)


@contextlib.contextmanager
def indexes_deferred(local: Engine, table: Table) -> Iterator[None]:
    """``table`` without its secondary indexes until the block ends, then sorted back in."""
    with local.begin() as connection:
        for index in secondary_indexes(table):
            index.drop(connection, checkfirst=True)
    try:
        yield
    finally:
        restore_indexes(local, [table])


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return str(int(value) if isinstance(value, bool) else value)
    return "'" + str(value).replace("'", "''") + "'"


@cache
def _upsert(table_name: str) -> str:
    """The upsert of a pulled row of ``table_name``; columns the desk does not pull get
    their declared default on insert and are never updated."""
    table = Base.metadata.tables[table_name]
    pulled = [c.name for c in pulled_columns(table)]
    names = list(pulled)
    values = ["?"] * len(pulled)
    for column in table.c:
        if column.name not in pulled:
            default = column.default
            names.append(column.name)
            values.append(_literal(getattr(default, "arg", None)))
    key = next(iter(table.primary_key.columns)).name
    kept = DESK_KEPT_COLUMNS.get(table_name, frozenset())
    insert = f"INSERT INTO {table_name} ({', '.join(names)}) VALUES ({', '.join(values)})"
    updates = ", ".join(f"{n} = excluded.{n}" for n in pulled if n != key and n not in kept)
    applies = pulled_row_applies(table_name)
    where = f" WHERE {applies}" if applies else ""
    return f"{insert} ON CONFLICT ({key}) DO UPDATE SET {updates}{where}"


def _as_mappings(table: Table, rows: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows in desk text form as column mappings, uuids as uuids (for SQLAlchemy's binds)."""
    columns = pulled_columns(table)
    uuids = [c.name for c in columns if isinstance(c.type, Uuid)]
    mappings = [dict(zip([c.name for c in columns], row, strict=True)) for row in rows]
    for mapping in mappings:
        for name in uuids:
            if mapping[name] is not None:
                mapping[name] = uuid.UUID(hex=mapping[name])
    return mappings


def _dashed(hex_digits: str) -> str:
    return str(uuid.UUID(hex=hex_digits))


def store_chunk(
    connection: Connection,
    table: Table,
    rows: Sequence[tuple[Any, ...]],
    to: PullCursor | None,
) -> int:
    """Write ``rows`` (pulled columns in order) and move the cursor (unless ``to`` is None)
    in one local transaction; returns the rows written (rows waiting in the outbox are not)."""
    key_column = next(iter(table.primary_key.columns))
    key_at = [c.name for c in pulled_columns(table)].index(key_column.name)
    # The outbox names a uuid-keyed row in its dashed form; pulled rows carry 32 hex digits.
    row_key: Any = _dashed if isinstance(key_column.type, Uuid) else str
    upsert = _upsert(table.name)
    # IMMEDIATE: the outbox is read under the write lock, so a change the agent saves
    # meanwhile cannot slip between that read and the write.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        # The server's copy of a row made here comes back under the server's id: the
        # provisional row takes that id, and the server's copy is stored over it.
        adopted: set[str] = set()
        if table.name in SERVER_KEYED:
            adopted = adopt_pulled_keys(connection, table, _as_mappings(table, rows))
        waiting = pending_row_ids(connection, table.name) - adopted
        fresh = [row for row in rows if row_key(row[key_at]) not in waiting] if waiting else rows
        if fresh:
            connection.exec_driver_sql(upsert, list(fresh))
        if to is not None:
            save_cursor(connection, table.name, to)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return len(fresh)
