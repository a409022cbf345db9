"""May this desk sync with the server at all: its version against the server's gate.

Before a cycle sends anything the desk asks ``desk_sync_gate()`` (migration 0016) for the
oldest desk version the server accepts and the server's schema revision: one cheap call. A
desk older than the gate, or one that has no migration for the server's revision (the
server was upgraded past it), raises ``DeskTooOldError``: the cycle stops before the push,
the outbox stays as it is, and the desk says so in one sentence until it is updated. A
server from before the gate (no such function) is synced with as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from agent_app import __version__
from agent_app.store.desk_versions import parse_version
from agent_app.store.migrate import known_revisions
from agent_app.store.server_errors import ServerCode
from agent_app.sync.errors import SyncError, as_sync_error

log = logging.getLogger(__name__)

GATE_SQL = text("SELECT min_version, schema_revision FROM desk_sync_gate()")
_UNDEFINED_FUNCTION = "42883"


class DeskTooOldError(SyncError):
    """The server accepts no sync from this desk's version; update the desk."""


@dataclass(frozen=True)
class ServerGate:
    """What the server answered; both None for a server from before the gate."""

    min_version: str | None
    schema_revision: str | None


def read_gate(server: Engine) -> ServerGate:
    """The server's gate (one call). Raises a SyncError when the server cannot answer."""
    try:
        with server.connect() as connection:
            row = connection.execute(GATE_SQL).one()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _UNDEFINED_FUNCTION:
            return ServerGate(None, None)
        raise as_sync_error(exc, server) from exc
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    return ServerGate(row.min_version, row.schema_revision)


def check_desk_may_sync(server: Engine, desk_version: str = __version__) -> ServerGate:
    """The server's gate when this desk may sync with it.

    Raises DeskTooOldError when the gate stands above ``desk_version`` or the server's
    schema revision is one this desk has no migration for."""
    gate = read_gate(server)
    if gate.schema_revision is not None and gate.schema_revision not in known_revisions():
        log.warning("server schema %s is unknown to desk %s", gate.schema_revision, desk_version)
        raise DeskTooOldError(
            ServerCode.SCHEMA_UNKNOWN, revision=gate.schema_revision, version=desk_version
        )
    if gate.min_version is not None and parse_version(desk_version) < parse_version(
        gate.min_version
    ):
        log.warning("desk %s is below the server's gate %s", desk_version, gate.min_version)
        raise DeskTooOldError(
            ServerCode.DESK_TOO_OLD, version=desk_version, min_version=gate.min_version
        )
    return gate
