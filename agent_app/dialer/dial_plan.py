"""What the desk may dial: the region's phone numbers and, when configured, internal extensions.

Every number an agent dials (typed in the call bar or a patient's Dial button) passes
``DialPlan.check`` first, so "138abc12" or "12345" never reaches a line. Refusals are
``DialNumberError`` with a code and its parameters; ui/ says them in the agent's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from agent_app.domain.coded_error import CodedError
from agent_app.domain.phone_numbers import InvalidNumberError, normalize_number

if TYPE_CHECKING:
    from agent_app.config import Settings

#: What may stand between the digits of a typed number.
_SEPARATORS = re.compile(r"[ \t\u00a0\u3000\-().]")
_DIGITS = re.compile(r"\+?[0-9]+")
_SIP_URI = re.compile(r"sips?:[^\s@]+@[^\s@]+", re.IGNORECASE)


class DialCode:
    EMPTY = "dial_empty"
    NOT_DIGITS = "dial_not_digits"
    INVALID = "dial_invalid"
    NO_SIP_ADDRESS = "dial_no_sip_address"


class DialNumberError(CodedError, ValueError):
    """The text is not something this desk may dial; ``code`` says why."""

    ENGLISH: ClassVar[dict[str, str]] = {
        DialCode.EMPTY: "Type a number to call.",
        DialCode.NOT_DIGITS: (
            '"{number}" is not a phone number: use digits only (spaces, dashes and '
            "brackets may separate them, and a + may start it)."
        ),
        DialCode.INVALID: "{number} is not a valid phone number in {region}, nor an extension.",
        DialCode.NO_SIP_ADDRESS: "Only a SIP line can call the address {number}.",
    }


@dataclass(frozen=True)
class DialPlan:
    """The desk's numbering rules (``region``: ISO country code of the desk, e.g. CN)."""

    region: str = "CN"
    pbx_prefixes: tuple[str, ...] = ()
    extension_pattern: str = ""  # a whole internal extension matches it; "" allows none
    allow_sip_uri: bool = False  # the line is SIP, so sip:user@host addresses are fine

    @classmethod
    def from_settings(cls, settings: Settings, *, sip_line: bool = False) -> DialPlan:
        prefixes = (settings.pbx_prefix,) if settings.pbx_prefix else ()
        return cls(settings.region, prefixes, settings.extension_pattern, sip_line)

    def check(self, text: str) -> str:
        """What to dial for ``text`` (separators removed), or DialNumberError saying why not.

        Letters or control characters inside a number are refused, never dropped: dropping
        them could leave the digits of someone else's phone.
        """
        typed = text.strip()
        if not typed:
            raise DialNumberError(DialCode.EMPTY)
        if typed.lower().startswith(("sip:", "sips:")):
            if self.allow_sip_uri and _SIP_URI.fullmatch(typed):
                return typed
            raise DialNumberError(DialCode.NO_SIP_ADDRESS, number=typed)
        digits = _SEPARATORS.sub("", typed)
        if not _DIGITS.fullmatch(digits):
            raise DialNumberError(DialCode.NOT_DIGITS, number=typed)
        if self.extension_pattern and re.fullmatch(self.extension_pattern, digits):
            return digits
        try:
            normalize_number(digits, self.region, self.pbx_prefixes)
        except InvalidNumberError:
            raise DialNumberError(DialCode.INVALID, number=typed, region=self.region) from None
        return digits
