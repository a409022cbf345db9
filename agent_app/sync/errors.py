"""Sync failures, each with one sentence a person can act on.

``SyncOfflineError`` means the central database cannot be reached (line cut, server down): the
desk keeps working and retries later. ``SyncServerError`` means the server answered but could
not take the whole batch this time (a lock timeout, a server restarting): it is retried too.
A change the server refuses for good is not an exception; it is quarantined with its reason.
"""

from __future__ import annotations

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from agent_app.store.server_tls import tls_refusal

# SQLSTATEs that mean the connection, not the request, failed.
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")


class SyncError(Exception):
    """Base of every sync failure."""


class SyncOfflineError(SyncError):
    """The central database cannot be reached; the desk works offline and retries."""


class SyncServerError(SyncError):
    """The central database answered but could not take or give the changes this time."""


def _first_line(message: str) -> str:
    for line in message.splitlines():
        if line.strip():
            return line.strip().rstrip(".")
    return "no answer"


def _lost_connection(exc: SQLAlchemyError | psycopg.Error) -> bool:
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        state = getattr(exc.orig, "sqlstate", None)
    elif isinstance(exc, psycopg.Error):  # from a raw connection (COPY)
        state = exc.sqlstate
    else:
        return False
    return state is None or str(state).startswith(_CONNECTION_STATES)


def as_sync_error(exc: SQLAlchemyError | psycopg.Error, server: Engine) -> SyncError:
    """Turn a server-side database error (through SQLAlchemy, or psycopg's own from a raw
    connection) into a plain-worded sync error."""
    full = str(getattr(exc, "orig", None) or exc)
    reason = _first_line(full)
    if _lost_connection(exc):
        where = f"{server.url.host or 'localhost'}:{server.url.port or 5432}"
        refusal = tls_refusal(full, where)
        if refusal is not None:  # no TLS, or a server that could not prove who it is
            return SyncOfflineError(str(refusal))
        return SyncOfflineError(
            f"Cannot reach the central database at {where} ({reason}); working offline."
        )
    return SyncServerError(f"The central database could not complete the sync ({reason}).")
