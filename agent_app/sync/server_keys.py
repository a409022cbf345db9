"""Rows a desk makes whose key the server issues: a provisional id until the server names its own.

Every other row a desk makes is keyed by a client uuid the server takes as it is. A contact's id
comes from the server's sequence, so a contact added at the desk gets a negative provisional id
and a ``client_uuid`` (store/repositories/contacts.py). The server answers the id it gave when
the insert is pushed (the answer's detail, repeated for a resent change), and the pull brings
the server's row back with the same client uuid. Either way ``adopt_server_key`` renames the
provisional row, in the caller's local transaction: the row itself, the local rows that point
at it (a call to that number) and the pending outbox entries that name it, so nothing pushed
later names an id the server does not know, and no pulled row lands beside its provisional
twin. ``provisional_key`` remembers the pair for screens that still hold the provisional id.

A push batch ends at such an insert (``through_first_keyed``): the entries after it may name
its provisional id, and they are rewritten before they are sent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, delete, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from agent_app.store.outbox import OutboxEntry
from agent_app.store.schema import Base, ProvisionalKey

log = logging.getLogger(__name__)

# table -> the column holding the desk's own name for a row it made
SERVER_KEYED: Mapping[str, str] = {"contact": "client_uuid"}
#: Rows a desk keeps for itself under negative ids and never pushes (a number unsubscribed by
#: text message goes on the blacklist at once), by their unique column: a pulled row with the
#: same value replaces the desk's own, which would otherwise break the pull on that column.
DESK_ONLY_UNIQUE: Mapping[str, str] = {"blacklist": "number_e164"}

_OWN_ENTRIES = text(
    "UPDATE outbox SET row_id = :new, payload = json_set(payload, '$.id', :new_id) "
    "WHERE state = 'pending' AND table_name = :table AND row_id = :old"
)
_NAMING_ENTRIES = (
    "UPDATE outbox SET payload = json_set(payload, :path, :new) "
    "WHERE state = 'pending' AND table_name = :table AND json_extract(payload, :path) = :old"
)


def is_keyed_insert(entry: OutboxEntry) -> bool:
    """Whether the server issues the key of the row ``entry`` inserts."""
    return entry.operation == "insert" and entry.table_name in SERVER_KEYED


def through_first_keyed(entries: Sequence[OutboxEntry]) -> list[OutboxEntry]:
    """``entries`` up to and including the first insert whose key the server issues."""
    for n, entry in enumerate(entries):
        if is_keyed_insert(entry):
            return list(entries[: n + 1])
    return list(entries)


def answered_key(entry: OutboxEntry, detail: str) -> int | None:
    """The server's id for the row of a keyed insert it accepted; None for other entries, or
    when the answer names none (the pull then matches the row by its client uuid)."""
    if not is_keyed_insert(entry):
        return None
    try:
        return int(detail)
    except ValueError:
        log.warning("outbox %s (%s): the server answered no id", entry.seq, entry.table_name)
        return None


def _referring_columns(table: Table) -> list[Column[Any]]:
    key = next(iter(table.primary_key.columns))
    return [
        column
        for child in Base.metadata.sorted_tables
        for column in child.columns
        if any(fk.column is key for fk in column.foreign_keys)
    ]


def _rename_in_outbox(connection: Connection, table: Table, old: int, new: int | None) -> None:
    if new is not None:
        connection.execute(
            _OWN_ENTRIES, {"new": str(new), "new_id": new, "table": table.name, "old": str(old)}
        )
    for column in _referring_columns(table):
        connection.execute(
            text(_NAMING_ENTRIES),
            {"path": f"$.{column.name}", "new": new, "table": column.table.name, "old": old},
        )


def adopt_server_key(
    connection: Connection, table_name: str, provisional: int, server: int
) -> None:
    """Give the local row ``provisional`` of ``table_name`` the server's id ``server``, with
    every local reference to it. When the desk already holds ``server`` (pulled before the
    answer came, or the server merged the row into one it had), the provisional row goes."""
    if provisional == server:
        return
    table = Base.metadata.tables[table_name]
    key = next(iter(table.primary_key.columns))
    held = connection.execute(select(key).where(key == server)).first() is not None
    row = connection.execute(select(table).where(key == provisional)).mappings().first()
    if row is not None and not held:
        # A copy under the new id first, so the rows pointing at it stay valid throughout.
        connection.execute(
            update(table).where(key == provisional).values({SERVER_KEYED[table_name]: None})
        )
        connection.execute(insert(table).values({**row, key.name: server}))
    for column in _referring_columns(table):
        connection.execute(
            update(column.table).where(column == provisional).values({column.name: server})
        )
    connection.execute(delete(table).where(key == provisional))
    _rename_in_outbox(connection, table, provisional, server)
    connection.execute(
        sqlite_insert(ProvisionalKey)
        .values(table_name=table_name, provisional_id=provisional, server_id=server)
        .on_conflict_do_nothing()
    )
    log.info("%s %s is %s on the server", table_name, provisional, server)


def forget_provisional_key(connection: Connection, table_name: str, provisional: int) -> None:
    """The server refused the row ``provisional``: pending entries that name it name nothing
    instead, so the call made to that number still reaches the server (the local rows keep
    their link)."""
    table = Base.metadata.tables[table_name]
    _rename_in_outbox(connection, table, provisional, None)


def _drop_superseded_desk_rows(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    column = DESK_ONLY_UNIQUE.get(table.name)
    if column is None:
        return
    values = [row[column] for row in rows if row.get(column) is not None]
    if values:
        key = next(iter(table.primary_key.columns))
        connection.execute(delete(table).where(table.c[column].in_(values), key < 0))


def adopt_pulled_keys(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> set[str]:
    """Pulled rows that are the server's copy of a row made here under a provisional id: adopt
    their ids. Returns the adopted ids (as outbox row ids). Desk-only rows the pulled ones
    supersede (``DESK_ONLY_UNIQUE``) are dropped first."""
    _drop_superseded_desk_rows(connection, table, rows)
    column = SERVER_KEYED.get(table.name)
    if column is None:
        return set()
    key = next(iter(table.primary_key.columns))
    pulled = {row[column]: row[key.name] for row in rows if row.get(column) is not None}
    if not pulled:
        return set()
    here = connection.execute(
        select(key, table.c[column]).where(table.c[column].in_(list(pulled)))
    ).all()
    adopted: set[str] = set()
    for local_id, client_key in here:
        server_id = pulled[client_key]
        if local_id != server_id:
            adopt_server_key(connection, table.name, int(local_id), int(server_id))
            adopted.add(str(server_id))
    return adopted
