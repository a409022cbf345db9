"""The SIP line after a network change or a resume, against real peers on 127.0.0.1.

The registrar (sipp) is reached through a TCP proxy whose line the test cuts and restores, as
a desk's network goes away and comes back. pjsua's own retry is set to a minute, so a line
registered again within seconds got there through ``network_changed`` (pjsua's IP-change
handling), not by waiting.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_app.dialer.events import Answered, Ended, Registration, RegistrationChanged
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.dialer.sip_stack import IP_CHANGE_SETTLE
from agent_app.domain.enums import EndReason
from tests.dialer.sip_peers import LOCALHOST, PeerSet, SippPeer
from tests.dialer.test_sip import RTP_TIMEOUT, EventLog
from tests.sync.tcp_proxy import TcpProxy

PJSUA_RETRY = 60  # seconds; far beyond every wait below
BACK_WITHIN = 5.0


@pytest.fixture(scope="module")
def direct_line(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SipPhone]:
    """A direct-IP line (no registrar) that keeps the module's SIP stack up."""
    folder = tmp_path_factory.mktemp("sip-change")
    phone = SipPhone(
        SipLineConfig(
            user="agent",
            bound_address=LOCALHOST,
            null_audio=True,
            rtp_timeout=RTP_TIMEOUT,
            log_path=folder / "pjsua.log",
        )
    )
    yield phone
    phone.close()


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[PeerSet]:
    with PeerSet(tmp_path / "peers") as started:
        yield started


@pytest.fixture
def registrar(peers: PeerSet) -> SippPeer:
    # A REGISTER on a new connection keeps its Call-ID; sipp must take it as a new call
    # (challenge, then 200) rather than a late message of the one closed with the old
    # connection, so it forgets ended calls at once.
    return peers.sipp(
        "registrar", tcp=True, keys={"expires": "30"}, calls=100, options=("-deadcall_wait", "0")
    )


@pytest.fixture
def network(registrar: SippPeer) -> Iterator[TcpProxy]:
    proxy = TcpProxy(LOCALHOST, registrar.port, handover=1.0)
    yield proxy
    proxy.close()


@pytest.fixture
def line(direct_line: SipPhone, network: TcpProxy) -> Iterator[SipPhone]:
    phone = SipPhone(
        SipLineConfig(
            user="1001",
            registrar=f"sip:{LOCALHOST}:{network.port}",
            transport="tcp",
            bound_address=LOCALHOST,
            null_audio=True,
            reg_expires=30,
            reg_retry=PJSUA_RETRY,
            reg_first_retry=PJSUA_RETRY,
            reg_retry_jitter=0,
        ),
        password="s3cret-pw",
    )
    yield phone
    phone.close()
    direct_line.pump()


def registered_again(log: EventLog, since: int, within: float = BACK_WITHIN) -> float:
    """Seconds until the line reports REGISTERING then REGISTERED after ``since``."""
    started = time.monotonic()
    log.wait(RegistrationChanged, since=since, timeout=within,
             where=lambda e: e.state is Registration.REGISTERING)  # fmt: skip
    left = within - (time.monotonic() - started)  # both within ``within``, on a busy CI too
    log.wait(RegistrationChanged, since=since, timeout=max(left, 0.01),
             where=lambda e: e.state is Registration.REGISTERED)  # fmt: skip
    return time.monotonic() - started


def answered_registers(peer: SippPeer) -> int:
    return peer.trace().count("SIP/2.0 200 OK")


def test_the_line_registers_again_within_seconds_once_the_network_is_back(
    line: SipPhone, network: TcpProxy, registrar: SippPeer
) -> None:
    log = EventLog(line)
    log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
    connections, answered = network.connections, answered_registers(registrar)

    network.cut()  # the desk's network goes away, silently for pjsua
    log.run(1.0)
    network.restore()
    log.run(1.0)
    assert network.connections == connections  # left alone, pjsua waits for its retry

    mark = log.mark()
    assert line.network_changed() is True
    registered_again(log, mark)
    assert line.registration is Registration.REGISTERED
    assert network.connections > connections  # a new connection, not the dead one
    deadline = time.monotonic() + 2
    while answered_registers(registrar) <= answered:  # the registrar answered 200 again
        assert time.monotonic() < deadline, registrar.describe()
        log.run(0.05)


