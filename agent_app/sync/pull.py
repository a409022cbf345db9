"""Pull server changes into the local store, table by table, a page at a time.

A page is the next ``page_size`` row versions after the table's cursor, in
``(change_xid, change_seq)`` order, limited to transactions older than the reading snapshot's
xmin (why this never skips a late commit: migration 0002). The page's rows and the new cursor
are written in one local transaction, so an interrupted pull resumes after the last stored page.

The local store is a partial copy kept consistent by the server, and pages arrive in commit
order, not foreign-key order (a child row can come before the later version of its parent),
so pages are written with SQLite's foreign-key checks off for that connection. Rows with
local changes still waiting in the outbox are not overwritten; the server's answer to the push
bumps them, so they come back in a later page.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Connection, Engine, Table, cast, column, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.types import Text

from agent_app.store.schema import Base
from agent_app.sync.cursor import PullCursor, load_cursor, save_cursor
from agent_app.sync.errors import as_sync_error
from agent_app.sync.outbox import pending_row_ids

log = logging.getLogger(__name__)

# What the task queue and the patient card need, parents before children.
PULL_TABLES: tuple[str, ...] = (
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

PageDone = Callable[[str, int], None]

# Columns the desk keeps for itself: the server never sets them (its leases live in the
# server-only task_lease table), so a pulled row must not blank the desk's own lease.
DESK_KEPT_COLUMNS: dict[str, frozenset[str]] = {
    "followup_task": frozenset({"lease_owner_id", "lease_expires_at"}),
    "staff": frozenset({"password_hash"}),  # the desk's own verifier for offline sign-in
}
# Columns no desk login may read on the server (migration 0009): never asked for.
SERVER_ONLY_COLUMNS: dict[str, frozenset[str]] = {"staff": frozenset({"password_hash"})}


def pulled_columns(table: Table) -> list[Column[Any]]:
    """The columns of ``table`` a desk reads from the server."""
    hidden = SERVER_ONLY_COLUMNS.get(table.name, frozenset())
    return [c for c in table.c if c.name not in hidden]


@dataclass
class PullReport:
    """Row versions received per table, and pages read."""

    rows: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    kept_local: int = 0  # rows not overwritten because the outbox still holds a change

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def fetch_page(
    server: Engine, table: Table, after: PullCursor, limit: int
) -> tuple[list[dict[str, Any]], PullCursor]:
    """The next page of ``table`` after ``after`` and the cursor after its last row."""
    xid: ColumnClause[Any] = column("change_xid")
    query = (
        select(*pulled_columns(table), cast(xid, Text).label("_xid"))
        .where(
            text("(change_xid, change_seq) > (CAST(:xid AS xid8), :seq)"),
            text("change_xid < pg_snapshot_xmin(pg_current_snapshot())"),
        )
        .order_by(xid, table.c.change_seq)
        .limit(limit)
    )
    try:
        with server.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as connection:
            rows = connection.execute(query, {"xid": str(after.xid), "seq": after.seq}).all()
            connection.rollback()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    if not rows:
        return [], after
    last = rows[-1]
    names = [c.name for c in pulled_columns(table)]
    page = [dict(zip(names, row[: len(names)], strict=True)) for row in rows]
    return page, PullCursor(int(last._xid), int(last.change_seq))


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
    ``change_seq``. Rows offered."""
    key = next(iter(table.primary_key.columns)).name
    if waiting is None:
        waiting = pending_row_ids(connection, table.name)
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


def pull_changes(
    local: Engine,
    server: Engine,
    *,
    tables: Sequence[str] = PULL_TABLES,
    page_size: int = 1000,
    on_page: PageDone | None = None,
) -> PullReport:
    """Bring every table in ``tables`` up to the server's settled changes.

    Raises SyncOfflineError or SyncServerError when the server stops answering; the pages
    already stored stay, and the next pull continues from there.
    """
    report = PullReport()
    for name in tables:
        table = Base.metadata.tables[name]
        with local.connect() as connection:
            cursor = load_cursor(connection, name)
        while True:
            rows, after = fetch_page(server, table, cursor, page_size)
            if not rows:
                break
            stored = store_page(local, table, rows, after)
            report.rows[name] = report.rows.get(name, 0) + len(rows)
            report.kept_local += len(rows) - stored
            report.pages += 1
            cursor = after
            if on_page is not None:
                on_page(name, len(rows))
            if len(rows) < page_size:
                break
    return report
