"""One cheap question before the pull: which tables have anything new for this desk?

An idle sync cycle used to read every pulled table once (ten server transactions, each a
checkout with its ping). ``tables_with_news`` asks for all of them in one statement: for each
table, is there a row version this login sees after the table's cursor and below the
snapshot's xmin (the pull's own rule, migration 0002)? Only those tables are then paged.

A table read to its end (or with nothing new) has its cursor moved up to the xmin
(``advance_cursors``): every transaction below it has ended, and every row version below it
this login sees was already stored, so none can appear there later. A row that becomes
visible without changing (a new episode in the desk's department) is stamped again by the
server (migration 0003), so it comes back above the cursor. Without the move, each probe
would recheck every other department's changes since this desk's own last one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from agent_app.sync.cursor import PullCursor, load_cursor, save_cursor
from agent_app.sync.errors import as_sync_error

# An idle table's cursor moves as soon as the horizon passes it: a row this login cannot see
# left in the probe's range makes the server check it against the row-level policies, and
# those build hash tables of the desk's whole department (milliseconds of server CPU, on every
# probe). A local commit per cycle on the desk's own disk is the cheaper side of the trade.
ADVANCE_AFTER_XIDS = 0


@dataclass(frozen=True)
class ProbeAnswer:
    """The server's xmin at the probe and the tables with row versions to pull."""

    horizon: int
    tables: frozenset[str]


def _probe_sql(names: list[str]) -> str:
    settled = "change_xid < pg_snapshot_xmin(pg_current_snapshot())"
    checks = [
        f"EXISTS (SELECT 1 FROM {name} WHERE (change_xid, change_seq) > "
        f"(CAST(:x{n} AS xid8), :s{n}) AND {settled}) AS n{n}"
        for n, name in enumerate(names)
    ]
    return "SELECT " + ", ".join(["CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)", *checks])


def load_cursors(local: Engine, tables: list[str]) -> dict[str, PullCursor]:
    """The stored cursor of each of ``tables``, read in one local transaction."""
    with local.connect() as connection:
        return {name: load_cursor(connection, name) for name in tables}


def tables_with_news(server: Engine, cursors: Mapping[str, PullCursor]) -> ProbeAnswer:
    """Which of ``cursors``' tables hold row versions after their cursor, in one read-only
    server transaction. ``cursors`` names only pulled (change-tracked) tables, never input."""
    names = list(cursors)
    params: dict[str, object] = {}
    for n, name in enumerate(names):
        params[f"x{n}"], params[f"s{n}"] = str(cursors[name].xid), cursors[name].seq
    try:
        with server.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as connection:
            row = connection.execute(text(_probe_sql(names)), params).one()
            connection.rollback()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    news = frozenset(name for name, new in zip(names, row[1:], strict=True) if new)
    return ProbeAnswer(int(row[0]), news)


def advance_cursors(
    local: Engine,
    cursors: Mapping[str, PullCursor],
    horizon: int,
    *,
    after: int = ADVANCE_AFTER_XIDS,
) -> int:
    """Move each of ``cursors`` that is more than ``after`` transactions below ``horizon``
    up to it, in one local transaction; how many moved. Only for tables read to their end
    (or found with nothing new) by a pull whose probe saw ``horizon``."""
    behind = [name for name, cursor in cursors.items() if cursor.xid + after < horizon]
    if behind:
        with local.begin() as connection:
            for name in behind:
                save_cursor(connection, name, PullCursor(horizon, 0))
    return len(behind)
