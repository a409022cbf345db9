"""Folding the server's pending tally deltas into its tallies, from the desk's sync cycle.

The server's triggers append a push's statistics to delta tables instead of updating the
shared tally rows inside the push (``store.tallies.deltas``), so the push never waits on
another desk's. Someone has to fold them in, or the statistics would sum an ever longer
delta table: every desk does, after a push that changed something, in a transaction of its
own. Only one fold runs at a time; a desk that finds one running is answered at once, and
the running fold takes its deltas too. The statistics are exact before and after.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from agent_app.sync.errors import as_sync_error

FOLD_SQL = text("SELECT stats_fold_deltas()")


def fold_tallies(server: Engine) -> bool:
    """Fold the committed deltas; False when another fold was running (it folds them)."""
    try:
        with server.begin() as connection:
            return bool(connection.execute(FOLD_SQL).scalar_one())
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
