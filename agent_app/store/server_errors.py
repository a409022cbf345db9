"""Why the central database could not be used, as a code the desk's screens can say.

A server that is down, a line that is cut, a server that answers but has no free connection
left, and a login that already holds all the connections it may: each needs a different
sentence, because each asks something different of the agent (wait, call IT, close the other
desk). libpq reports connection failures without a SQLSTATE, so the kind is read from its
message, whose first line is kept as the detail.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from agent_app.domain.coded_error import CodedError
from agent_app.store.errors import StoreUnavailableError


class ServerCode(enum.StrEnum):
    UNREACHABLE = "server_unreachable"  # down, or the line is cut
    FULL = "server_full"  # up, but every connection slot is taken
    LOGIN_LIMIT = "server_login_limit"  # this staff login holds all it may
    NOT_TRUSTED = "server_not_trusted"  # TLS: no encryption or no proof of identity
    INCOMPLETE = "server_incomplete"  # answered, but the request failed this time
    NO_ANSWER = "server_no_answer"  # a push came back without one change's answer
    CANCELLED = "sync_cancelled"  # the agent stopped the pull
    DESK_FAILED = "desk_failed"  # this computer's side of the sync failed
    RECORDING_MISSING = "recording_missing"  # not on the server, or not for this caller
    RECORDING_INCOMPLETE = "recording_incomplete"  # its upload has not finished
    RECORDING_MISMATCH = "recording_mismatch"  # the bytes fetched fail the checksum
    DESK_TOO_OLD = "desk_too_old"  # the server's version gate is above this desk
    SCHEMA_UNKNOWN = "server_schema_unknown"  # the server's schema is newer than this desk


ENGLISH: dict[str, str] = {
    ServerCode.UNREACHABLE: "Cannot reach the central database at {where} ({reason}); "
    "working offline.",
    ServerCode.FULL: "The central database at {where} is full: it has no free connection for "
    "this desk now. Your work is kept on this computer and sent once a connection frees up; "
    "tell IT if this lasts.",
    ServerCode.LOGIN_LIMIT: "Your account already holds every connection to the central "
    "database at {where} it may have; close the follow-up desk you left open on another "
    "computer. Your work here is kept and sent afterwards.",
    ServerCode.NOT_TRUSTED: "{sentence}",
    ServerCode.INCOMPLETE: "The central database could not complete the sync ({reason}).",
    ServerCode.NO_ANSWER: "The central database gave no answer for change {change}.",
    ServerCode.CANCELLED: "The sync was cancelled; it continues where it stopped at the next sync.",
    ServerCode.DESK_FAILED: "The sync stopped on this computer: {detail}.",
    ServerCode.RECORDING_MISSING: "This recording is not on the central server, or you may "
    "not listen to it.",
    ServerCode.RECORDING_INCOMPLETE: "This recording has not been uploaded completely yet; try "
    "again later.",
    ServerCode.RECORDING_MISMATCH: "The recording fetched from the server does not match its "
    "checksum.",
    ServerCode.DESK_TOO_OLD: "This desk (version {version}) is older than the central "
    "database accepts (version {min_version} or later), so it sends nothing and keeps your "
    "work on this computer until IT updates it.",
    ServerCode.SCHEMA_UNKNOWN: "The central database runs a newer schema ({revision}) than "
    "this desk (version {version}) knows, so it sends nothing and keeps your work on this "
    "computer until IT updates it.",
}

# Signs of each kind in libpq's and PgBouncer's connection failures.
_FULL_SIGNS = (
    "too many clients already",
    "remaining connection slots are reserved",
    "no more connections allowed",  # PgBouncer max_client_conn
)
_LOGIN_LIMIT_SIGNS = ("too many connections for role",)


def first_line(message: str) -> str:
    """The first non-empty line of a driver message, without its closing full stop."""
    for line in message.splitlines():
        line = line.strip()
        if line:
            return line.rstrip(".")
    return "no answer"


def connection_failure(message: str) -> ServerCode:
    """Which kind of failure libpq's ``message`` (a failed or lost connection) reports."""
    lowered = message.lower()
    if any(sign in lowered for sign in _LOGIN_LIMIT_SIGNS):
        return ServerCode.LOGIN_LIMIT
    if any(sign in lowered for sign in _FULL_SIGNS):
        return ServerCode.FULL
    return ServerCode.UNREACHABLE


class ServerUnavailableError(StoreUnavailableError, CodedError):
    """The central database could not be used; ``code`` says why (see ServerCode)."""

    ENGLISH: ClassVar[dict[str, str]] = ENGLISH
