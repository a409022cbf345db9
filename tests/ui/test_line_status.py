"""The status bar says whether the line can call, following the phone's own events."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from agent_app.dialer.events import Registration, RegistrationChanged
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.modem import ModemPhone
from agent_app.ui.line_status import LineStatusLabel
from agent_app.ui.phone_bridge import PhoneBridge
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
