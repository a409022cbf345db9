"""The central server checks against a real PostgreSQL that speaks TLS only with a
certificate from the hospital's own authority."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from agent_app.config import load_settings
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import SelfTestContext, run_checks
from agent_app.selftest.server_checks import SERVER_CHECKS, clock_verdict, probe
from agent_app.store.engine import create_server_engine, server_url
from agent_app.store.migrate import newest_revision, upgrade_to_head
from agent_app.store.server_errors import ServerCode
from agent_app.store.server_tls import ServerNotTrustedError, TlsProblem
from agent_app.sync.logins import provision_staff_login
from tests.pg_server import free_port
from tests.sync.small_hospital import seed_small_hospital
from tests.tls_certs import TlsServer

DATABASE = "selftest_hospital"


@pytest.fixture(scope="module")
def hospital(tls_pg_server: TlsServer) -> Iterator[TlsServer]:
    """The small hospital on the TLS server, with nurse1's own login."""
    server = tls_pg_server.server
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    engine = create_server_engine(server.url(DATABASE))
    upgrade_to_head(engine)
    seed_small_hospital(engine)
    provision_staff_login(engine, "nurse1", "pw-nurse1")
    engine.dispose()
    yield tls_pg_server
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
    admin.dispose()


def _context(
    hospital: TlsServer, *, ca: Path | None = None, port: int | None = None, login: bool = False
) -> SelfTestContext:
    server = hospital.server
    settings = load_settings(
        {
            "AGENT_APP_SERVER_HOST": server.host,
            "AGENT_APP_SERVER_PORT": str(port or server.port),
            "AGENT_APP_SERVER_DATABASE": DATABASE,
            "AGENT_APP_SERVER_CA_FILE": str(ca or hospital.ca_file),
        }
    )
    return SelfTestContext(settings, server_login=("nurse1", "pw-nurse1") if login else None)


def _verdicts(context: SelfTestContext) -> dict[CheckName, CheckResult]:
    return {result.name: result for result in run_checks(SERVER_CHECKS, context)}


def _as_owner(context: SelfTestContext) -> SelfTestContext:
    """Signed in as the server's owner, the login that may read ``alembic_version`` on a
    server without the version gate."""
    context.server = create_server_engine(server_url(context.settings.server, "postgres", None))
    return context


def test_signed_in_server_is_green_for_reach_version_and_clock(hospital: TlsServer) -> None:
    context = _as_owner(_context(hospital))
    try:
        found = _verdicts(context)
    finally:
        assert context.server is not None
        context.server.dispose()
    assert {name: r.status for name, r in found.items()} == {
        CheckName.SERVER: Status.GREEN,
        CheckName.SERVER_VERSION: Status.GREEN,
        CheckName.CLOCK: Status.GREEN,
    }, {name: r.english() for name, r in found.items()}
    assert found[CheckName.SERVER_VERSION].params["revision"] == newest_revision()


def test_a_staff_login_learns_the_version_from_the_servers_gate(hospital: TlsServer) -> None:
    """A staff login may not read ``alembic_version``; the version gate (migration 0016)
    answers it the server's schema and the oldest desk it accepts."""
    found = _verdicts(_context(hospital, login=True))
    assert found[CheckName.SERVER].status is Status.GREEN
    assert found[CheckName.CLOCK].status is Status.GREEN
    version = found[CheckName.SERVER_VERSION]
    assert (version.status, version.code) == (Status.GREEN, "server_version_ok")
    assert version.params["revision"] == newest_revision()


def test_before_sign_in_the_password_question_proves_reach_and_tls(hospital: TlsServer) -> None:
    found = _verdicts(_context(hospital))
    assert found[CheckName.SERVER].code == "server_ok"
    assert found[CheckName.SERVER_VERSION].code == "server_needs_login"
    assert found[CheckName.CLOCK].status is Status.AMBER


def test_server_with_a_certificate_from_another_authority_is_red(hospital: TlsServer) -> None:
    found = _verdicts(_context(hospital, ca=hospital.other_ca_file, login=True))
    server = found[CheckName.SERVER]
    assert server.status is Status.RED
    assert isinstance(server.cause, ServerNotTrustedError)
    assert server.cause.problem is TlsProblem.UNTRUSTED
    assert found[CheckName.CLOCK].code == "server_not_reached"


def test_server_nobody_answers_is_red_and_the_rest_not_checked(hospital: TlsServer) -> None:
    found = _verdicts(_context(hospital, port=free_port(), login=True))
    assert found[CheckName.SERVER].status is Status.RED
    assert getattr(found[CheckName.SERVER].cause, "code", None) == ServerCode.UNREACHABLE
    assert found[CheckName.SERVER_VERSION].code == "server_not_reached"


def test_server_on_a_schema_this_desk_does_not_know_is_red(hospital: TlsServer) -> None:
    admin = create_server_engine(hospital.server.url(DATABASE))
    with admin.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999_future'"))
    context = _as_owner(_context(hospital))
    try:
        found = _verdicts(context)
    finally:
        assert context.server is not None
        context.server.dispose()
        with admin.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :head"),
                {"head": newest_revision()},
            )
        admin.dispose()
    version = found[CheckName.SERVER_VERSION]
    assert (version.status, version.code) == (Status.RED, "server_version_unknown")
    assert version.params["revision"] == "0999_future"


def test_clock_offset_is_measured_against_the_servers_clock(hospital: TlsServer) -> None:
    context = _context(hospital, login=True)
    found = probe(context)
    admin = create_server_engine(hospital.server.url(DATABASE))
    with admin.connect() as connection:
        server_now = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
    admin.dispose()
    local_offset = (server_now - dt.datetime.now(dt.UTC)).total_seconds()
    assert found.offset_seconds is not None
    assert abs(found.offset_seconds - local_offset) < 1.0


@pytest.mark.parametrize(
    ("offset", "status"),
    [
        (0.4, Status.GREEN),
        (-4.9, Status.GREEN),
        (7.0, Status.AMBER),
        (-59.0, Status.AMBER),
        (61.0, Status.RED),
        (-3600.0, Status.RED),
    ],
)
def test_clock_is_amber_over_five_seconds_and_red_over_a_minute(
    offset: float, status: Status
) -> None:
    assert clock_verdict(offset).status is status


def test_no_server_is_amber_for_a_hospital_desk(tmp_path: Path) -> None:
    found = _verdicts(SelfTestContext(load_settings({})))
    assert found[CheckName.SERVER].code == "server_not_set"
    assert found[CheckName.SERVER].status is Status.AMBER
