"""Text edits of a server function's definition, for migrations that extend one (``sync_apply``
takes a new table, ``sync_notify_change`` announces one) without copying its whole body."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def edit_function(
    connection: sa.Connection, signature: str, edits: tuple[tuple[str, str], ...]
) -> None:
    """Replace each ``old`` text of the function's definition by ``new`` (each found once);
    a text not found exactly once stops the migration, since the function is not as expected."""
    sql = str(
        connection.exec_driver_sql(
            f"SELECT pg_get_functiondef('{signature}'::regprocedure)"
        ).scalar_one()
    )
    for old, new in edits:
        if sql.count(old) != 1:
            raise RuntimeError(f"{signature} changed; cannot find {old!r} once")
        sql = sql.replace(old, new)
    op.execute(sql)


def undo_edits(edits: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The edits that take ``edits`` back (for a downgrade)."""
    return tuple((new, old) for old, new in edits)
