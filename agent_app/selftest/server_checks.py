"""The central server: reachable over a verified encrypted connection, a schema and version
gate this desk may sync with, and a clock that agrees with this computer's.

One probe connection serves the three checks (``ServerProbe``, kept in the context). With a
login (the signed-in desk's own engine, or ``--user`` on the terminal) it asks the server's
time and version. Without one, reaching the password question is proof enough of the first
check: libpq verifies the certificate (``verify-full``) before it is asked for a password, so
a refused password means the server was reached and proved who it is; the version and the
clock then wait for a signed-in self-test.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from agent_app import __version__
from agent_app.config import Profile, ServerSettings
from agent_app.selftest.result import CheckName, CheckResult, ServerProbe, Status
from agent_app.selftest.runner import Check, Needs, SelfTestContext
from agent_app.store.engine import create_server_engine, server_unavailable, server_url
from agent_app.store.errors import SchemaTooNewError
from agent_app.store.server_errors import ServerCode
from agent_app.sync.version_gate import DeskTooOldError, check_desk_may_sync

log = logging.getLogger(__name__)

# Within this, clocks agree (network time keeps desks within a second or two).
CLOCK_AMBER_SECONDS = 5.0
# Beyond a minute the desk's own timestamps are plainly wrong: call times, due times and
# "called back within" figures in reports, the lease a claimed follow-up holds (minutes
# long), and the sign-in guard's lockout all run on this computer's clock.
CLOCK_RED_SECONDS = 60.0
# The role name the probe connects as when nobody is signed in: never a real login.
PROBE_ROLE = "agent_app_self_test"
# libpq's words once the TLS handshake is done and the server asks who is connecting.
_ASKED_WHO = (
    "password authentication failed",
    "no password supplied",
    "does not exist",  # role or database: asked by a server that trusts the address
    "no pg_hba.conf entry",
)


def _where(settings: ServerSettings) -> str:
    return ",".join(f"{host}:{port}" for host, port in settings.endpoints)


def _engine(context: SelfTestContext) -> tuple[Engine, bool]:
    """(an engine, whether it holds a real login)."""
    server = context.settings.server
    if context.server is not None:
        return context.server, True
    if context.server_login is not None:
        user, password = context.server_login
        return create_server_engine(server_url(server, user, password)), True
    return create_server_engine(server_url(server, PROBE_ROLE, None)), False


def probe(context: SelfTestContext) -> ServerProbe:
    """Connect once (the result is kept for the other server checks)."""
    if context.server_probe is not None:
        return context.server_probe
    found = ServerProbe(_where(context.settings.server))
    context.server_probe = found
    engine, signed_in = _engine(context)
    try:
        with engine.connect() as connection:
            found.signed_in = signed_in
            before = time.time()
            server_now = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
            after = time.time()
            found.offset_seconds = server_now.timestamp() - (before + after) / 2
            _read_version(engine, connection, found)
    except OperationalError as exc:
        message = str(exc.orig)
        if signed_in or not any(sign in message for sign in _ASKED_WHO):
            found.error = server_unavailable(message, engine.url)
    finally:
        if engine is not context.server:
            engine.dispose()
    return found


def _read_version(engine: Engine, connection: Connection, found: ServerProbe) -> None:
    """Judge the server's version. A server with the version gate (migration 0016) says
    the oldest desk it accepts and its schema to every login. Before that, only a login that
    may read ``alembic_version`` (the server's owner, not a staff login) learns the revision,
    which must be one this desk has migrations for; other logins get no verdict, and sync
    checks again when it starts."""
    try:
        answer = check_desk_may_sync(engine)
        found.revision = answer.schema_revision
        found.version_checked = answer.schema_revision is not None
    except DeskTooOldError as exc:
        found.gate_error, found.version_checked = exc, True
    if found.version_checked:
        return
    from agent_app.store.migrate import check_not_newer, current_revision

    try:
        with connection.begin_nested():
            found.revision = current_revision(connection)
            check_not_newer(connection)
        found.version_checked = found.revision is not None
    except SchemaTooNewError as exc:
        found.gate_error, found.version_checked = exc, True
    except DBAPIError as exc:  # this login may not read the revision: no verdict
        log.info("server schema revision not readable: %s", exc.orig)


def check_server(context: SelfTestContext) -> CheckResult:
    settings = context.settings
    name = CheckName.SERVER
    if not settings.server.configured:
        status = Status.GREEN if settings.profile is Profile.DEMO else Status.AMBER
        return CheckResult.of(name, status, "server_not_set")
    found = probe(context)
    if found.error is not None:
        return CheckResult.of(
            name, Status.RED, "server_failed", detail=found.error, cause=found.error
        )
    if settings.server.unverified:
        return CheckResult.of(
            name,
            Status.AMBER,
            "server_unverified",
            where=found.where,
            sslmode=settings.server.sslmode,
        )
    return CheckResult.of(name, Status.GREEN, "server_ok", where=found.where)


def _needs_login(name: CheckName, context: SelfTestContext) -> CheckResult | None:
    """The verdict when this check cannot run: no server, not reached, or nobody signed in."""
    if not context.settings.server.configured:
        return CheckResult.of(name, Status.GREEN, "server_not_set")
    found = probe(context)
    if found.error is not None:
        return CheckResult.of(name, Status.AMBER, "server_not_reached")
    if not found.signed_in:
        return CheckResult.of(name, Status.AMBER, "server_needs_login")
    return None


def check_server_version(context: SelfTestContext) -> CheckResult:
    name = CheckName.SERVER_VERSION
    skipped = _needs_login(name, context)
    if skipped is not None:
        return skipped
    found = probe(context)
    if found.gate_error is not None:
        if isinstance(found.gate_error, SchemaTooNewError):
            return CheckResult.of(
                name, Status.RED, "server_version_unknown", revision=found.revision
            )
        if (
            isinstance(found.gate_error, DeskTooOldError)
            and found.gate_error.code == ServerCode.SCHEMA_UNKNOWN
        ):
            revision = found.gate_error.params.get("revision")
            return CheckResult.of(name, Status.RED, "server_version_unknown", revision=revision)
        return CheckResult.of(
            name, Status.RED, "server_failed", detail=found.gate_error, cause=found.gate_error
        )
    if not found.version_checked:
        return CheckResult.of(name, Status.AMBER, "server_version_unchecked")
    return CheckResult.of(
        name, Status.GREEN, "server_version_ok", revision=found.revision, version=__version__
    )


def check_clock(context: SelfTestContext) -> CheckResult:
    name = CheckName.CLOCK
    skipped = _needs_login(name, context)
    if skipped is not None:
        return skipped
    offset = probe(context).offset_seconds
    assert offset is not None  # measured whenever the probe signed in
    return clock_verdict(offset)


def clock_verdict(offset: float) -> CheckResult:
    """Green within CLOCK_AMBER_SECONDS, red beyond CLOCK_RED_SECONDS, amber between."""
    if abs(offset) > CLOCK_RED_SECONDS:
        status, code = Status.RED, "clock_wrong"
    elif abs(offset) > CLOCK_AMBER_SECONDS:
        status, code = Status.AMBER, "clock_drift"
    else:
        status, code = Status.GREEN, "clock_ok"
    return CheckResult.of(CheckName.CLOCK, status, code, offset=f"{offset:+.1f}")


SERVER_CHECKS: tuple[Check, ...] = (
    Check(CheckName.SERVER, check_server, Needs.SERVER),
    Check(CheckName.SERVER_VERSION, check_server_version, Needs.SERVER),
    Check(CheckName.CLOCK, check_clock, Needs.SERVER),
)
