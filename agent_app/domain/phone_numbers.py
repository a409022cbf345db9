"""Turn any caller number the lines deliver into one canonical key.

Contacts are stored under the same key (E.164, e.g. ``+8613812345678``) so that finding the
patient behind a ringing line is a single indexed lookup.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

import phonenumbers

WITHHELD_WORDS = frozenset({"anonymous", "restricted", "private", "withheld", "p", "unknown"})
UNAVAILABLE_WORDS = frozenset({"o", "unavailable", "out-of-area", "out of area"})

_EXTENSION = re.compile(r"(?:;ext=|\s*(?:ext\.?|x|#|转|-\s*(?=\d{1,5}$)))\s*(\d{1,6})$", re.I)
_NOT_DIALABLE = re.compile(r"[^\d+]")
#: What may stand between the digits of a written number; anything else (letters, control
#: bytes, line noise) makes the text no number at all, rather than being dropped.
_SEPARATORS = re.compile(r"[ \t\u00a0\u3000\-().]")
_DIGITS = re.compile(r"\+?[0-9]+")


_MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


class InvalidNumberError(ValueError):
    """The text is not a phone number that can be dialled or matched."""


class CallerKind(enum.StrEnum):
    NUMBER = "number"
    WITHHELD = "withheld"
    UNAVAILABLE = "unavailable"
    INVALID = "invalid"


@dataclass(frozen=True)
class NormalizedNumber:
    e164: str
    national: str
    extension: str = ""
    mobile: bool = False  # a mobile line by the numbering plan (else landline or unknown)


@dataclass(frozen=True)
class CallerId:
    kind: CallerKind
    raw: str
    number: NormalizedNumber | None = None
    display_name: str = ""


def sip_user_part(uri: str) -> tuple[str, str]:
    """Split ``"Name" <sip:user;params@host>`` into (display name, user part)."""
    text = uri.strip()
    display = ""
    if "<" in text and ">" in text:
        display = text[: text.index("<")].strip().strip('"')
        text = text[text.index("<") + 1 : text.index(">")]
    lowered = text.lower()
    used = ""
    for scheme in ("sips:", "sip:", "tel:"):
        if lowered.startswith(scheme):
            text, used = text[len(scheme) :], scheme
            break
    ext = ""
    if "@" in text:
        text = text.split("@", 1)[0]
    elif used in ("sip:", "sips:"):
        return display, ""  # sip:host has no user part: the host is no caller number
    if ";" in text:
        text, params = text.split(";", 1)
        match = re.search(r"ext=(\d+)", params)
        if match:
            ext = match.group(1)
    return display, text + (f";ext={ext}" if ext else "")


def normalize_number(
    raw: str, region: str = "CN", pbx_prefixes: tuple[str, ...] = ()
) -> NormalizedNumber:
    """Normalize a dialable number; raise InvalidNumberError when it is not one."""
    text = raw.strip()
    # Try the whole text first, so "+86 138-1234-5678" is not read as an extension "-5678".
    attempts = [(text, "")]
    match = _EXTENSION.search(text)
    if match and len(_NOT_DIALABLE.sub("", text[: match.start()])) >= 7:
        attempts.append((text[: match.start()], match.group(1)))
    for body, extension in attempts:
        digits = _SEPARATORS.sub("", body)
        if not _DIGITS.fullmatch(digits):
            continue  # "138abc12" is not 13812 with noise removed; it is not a number
        if len(digits.lstrip("+")) < 3:
            break
        for candidate in _candidates(digits, pbx_prefixes):
            parsed = _parse(candidate, region)
            if parsed is not None:
                return NormalizedNumber(
                    e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                    national=str(parsed.national_number),
                    extension=extension or (parsed.extension or ""),
                    mobile=phonenumbers.number_type(parsed) in _MOBILE_TYPES,
                )
    raise InvalidNumberError(f"'{raw}' is not a valid phone number for region {region}.")


def _candidates(digits: str, pbx_prefixes: tuple[str, ...]) -> list[str]:
    candidates = [digits]
    for prefix in pbx_prefixes:
        if prefix and digits.startswith(prefix) and len(digits) > len(prefix) + 2:
            candidates.append(digits[len(prefix) :])
    # Some exchanges present mobiles with a national trunk 0 in front (013812345678).
    candidates += [c[1:] for c in list(candidates) if c.startswith("01") and len(c) == 12]
    return candidates


def _parse(candidate: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def parse_caller(
    raw: str | None, region: str = "CN", pbx_prefixes: tuple[str, ...] = ()
) -> CallerId:
    """Classify what a line reported as the caller; never raises."""
    text = (raw or "").strip()
    display = ""
    if any(mark in text for mark in ("sip:", "sips:", "tel:", "<")):
        display, text = sip_user_part(text)
    word = text.strip().lower()
    if word in WITHHELD_WORDS:
        return CallerId(CallerKind.WITHHELD, raw or "", display_name=display)
    if word in UNAVAILABLE_WORDS or not word:
        kind = CallerKind.UNAVAILABLE if word else CallerKind.INVALID
        return CallerId(kind, raw or "", display_name=display)
    try:
        number = normalize_number(text.replace(";ext=", " ext "), region, pbx_prefixes)
    except InvalidNumberError:
        return CallerId(CallerKind.INVALID, raw or "", display_name=display)
    return CallerId(CallerKind.NUMBER, raw or "", number, display_name=display)
