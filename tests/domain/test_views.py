"""What the desk may show or log of a patient's numbers."""

from __future__ import annotations

import pytest

from agent_app.domain.views import mask_id_number, mask_phone_number


@pytest.mark.parametrize(
    ("given", "logged"),
    [
        ("13812345678", "*******5678"),
        ("+86 138-1234-5678", "+** ***-****-5678"),
        ("ATD913812345678;", "ATD********5678;"),
        ("sip:13812345678", "sip:*******5678"),
        ("1234", "1234"),
        ("", ""),
    ],
)
def test_a_masked_phone_number_keeps_only_its_last_four_digits(given: str, logged: str) -> None:
    assert mask_phone_number(given) == logged


def test_a_masked_id_number_keeps_the_region_and_the_last_four() -> None:
    assert mask_id_number("110105195103021234") == "110105********1234"
