"""The server's transaction counter across a backup and restore into another cluster.

Desks pull by ``(change_xid, change_seq)``: each row carries the id of the transaction that
last changed it (migration 0002), and a desk's cursor is such an id. A restored row keeps the
old server's id, but a fresh cluster counts its own transactions from a few hundred. Until its
counter passes the old one, a new desk would not see the restored rows and a desk that synced
with the old server would skip every new change. So a backup records the old server's next
transaction id, and a restore first brings the new cluster's counter past it (plus a margin
for changes desks may have pulled after the backup was taken), by committing empty
transactions: about 100,000 a second. A gap too large for that (another xid epoch, or more
than ``MAX_ADVANCE``) is refused with the ``pg_resetwal`` command that moves the counter
while the new server is stopped.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, text

from agent_app.server.connection import ServerToolError

NEXT_XID_SQL = text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
MARGIN = 1_000_000  # ~10 s of advancing; covers changes pulled after the backup was taken
MAX_ADVANCE = 300_000_000  # ~1 hour
_STEP = 1_000_000
_EPOCH = 1 << 32


def next_xid(connection: Connection) -> int:
    """The id (with its epoch) the server's next transaction gets; assigns none itself."""
    return int(connection.execute(NEXT_XID_SQL).scalar_one())


def advance_past(maintenance: Engine, wanted: int, say: Callable[[str], None]) -> int:
    """Commit empty transactions until the server's next transaction id is at least
    ``wanted`` + MARGIN; returns how many it committed. ``maintenance`` must autocommit."""
    with maintenance.connect() as connection:
        now = next_xid(connection)
        goal = wanted + MARGIN
        if now >= goal:
            return 0
        if goal // _EPOCH != now // _EPOCH or goal - now > MAX_ADVANCE:
            epoch, xid = divmod(goal, _EPOCH)
            raise ServerToolError(
                f"This server's transaction counter ({now}) is far behind the backed-up "
                f"server's ({wanted}); desks would miss changes. Stop this server and run, as "
                f"its system user: pg_resetwal -e {epoch} -x {xid} -D <data folder> (create "
                "the pg_xact file it names if it asks), start it, and restore again."
            )
        seconds = max(1, (goal - now) // 100_000)
        say(f"Advancing the transaction counter by {goal - now} (about {seconds} s) so that "
            "desks see every restored row.")  # fmt: skip
        connection.exec_driver_sql("SET synchronous_commit = off")
        left = goal - now
        while left > 0:
            step = min(left, _STEP)
            connection.exec_driver_sql(
                f"DO $$ BEGIN FOR i IN 1..{step} LOOP PERFORM pg_current_xact_id(); COMMIT; "
                "END LOOP; END $$"
            )
            left = goal - next_xid(connection)
        return goal - now
