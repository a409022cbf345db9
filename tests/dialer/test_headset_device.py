"""The headset's reader thread: events out, lights in, unplug and replug. hidapi itself is
replaced by tests/dialer/fake_headset.py except in the test marked ``hardware``."""

from __future__ import annotations

import queue
import time

import pytest

from agent_app.config import ConfigError, headset_selector
from agent_app.dialer.headset_device import (
    HeadsetConnected,
    HeadsetDevice,
    HeadsetError,
    HeadsetLost,
    HidInfo,
    choose,
)
from agent_app.dialer.headset_hid import FlashPressed, HeadsetEvent, HookChanged, Lights
from tests.dialer.fake_headset import FakeHandle, FakeHidDevice
from tests.dialer.hid_records import load_descriptor

WAIT = 5.0


class Events:
    def __init__(self) -> None:
        self.queue: queue.Queue[HeadsetEvent] = queue.Queue()

    def __call__(self, event: HeadsetEvent) -> None:
        self.queue.put(event)

    def next(self) -> HeadsetEvent:
        return self.queue.get(timeout=WAIT)


@pytest.fixture
def blackwire() -> FakeHidDevice:
    return FakeHidDevice(load_descriptor("poly_blackwire_3220_telephony"))


def test_button_reports_arrive_as_events_from_the_reader(blackwire: FakeHidDevice) -> None:
    events = Events()
    device = HeadsetDevice("047f:c056", events, backend=blackwire, delays=(0.01, 0.05))
    device.start()
    try:
        assert events.next() == HeadsetConnected("Test headset")
        blackwire.press(bytes([8, 0b010]), bytes([8, 0b110]), bytes([8, 0]))
        assert [events.next() for _ in range(3)] == [
            HookChanged(True),
            FlashPressed(),
            HookChanged(False),
        ]
    finally:
        device.stop()


def test_lights_are_written_as_the_headsets_output_reports(blackwire: FakeHidDevice) -> None:
    events = Events()
    device = HeadsetDevice("", events, backend=blackwire, delays=(0.01, 0.05))
    device.start()
    try:
        assert isinstance(events.next(), HeadsetConnected)
        device.show(Lights(off_hook=True, mute=True))
        assert blackwire.wrote.wait(WAIT)
        deadline = time.monotonic() + WAIT
        while len(blackwire.written) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert blackwire.written == [bytes([0x09, 1]), bytes([0x17, 1]), bytes([0x18, 0])]
        # Off-Hook is lit, so the headset's next Hook Switch 0 is the agent hanging up.
        blackwire.press(bytes([8, 0]))
        assert events.next() == HookChanged(False)
    finally:
        device.stop()


def test_an_unplugged_headset_is_lost_with_a_code_and_found_again(
    blackwire: FakeHidDevice,
) -> None:
    events = Events()
    device = HeadsetDevice("047f:c056", events, backend=blackwire, delays=(0.01, 0.05))
    device.start()
    try:
        assert isinstance(events.next(), HeadsetConnected)
        device.show(Lights(ring=True))
        assert blackwire.wrote.wait(WAIT)
        blackwire.unplug()
        lost = events.next()
        assert isinstance(lost, HeadsetLost) and lost.error.code == "headset_lost"
        missing = events.next()  # looked for again while away: said once, not every retry
        assert isinstance(missing, HeadsetLost) and missing.error.code == "headset_not_found"
        blackwire.written.clear()
        blackwire.plug_in()
        assert events.next() == HeadsetConnected("Test headset")
        assert blackwire.opened == 2
        deadline = time.monotonic() + WAIT
        while bytes([0x18, 1]) not in blackwire.written and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bytes([0x18, 1]) in blackwire.written  # the call state is shown again
    finally:
        device.stop()


def test_a_device_without_telephony_is_reported_with_its_code() -> None:
    fake = FakeHidDevice(load_descriptor("jabra_uc_voice_410_consumer"))
    events = Events()
    device = HeadsetDevice("", events, backend=fake, delays=(5.0, 5.0))
    device.start()
    try:
        lost = events.next()
        assert isinstance(lost, HeadsetLost) and lost.error.code == "hid_no_telephony"
    finally:
        device.stop()


def test_none_never_starts_a_reader(blackwire: FakeHidDevice) -> None:
    device = HeadsetDevice("none", Events(), backend=blackwire)
    device.start()
    assert not device.enabled and blackwire.opened == 0


def test_a_selector_that_names_no_headset_is_a_settings_error() -> None:
    assert headset_selector(" AUTO ") == "auto"
    assert headset_selector("") == "auto"
    assert headset_selector("0B0E:24C8") == "0B0E:24C8"
    assert headset_selector("/dev/hidraw3") == "/dev/hidraw3"
    with pytest.raises(ConfigError) as caught:
        HeadsetDevice("jabra", Events())
    assert caught.value.code == "config_bad_headset"


def test_auto_prefers_the_telephony_interface_of_a_headset() -> None:
    consumer = HidInfo(b"a", 0x0B0E, 0x24C8, 0x0C, "Jabra Link 380")
    telephony = HidInfo(b"b", 0x0B0E, 0x24C8, 0x0B, "Jabra Link 380")
    mouse = HidInfo(b"c", 0x046D, 0xC077, 0x01, "Mouse")
    assert choose([mouse, consumer, telephony], "auto") == telephony
    assert choose([mouse, consumer], "auto") is None
    assert choose([mouse, consumer, telephony], "0b0e:24c8") == telephony
    assert choose([mouse], "0b0e:24c8") is None


def _plugged_headsets() -> list[HidInfo]:
    try:
        from agent_app.dialer.headset_device import HidapiBackend

        return [d for d in HidapiBackend().enumerate() if d.usage_page == 0x0B]
    except HeadsetError:
        return []


@pytest.mark.hardware
@pytest.mark.skipif(not _plugged_headsets(), reason="no USB headset with call buttons plugged in")
def test_a_real_headset_opens_and_shows_the_ring_light() -> None:
    """By hand: plug in a headset, run this, watch it ring, press its call button."""
    events = Events()
    device = HeadsetDevice("auto", events)
    device.start()
    try:
        assert isinstance(events.next(), HeadsetConnected)
        assert device.layout is not None and device.layout.buttons
        device.show(Lights(ring=True))
        time.sleep(1.0)
        device.show(Lights())
    finally:
        device.stop()


class UnreadableDescriptor(FakeHidDevice):
    def open(self, path: bytes) -> FakeHandle:
        handle = super().open(path)

        def refuse() -> list[int]:
            raise OSError("Input/output error")

        handle.get_report_descriptor = refuse  # type: ignore[method-assign]
        return handle


def test_a_descriptor_that_cannot_be_read_is_an_open_failure() -> None:
    fake = UnreadableDescriptor(load_descriptor("poly_blackwire_3220_telephony"))
    events = Events()
    device = HeadsetDevice("auto", events, backend=fake, delays=(5.0, 5.0))
    device.start()
    try:
        lost = events.next()
        assert isinstance(lost, HeadsetLost) and lost.error.code == "headset_open_failed"
        assert lost.error.params["detail"] == "Input/output error"
    finally:
        device.stop()
