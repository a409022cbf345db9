"""Sync failures, each a code with parameters that the desk's screens put into words.

``SyncOfflineError`` means the central database cannot be used now (line cut, server down,
or ``SyncFullError``: up, but with no connection free for this desk): the desk keeps working
and retries later. ``SyncServerError`` means the server answered but could not take the whole
batch this time (a lock timeout, a server restarting): it is retried too. A change the server
refuses for good is not an exception; it is quarantined with its reason.

The codes are ``agent_app.store.server_errors.ServerCode``; ``str(error)`` is the English
sentence, for logs.
"""

from __future__ import annotations

from typing import ClassVar

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from agent_app.domain.coded_error import CodedError
from agent_app.store.engine import server_unavailable
from agent_app.store.server_errors import ENGLISH, ServerCode, first_line
from agent_app.store.server_tls import ServerNotTrustedError

# SQLSTATEs that mean the connection, not the request, failed.
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")


class SyncError(CodedError):
    """Base of every sync failure."""

    ENGLISH: ClassVar[dict[str, str]] = ENGLISH


class SyncOfflineError(SyncError):
    """The central database cannot be used now; the desk works offline and retries."""


class SyncFullError(SyncOfflineError):
    """The central database is up but has no connection free for this desk (or this login)."""


class SyncNotTrustedError(SyncOfflineError):
    """The central database offered no encryption or could not prove who it is."""

    def __init__(self, refusal: ServerNotTrustedError) -> None:
        self.refusal = refusal
        super().__init__(ServerCode.NOT_TRUSTED, **refusal.params)

    def english(self) -> str:
        return self.refusal.english()


class SyncServerError(SyncError):
    """The central database answered but could not take or give the changes this time."""


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
    connection) into a coded sync error."""
    full = str(getattr(exc, "orig", None) or exc)
    if not _lost_connection(exc):
        return SyncServerError(ServerCode.INCOMPLETE, reason=first_line(full))
    failure = server_unavailable(full, server.url)
    if isinstance(failure, ServerNotTrustedError):
        return SyncNotTrustedError(failure)
    if failure.code in (ServerCode.FULL, ServerCode.LOGIN_LIMIT):
        return SyncFullError(failure.code, **failure.params)
    return SyncOfflineError(failure.code, **failure.params)
