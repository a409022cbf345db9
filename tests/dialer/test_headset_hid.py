"""Headset descriptors read, button reports decoded, call lights encoded (no device needed)."""

from __future__ import annotations

import pytest

from agent_app.dialer.headset_descriptor import (
    DescriptorError,
    Direction,
    Led,
    Telephony,
    parse_descriptor,
    telephony_layout,
)
from agent_app.dialer.headset_hid import (
    ButtonPressed,
    FlashPressed,
    HeadsetDecoder,
    HookChanged,
    Lights,
    MutePressed,
    RedialPressed,
    ReportError,
    encode_lights,
)
from tests.dialer.hid_records import load_descriptor

BLACKWIRE = load_descriptor("poly_blackwire_3220_telephony")
APPLE_REMOTE = load_descriptor("apple_headset_remote")
JABRA_CONSUMER = load_descriptor("jabra_uc_voice_410_consumer")
GIGASET = load_descriptor("gigaset_dongle_layout")


def test_the_blackwire_files_published_part_is_as_long_as_its_comment_says() -> None:
    assert len(BLACKWIRE) == 74 + 4 + 1


def test_blackwire_buttons_are_found_in_report_8_with_their_bits() -> None:
    layout = telephony_layout(BLACKWIRE)
    mute = layout.button(Telephony.PHONE_MUTE)
    hook = layout.button(Telephony.HOOK_SWITCH)
    flash = layout.button(Telephony.FLASH)
    assert mute is not None and hook is not None and flash is not None
    assert (mute.report_id, mute.bit_offset, mute.relative) == (8, 0, True)
    assert (hook.report_id, hook.bit_offset, hook.relative) == (8, 1, False)
    assert (flash.report_id, flash.bit_offset) == (8, 2)
    assert layout.numbered and layout.input_bytes == {8: 1}


def test_blackwire_lights_each_have_their_own_report() -> None:
    layout = telephony_layout(BLACKWIRE)
    ids = {Led(s.usage): s.report_id for s in layout.lights}
    assert ids == {Led.MUTE: 0x09, Led.OFF_HOOK: 0x17, Led.RING: 0x18}


def test_hook_switch_is_a_level_and_mute_a_press() -> None:
    decoder = HeadsetDecoder(telephony_layout(BLACKWIRE))
    assert decoder.decode(bytes([8, 0b010])) == [HookChanged(True)]
    assert decoder.decode(bytes([8, 0b010])) == []  # the same level again: nothing new
    assert decoder.decode(bytes([8, 0b011])) == [MutePressed()]
    assert decoder.decode(bytes([8, 0b010])) == []  # mute released: no second toggle
    assert decoder.decode(bytes([8, 0b110])) == [FlashPressed()]
    assert decoder.decode(bytes([8, 0b000])) == [HookChanged(False)]


def test_an_absolute_mute_is_still_one_press_per_one_then_zero() -> None:
    decoder = HeadsetDecoder(telephony_layout(GIGASET))
    mute_on = 1 << 3
    assert decoder.decode(bytes([2, mute_on, 0])) == [MutePressed()]
    assert decoder.decode(bytes([2, 0, 0])) == []
    assert decoder.decode(bytes([2, mute_on, 0])) == [MutePressed()]


def test_redial_and_the_line_busy_tone_bit() -> None:
    decoder = HeadsetDecoder(telephony_layout(GIGASET))
    assert decoder.decode(bytes([2, 1 << 5, 0])) == [RedialPressed()]
    assert decoder.decode(bytes([2, 1 << 1, 0])) == []  # Line Busy Tone is no key


def test_the_desks_off_hook_light_lets_the_next_hang_up_be_seen() -> None:
    decoder = HeadsetDecoder(telephony_layout(BLACKWIRE))
    # The agent answered on screen; the desk lit Off-Hook, so the headset is off-hook now.
    decoder.expect_hook(True)
    assert decoder.decode(bytes([8, 0b010])) == []
    assert decoder.decode(bytes([8, 0b000])) == [HookChanged(False)]


def test_a_relative_hook_switch_toggles_on_each_press() -> None:
    # Written per the HID Usage Tables: Hook Switch as a relative (momentary) button.
    descriptor = bytes.fromhex("050b0905a101 150025017501 9501 0920 8106 9507 8103 c0")
    decoder = HeadsetDecoder(telephony_layout(descriptor))
    assert decoder.decode(b"\x01") == [HookChanged(True)]
    assert decoder.decode(b"\x00") == []
    assert decoder.decode(b"\x01") == [HookChanged(False)]


