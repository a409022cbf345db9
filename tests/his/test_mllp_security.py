"""The HL7 listener takes messages only from allowed senders, over TLS when set up, and
listens on this machine unless told otherwise."""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from agent_app.his.errors import HisSettingsError
from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mllp_listener import MllpListener
from agent_app.his.mllp_security import parse_senders, sender_allowed, server_tls_context
from agent_app.his.service import HisService
from agent_app.his.settings import MllpSettings, load_settings, parse_settings
from agent_app.store.schema import Episode, HisImportRun
from tests.his.conftest import NOW, sqlite_only
from tests.his.hl7_messages import a03, msa, send
from tests.his.tls_files import TlsFiles, make_tls_files
from tests.pg_server import free_port

ROOT = Path(__file__).resolve().parents[2]
# What a log line about a refused sender must never hold: the message's patient details.
MESSAGE_DETAILS = ("王", "秀英", "BA300001", "110105195203142466", "13812345678")

Start = Callable[..., int]


@pytest.fixture
def start_listener(his_store: Engine) -> Iterator[Start]:
    """Start a listener on 127.0.0.1 (any free port) with the given keyword settings."""
    started: list[MllpListener] = []

    def start(**options: object) -> int:
        intake = Hl7Intake(his_store, "hl7", clock=lambda: NOW)
        listener = MllpListener(intake.handle, "127.0.0.1", 0, **options)  # type: ignore[arg-type]
        started.append(listener)
        return listener.start()

    yield start
    for listener in started:
        listener.stop()


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_tls_files(tmp_path_factory.mktemp("tls"))


def _client_context(files: TlsFiles, *, with_certificate: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(files.ca))
    if with_certificate:
        context.load_cert_chain(str(files.client_cert), str(files.client_key))
    return context


