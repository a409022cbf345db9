"""The desk reaches the central database over verified TLS only, unless told otherwise in words.

Each test goes the desk's own way: settings (environment) -> server_url -> create_server_engine
-> check_server, against real servers: the session's PostgreSQL without TLS, and one with
``ssl = on`` and a certificate from a CA the test made.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from agent_app.config import ServerSettings, SslMode, load_settings
from agent_app.store.engine import check_server, create_server_engine, server_url
from agent_app.store.errors import StoreUnavailableError
from agent_app.store.server_tls import ServerNotTrustedError, TlsProblem
from tests.pg_server import PgServer, free_port
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


def test_several_hosts_become_one_libpq_conninfo_that_wants_the_primary() -> None:
    settings = ServerSettings(host="db1.hospital.local,db2.hospital.local:5433", port=6432)
    url = server_url(settings, "wangfang", "secret")
    _, options = create_server_engine(url).dialect.create_connect_args(url)
    assert options["host"] == "db1.hospital.local,db2.hospital.local"
    assert options["port"] == "6432,5433"
    assert options["target_session_attrs"] == "read-write"
    assert options["sslmode"] == "verify-full" and options["user"] == "wangfang"


def _two_hosts(first: str, tls: TlsServer) -> ServerSettings:
    """The first host down (nothing listens on its port), then the TLS server as ``second``."""
    server = tls.server
    return ServerSettings(
        host=f"{first}:{free_port()},{server.host}:{server.port}", database="postgres",
        ca_file=str(tls.ca_file),
    )  # fmt: skip


def test_with_the_first_host_down_the_desk_connects_to_the_second_verified(
    tls_pg_server: TlsServer,
) -> None:
    settings = _two_hosts("localhost", tls_pg_server)
    engine = create_server_engine(server_url(settings, tls_pg_server.server.superuser, None))
    check_server(engine)
    assert connection_is_encrypted(engine)
    engine.dispose()


def test_verify_full_checks_the_name_of_the_host_that_answers(tls_pg_server: TlsServer) -> None:
    # The certificate names localhost and 127.0.0.1; the second host goes by another name.
    server = tls_pg_server.server
    settings = ServerSettings(
        host=f"localhost:{free_port()},followup-db2.hospital.local:{server.port}",
        database="postgres", ca_file=str(tls_pg_server.ca_file),
    )  # fmt: skip
    url = server_url(settings, server.superuser, None).update_query_dict(
        {"hostaddr": f"{server.host},{server.host}"}  # where each name is (no DNS here)
    )
    with pytest.raises(ServerNotTrustedError) as caught:
        check_server(create_server_engine(url))
    assert caught.value.problem is TlsProblem.WRONG_HOST
    assert caught.value.where == f"followup-db2.hospital.local:{server.port}"
    assert str(caught.value).startswith(
        f"The central database at followup-db2.hospital.local:{server.port} presented a "
        "certificate for another server name"
    )


def test_a_tls_refusal_names_the_listed_host_that_refused(pg_server: PgServer) -> None:
    settings = ServerSettings(
        host=f"127.0.0.1:{free_port()},127.0.0.1:{pg_server.port}", database="postgres",
        sslmode=SslMode.REQUIRE, allow_weak_tls=True,
    )  # fmt: skip
    with pytest.raises(ServerNotTrustedError) as caught:
        check_server(create_server_engine(server_url(settings, pg_server.superuser, None)))
    # The first is down; the second answers but offers no TLS: said about that host alone.
    assert caught.value.problem is TlsProblem.NO_TLS
    assert caught.value.where == f"127.0.0.1:{pg_server.port}"


def test_when_no_listed_host_answers_the_message_names_each_one() -> None:
    first, second = free_port(), free_port()
    settings = ServerSettings(
        host=f"127.0.0.1:{first},127.0.0.1:{second}", database="postgres",
        sslmode=SslMode.DISABLE, allow_weak_tls=True,
    )  # fmt: skip
    with pytest.raises(StoreUnavailableError) as caught:
        check_server(create_server_engine(server_url(settings, "postgres", None)))
    assert str(caught.value) == (
        f"Cannot reach the central database at 127.0.0.1:{first}, 127.0.0.1:{second} "
        f"(127.0.0.1:{first}: Connection refused; 127.0.0.1:{second}: Connection refused); "
        "working offline."
    )
