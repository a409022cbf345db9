"""What the desk may dial: the region's valid numbers and configured extensions, nothing else."""

from __future__ import annotations

import pytest

from agent_app.config import Settings
from agent_app.dialer.dial_plan import DialCode, DialNumberError, DialPlan


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("138abc12", DialCode.NOT_DIGITS),
        ("1381234x5678", DialCode.NOT_DIGITS),  # not 13812345678 with the x dropped
        ("138\x0012345678", DialCode.NOT_DIGITS),
        ("１３８１２３４５６７８", DialCode.NOT_DIGITS),  # full-width digits are not dialled
        ("12345", DialCode.INVALID),
        ("1381234567", DialCode.INVALID),  # one digit short of a mobile
        ("  ", DialCode.EMPTY),
        ("sip:peer@10.0.0.1", DialCode.NO_SIP_ADDRESS),
    ],
)
def test_what_is_not_a_number_of_the_region_is_refused_with_a_code(typed: str, code: str) -> None:
    with pytest.raises(DialNumberError) as refused:
        DialPlan(region="CN").check(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "+8613812345678"),
        ("(010)88886666", "01088886666"),
    ],
)
def test_valid_numbers_are_dialled_without_separators(typed: str, dialled: str) -> None:
    assert DialPlan(region="CN").check(typed) == dialled


def test_extensions_are_dialled_only_when_the_desk_allows_them() -> None:
    with pytest.raises(DialNumberError):
        DialPlan().check("8123")
    plan = DialPlan(extension_pattern="8[0-9]{3}")
    assert plan.check("8123") == "8123"
    with pytest.raises(DialNumberError) as refused:
        plan.check("12345")  # a five-digit extension is not one of this site's
    assert refused.value.code == DialCode.INVALID
    assert refused.value.params == {"number": "12345", "region": "CN"}


def test_region_and_extensions_come_from_the_settings() -> None:
    plan = DialPlan.from_settings(
        Settings(region="GB", extension_pattern="[0-9]{4}", pbx_prefix="9"), sip_line=True
    )
    assert plan.check("020 7946 0958") == "02079460958"
    assert plan.check("2001") == "2001"
    assert plan.check("sip:peer@10.0.0.1") == "sip:peer@10.0.0.1"
    with pytest.raises(DialNumberError):
        plan.check("13812345678")  # a Chinese mobile without +86 is no UK number
