"""Where a USB headset keeps its call buttons and lights: a HID report descriptor, read.

A headset describes its reports in a HID report descriptor (HID 1.11, section 6.2.2): a list
of short items (Usage Page, Usage, Report ID, Report Size/Count, Input/Output/Feature,
Collection, Logical Minimum/Maximum, Push/Pop). ``parse_descriptor`` walks those items and
returns every data field with its report id and bit position; ``telephony_layout`` keeps the
fields the desk uses: the Telephony page's (0x0B) buttons and the LED page's (0x08) lights.
Jabra, Poly/Plantronics, Yealink and EPOS headsets all put them there, each in its own order
and report ids, which is why the positions are read and never assumed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import ClassVar

from agent_app.domain.coded_error import CodedError

TELEPHONY_PAGE = 0x0B
LED_PAGE = 0x08
BUTTON_PAGE = 0x09


class Telephony(enum.IntEnum):
    """Telephony page usages the desk reads (HID Usage Tables, chapter 14)."""

    PHONE = 0x01
    HEADSET = 0x05
    PROGRAMMABLE_BUTTON = 0x07
    HOOK_SWITCH = 0x20
    FLASH = 0x21
    REDIAL = 0x24
    PHONE_MUTE = 0x2F
    LINE_BUSY_TONE = 0x97


class Led(enum.IntEnum):
    """LED page usages the desk drives (HID Usage Tables, chapter 11)."""

    MUTE = 0x09
    OFF_HOOK = 0x17
    RING = 0x18
    HOLD = 0x20
    MICROPHONE = 0x21


class Direction(enum.StrEnum):
    INPUT = "input"
    OUTPUT = "output"
    FEATURE = "feature"


class DescriptorError(CodedError):
    """A report descriptor the desk cannot use; ``code`` says why, for ui/ to word."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "hid_empty": "The headset sent an empty report descriptor.",
        "hid_truncated": "The headset's report descriptor ends inside the item at byte {offset}.",
        "hid_unbalanced": "The headset's report descriptor closes a collection it never opened "
        "(byte {offset}).",
        "hid_unclosed": "The headset's report descriptor leaves {count} collection(s) open.",
        "hid_pop_empty": "The headset's report descriptor pops more than it pushed "
        "(byte {offset}).",
        "hid_bad_size": "The headset's report descriptor declares a field of {bits} bits "
        "(byte {offset}).",
        "hid_no_telephony": "This HID device has no telephony buttons or call lights "
        "(its pages: {pages}); it is not a headset the desk can follow.",
    }


@dataclass(frozen=True)
class Field:
    """One data field: ``count`` values of ``size`` bits from ``bit_offset`` of the report's
    payload (after the report id byte). A variable field has one usage per value; an array
    field's values are indices into ``usages`` (0 or out of range: nothing pressed)."""

    direction: Direction
    report_id: int
    bit_offset: int
    size: int
    count: int
    usages: tuple[tuple[int, int], ...]  # (page, usage)
    variable: bool
    relative: bool
    logical_min: int
    logical_max: int

    def usage_at(self, index: int) -> tuple[int, int]:
        """The usage of the ``index``-th value of a variable field (the last one repeats)."""
        if not self.usages:
            return (0, 0)
        return self.usages[min(index, len(self.usages) - 1)]


@dataclass(frozen=True)
class ParsedDescriptor:
    fields: tuple[Field, ...]
    numbered: bool  # reports start with a report id byte
    report_bits: dict[tuple[Direction, int], int]
    application_pages: tuple[int, ...]  # usage page of each top-level collection

    def report_bytes(self, direction: Direction, report_id: int) -> int:
        """The payload length of a report, without its report id byte."""
        return (self.report_bits.get((direction, report_id), 0) + 7) // 8


@dataclass
class _Globals:
    page: int = 0
    logical_min: int = 0
    logical_max: int = 0
    size: int = 0
    count: int = 0
    report_id: int = 0

    def copy(self) -> _Globals:
        return _Globals(**vars(self))


def _signed(data: bytes) -> int:
    return int.from_bytes(data, "little", signed=True) if data else 0


def _unsigned(data: bytes) -> int:
    return int.from_bytes(data, "little") if data else 0


_MAIN = {0x8: Direction.INPUT, 0x9: Direction.OUTPUT, 0xB: Direction.FEATURE}
_MAX_FIELD_BITS = 32


