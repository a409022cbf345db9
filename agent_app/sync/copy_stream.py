"""Stream a table's settled changes out of the central server with COPY, chunk by chunk.

One ``COPY (SELECT ...) TO STDOUT`` per table replaces a query per page: the server sorts
once and sends rows as fast as the desk takes them. The SELECT keeps the pull's cursor rules
(migration 0002): row versions after the cursor, only from transactions older than the
statement's snapshot xmin, in ``(change_xid, change_seq)`` order, so a chunk's last row is a
cursor the next pull may resume from. It runs as the desk's own staff login, so row-level
security applies (``COPY table TO`` would refuse a table with policies; a SELECT does not).

Each value arrives as the text the desk's SQLite store keeps (UTC times as
``YYYY-MM-DD HH:MM:SS.ffffff``, dates ISO, booleans 0/1): the desk writes it without a
conversion per value, and SQLite's column affinity turns integer text into integers.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Engine,
    PoolProxiedConnection,
    Table,
    Uuid,
)
from sqlalchemy.exc import SQLAlchemyError

from agent_app.store.schema.base import UtcDateTime
from agent_app.sync.cursor import PullCursor
from agent_app.sync.errors import as_sync_error
from agent_app.sync.pull_tables import pulled_columns

log = logging.getLogger(__name__)

SETTLED = (
    "(change_xid, change_seq) > (CAST(%s AS xid8), %s)"
    " AND change_xid < pg_snapshot_xmin(pg_current_snapshot())"
)


@dataclass(frozen=True)
class Chunk:
    """Rows in desk text form (pulled columns, in order) and the cursor after the last."""

    rows: list[tuple[Any, ...]]
    cursor: PullCursor


@contextlib.contextmanager
def _driver_connection(server: Engine) -> Iterator[psycopg.Connection[Any]]:
    """The psycopg connection under one of ``server``'s pooled connections; a driver error
    becomes a sync error and throws the connection away, else it goes back to the pool."""
    try:
        raw: PoolProxiedConnection = server.raw_connection()
    except (SQLAlchemyError, psycopg.Error) as exc:  # the pool hands out driver errors raw
        raise as_sync_error(exc, server) from exc
    try:
        yield raw.driver_connection  # type: ignore[misc]
    except psycopg.Error as exc:
        raw.invalidate()
        raise as_sync_error(exc, server) from exc
    finally:
        raw.close()


def _as_desk_text(column: Column[Any]) -> str:
    name = f'"{column.name}"'
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return f"to_char({name} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(kind, Date):
        return f"to_char({name}, 'YYYY-MM-DD')"
    if isinstance(kind, Boolean):
        return f"{name}::int"
    if isinstance(kind, Uuid):  # SQLite keeps a uuid as its 32 hex digits
        return f"replace({name}::text, '-', '')"
    return name


def copy_statement(table: Table) -> str:
    """The COPY of ``table``'s settled changes after a cursor given as (xid text, seq)."""
    columns = ", ".join(_as_desk_text(c) for c in pulled_columns(table))
    return (
        f"COPY (SELECT {columns}, change_xid::text FROM {table.name} WHERE {SETTLED}"
        " ORDER BY change_xid, change_seq) TO STDOUT"
    )


def _json_fixer(table: Table) -> Callable[[tuple[Any, ...]], tuple[Any, ...]] | None:
    """JSON columns re-encoded as the desk's own writes spell them (SQLAlchemy's json.dumps),
    so a pulled row is the same text whichever way it came; None when the table has none."""
    where = [i for i, c in enumerate(pulled_columns(table)) if isinstance(c.type, JSON)]
    if not where:
        return None

    def fix(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i in where:
            if values[i] is not None:
                values[i] = json.dumps(json.loads(values[i]))
        return tuple(values)

    return fix


def stream_changes(
    server: Engine, table: Table, after: PullCursor, chunk_rows: int
) -> Iterator[Chunk]:
    """``table``'s settled changes after ``after``, ``chunk_rows`` at a time.

    Raises SyncOfflineError or SyncServerError when the server or the line fails; chunks
    already handed out stay valid (each carries its own cursor). Closing the iterator early
    cancels the COPY.
    """
    seq_at = [c.name for c in pulled_columns(table)].index("change_seq")
    fix = _json_fixer(table)
    with _driver_connection(server) as connection:
        statement = copy_statement(table)
        with (
            connection.cursor() as cursor,
            cursor.copy(statement, (str(after.xid), after.seq)) as copy,
        ):
            rows: list[tuple[Any, ...]] = []
            xid = ""
            for record in copy.rows():
                xid = record[-1]
                row = record[:-1]
                rows.append(fix(row) if fix else row)
                if len(rows) >= chunk_rows:
                    yield Chunk(rows, PullCursor(int(xid), int(rows[-1][seq_at])))
                    rows = []
            if rows:
                yield Chunk(rows, PullCursor(int(xid), int(rows[-1][seq_at])))
        connection.rollback()


def estimate_rows(server: Engine, tables: list[tuple[Table, PullCursor]]) -> dict[str, int]:
    """The planner's estimate of each table's rows after its cursor, as this login sees them
    (its row-level security filters are in the plan): cheap, readable by any login, and
    close enough for a progress bar. Tables already pulled estimate from the cursor index."""
    estimates: dict[str, int] = {}
    with _driver_connection(server) as connection:
        with connection.cursor() as cursor:
            for table, after in tables:
                cursor.execute(
                    f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table.name} WHERE {SETTLED}",
                    (str(after.xid), after.seq),
                )
                plan = cursor.fetchone()
                estimates[table.name] = int(plan[0][0]["Plan"]["Plan Rows"]) if plan else 0
        connection.rollback()
    return estimates
