"""The server's tallies outside the pushes' lock path: insert-only deltas, folded later.

Every push on the server used to add to the same few tally rows (a pool task is counted under
staff 0, so every result in a department lands on one row per day), and an upsert on a row
that another open transaction has changed waits for that transaction to commit: the pushes
queued behind each other (log_lock_waits: ``ShareLock on transaction … while inserting index
tuple in relation "stats_task_tally"``). On PostgreSQL the triggers therefore append signed
rows to ``<tally>_delta`` tables, which have no key and no index, so an insert never waits
for another.

* **Reads stay exact.** The statistics read each tally as ``summed_sql``: its rows plus the
  pending deltas, summed by key. One statement sees one snapshot, and a fold moves deltas
  into the tally in one transaction, so a reader counts each delta once, folded or not.
* **The fold** (``stats_fold_deltas()``, SECURITY DEFINER) deletes the committed deltas and
  adds their sums to the tallies, table by table, in the caller's transaction. It takes
  ``pg_try_advisory_xact_lock``: while one fold runs, another returns false at once instead
  of waiting. Desks call it in its own transaction after a push that changed something
  (``sync.tally_fold``); any caller may, as it shows nothing and only moves sums. Nothing is
  lost when nobody folds for a while: reads sum a longer delta table.
* **A rebuild** (migration, bulk load) takes the fold's lock and waits for it, and empties
  the deltas with the tallies.

SQLite (the desk and the demo) has one writer at a time: its triggers add to the tallies
directly and it has no delta tables.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql

from agent_app.store.schema import Base
from agent_app.store.tallies.upsert import delta_table

SUM_TABLES = (
    "stats_task_tally", "stats_call_tally", "stats_call_span", "stats_satisfaction_tally",
    "stats_revisit_tally", "stats_answer_tally", "stats_writer_tally", "stats_survival_tally",
)  # fmt: skip
DELTA_TABLES = tuple(delta_table(t) for t in SUM_TABLES)
FOLD_FUNCTION = "stats_fold_deltas()"
FOLD_LOCK = "hashtext('stats_fold_deltas')"
# Folding deletes every delta soon after it is written: vacuum the dead rows by count, not
# by a share of a table that is nearly always empty.
_STORAGE = "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000"


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def keys_and_sums(table: str) -> tuple[list[str], list[str]]:
    """A tally's key columns and its count columns, in table order."""
    columns = _table(table).columns
    return [c.name for c in columns if c.primary_key], [
        c.name for c in columns if not c.primary_key
    ]


def has_deltas(connection: Connection) -> bool:
    """Whether this database keeps its tallies' additions in delta tables (a server at
    migration 0014 or later)."""
    if connection.dialect.name != "postgresql":
        return False
    found = connection.exec_driver_sql(f"SELECT to_regclass('public.{DELTA_TABLES[0]}')")
    return found.scalar() is not None


def summed_sql(table: str) -> str:
    """A SELECT of ``table`` as the statistics read it on the server: its rows plus the
    pending deltas, summed by key, with the tally's columns in its order and types."""
    keys, sums = keys_and_sums(table)
    server = postgresql.dialect()  # type: ignore[no-untyped-call]
    types = {c.name: c.type.compile(dialect=server) for c in _table(table).columns}
    columns = ", ".join(keys + sums)
    summed = ", ".join(
        f"CAST(sum({name}) AS {types[name]}) AS {name}" if name in sums else name
        for name in (c.name for c in _table(table).columns)
    )
    return (
        f"SELECT {summed} FROM (SELECT {columns} FROM {table} "
        f"UNION ALL SELECT {columns} FROM {delta_table(table)}) AS pending "
        f"GROUP BY {', '.join(keys)}"
    )


def fold_statements() -> list[str]:
    """One statement per tally: take its committed deltas away and add their sums to it."""
    statements = []
    for table in SUM_TABLES:
        keys, sums = keys_and_sums(table)
        key_list = ", ".join(keys)
        totals = ", ".join(f"sum({s})" for s in sums)
        updates = ", ".join(f"{s} = {table}.{s} + excluded.{s}" for s in sums)
        statements.append(
            f"WITH moved AS (DELETE FROM {delta_table(table)} RETURNING *) "
            f"INSERT INTO {table} ({key_list}, {', '.join(sums)}) "
            f"SELECT {key_list}, {totals} FROM moved GROUP BY {key_list} "
            f"ON CONFLICT ({key_list}) DO UPDATE SET {updates}"
        )
    return statements


def _fold_function() -> str:
    body = "".join(f"    {statement};\n" for statement in fold_statements())
    return (
        f"CREATE OR REPLACE FUNCTION {FOLD_FUNCTION} RETURNS boolean LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_temp AS $$\nBEGIN\n"
        f"    IF NOT pg_try_advisory_xact_lock({FOLD_LOCK}) THEN\n        RETURN false;\n"
        f"    END IF;\n{body}    RETURN true;\nEND $$"
    )


def create_deltas(connection: Connection) -> None:
    """The delta tables (shaped like their tallies, without key or index) and the fold."""
    for table in SUM_TABLES:
        connection.exec_driver_sql(
            f"CREATE TABLE {delta_table(table)} (LIKE {table} INCLUDING DEFAULTS) WITH ({_STORAGE})"
        )
    connection.exec_driver_sql(_fold_function())


def drop_deltas(connection: Connection) -> None:
    """Fold what is pending, then drop the delta tables and the fold."""
    fold_now(connection)
    connection.exec_driver_sql(f"DROP FUNCTION {FOLD_FUNCTION}")
    for table in DELTA_TABLES:
        connection.exec_driver_sql(f"DROP TABLE {table}")


def hold_fold_lock(connection: Connection) -> None:
    """Wait for a running fold, and keep others out until this transaction ends."""
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({FOLD_LOCK})")


def fold_now(connection: Connection) -> None:
    """Fold every committed delta in this transaction, waiting for a running fold."""
    hold_fold_lock(connection)
    for statement in fold_statements():
        connection.exec_driver_sql(statement)
