"""The status bar says whether the line can call, following the phone's own events."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.events import Registration, RegistrationChanged
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.modem import ModemPhone
from agent_app.domain.enums import LineType, Relation
from agent_app.domain.views import ContactLine
from agent_app.ui.call_bar import CallBar
from agent_app.ui.followup.patient_panel import PatientPanel
from agent_app.ui.line_status import (
    FAILED_COLOUR,
    READY_COLOUR,
    WAITING_COLOUR,
    LineRetryButton,
    LineStatusLabel,
)
from agent_app.ui.phone_bridge import LineState, PhoneBridge
from agent_app.ui.qt import QTimer
from tests.dialer.fake_modem import FakeModem


def test_registration_changes_are_shown_with_their_reason(qtbot: QtBot, tmp_path: Path) -> None:
    bridge = PhoneBridge(FakePhone(voice_cache=tmp_path / "voices"))
    label = LineStatusLabel(bridge)
    qtbot.addWidget(label)
    assert label.can_call and "ready" in label.text()

    bridge.phone.post(RegistrationChanged("", Registration.FAILED, "401 Unauthorized"))
    qtbot.waitUntil(lambda: "registration failed" in label.text())
    assert not label.can_call
    assert label.toolTip() == "401 Unauthorized"

    bridge.phone.post(RegistrationChanged("", Registration.REGISTERED))
    qtbot.waitUntil(lambda: "registered" in label.text() and label.can_call)
    bridge.stop()


def test_unplugged_phone_line_box_is_shown_then_cleared(qtbot: QtBot, tmp_path: Path) -> None:
    modem = FakeModem(tmp_path / "ttyModem")
    bridge = PhoneBridge(ModemPhone(str(modem.link), reconnect_delay=(0.05, 0.2)))
    label = LineStatusLabel(bridge)
    qtbot.addWidget(label)
    try:
        assert label.text().startswith("Line: Phone-line box ")
        modem.unplug()
        qtbot.waitUntil(lambda: "device disconnected" in label.text(), timeout=5000)
        assert "unplugged" in label.toolTip() and not label.can_call
        modem.replug()
        qtbot.waitUntil(lambda: label.can_call, timeout=5000)
        assert "ready" in label.text()
    finally:
        bridge.stop()
        modem.stop()


CONTACT = ContactLine(1, "王秀英", Relation.SELF, "138 1234 5678", "+8613812345678")


class Opener:
    """Opens the line the way the desk does, failing until ``fixed``; records the thread."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.fixed = False
        self.threads: list[int] = []

    def __call__(self) -> FakePhone:
        self.threads.append(threading.get_ident())
        if not self.fixed:
            raise LineUnavailableError("The phone-line box at /dev/ttyACM0 cannot be opened.")
        return FakePhone(voice_cache=self.tmp_path / "voices")


def _desk_without_line(
    qtbot: QtBot, tmp_path: Path, opener: Opener
) -> tuple[PhoneBridge, CallBar, LineStatusLabel, LineRetryButton]:
    bridge = PhoneBridge(None, opener=opener, open_anywhere=True, line=LineType.MODEM)
    bridge.open_now()
    bar = CallBar(bridge, tmp_path / "rec")
    label = LineStatusLabel(bridge)
    retry = LineRetryButton(bridge)
    for widget in (bar, label, retry):
        qtbot.addWidget(widget)
    return bridge, bar, label, retry


def test_a_missing_line_disables_dial_says_why_in_red_and_retry_opens_it_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    opener = Opener(tmp_path)
    bridge, bar, label, retry = _desk_without_line(qtbot, tmp_path, opener)
    try:
        assert label.text() == "Line: Phone-line box — not available"
        assert FAILED_COLOUR in label.styleSheet()
        assert label.toolTip() == "The phone-line box at /dev/ttyACM0 cannot be opened."
        assert not bar.dial_button.isEnabled()
        assert bar.dial_button.toolTip().startswith(
            "No call can be made: the phone line could not be opened."
        )
        assert "/dev/ttyACM0" in bar.dial_button.toolTip()
        with qtbot.waitSignal(bar.sig_error) as error:
            bar.dial("13812345678")  # Ctrl+D or Enter in the number field: refused too
        assert error.args[0].startswith("No call can be made")
        assert not retry.isHidden()

        retry.click()  # still broken: back to missing, and the reason is kept
        qtbot.waitUntil(lambda: bridge.state is LineState.MISSING and len(opener.threads) == 2)
        opener.fixed = True
        with qtbot.waitSignal(bridge.sig_line, timeout=5000):
            retry.click()
        qtbot.waitUntil(lambda: bridge.can_call, timeout=5000)
        main = threading.get_ident()
        assert opener.threads[0] == main  # at start-up, as the desk asked
        assert all(thread != main for thread in opener.threads[1:])  # every retry off it
        assert label.text() == "Line: Simulated line — ready"
        assert READY_COLOUR in label.styleSheet()
        assert bar.dial_button.isEnabled() and retry.isHidden()
        with qtbot.waitSignal(bar.sig_call_started, timeout=2000):
            bar.dial("13812345678")
    finally:
        bridge.stop()


