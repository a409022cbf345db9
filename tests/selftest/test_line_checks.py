"""The line checks against real peers: a sipp registrar, a baresip that answers and sends a
tone (the echo service's stand-in), a sipp that refuses, and a pty modem that speaks AT."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from agent_app.config import load_settings
from agent_app.credentials import KEYRING_SERVICE, sip_account_key
from agent_app.dialer.modem import ModemPhone
from agent_app.selftest.line_checks import echo_steps, line_checks, line_steps
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import SelfTestContext, drive
from tests.dialer.fake_modem import FakeModem
from tests.dialer.sip_peers import LOCALHOST, Peer, PeerSet, free_port


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[PeerSet]:
    with PeerSet(tmp_path / "peers") as started:
        yield started


@pytest.fixture
def modem(tmp_path: Path) -> Iterator[FakeModem]:
    fake = FakeModem(tmp_path / "ttyModem")
    yield fake
    fake.stop()


def _run(context: SelfTestContext, steps: object = line_steps) -> CheckResult:
    try:
        return drive(steps(context))  # type: ignore[operator]
    finally:
        context.close()


def _sip_context(registrar_port: int, password: str, **extra: str) -> SelfTestContext:
    registrar = f"sip:{LOCALHOST}:{registrar_port};transport=tcp"
    keyring.set_password(
        KEYRING_SERVICE, sip_account_key("1001", f"{LOCALHOST}:{registrar_port}"), password
    )
    settings = load_settings(
        {
            "AGENT_APP_LINE": "sip",
            "AGENT_APP_SIP_USER": "1001",
            "AGENT_APP_SIP_REGISTRAR": registrar,
            "AGENT_APP_SIP_TRANSPORT": "tcp",
            "AGENT_APP_SIP_BOUND_ADDRESS": LOCALHOST,
            "AGENT_APP_SELFTEST_REGISTER_SECONDS": "5",
            **extra,
        }
    )
    return SelfTestContext(settings)


def test_sip_line_that_registers_is_green(peers: PeerSet) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    result = _run(_sip_context(registrar.port, "s3cret-pw"))
    assert (result.status, result.code) == (Status.GREEN, "line_sip_ok"), result.english()
    assert "SIP/2.0 200 OK" in registrar.trace()


def test_sip_line_with_a_wrong_password_is_red_with_the_exchanges_reason(
    peers: PeerSet,
) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    result = _run(_sip_context(registrar.port, "wrong"))
    assert (result.status, result.code) == (Status.RED, "line_sip_failed")
    assert "403" in result.params["detail"]


def test_sip_line_whose_exchange_does_not_answer_is_red() -> None:
    result = _run(_sip_context(free_port(), "s3cret-pw"))
    assert result.status is Status.RED
    assert result.code in {"line_sip_failed", "line_sip_timeout"}


def test_sip_line_without_its_password_in_the_keyring_is_red(peers: PeerSet) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    context = _sip_context(registrar.port, "s3cret-pw")
    keyring.delete_password(
        KEYRING_SERVICE, sip_account_key("1001", f"{LOCALHOST}:{registrar.port}")
    )
    result = _run(context)
    assert (result.status, result.code) == (Status.RED, "line_failed")
    assert "keyring" in result.params["detail"]


def _echo_context(number: str) -> SelfTestContext:
    settings = load_settings(
        {
            "AGENT_APP_LINE": "sip",
            "AGENT_APP_SIP_USER": "agent",
            "AGENT_APP_SIP_BOUND_ADDRESS": LOCALHOST,
            "AGENT_APP_SELFTEST_ECHO_NUMBER": number,
        }
    )
    prompts: list[str] = []
    return SelfTestContext(settings, on_prompt=prompts.append)


def _answering_peer(peers: PeerSet) -> Peer:
    """A baresip that answers by itself and sends a 440 Hz tone. Its ports beside the SIP
    one (TCP, TLS) are not checked free before it starts, so a busy machine may hand one to
    another process first: a second start picks other ports."""
    try:
        return peers.baresip()
    except RuntimeError:
        return peers.baresip()


def test_echo_call_that_is_answered_and_sends_audio_back_is_green(peers: PeerSet) -> None:
    echo = _answering_peer(peers)
    context = _echo_context(echo.uri("patient"))
    assert [c.name for c in line_checks(context.settings)] == [CheckName.LINE, CheckName.ECHO]
    result = _run(context, echo_steps)
    assert (result.status, result.code) == (Status.GREEN, "echo_ok"), result.english()
    assert result.measured is not None and result.measured > 0.05


def test_echo_call_that_is_refused_is_red(peers: PeerSet) -> None:
    refusing = peers.sipp("uas_refuse", fill={"STATUS": "486", "REASON": "Busy Here"})
    result = _run(_echo_context(refusing.uri()), echo_steps)
    assert (result.status, result.code) == (Status.RED, "echo_failed")


def test_no_echo_check_without_an_echo_number() -> None:
    settings = load_settings({"AGENT_APP_LINE": "sip", "AGENT_APP_SIP_USER": "agent"})
    assert [c.name for c in line_checks(settings)] == [CheckName.LINE]


def _modem_context(modem: FakeModem) -> SelfTestContext:
    settings = load_settings({"AGENT_APP_LINE": "modem", "AGENT_APP_MODEM_PORT": str(modem.link)})
    return SelfTestContext(settings)


def test_modem_that_answers_at_is_green(modem: FakeModem) -> None:
    result = _run(_modem_context(modem))
    assert (result.status, result.code) == (Status.GREEN, "line_modem_ok")
    assert "ATZ" in modem.commands


def test_modem_that_is_not_a_voice_modem_is_red(tmp_path: Path) -> None:
    data_only = FakeModem(tmp_path / "ttyData", voice_class=False)
    try:
        result = _run(_modem_context(data_only))
    finally:
        data_only.stop()
    assert (result.status, result.code) == (Status.RED, "line_modem_silent")


def test_modem_port_that_does_not_exist_is_red(tmp_path: Path) -> None:
    settings = load_settings(
        {"AGENT_APP_LINE": "modem", "AGENT_APP_MODEM_PORT": str(tmp_path / "ttyNone")}
    )
    result = _run(SelfTestContext(settings))
    assert (result.status, result.code) == (Status.RED, "line_modem_silent")


def test_the_desks_own_modem_that_stopped_answering_is_red(modem: FakeModem) -> None:
    phone = ModemPhone(str(modem.link), command_timeout=0.5)
    try:
        context = _modem_context(modem)
        context.phone = phone
        assert _run(context).code == "line_modem_ok"
        modem.unplug()
        context.phone = phone
        result = _run(context)
    finally:
        phone.close()
    assert (result.status, result.code) == (Status.RED, "line_modem_silent")


def test_the_simulated_line_needs_no_check() -> None:
    result = _run(SelfTestContext(load_settings({}, demo=True)))
    assert (result.status, result.code) == (Status.GREEN, "line_fake")
