"""The rows a claimed task's card needs, as the server sends them with the claim (migration
0012's ``desk_task_card``), stored in the desk's store in the caller's transaction.

The server answers JSON: one array of rows per table, each row an object keyed by column. A
row carries only what the claiming login may SELECT; the desk keeps the columns its own schema
knows and turns JSON's dates and times back into Python values.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, TypeDecorator, literal, select, union_all

from agent_app.store.outbox import pending_rows_by_table
from agent_app.store.schema import Base
from agent_app.sync.pull_tables import pulled_columns
from agent_app.sync.single_rows import upsert_rows

# Parents before children (the store's foreign-key checks are off while a card is written,
# as for a pull page, but the order keeps the write readable).
CARD_TABLES: tuple[str, ...] = (
    "department",
    "staff",
    "questionnaire_template",
    "call_script",
    "followup_plan",
    "patient",
    "contact",
    "episode",
    "followup_task",
)
# Reference rows a desk says it holds, so the server leaves them out of the card. Staff are
# not listed: a quality desk may hold thousands, and a card names at most four.
KNOWN_TABLES: tuple[str, ...] = (
    "department",
    "questionnaire_template",
    "call_script",
    "followup_plan",
)

Card = Mapping[str, Sequence[Mapping[str, Any]]]


def known_reference_ids(connection: Connection) -> dict[str, list[int]]:
    """The ids of the reference rows this store holds, by table, for the server to skip."""
    tables = Base.metadata.tables
    query = union_all(
        *(select(literal(name).label("t"), tables[name].c.id) for name in KNOWN_TABLES)
    )
    known: dict[str, list[int]] = {name: [] for name in KNOWN_TABLES}
    for name, row_id in connection.execute(query):
        known[name].append(row_id)
    return known


def _decoder(table: Table) -> dict[str, Callable[[str], object]]:
    """Columns whose JSON text must become a date, a datetime or a uuid again."""
    kinds: dict[str, Callable[[str], object]] = {}
    for column in pulled_columns(table):
        sql_type = column.type
        if isinstance(sql_type, TypeDecorator):
            sql_type = sql_type.impl_instance  # UtcDateTime answers "object" for itself
        try:
            kind = sql_type.python_type
        except NotImplementedError:
            continue
        if kind in (dt.date, dt.datetime):
            kinds[column.name] = kind.fromisoformat
        elif kind is uuid.UUID:
            kinds[column.name] = uuid.UUID
    return kinds


def _decoded(table: Table, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    names = {column.name for column in pulled_columns(table)}
    kinds = _decoder(table)
    decoded = []
    for row in rows:
        values = {name: value for name, value in row.items() if name in names}
        for name, kind in kinds.items():
            text = values.get(name)
            if isinstance(text, str):
                values[name] = kind(text)
        decoded.append(values)
    return decoded


def store_card(connection: Connection, card: Card) -> int:
    """Write the card's rows (inside the caller's transaction, foreign-key checks off); rows
    the store holds at the same version are not written again. Rows offered."""
    stored = 0
    waiting = pending_rows_by_table(connection, CARD_TABLES)
    for name in CARD_TABLES:
        rows = card.get(name) or ()
        if rows:
            table = Base.metadata.tables[name]
            stored += upsert_rows(
                connection,
                table,
                _decoded(table, rows),
                only_changed=True,
                waiting=waiting.get(name, set()),
            )
    return stored
