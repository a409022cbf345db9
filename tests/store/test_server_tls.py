"""The desk reaches the central database over verified TLS only, unless told otherwise in words.

Each test goes the desk's own way: settings (environment) -> server_url -> create_server_engine
-> check_server, against real servers: the session's PostgreSQL without TLS, and one with
``ssl = on`` and a certificate from a CA the test made.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from agent_app.config import ServerSettings, load_settings
from agent_app.store.engine import check_server, create_server_engine, server_url
from agent_app.store.server_tls import ServerNotTrustedError, TlsProblem
from tests.pg_server import PgServer
from tests.tls_certs import TlsServer


def desk_engine(server: PgServer, **env: str) -> Engine:
    """The engine the desk would open with these [server] settings from the environment."""
    settings = load_settings(
        {
            "AGENT_APP_SERVER_HOST": server.host,
            "AGENT_APP_SERVER_PORT": str(server.port),
            "AGENT_APP_SERVER_DATABASE": "postgres",
            **{f"AGENT_APP_SERVER_{name.upper()}": value for name, value in env.items()},
        }
    )
    return create_server_engine(server_url(settings.server, server.superuser, None))


def connection_is_encrypted(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar_one()
        )


def test_by_default_the_desk_refuses_a_server_without_tls(pg_server: PgServer) -> None:
    engine = desk_engine(pg_server)
    assert engine.url.query["sslmode"] == "verify-full"
    with pytest.raises(ServerNotTrustedError) as caught:
        check_server(engine)
    assert caught.value.problem is TlsProblem.NO_TLS
    message = str(caught.value)
    assert message.startswith(
        f"The central database at {pg_server.host}:{pg_server.port} offers no encrypted "
        "connection, so the desk did not connect"
    )
    assert "\n" not in message and message.endswith(".")


def test_the_desk_connects_with_verify_full_to_a_server_the_hospital_ca_signed(
    tls_pg_server: TlsServer,
) -> None:
    engine = desk_engine(tls_pg_server.server, ca_file=str(tls_pg_server.ca_file))
    assert engine.url.query["sslmode"] == "verify-full"
    assert engine.url.query["sslrootcert"] == str(tls_pg_server.ca_file)
    check_server(engine)
    assert connection_is_encrypted(engine)
    engine.dispose()


@pytest.mark.parametrize("ca", ["other", "system"])
def test_a_server_whose_certificate_the_configured_ca_did_not_sign_is_refused(
    tls_pg_server: TlsServer, ca: str
) -> None:
    # "system": no ca_file, so the operating system's authorities, which never heard of it.
    env = {"ca_file": str(tls_pg_server.other_ca_file)} if ca == "other" else {}
    engine = desk_engine(tls_pg_server.server, **env)
    with pytest.raises(ServerNotTrustedError) as caught:
        check_server(engine)
    assert caught.value.problem is TlsProblem.UNTRUSTED
    assert "the configured certificate authority did not sign" in str(caught.value)


def test_a_weak_sslmode_allowed_in_words_still_connects(
    tls_pg_server: TlsServer, pg_server: PgServer
) -> None:
    encrypted = desk_engine(tls_pg_server.server, sslmode="require", allow_weak_tls="true")
    check_server(encrypted)
    assert connection_is_encrypted(encrypted)
    encrypted.dispose()
    plain = desk_engine(pg_server, sslmode="disable", allow_weak_tls="true")
    check_server(plain)
    assert not connection_is_encrypted(plain)
    plain.dispose()


def test_server_url_without_ca_file_trusts_the_systems_authorities() -> None:
    url = server_url(ServerSettings(host="db.local"), "wangfang", None)
    assert url.query["sslmode"] == "verify-full"
    assert url.query["sslrootcert"] == "system"


def test_a_certificate_for_another_host_name_is_refused(tls_pg_server: TlsServer) -> None:
    server = tls_pg_server.server
    settings = ServerSettings(
        host="followup-db.hospital.local", port=server.port, database="postgres",
        ca_file=str(tls_pg_server.ca_file),
    )  # fmt: skip
    # The name is the one the desk checks; hostaddr only says where it is (no DNS here).
    url = server_url(settings, server.superuser, None).update_query_dict({"hostaddr": server.host})
    with pytest.raises(ServerNotTrustedError) as caught:
        check_server(create_server_engine(url))
    assert caught.value.problem is TlsProblem.WRONG_HOST
    assert "a certificate for another server name" in str(caught.value)
