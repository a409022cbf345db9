"""End to end: a real SIP caller (sipp) and the pty modem's caller ID pop the same card."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from agent_app.config import BlacklistAction, ScreenPopSettings
from agent_app.dialer.modem import ModemPhone
from agent_app.dialer.phone import Phone
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import Disposition, LineType
from agent_app.screenpop.inbound import BLOCKED as BLOCKED_REASON
from agent_app.screenpop.inbound import MISSED_UNANSWERED
from agent_app.store.engine import open_local_store
from agent_app.store.schema import CallAttempt
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.pop_card import PATIENT_PAGE, UNKNOWN_PAGE
from agent_app.ui.qt import QTimer
from agent_app.ui.screen_pop import ScreenPop
from tests.dialer.fake_modem import FakeModem
from tests.dialer.sip_peers import LOCALHOST, PeerSet, SippPeer
from tests.screenpop.known_hospital import (
    BLOCKED,
    WANG_DAUGHTER,
    KnownHospital,
    build_known_hospital,
)


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def sip_phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SipPhone]:
    folder = tmp_path_factory.mktemp("sip-pop")
    phone = SipPhone(
        SipLineConfig(
            user="agent", bound_address=LOCALHOST, null_audio=True,
            log_path=folder / "pjsua.log",
        )
    )  # fmt: skip
    yield phone
    phone.close()


def _pop(
    qtbot: QtBot, phone: Phone, hospital: KnownHospital, line: LineType, **settings: object
) -> tuple[PhoneBridge, ScreenPop]:
    bridge = PhoneBridge(phone)
    pop = ScreenPop(
        bridge, hospital.engine, hospital.cardiology_nurse,
        ScreenPopSettings(**settings),  # type: ignore[arg-type]
        line=line,
    )  # fmt: skip
    qtbot.addWidget(pop.card)
    return bridge, pop


def _attempts(engine: Engine) -> list[CallAttempt]:
    with engine.connect() as c:
        return list(c.execute(select(CallAttempt)).all())  # type: ignore[arg-type]


def _peer_done(qtbot: QtBot, peer: SippPeer) -> None:
    deadline = time.monotonic() + 10
    while peer.running and time.monotonic() < deadline:
        qtbot.wait(20)  # the bridge keeps pumping the line meanwhile
    assert peer.wait(1) == 0, peer.describe()


def test_sip_caller_with_a_patients_number_pops_that_patient(
    qtbot: QtBot, sip_phone: SipPhone, hospital: KnownHospital, tmp_path: Path
) -> None:
    bridge, pop = _pop(qtbot, sip_phone, hospital, LineType.SIP)
    try:
        with PeerSet(tmp_path / "peers") as peers:
            with qtbot.waitSignal(pop.sig_shown, timeout=10_000):
                peer = peers.sipp(
                    "uac_call_in", call_to=sip_phone.local_port,
                    keys={"caller": "+86" + WANG_DAUGHTER},
                )  # fmt: skip
            assert pop.card.pages.currentIndex() == PATIENT_PAGE
            assert "李娜, daughter of 王秀英" in pop.card.details.text()
            assert "Headset agent@" in pop.card.caller_label.text()
            pop.card.reject_button.click()
            _peer_done(qtbot, peer)
        qtbot.waitUntil(lambda: any(a.ended_at for a in _attempts(hospital.engine)))
        (attempt,) = _attempts(hospital.engine)
        assert attempt.line is LineType.SIP and attempt.task_id == hospital.wang_task
    finally:
        bridge.stop(close_phone=False)  # the module's SIP line stays open


def test_sip_caller_on_the_blacklist_is_rejected_when_set_so(
    qtbot: QtBot, sip_phone: SipPhone, hospital: KnownHospital, tmp_path: Path
) -> None:
    bridge, pop = _pop(qtbot, sip_phone, hospital, LineType.SIP, blacklist=BlacklistAction.REJECT)
    try:
        with PeerSet(tmp_path / "peers") as peers:
            with qtbot.waitSignal(bridge.sig_ended, timeout=10_000):
                peer = peers.sipp(
                    "uac_call_in", call_to=sip_phone.local_port, keys={"caller": BLOCKED}
                )
            _peer_done(qtbot, peer)
            assert "486 Busy Here" in peer.trace()
        assert not pop.card.isVisible()
        qtbot.waitUntil(lambda: any(a.ended_at for a in _attempts(hospital.engine)))
        assert _attempts(hospital.engine)[0].end_reason == BLOCKED_REASON
    finally:
        bridge.stop(close_phone=False)  # the module's SIP line stays open


def test_modem_caller_id_pops_the_same_patient(
    qtbot: QtBot, hospital: KnownHospital, tmp_path: Path
) -> None:
    modem = FakeModem(tmp_path / "ttyModem")
    phone = ModemPhone(str(modem.link), caller_id_settle=0.1, ring_timeout=1.0)
    bridge, pop = _pop(qtbot, phone, hospital, LineType.MODEM)
    try:
        with qtbot.waitSignal(pop.sig_shown, timeout=5000):
            modem.ring(["DATE = 1123", "TIME = 0830", f"NMBR = {WANG_DAUGHTER}", "NAME = LI NA"])
        assert pop.card.pages.currentIndex() == PATIENT_PAGE
        assert "李娜, daughter of 王秀英" in pop.card.details.text()
        assert "LI NA" in pop.card.caller_label.text()
        # nobody answers: the rings stop and the call is kept as a missed callback
        qtbot.waitUntil(lambda: any(a.ended_at for a in _attempts(hospital.engine)), timeout=8000)
        (attempt,) = _attempts(hospital.engine)
        assert attempt.line is LineType.MODEM and attempt.answered_at is None
        assert "Missed call" in pop.card.state_label.text()
    finally:
        bridge.stop()
        modem.stop()


def test_modem_caller_id_with_line_noise_pops_no_patient_and_stores_no_number(
    qtbot: QtBot, hospital: KnownHospital, tmp_path: Path
) -> None:
    """The patient's number with a NUL inside: before, the NUL was dropped and the patient
    popped; a wrong patient could pop as easily. Now the card says the number is unreadable."""
    modem = FakeModem(tmp_path / "ttyModem")
    phone = ModemPhone(str(modem.link), caller_id_settle=0.1, ring_timeout=1.0)
    bridge, pop = _pop(qtbot, phone, hospital, LineType.MODEM)
    try:
        noisy = WANG_DAUGHTER[:4].encode() + b"\x00" + WANG_DAUGHTER[4:].encode()
        with qtbot.waitSignal(pop.sig_shown, timeout=5000):
            modem.send_raw(b"\r\nRING\r\n\r\nNMBR = " + noisy + b"\r\n\r\nNAME = LI NA\r\n")
        assert pop.card.pages.currentIndex() == UNKNOWN_PAGE
        assert pop.card.shown_patient is None
        assert "could not be read" in pop.card.unknown_label.text()
        qtbot.waitUntil(lambda: bool(_attempts(hospital.engine)), timeout=5000)
        (attempt,) = _attempts(hospital.engine)
        assert attempt.number == "invalid" and attempt.patient_id is None
    finally:
        bridge.stop()
        modem.stop()


def test_modem_call_that_rings_past_the_ring_time_is_kept_and_shown_as_missed(
    qtbot: QtBot, hospital: KnownHospital, tmp_path: Path
) -> None:
    modem = FakeModem(tmp_path / "ttyModem")
    phone = ModemPhone(str(modem.link), caller_id_settle=0.1, ring_timeout=1.0, missed_after=1.0)
    bridge, pop = _pop(qtbot, phone, hospital, LineType.MODEM)
    ringing = QTimer()
    ringing.timeout.connect(modem.ring)  # the caller never gives up
    try:
        with qtbot.waitSignal(pop.sig_shown, timeout=5000):
            modem.ring(["DATE = 1123", "TIME = 0830", f"NMBR = {WANG_DAUGHTER}", "NAME = LI NA"])
        ringing.start(300)
        with qtbot.waitSignal(pop.sig_message, timeout=5000) as said:
            pass
        assert said.args == ["Missed call: nobody answered it in time."]
        assert pop.card.state_label.text() == (
            "Missed call: nobody answered before the ring time ran out."
        )
        qtbot.waitUntil(lambda: any(a.ended_at for a in _attempts(hospital.engine)), timeout=5000)
        (attempt,) = _attempts(hospital.engine)
        assert attempt.answered_at is None and attempt.disposition is Disposition.NO_ANSWER
        assert attempt.end_reason == MISSED_UNANSWERED
        assert attempt.task_id == hospital.wang_task
    finally:
        ringing.stop()
        bridge.stop()
        modem.stop()
