"""Caller numbers in every form the lines deliver reduce to one key."""

from __future__ import annotations

import pytest

from agent_app.domain.phone_numbers import (
    CallerKind,
    InvalidNumberError,
    normalize_number,
    parse_caller,
)

MOBILE = "+8613812345678"
BEIJING = "+861088886666"


@pytest.mark.parametrize(
    ("raw", "e164", "extension"),
    [
        ("+8613812345678", MOBILE, ""),
        ("008613812345678", MOBILE, ""),
        ("13812345678", MOBILE, ""),
        ("138 1234 5678", MOBILE, ""),
        ("+86 138-1234-5678", MOBILE, ""),
        ("013812345678", MOBILE, ""),
        ("913812345678", MOBILE, ""),  # PBX outbound prefix 9
        ("010-88886666", BEIJING, ""),
        ("(010)88886666", BEIJING, ""),
        ("+86 10 8888 6666", BEIJING, ""),
        ("01088886666-123", BEIJING, "123"),
        ("010 88886666 ext 45", BEIJING, "45"),
        ("sip:+8613812345678@10.0.0.1;user=phone", MOBILE, ""),
        ('"王秀英" <sip:13812345678@pbx.local>', MOBILE, ""),
        ("tel:+86-10-8888-6666;ext=12", BEIJING, "12"),
        ("<sip:0086-138-1234-5678@gw;transport=udp>", MOBILE, ""),
    ],
)
def test_number_forms_reduce_to_the_same_key(raw: str, e164: str, extension: str) -> None:
    caller = parse_caller(raw, "CN", pbx_prefixes=("9",))
    assert caller.kind is CallerKind.NUMBER
    assert caller.number is not None
    assert caller.number.e164 == e164
    assert caller.number.extension == extension


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("anonymous", CallerKind.WITHHELD),
        ('"Anonymous" <sip:anonymous@anonymous.invalid>', CallerKind.WITHHELD),
        ("P", CallerKind.WITHHELD),
        ("O", CallerKind.UNAVAILABLE),
        ("", CallerKind.INVALID),
        (None, CallerKind.INVALID),
        ("12", CallerKind.INVALID),
        ("garbled\x00line", CallerKind.INVALID),
    ],
)
def test_withheld_unavailable_and_garbage_are_classified_not_raised(
    raw: str | None, kind: CallerKind
) -> None:
    assert parse_caller(raw).kind is kind


def test_display_name_is_kept_from_a_sip_uri() -> None:
    assert parse_caller('"王秀英" <sip:13812345678@pbx.local>').display_name == "王秀英"


def test_invalid_number_raises_a_readable_error() -> None:
    with pytest.raises(InvalidNumberError, match="not a valid phone number"):
        normalize_number("12345678901234")


@pytest.mark.parametrize(
    "raw",
    ["1381234x5678", "138\x0012345678", "138\ufffd12345678", "13812345678\xff", "sip:10.0.0.1"],
)
def test_noise_inside_a_number_makes_it_invalid_rather_than_dropped(raw: str) -> None:
    caller = parse_caller(raw)
    assert caller.kind is CallerKind.INVALID and caller.number is None
