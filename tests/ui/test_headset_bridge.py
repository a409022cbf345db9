"""Headset buttons drive the call bar on the simulated line, and the call state comes back on
the headset's lights. The headset is the reader thread of dialer/headset_device.py over a
stand-in for hidapi that plays reports laid out by a recorded descriptor (no USB here)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from agent_app.config import load_settings
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.headset_descriptor import DescriptorError
from agent_app.dialer.headset_device import HeadsetDevice, HeadsetError
from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import EndReason, Role
from agent_app.domain.views import StaffAccount
from agent_app.ui.call_bar import CallBar
from agent_app.ui.headset_bridge import HeadsetBridge, headset_error_text
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from tests.dialer.fake_headset import FakeHidDevice
from tests.dialer.hid_records import load_descriptor

# Poly Blackwire 3220 reports (tests/dialer/hid_records): input report 8 holds Phone Mute
# (bit 0, a press), Hook Switch (bit 1, a level) and Flash (bit 2); each light has a report.
ON_HOOK, OFF_HOOK = bytes([8, 0b000]), bytes([8, 0b010])
MUTE, FLASH = bytes([8, 0b011]), bytes([8, 0b110])
MUTE_LIGHT, OFF_HOOK_LIGHT, RING_LIGHT = 0x09, 0x17, 0x18
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Desk:
    phone: FakePhone
    bar: CallBar
    headset: HeadsetBridge
    usb: FakeHidDevice

    def light(self, report_id: int) -> bool | None:
        """What the desk last wrote to one light (None: never written)."""
        with self.usb.lock:
            written = [r for r in self.usb.written if r[0] == report_id]
        return bool(written[-1][1]) if written else None


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    phone = FakePhone(voice_cache=tmp_path / "voices")
    bridge = PhoneBridge(phone)
    bar = CallBar(bridge, tmp_path / "recordings")
    qtbot.addWidget(bar)
    headset = HeadsetBridge(bar)
    usb = FakeHidDevice(load_descriptor("poly_blackwire_3220_telephony"))
    headset.device = HeadsetDevice("047f:c056", headset.deliver, backend=usb, delays=(0.01, 0.05))
    with qtbot.waitSignal(headset.sig_status, timeout=5000) as connected:
        headset.device.start()
    assert connected.args == ["Headset connected: Test headset"]
    yield Desk(phone, bar, headset, usb)
    headset.stop()
    bridge.stop()


def _ring(qtbot: QtBot, desk: Desk) -> str:
    with qtbot.waitSignal(desk.bar.bridge.sig_incoming, timeout=2000):
        call_id = desk.phone.simulate_incoming("13800000001")
    qtbot.waitUntil(lambda: desk.light(RING_LIGHT) is True, timeout=2000)
    return call_id


def test_lifting_the_headset_answers_the_ringing_call(qtbot: QtBot, desk: Desk) -> None:
    call_id = _ring(qtbot, desk)
    assert desk.light(OFF_HOOK_LIGHT) is False
    with qtbot.waitSignal(desk.bar.bridge.sig_answered, timeout=3000):
        desk.usb.press(OFF_HOOK)
    assert desk.bar.call_id == call_id
    qtbot.waitUntil(lambda: desk.bar.state_label.text() == "Connected", timeout=2000)
    qtbot.waitUntil(lambda: desk.light(OFF_HOOK_LIGHT) is True, timeout=2000)
    assert desk.light(RING_LIGHT) is False


def test_putting_it_down_hangs_up_and_clears_the_lights(qtbot: QtBot, desk: Desk) -> None:
    _ring(qtbot, desk)
    with qtbot.waitSignal(desk.bar.bridge.sig_answered, timeout=3000):
        desk.usb.press(OFF_HOOK)
    qtbot.waitUntil(lambda: desk.light(OFF_HOOK_LIGHT) is True, timeout=2000)
    with qtbot.waitSignal(desk.bar.sig_call_ended, timeout=3000) as ended:
        desk.usb.press(ON_HOOK)
    assert ended.args[0].reason is EndReason.LOCAL_HANGUP
    qtbot.waitUntil(lambda: desk.light(OFF_HOOK_LIGHT) is False, timeout=2000)


def test_the_mute_button_toggles_mute_and_is_answered_by_the_mute_light(
    qtbot: QtBot, desk: Desk
) -> None:
    _ring(qtbot, desk)
    with qtbot.waitSignal(desk.bar.bridge.sig_answered, timeout=3000):
        desk.usb.press(OFF_HOOK)
    qtbot.waitUntil(desk.bar.mute_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(desk.headset.sig_mute_pressed, timeout=2000):
        desk.usb.press(MUTE, OFF_HOOK)
    assert desk.bar.mute_button.isChecked()
    qtbot.waitUntil(lambda: desk.light(MUTE_LIGHT) is True, timeout=2000)
    with qtbot.waitSignal(desk.headset.sig_mute_pressed, timeout=2000):
        desk.usb.press(MUTE, OFF_HOOK)
    assert not desk.bar.mute_button.isChecked()
    qtbot.waitUntil(lambda: desk.light(MUTE_LIGHT) is False, timeout=2000)


def test_a_mute_press_without_a_call_is_answered_with_mute_off(qtbot: QtBot, desk: Desk) -> None:
    qtbot.waitUntil(lambda: desk.light(MUTE_LIGHT) is False, timeout=2000)
    count = len(desk.usb.written)
    with qtbot.waitSignal(desk.headset.sig_mute_pressed, timeout=2000):
        desk.usb.press(bytes([8, 0b001]), ON_HOOK)
    # The same lights again: the headset hears that the desk is not muted.
    qtbot.waitUntil(lambda: len(desk.usb.written) > count, timeout=2000)
    assert not desk.bar.mute_button.isChecked() and desk.light(MUTE_LIGHT) is False


def test_flash_holds_and_resumes_the_call(qtbot: QtBot, desk: Desk) -> None:
    call_id = _ring(qtbot, desk)
    with qtbot.waitSignal(desk.bar.bridge.sig_answered, timeout=3000):
        desk.usb.press(OFF_HOOK)
    qtbot.waitUntil(desk.bar.hold_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(desk.bar.bridge.sig_hold, timeout=2000) as held:
        desk.usb.press(FLASH, OFF_HOOK)
    assert (held.args[0].call_id, held.args[0].on_hold) == (call_id, True)
    with qtbot.waitSignal(desk.bar.bridge.sig_hold, timeout=2000) as resumed:
        desk.usb.press(FLASH, OFF_HOOK)
    assert resumed.args[0].on_hold is False
    assert desk.bar.call_id == call_id  # flash never hangs up


def test_flash_answers_a_ringing_call_when_none_is_open(qtbot: QtBot, desk: Desk) -> None:
    call_id = _ring(qtbot, desk)
    with qtbot.waitSignal(desk.bar.bridge.sig_answered, timeout=3000):
        desk.usb.press(bytes([8, 0b100]), ON_HOOK)  # flash alone, the headset on-hook
    assert desk.bar.call_id == call_id


def test_lifting_the_headset_with_nothing_ringing_starts_nothing(qtbot: QtBot, desk: Desk) -> None:
    qtbot.waitUntil(lambda: desk.light(OFF_HOOK_LIGHT) is False, timeout=2000)
    count = len(desk.usb.written)
    with qtbot.waitSignal(desk.headset.sig_hook, timeout=2000) as hook:
        desk.usb.press(OFF_HOOK)
    assert hook.args == [True]
    assert desk.bar.call_id == "" and desk.bar.dial_button.isEnabled()
    # The desk answers with Off-Hook dark, so the headset goes back on-hook.
    qtbot.waitUntil(lambda: len(desk.usb.written) > count, timeout=2000)
    assert desk.light(OFF_HOOK_LIGHT) is False


def test_an_unplugged_headset_is_said_in_the_status_bar(qtbot: QtBot, desk: Desk) -> None:
    with qtbot.waitSignal(desk.headset.sig_status, timeout=3000) as lost:
        desk.usb.unplug()
    assert lost.args[0].startswith("Headset lost: Test headset was unplugged")
    assert desk.headset.connected == ""
    with qtbot.waitSignal(desk.headset.sig_status, timeout=3000) as back:
        desk.usb.plug_in()
    assert back.args == ["Headset connected: Test headset"]


HEADSET_CODES = [(HeadsetError, code) for code in sorted(HeadsetError.ENGLISH)] + [
    (DescriptorError, code) for code in sorted(DescriptorError.ENGLISH)
]


@pytest.mark.parametrize(("kind", "code"), HEADSET_CODES)
def test_every_headset_trouble_is_said_in_chinese(
    chinese: None, kind: type[CodedError], code: str
) -> None:
    params = {name: "X" for name in re.findall(r"\{(\w+)\}", kind.ENGLISH[code])}
    said = headset_error_text(kind(code, **params))
    assert CJK.search(said), said
    assert "X" in said or not params or code.startswith("hid_")


@pytest.mark.parametrize(("device", "follows"), [("auto", True), ("none", False)])
def test_the_desk_follows_the_headset_its_settings_name(
    qtbot: QtBot, ui_store: Any, tmp_path: Path, device: str, follows: bool
) -> None:
    from agent_app.ui.desk_session import DeskSession

    settings = load_settings(
        {"AGENT_APP_DATA_DIR": str(tmp_path), "AGENT_APP_HEADSET_DEVICE": device}, demo=True
    )
    session = DeskSession(settings, ui_store)
    agent = StaffAccount(1, "nurse1", "护士1", Role.AGENT, 2, "外科")
    window: MainWindow = session.open_window(agent, None)
    qtbot.addWidget(window)
    try:
        headset = window.findChild(HeadsetBridge)
        assert (headset is not None) is follows
        if headset is not None:
            assert headset.call_bar is window.call_bar and headset.device is not None
            assert headset.device.selector == "auto"
            headset.stop()
    finally:
        window.close()
        if session.bridge is not None:
            session.bridge.stop()