def _imported(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        episodes = connection.execute(select(func.count()).select_from(Episode)).scalar_one()
        runs = connection.execute(select(func.count()).select_from(HisImportRun)).scalar_one()
    return int(episodes), int(runs)


def _wait_for_refusals(caplog: pytest.LogCaptureFixture) -> list[str]:
    deadline = time.monotonic() + 5
    while True:
        refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
        if refused or time.monotonic() > deadline:
            return refused
        time.sleep(0.02)


def test_the_listener_listens_on_loopback_by_default() -> None:
    assert MllpSettings().host == "127.0.0.1"
    assert parse_settings({"his": {"mllp": {"enabled": True}}}).mllp.host == "127.0.0.1"
    example = load_settings(ROOT / "resources" / "his" / "his.example.toml").mllp
    assert example.host == "127.0.0.1"
    assert {str(n) for n in parse_senders(example.allowed_senders)} == {"127.0.0.1/32", "::1/128"}

    listener = MllpListener(lambda text: "", port=0)
    port = listener.start()
    try:
        # Find the listening socket by its port: it is bound to the loopback address only.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            assert sock.getpeername()[0] == "127.0.0.1"
        assert listener._server is not None
        assert {s.getsockname()[0] for s in listener._server.sockets} == {"127.0.0.1"}
    finally:
        listener.stop()


@sqlite_only
def test_a_sender_outside_the_allowlist_is_closed_unread_and_logged_by_address_only(
    his_store: Engine, start_listener: Start, caplog: pytest.LogCaptureFixture
) -> None:
    port = start_listener(allowed=parse_senders(["127.0.0.1"]))
    caplog.set_level(logging.INFO, logger="agent_app.his")

    with pytest.raises(ConnectionError):
        send(port, a03(), source="127.0.0.2")  # Linux answers from any 127/8 address

    assert _imported(his_store) == (0, 0)
    refused = _wait_for_refusals(caplog)
    assert refused == ["MLLP connection from 127.0.0.2 refused: not an allowed sender"]
    assert not [m for r in caplog.records for m in MESSAGE_DETAILS if m in r.getMessage()]

    (reply,) = send(port, a03())  # the allowed address is served as before
    assert msa(reply) == ["AA", "MSG0001"]


@sqlite_only
def test_an_allowlist_without_the_senders_network_refuses_it(
    his_store: Engine, start_listener: Start
) -> None:
    port = start_listener(allowed=parse_senders(["10.20.0.0/24", "fd00::/8"]))
    with pytest.raises(ConnectionError):
        send(port, a03())
    assert _imported(his_store) == (0, 0)


def test_sender_addresses_match_networks_and_dual_stack_forms() -> None:
    allowed = parse_senders(["10.20.0.15", "10.30.0.0/28", "::1"])
    assert sender_allowed("10.20.0.15", allowed)
    assert sender_allowed("10.30.0.14", allowed) and not sender_allowed("10.30.0.16", allowed)
    assert sender_allowed("::ffff:10.20.0.15", allowed)  # IPv4 seen on a dual-stack socket
    assert sender_allowed("::1", allowed) and not sender_allowed("127.0.0.1", allowed)
    assert not sender_allowed("", allowed) and not sender_allowed("not-an-address", allowed)


@sqlite_only
def test_a_discharge_message_over_tls_is_imported_and_acknowledged(
    his_store: Engine, start_listener: Start, tls_files: TlsFiles
) -> None:
    tls = server_tls_context(str(tls_files.server_cert), str(tls_files.server_key))
    port = start_listener(tls=tls)

    (reply,) = send(port, a03(), tls=_client_context(tls_files))

    assert msa(reply) == ["AA", "MSG0001"]
    assert _imported(his_store) == (1, 1)


@sqlite_only
def test_a_plain_text_sender_gets_nothing_processed_by_a_tls_listener(
    his_store: Engine,
    start_listener: Start,
    tls_files: TlsFiles,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tls = server_tls_context(str(tls_files.server_cert), str(tls_files.server_key))
    port = start_listener(tls=tls)

    caplog.set_level(logging.INFO, logger="agent_app.his")

    with pytest.raises(ConnectionError):
        send(port, a03())

    assert _imported(his_store) == (0, 0)
    refused = _wait_for_refusals(caplog)  # the listener logs just after the connection closes
    assert [m.split(" (")[0] for m in refused] == [
        "MLLP connection from 127.0.0.1 refused: TLS failed"
    ]
    assert not [m for r in caplog.records for m in MESSAGE_DETAILS if m in r.getMessage()]


@sqlite_only
def test_a_required_client_certificate_is_checked_against_the_ca(
    his_store: Engine, start_listener: Start, tls_files: TlsFiles
) -> None:
    tls = server_tls_context(
        str(tls_files.server_cert), str(tls_files.server_key), str(tls_files.ca)
    )
    port = start_listener(tls=tls)

    with pytest.raises(OSError):  # the server's alert: a certificate is required
        send(port, a03(), tls=_client_context(tls_files))
    assert _imported(his_store) == (0, 0)

    (reply,) = send(port, a03(), tls=_client_context(tls_files, with_certificate=True))
    assert msa(reply) == ["AA", "MSG0001"]


@pytest.mark.parametrize(
    ("mllp", "message"),
    [
        ({"allowed_senders": ["10.20.0.300"]}, "'10.20.0.300' is not an IP address or network"),
        ({"allowed_senders": "10.20.0.15"}, "allowed_senders must be a list of texts"),
        ({"tls_cert": "/etc/agent-app/mllp.pem"}, "tls_cert and tls_key go together"),
        ({"tls_client_ca": "/etc/agent-app/ca.pem"}, "tls_client_ca needs tls_cert"),
    ],
)
def test_unusable_listener_settings_are_refused_in_plain_words(
    mllp: dict[str, object], message: str
) -> None:
    with pytest.raises(HisSettingsError, match=message):
        parse_settings({"his": {"mllp": mllp}})


def test_an_unreadable_certificate_is_refused_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(HisSettingsError, match="cannot be used"):
        server_tls_context(str(tmp_path / "missing.pem"), str(tmp_path / "missing.key"))


@sqlite_only
def test_the_service_listens_with_the_allowlist_and_tls_of_its_settings(
    his_store: Engine, tls_files: TlsFiles
) -> None:
    port = free_port()
    mllp = {
        "enabled": True,
        "port": port,
        "source": "hl7",
        "allowed_senders": ["127.0.0.1"],
        "tls_cert": str(tls_files.server_cert),
        "tls_key": str(tls_files.server_key),
    }
    service = HisService(parse_settings({"his": {"mllp": mllp}}), his_store, clock=lambda: NOW)
    stop = threading.Event()
    serving = threading.Thread(target=service.serve, args=(stop,), daemon=True)
    serving.start()
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                (reply,) = send(port, a03(), tls=_client_context(tls_files))
                break
            except ConnectionRefusedError:  # not listening yet
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert msa(reply) == ["AA", "MSG0001"]
        with pytest.raises(OSError):  # closed before the TLS handshake
            send(port, a03(control="MSG0002"), tls=_client_context(tls_files), source="127.0.0.2")
    finally:
        stop.set()
        service.request_run()  # wakes the schedule so that it sees the stop
        serving.join(timeout=10)
    assert not serving.is_alive()
    assert _imported(his_store) == (1, 1)