def test_the_window_never_waits_for_a_slow_line_to_open(qtbot: QtBot, tmp_path: Path) -> None:
    """A modem that takes its time to answer AT commands opens on a worker: the window keeps
    running its timers meanwhile, and shows the line as opening."""
    modem = FakeModem(tmp_path / "ttyModem")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)

    def slow_open() -> ModemPhone:
        time.sleep(0.5)
        return ModemPhone(str(modem.link))

    bridge = PhoneBridge(None, opener=slow_open, open_anywhere=True, line=LineType.MODEM)
    label = LineStatusLabel(bridge)
    qtbot.addWidget(label)
    try:
        started = time.monotonic()
        bridge.retry()
        assert time.monotonic() - started < 0.1
        assert bridge.state is LineState.OPENING and WAITING_COLOUR in label.styleSheet()
        qtbot.waitUntil(lambda: bridge.can_call, timeout=5000)
        assert label.text().startswith("Line: Phone-line box ")
        assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.3
    finally:
        timer.stop()
        bridge.stop()
        modem.stop()


def test_the_patient_cards_dial_buttons_follow_the_line(qtbot: QtBot, tmp_path: Path) -> None:
    opener = Opener(tmp_path)
    bridge, bar, _label, _retry = _desk_without_line(qtbot, tmp_path, opener)
    panel = PatientPanel()
    qtbot.addWidget(panel)
    bar.sig_dial_ready.connect(panel.set_dialing_enabled)
    panel.set_dialing_enabled(*bar.dial_readiness())
    for number in (1, 2):
        panel._add_contact(number, CONTACT)
    try:
        assert [b.isEnabled() for b in panel.dial_buttons] == [False, False]
        assert all(
            b.toolTip().startswith("No call can be made: the phone line could not be opened.")
            for b in panel.dial_buttons
        )
        opener.fixed = True
        bridge.retry()
        qtbot.waitUntil(lambda: all(b.isEnabled() for b in panel.dial_buttons), timeout=5000)
        assert panel.dial_buttons[1].toolTip() == "Dial this number (Alt+2)"
    finally:
        bridge.stop()


def test_a_sip_account_that_failed_to_register_cannot_dial_until_it_registers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bridge = PhoneBridge(FakePhone(voice_cache=tmp_path / "voices"))
    bar = CallBar(bridge, tmp_path / "rec")
    qtbot.addWidget(bar)
    try:
        bridge.require_phone().post(
            RegistrationChanged("", Registration.FAILED, "The phone server cannot be reached.")
        )
        qtbot.waitUntil(lambda: not bar.dial_button.isEnabled())
        assert bar.dial_button.toolTip() == (
            "No call can be made: the phone server refused or did not answer the "
            "registration.\nThe phone server cannot be reached."
        )
        bridge.require_phone().post(RegistrationChanged("", Registration.REGISTERED))
        qtbot.waitUntil(lambda: bar.dial_button.isEnabled())
    finally:
        bridge.stop()


def test_a_sip_line_is_reopened_on_the_window_thread_but_not_inside_the_click(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """pjsua2 belongs to the thread that pumps it, so a SIP line that could not be opened is
    opened again on the window's thread: queued after the click, which returns at once."""
    opener = Opener(tmp_path)
    bridge = PhoneBridge(None, opener=opener, open_anywhere=False, line=LineType.SIP)
    bridge.open_now()
    label = LineStatusLabel(bridge)
    qtbot.addWidget(label)
    try:
        assert label.text() == "Line: Headset — not available"
        opener.fixed = True
        bridge.retry()
        assert len(opener.threads) == 1 and bridge.state is LineState.OPENING
        qtbot.waitUntil(lambda: bridge.can_call)
        assert opener.threads == [threading.get_ident()] * 2
    finally:
        bridge.stop()