def parse_descriptor(descriptor: bytes) -> ParsedDescriptor:
    """Every data field of ``descriptor`` with its bit position; raises DescriptorError."""
    if not descriptor:
        raise DescriptorError("hid_empty")
    glob = _Globals()
    stack: list[_Globals] = []
    usages: list[tuple[int, int]] = []
    usage_min: int | None = None
    depth = 0
    numbered = False
    fields: list[Field] = []
    bits: dict[tuple[Direction, int], int] = {}
    applications: list[int] = []
    pos = 0
    while pos < len(descriptor):
        start = pos
        prefix = descriptor[pos]
        if prefix == 0xFE:  # long item: size in the next byte, never used by headsets
            if pos + 2 >= len(descriptor):
                raise DescriptorError("hid_truncated", offset=start)
            pos += 3 + descriptor[pos + 1]
            if pos > len(descriptor):
                raise DescriptorError("hid_truncated", offset=start)
            continue
        size = (0, 1, 2, 4)[prefix & 0x03]
        data = descriptor[pos + 1 : pos + 1 + size]
        if len(data) != size:
            raise DescriptorError("hid_truncated", offset=start)
        pos += 1 + size
        kind, tag = (prefix >> 2) & 0x03, prefix >> 4
        if kind == 0:  # main
            if tag in _MAIN:
                direction = _MAIN[tag]
                flags = _unsigned(data)
                width = glob.size * glob.count
                if glob.size > _MAX_FIELD_BITS or glob.size < 0:
                    raise DescriptorError("hid_bad_size", bits=glob.size, offset=start)
                key = (direction, glob.report_id)
                offset = bits.get(key, 0)
                if not flags & 0x01 and glob.count > 0:  # data, not constant padding
                    if usage_min is not None and not usages:
                        usages = [(glob.page, usage_min)]
                    logical_max = glob.logical_max
                    if glob.logical_min >= 0 and logical_max < 0:
                        logical_max &= (1 << (glob.size or 1)) - 1
                    fields.append(
                        Field(
                            direction,
                            glob.report_id,
                            offset,
                            glob.size,
                            glob.count,
                            tuple(usages),
                            variable=bool(flags & 0x02),
                            relative=bool(flags & 0x04),
                            logical_min=glob.logical_min,
                            logical_max=logical_max,
                        )
                    )
                bits[key] = offset + width
            elif tag == 0xA:  # collection
                if depth == 0:
                    applications.append(usages[0][0] if usages else glob.page)
                depth += 1
            elif tag == 0xC:  # end collection
                if depth == 0:
                    raise DescriptorError("hid_unbalanced", offset=start)
                depth -= 1
            usages, usage_min = [], None
        elif kind == 1:  # global
            if tag == 0x0:
                glob.page = _unsigned(data)
            elif tag == 0x1:
                glob.logical_min = _signed(data)
            elif tag == 0x2:
                glob.logical_max = _signed(data)
            elif tag == 0x7:
                glob.size = _unsigned(data)
            elif tag == 0x8:
                glob.report_id = _unsigned(data)
                numbered = True
            elif tag == 0x9:
                glob.count = _unsigned(data)
            elif tag == 0xA:
                stack.append(glob.copy())
            elif tag == 0xB:
                if not stack:
                    raise DescriptorError("hid_pop_empty", offset=start)
                glob = stack.pop()
        elif kind == 2:  # local
            value = _unsigned(data)
            page = value >> 16 if size == 4 else glob.page
            usage = value & 0xFFFF if size == 4 else value
            if tag == 0x0:
                usages.append((page, usage))
            elif tag == 0x1:
                usage_min = usage
            elif tag == 0x2 and usage_min is not None:
                usages.extend((page, u) for u in range(usage_min, min(usage, usage_min + 256) + 1))
                usage_min = None
    if depth:
        raise DescriptorError("hid_unclosed", count=depth)
    return ParsedDescriptor(tuple(fields), numbered, bits, tuple(applications))


@dataclass(frozen=True)
class Slot:
    """Where one usage lives: ``report_id``, first bit of its value, its width, and how it
    reports (``relative``: a press; absolute: a level; ``array``: an index in a list)."""

    page: int
    usage: int
    report_id: int
    bit_offset: int
    size: int
    relative: bool = False
    array_index: int = -1  # >= 0: the value is an array index equal to this when pressed
    logical_min: int = 0


@dataclass(frozen=True)
class TelephonyLayout:
    """The buttons (inputs) and lights (outputs) a headset offers, by usage."""

    buttons: tuple[Slot, ...]
    lights: tuple[Slot, ...]
    numbered: bool
    input_bytes: dict[int, int]  # report id -> payload length
    output_bytes: dict[int, int]

    def light(self, usage: Led) -> Slot | None:
        return next((s for s in self.lights if s.usage == usage), None)

    def button(self, usage: Telephony) -> Slot | None:
        return next((s for s in self.buttons if s.usage == usage), None)


_BUTTONS = frozenset(int(u) for u in Telephony) - {Telephony.PHONE, Telephony.HEADSET}
_LIGHTS = frozenset(int(u) for u in Led)


def telephony_layout(descriptor: bytes) -> TelephonyLayout:
    """The headset's call buttons and lights; DescriptorError ``hid_no_telephony`` when the
    device has neither (a keyboard, a mouse, a headset's volume-only interface)."""
    parsed = parse_descriptor(descriptor)
    buttons: list[Slot] = []
    lights: list[Slot] = []
    for field in parsed.fields:
        for index in range(field.count):
            if field.variable:
                page, usage = field.usage_at(index)
                offset = field.bit_offset + index * field.size
                slot = Slot(page, usage, field.report_id, offset, field.size, field.relative)
                if field.direction is Direction.INPUT and (page, usage) in _telephony_buttons():
                    buttons.append(slot)
                elif field.direction is Direction.OUTPUT and page == LED_PAGE and usage in _LIGHTS:
                    lights.append(slot)
        if not field.variable and field.direction is Direction.INPUT:
            # An array (e.g. Programmable Button): each value names the pressed usage.
            for index, (page, usage) in enumerate(field.usages):
                if (page, usage) in _telephony_buttons():
                    buttons.append(
                        Slot(
                            page,
                            usage,
                            field.report_id,
                            field.bit_offset,
                            field.size,
                            array_index=field.logical_min + index,
                            logical_min=field.logical_min,
                        )
                    )
    if not buttons and not lights:
        pages = ", ".join(f"0x{p:02X}" for p in parsed.application_pages) or "none"
        raise DescriptorError("hid_no_telephony", pages=pages)

    def lengths(direction: Direction) -> dict[int, int]:
        return {
            rid: parsed.report_bytes(direction, rid)
            for (d, rid) in parsed.report_bits
            if d is direction
        }

    return TelephonyLayout(
        tuple(buttons),
        tuple(lights),
        parsed.numbered,
        lengths(Direction.INPUT),
        lengths(Direction.OUTPUT),
    )


def _telephony_buttons() -> frozenset[tuple[int, int]]:
    return frozenset((TELEPHONY_PAGE, u) for u in _BUTTONS)
