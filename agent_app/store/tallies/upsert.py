"""Adding signed counts to a tally row: one upsert per statement, on both engines."""

from __future__ import annotations

from collections.abc import Sequence


def add_to(table: str, keys: Sequence[str], sums: Sequence[str], select: str) -> str:
    """``INSERT … SELECT`` that adds the selected sums to the rows with the selected keys.

    ``select`` yields the key columns then the sum columns, one row per key (PostgreSQL
    refuses to update one row twice in a statement): group it by the keys. It must have a
    WHERE clause, which SQLite needs to tell the upsert's ON from a join's.
    """
    columns = ", ".join([*keys, *sums])
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