def test_a_report_without_ids_decodes_from_its_first_byte() -> None:
    layout = telephony_layout(APPLE_REMOTE)
    assert not layout.numbered and layout.lights == ()
    decoder = HeadsetDecoder(layout)
    assert decoder.decode(bytes([0b100])) == [FlashPressed()]
    assert decoder.decode(bytes([0b001])) == []  # volume up is not a call key


def test_reports_of_other_ids_in_a_multi_report_descriptor_are_left_alone() -> None:
    layout = telephony_layout(JABRA_CONSUMER + GIGASET)
    decoder = HeadsetDecoder(layout)
    assert decoder.decode(bytes([1, 0b111])) == []  # the consumer keys' report
    assert decoder.decode(bytes([2, 1, 0])) == [HookChanged(True)]
    assert decoder.decode(bytes([7, 1])) == []  # an id the descriptor never declared


def test_a_programmable_button_array_names_the_pressed_key() -> None:
    # Written per the HID Usage Tables: an array of Redial and Programmable Button.
    descriptor = bytes.fromhex("050b0905a101 150125027502 9501 0924 0907 8100 7506 8103 c0")
    decoder = HeadsetDecoder(telephony_layout(descriptor))
    assert decoder.decode(b"\x02") == [ButtonPressed(Telephony.PROGRAMMABLE_BUTTON)]
    assert decoder.decode(b"\x00") == []
    assert decoder.decode(b"\x01") == [RedialPressed()]


def test_a_short_report_is_refused_with_a_code() -> None:
    decoder = HeadsetDecoder(telephony_layout(GIGASET))
    with pytest.raises(ReportError) as caught:
        decoder.decode(bytes([2, 1]))
    assert caught.value.code == "hid_short_report"
    assert caught.value.params == {"report_id": "2", "length": "1", "expected": "2"}


def test_a_device_without_telephony_is_said_to_have_none() -> None:
    with pytest.raises(DescriptorError) as caught:
        telephony_layout(JABRA_CONSUMER)
    assert caught.value.code == "hid_no_telephony"
    assert caught.value.params == {"pages": "0x0C"}
    assert "no telephony buttons" in str(caught.value)


@pytest.mark.parametrize(
    ("descriptor", "code"),
    [
        (b"", "hid_empty"),
        (bytes.fromhex("050b0905a101 8502 2501 75"), "hid_truncated"),
        (bytes.fromhex("050b c0"), "hid_unbalanced"),
        (bytes.fromhex("050b0905a101 0920 7501 9501 8102"), "hid_unclosed"),
        (bytes.fromhex("b4"), "hid_pop_empty"),
        (bytes.fromhex("050b0905a101 0920 7540 9501 8102 c0"), "hid_bad_size"),
    ],
)
def test_a_malformed_descriptor_gives_a_clear_code(descriptor: bytes, code: str) -> None:
    with pytest.raises(DescriptorError) as caught:
        parse_descriptor(descriptor)
    assert caught.value.code == code


def test_push_and_pop_restore_the_report_size() -> None:
    descriptor = bytes.fromhex("050b0905a101 7501 9501 a4 7508 0924 8102 b4 0920 8102 c0")
    parsed = parse_descriptor(descriptor)
    sizes = [(f.usages, f.bit_offset, f.size) for f in parsed.fields]
    assert sizes == [(((0x0B, 0x24),), 0, 8), (((0x0B, 0x20),), 8, 1)]
    assert parsed.report_bytes(Direction.INPUT, 0) == 2


def test_lights_for_a_ringing_call_go_to_the_ring_report_only_lit() -> None:
    reports = encode_lights(telephony_layout(BLACKWIRE), Lights(ring=True))
    assert reports == [bytes([0x09, 0]), bytes([0x17, 0]), bytes([0x18, 1])]


def test_lights_for_a_muted_call_on_hold_share_one_report() -> None:
    layout = telephony_layout(GIGASET)
    (report,) = encode_lights(layout, Lights(off_hook=True, mute=True, hold=True))
    # Off-Hook bit 0, Mute bit 1, Ring bit 2, Hold bit 3, Microphone bit 4 (mute), On-Line 5.
    assert report == bytes([2, 0b0001_1011, 0])
    (idle,) = encode_lights(layout, Lights())
    assert idle == bytes([2, 0, 0])


def test_a_device_without_lights_gets_no_report() -> None:
    assert encode_lights(telephony_layout(APPLE_REMOTE), Lights(off_hook=True)) == []