def test_a_network_change_keeps_the_call_and_moves_it_with_a_reinvite(
    direct_line: SipPhone, peers: PeerSet
) -> None:
    log = EventLog(direct_line)
    patient = peers.baresip()
    call_id = direct_line.dial(patient.uri("patient"))
    log.wait(Answered, call_id)
    heard = len(patient.output())
    try:
        assert direct_line.network_changed() is True
        deadline = time.monotonic() + 5
        while "got re-INVITE" not in patient.output()[heard:]:
            assert time.monotonic() < deadline, patient.output()[-2000:]
            log.run(0.05)
        log.run(RTP_TIMEOUT + 1.0)  # audio flows again: the RTP watchdog stays quiet
        assert not any(isinstance(e, Ended) for e in log.of(call_id))
    finally:
        direct_line.hangup(call_id)
    assert log.wait(Ended, call_id).reason is EndReason.LOCAL_HANGUP


def test_a_resume_ends_the_call_in_progress_as_a_network_loss(
    direct_line: SipPhone, peers: PeerSet
) -> None:
    log = EventLog(direct_line)
    patient = peers.baresip()
    call_id = direct_line.dial(patient.uri("patient"))
    log.wait(Answered, call_id)
    assert direct_line.network_changed(resumed=True) is True
    ended = log.wait(Ended, call_id, timeout=2)
    assert ended.reason is EndReason.NETWORK


def _settled(phone: SipPhone) -> None:
    """Let a change an earlier test started finish first (the SIP stack is one per process,
    and pjsua may never report the end of a change that found a call just hung up: the
    stack then waits IP_CHANGE_SETTLE), so the 5 s below time this change alone."""
    stack = phone._line._stack
    deadline = time.monotonic() + IP_CHANGE_SETTLE + 1
    while stack._ip_change_running() and time.monotonic() < deadline:
        phone.pump()
        time.sleep(0.02)


def test_a_resume_registers_the_line_again(
    line: SipPhone, network: TcpProxy, registrar: SippPeer
) -> None:
    log = EventLog(line)
    log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
    _settled(line)
    connections = network.connections
    mark = log.mark()
    assert line.network_changed(resumed=True) is True
    # The 5 s bound is the network-back test's; a resume also ends calls and restarts the
    # listener, which a loaded CI machine has taken longer than 5 s for (never on a desk here).
    registered_again(log, mark, within=3 * BACK_WITHIN)
    assert network.connections > connections


def test_changes_that_come_while_one_is_handled_run_once_more_after_it(
    line: SipPhone, network: TcpProxy
) -> None:
    log = EventLog(line)
    log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
    connections = network.connections
    for _ in range(3):  # a Wi-Fi that flaps: three notices in a row
        line.network_changed()
    deadline = time.monotonic() + BACK_WITHIN
    while network.connections < connections + 2:
        assert time.monotonic() < deadline, f"{network.connections - connections} reconnections"
        log.run(0.05)
    log.run(1.0)
    assert network.connections == connections + 2  # the first, and one for the rest
    assert line.registration is Registration.REGISTERED


def test_a_udp_line_registers_again_on_the_same_port(direct_line: SipPhone, peers: PeerSet) -> None:
    registrar = peers.sipp("registrar", keys={"expires": "30"}, calls=10)
    line = SipPhone(
        SipLineConfig(
            user="1001",
            registrar=f"sip:{LOCALHOST}:{registrar.port}",
            bound_address=LOCALHOST,
            null_audio=True,
            reg_expires=30,
            reg_retry=PJSUA_RETRY,
            reg_first_retry=PJSUA_RETRY,
            reg_retry_jitter=0,
        ),
        password="s3cret-pw",
    )
    try:
        log = EventLog(line)
        log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
        port, answered = line.local_port, answered_registers(registrar)
        mark = log.mark()
        assert line.network_changed() is True
        registered_again(log, mark)
        assert answered_registers(registrar) > answered
        # The listener was restarted on the same port: the new contact still names it.
        contacts = re.findall(r"Contact: <sip:1001@127\.0\.0\.1:(\d+)", registrar.trace())
        assert len(set(contacts)) == 1 and int(contacts[-1]) == port
    finally:
        line.close()
        direct_line.pump()
