"""Adding signed counts to a tally: one upsert per statement, or one insert into the
tally's delta table (``tallies.deltas``) where the server's triggers put them."""

from __future__ import annotations

from collections.abc import Sequence

from agent_app.store.tallies.dialect import TallySql


def delta_table(table: str) -> str:
    """The insert-only table holding the server's not yet folded additions to ``table``."""
    return f"{table}_delta"


def add_to(sql: TallySql, table: str, keys: Sequence[str], sums: Sequence[str], select: str) -> str:
    """``INSERT … SELECT`` that adds the selected sums to the rows with the selected keys
    (with ``sql.deltas``: appends them to the tally's delta table, taking no row lock).

    ``select`` yields the key columns then the sum columns, one row per key (PostgreSQL
    refuses to update one row twice in a statement): group it by the keys. It must have a
    WHERE clause, which SQLite needs to tell the upsert's ON from a join's.
    """
    columns = ", ".join([*keys, *sums])
    if sql.deltas:
        return f"INSERT INTO {delta_table(table)} ({columns}) {select}"
    updates = ", ".join(f"{s} = {table}.{s} + excluded.{s}" for s in sums)
    return (
        f"INSERT INTO {table} ({columns}) {select} "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
    )


def group_by(count: int) -> str:
    """``GROUP BY 1, 2, …, count``."""
    return "GROUP BY " + ", ".join(str(i) for i in range(1, count + 1))


def within(column: str, ids: str | None) -> str:
    """The condition "``column`` is one of ``ids``" (an SQL list or subquery; None: all)."""
    return "true" if ids is None else f"{column} IN ({ids})"
