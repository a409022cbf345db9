"""The TLS report: a server as the README asks (ssl on, certificate present, staff logins only
over hostssl with scram-sha-256) is all green; each departure from it is amber or red."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from agent_app.server.tls_check import Level, check_tls
from tests.pg_server import PgServer, running_server
from tests.server.conftest import run_tool
from tests.tls_certs import make_authority, server_tls_setup

HARDENED_HBA = """\
local   all   postgres                      peer
hostssl all   postgres   127.0.0.1/32       trust
hostssl followup +desk_staff 10.0.0.0/8     scram-sha-256
host    all   all        0.0.0.0/0          reject
"""


def _findings(server: PgServer) -> list[tuple[Level, str]]:
    engine = create_engine(server.url())
    with engine.connect() as connection:
        found = [(f.level, f.text) for f in check_tls(connection, "followup")]
    engine.dispose()
    return found


def test_a_server_set_up_as_the_readme_says_is_all_green(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    conf, files = server_tls_setup(make_authority())
    with running_server(conf, files) as server:
        (server.data_dir / "pg_hba.conf").write_text(HARDENED_HBA)
        engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_reload_conf()"))
        engine.dispose()
        found = _findings(server)
        done = run_tool(server, "followup", "check-tls", capsys=capsys, monkeypatch=monkeypatch)
    assert {level for level, _ in found} == {Level.GREEN}, found
    texts = [t for _, t in found]
    assert "ssl = on" in texts
    assert "ssl_cert_file = server.crt is present" in texts
    assert any("line 3 (hostssl 10.0.0.0 scram-sha-256)" in t for t in texts)
    assert done.code == 0 and "RED" not in done.out and "AMBER" not in done.out


def test_plain_tcp_trust_and_no_tls_are_red(pg_server: PgServer) -> None:
    found = _findings(pg_server)  # the test harness: ssl off, trust over plain TCP
    red = [t for level, t in found if level is Level.RED]
    assert any(t.startswith("ssl = off") for t in red)
    assert any("host 127.0.0.1 trust" in t and "without a password" in t for t in red)
    assert any("no hostssl line for database followup" in t for t in red)
    amber = [t for level, t in found if level is Level.AMBER]
    assert any("local trust" in t for t in amber)


def test_a_missing_certificate_and_plain_tcp_from_the_network_are_red() -> None:
    conf, files = server_tls_setup(make_authority())
    with running_server(conf, files) as server:
        (server.data_dir / "pg_hba.conf").write_text(
            "hostssl all postgres 127.0.0.1/32 trust\nlocal all all trust\n"
            "host all all 0.0.0.0/0 scram-sha-256\nhostssl all all 0.0.0.0/0 md5\n"
        )
        (server.data_dir / "server.crt").unlink()  # the running server keeps its copy
        engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_reload_conf()"))
        engine.dispose()
        found = _findings(server)
    red = [t for level, t in found if level is Level.RED]
    amber = [t for level, t in found if level is Level.AMBER]
    assert "ssl_cert_file = server.crt does not exist on the server." in red
    assert any("host 0.0.0.0 scram-sha-256" in t and "from the network" in t for t in red)
    assert any("hostssl 0.0.0.0 md5" in t and "scram-sha-256 rather than md5" in t for t in amber)
