"""Fast bulk loading of pre-encoded rows: executemany on SQLite, COPY on PostgreSQL.

Rows are tuples in the given column order. Dates are ISO text, UTC times are
``YYYY-MM-DD HH:MM:SS`` text, JSON is text and UUIDs are 32 hex digits: the form SQLAlchemy's
SQLite types read back, and text PostgreSQL's COPY accepts once UTC times get their offset.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Index

from agent_app.store.schema import Base
from agent_app.store.schema.base import UtcDateTime
from agent_app.store.tallies import paused_tallies


def bulk_insert(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows into ``table`` inside the caller's transaction."""
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        return
    utc = [i for i, c in enumerate(columns) if isinstance(_column_type(table, c), UtcDateTime)]
    raw: Any = connection.connection.dbapi_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            if utc:
                row = _with_utc_offset(row, utc)
            copy.write_row(row)


def _column_type(table: str, column: str) -> Any:
    return Base.metadata.tables[table].c[column].type


def _with_utc_offset(row: tuple[Any, ...], indexes: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for i in indexes:
        if values[i] is not None:
            values[i] = f"{values[i]}+00"
    return tuple(values)


def reset_id_sequences(connection: Connection, tables: Sequence[str]) -> None:
    """After loading explicit ids into PostgreSQL, move each id sequence past the largest id."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        pk = Base.metadata.tables[table].primary_key.columns.values()[0].name
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{pk}'), "
            f"COALESCE((SELECT MAX({pk}) FROM {table}), 0) + 1, false)"
        )


@contextlib.contextmanager
def deferred_indexes(engine: Engine, tables: Sequence[str]) -> Iterator[None]:
    """Drop the secondary indexes of ``tables`` for a bulk load and build them again after.

    Primary keys and unique constraints stay in place, so the load is still checked. The
    indexes are rebuilt whether the load succeeds or fails. The statistics tallies' triggers
    (which would look rows up through those indexes) are paused too, and the tallies worked
    out once from the loaded rows afterwards.
    """
    indexes: list[Index] = [
        index for table in tables for index in Base.metadata.tables[table].indexes
    ]
    with paused_tallies(engine, tables):
        with engine.begin() as connection:
            for index in indexes:
                index.drop(connection, checkfirst=True)
        try:
            yield
        finally:
            with engine.begin() as connection:
                for index in indexes:
                    index.create(connection, checkfirst=True)
