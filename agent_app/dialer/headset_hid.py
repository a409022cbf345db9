"""A USB headset's call buttons as typed events, and the call state as its lights.

``HeadsetDecoder`` turns input reports into events, by the positions a ``TelephonyLayout``
found in the descriptor. Hook Switch is a level on most headsets (absolute: 1 while off-hook);
a relative Hook Switch (some Yealink and EPOS dongles) is a press that toggles it. Phone Mute
and Flash are presses whatever the descriptor says: Jabra, Poly and EPOS send Phone Mute 1 then
0 for one press and wait for the host to answer with the Mute light, and Flash is momentary.
So a press is a rising edge (0 to 1), a level is any change from the last known one.

The headset follows the desk only when the desk tells it the call state: ``encode_lights``
builds the output reports for Off-Hook, Ring, Mute (and Microphone, which some dongles use for
mute), and Hold. A headset whose Off-Hook light is never set thinks it is still on-hook and
sends Hook Switch 1 again at the next press (or ignores it); one whose Mute light is not
answered resets its own mute after a moment (see tests/dialer/hid_records/README.md).
``HeadsetDecoder.expect_hook`` keeps the decoder's idea of the level in step with the light
the desk set, so the press that hangs up after an answer from the screen is seen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import ClassVar

from agent_app.dialer.headset_descriptor import (
    Led,
    Slot,
    Telephony,
    TelephonyLayout,
)
from agent_app.domain.coded_error import CodedError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HeadsetEvent:
    """Base of what a headset reports."""


@dataclass(frozen=True)
class HookChanged(HeadsetEvent):
    off_hook: bool


@dataclass(frozen=True)
class MutePressed(HeadsetEvent):
    """The mute button was pressed: the desk toggles mute and answers with the Mute light."""


@dataclass(frozen=True)
class FlashPressed(HeadsetEvent):
    pass


@dataclass(frozen=True)
class RedialPressed(HeadsetEvent):
    pass


@dataclass(frozen=True)
class ButtonPressed(HeadsetEvent):
    """A Programmable Button, or another telephony key the desk has no action for."""

    usage: int


class ReportError(CodedError):
    ENGLISH: ClassVar[dict[str, str]] = {
        "hid_short_report": "The headset sent report {report_id} of {length} bytes; its "
        "descriptor promises {expected}.",
    }


@dataclass(frozen=True)
class Lights:
    """The call state a headset shows: what the desk writes to its LEDs."""

    off_hook: bool = False
    ring: bool = False
    mute: bool = False
    hold: bool = False


def _read_bits(payload: bytes, offset: int, size: int) -> int:
    value = int.from_bytes(payload, "little") >> offset
    return value & ((1 << size) - 1)


_PRESSES = {
    Telephony.PHONE_MUTE: MutePressed,
    Telephony.FLASH: FlashPressed,
    Telephony.REDIAL: RedialPressed,
}


class HeadsetDecoder:
    """Input reports in, events out; keeps the last value of every button for edges."""

    def __init__(self, layout: TelephonyLayout) -> None:
        self.layout = layout
        self.off_hook = False
        self._last: dict[Slot, bool] = {}

    def expect_hook(self, off_hook: bool) -> None:
        """The desk set the Off-Hook light: an absolute Hook Switch now follows it, so a
        report of the same level is no change, and the opposite level is the agent's."""
        self.off_hook = off_hook
        for slot in self.layout.buttons:
            if slot.usage == Telephony.HOOK_SWITCH and not slot.relative:
                self._last[slot] = off_hook

    def decode(self, report: bytes) -> list[HeadsetEvent]:
        """The events in one input report as hidapi reads it (the report id first when the
        device numbers its reports). Reports of other ids are not ours: no events.
        Raises ReportError when a report is shorter than its descriptor says."""
        report_id, payload = (report[0], report[1:]) if self.layout.numbered else (0, report)
        if not report or report_id not in self.layout.input_bytes:
            return []
        expected = self.layout.input_bytes[report_id]
        if len(payload) < expected:
            raise ReportError(
                "hid_short_report", report_id=report_id, length=len(payload), expected=expected
            )
        events: list[HeadsetEvent] = []
        for slot in self.layout.buttons:
            if slot.report_id != report_id:
                continue
            value = _read_bits(payload, slot.bit_offset, slot.size)
            on = value == slot.array_index if slot.array_index >= 0 else value != 0
            was = self._last.get(slot, False)
            self._last[slot] = on
            event = self._event(slot, on, was)
            if event is not None:
                events.append(event)
        return events

    def _event(self, slot: Slot, on: bool, was: bool) -> HeadsetEvent | None:
        if slot.usage == Telephony.HOOK_SWITCH:
            if slot.relative:
                if on and not was:
                    self.off_hook = not self.off_hook
                    return HookChanged(self.off_hook)
                return None
            if on != self.off_hook:
                self.off_hook = on
                return HookChanged(on)
            return None
        if not on or was:
            return None
        press = _PRESSES.get(Telephony(slot.usage)) if slot.usage in _PRESSES else None
        if press is not None:
            return press()
        if slot.usage == Telephony.LINE_BUSY_TONE:
            return None  # the headset's busy signal, not a key
        return ButtonPressed(slot.usage)


_LIGHT_OF = {
    Led.OFF_HOOK: lambda lights: lights.off_hook,
    Led.RING: lambda lights: lights.ring,
    Led.MUTE: lambda lights: lights.mute,
    Led.MICROPHONE: lambda lights: lights.mute,
    Led.HOLD: lambda lights: lights.hold,
}


def encode_lights(layout: TelephonyLayout, lights: Lights) -> list[bytes]:
    """The output reports that show ``lights``, ready for hidapi's write: each starts with
    its report id (0 when the device does not number its reports). One report per id that
    holds a light; every other bit of those reports is 0."""
    reports: dict[int, int] = {}
    for slot in layout.lights:
        wanted = _LIGHT_OF[Led(slot.usage)](lights)
        value = reports.setdefault(slot.report_id, 0)
        if wanted:
            value |= 1 << slot.bit_offset
        reports[slot.report_id] = value
    out = []
    for report_id in sorted(reports):
        length = layout.output_bytes.get(report_id, 1)
        out.append(bytes([report_id]) + reports[report_id].to_bytes(length, "little"))
    return out
