"""Where the pull stands for each table, kept in the local ``sync_state`` table.

The server hands out changes in ``(change_xid, change_seq)`` order (see migration 0002), so a
table's cursor is that pair; it is kept as two ``sync_state`` rows, ``pull:<table>:xid`` and
``pull:<table>:seq``, written in the same local transaction as the rows they cover, so an
interrupted pull resumes exactly after the last page it stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert

from agent_app.store.schema.local import SyncState

LAST_SYNC = "last_sync"


@dataclass(frozen=True, order=True)
class PullCursor:
    """Position after the last change stored: (server transaction id, change sequence)."""

    xid: int = 0
    seq: int = 0


def _names(table: str) -> tuple[str, str]:
    return f"pull:{table}:xid", f"pull:{table}:seq"


def load_cursor(connection: Connection, table: str) -> PullCursor:
    """The stored cursor of ``table``; the start for a table never pulled."""
    xid_name, seq_name = _names(table)
    rows = dict(
        connection.execute(
            select(SyncState.name, SyncState.cursor).where(SyncState.name.in_(_names(table)))
        ).all()
    )
    return PullCursor(int(rows.get(xid_name, 0)), int(rows.get(seq_name, 0)))


def _put(connection: Connection, name: str, **values: object) -> None:
    statement = insert(SyncState).values(name=name, **values)
    connection.execute(
        statement.on_conflict_do_update(index_elements=[SyncState.name], set_=values)
    )


def save_cursor(connection: Connection, table: str, cursor: PullCursor) -> None:
    """Store ``cursor`` for ``table`` in the caller's transaction."""
    xid_name, seq_name = _names(table)
    _put(connection, xid_name, cursor=cursor.xid)
    _put(connection, seq_name, cursor=cursor.seq)


def record_success(engine: Engine, when: dt.datetime) -> None:
    """Remember the end of the last complete sync (push and pull)."""
    with engine.begin() as connection:
        _put(connection, LAST_SYNC, last_success_at=when, last_error="")


def last_success(engine: Engine) -> dt.datetime | None:
    """When the last complete sync ended, if ever."""
    with engine.connect() as connection:
        return connection.execute(
            select(SyncState.last_success_at).where(SyncState.name == LAST_SYNC)
        ).scalar_one_or_none()
