"""What a V.253 voice modem says, parsed without a port or a thread.

Result codes, caller ID (formatted ``NMBR = …`` lines and raw ``MESG = <hex>`` packets) and the
DLE-shielded byte stream of voice receive mode are all decoded here, so every rule can be
checked from bytes alone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

DLE = 0x10
ETX = 0x03

#: Lines that end an AT command (or a dial attempt); anything else is unsolicited.
FINAL_RESULTS = frozenset(
    {
        "OK",
        "ERROR",
        "CONNECT",
        "VCON",
        "NO CARRIER",
        "BUSY",
        "NO ANSWER",
        "NO DIALTONE",
        "NO DIAL TONE",
    }
)

#: DLE codes that carry a keypad press heard on the line.
DTMF_CODES = frozenset("0123456789*#ABCD")
#: DLE codes after which nobody is on the line any more: busy tone, dial tone, loop current
#: interruption (V.253 table 14).
HANGUP_CODES = frozenset("bdl")

_CID_LINE = re.compile(r"^(DATE|TIME|NMBR|NAME|MESG|DDN_NMBR)\s*[=:]\s*(.*)$", re.IGNORECASE)

# Caller ID message and parameter types (ETSI EN 300 659-3, Bellcore GR-30).
_MDMF = 0x80
_SDMF = 0x04
_P_NUMBER = 0x02
_P_DIALABLE = 0x03
_P_NUMBER_ABSENT = 0x04
_P_NAME = 0x07
_P_NAME_ABSENT = 0x08
_KNOWN_PARAMS = frozenset({_P_NUMBER, _P_DIALABLE, _P_NUMBER_ABSENT, _P_NAME, _P_NAME_ABSENT})


#: A caller ID number as the exchange sends it: digits only (a "+" in front at most).
_CID_NUMBER = re.compile(r"\+?[0-9]{1,32}")


@dataclass
class CallerId:
    """Who is calling, gathered from the lines a modem sends between the first two rings."""

    number: str = ""
    name: str = ""
    withheld: bool = False  # "P": the caller hid the number
    unavailable: bool = False  # "O": out of area, the network has no number to give
    invalid: bool = False  # something arrived that is not a number (line noise)
    number_known: bool = False  # a number, or the reason it is missing, has arrived
    name_known: bool = False

    @property
    def complete(self) -> bool:
        """True once nothing more is expected; a number-only block needs a timer instead."""
        return self.number_known and self.name_known

    def set_number(self, value: str) -> None:
        """Take ``NMBR``; ``P`` means withheld by the caller, ``O`` out of area (unavailable).

        Anything but digits is line noise (a NUL, a 0xFF, a letter inside the number): the
        call then has no number at all. Dropping the noise could leave the digits of another
        patient's phone, so nothing is guessed, and the noise is logged without the digits.
        """
        value = value.strip()
        self.withheld = self.unavailable = self.invalid = False
        if value.upper() in {"P", "O"}:
            self.withheld = value.upper() == "P"
            self.unavailable = value.upper() == "O"
            value = ""
        elif not _CID_NUMBER.fullmatch(value):
            noise = sum(1 for ch in value if not ch.isascii() or not ch.isdigit())
            log.warning(
                "Caller ID number is not readable (%d characters, %d of them not digits); "
                "the call is shown without a number.",
                len(value),
                noise,
            )
            self.invalid = True
            value = ""
        self.number = value
        self.number_known = True

    def set_name(self, value: str) -> None:
        """Take ``NAME``; ``P`` and ``O`` are reasons for a missing name, not names."""
        value = value.strip()
        self.name = "" if value.upper() in {"P", "O"} else value
        self.name_known = True


def caller_id_line(line: str) -> tuple[str, str] | None:
    """Split a caller ID line into (tag, value), e.g. ("NMBR", "13812345678"); else None."""
    match = _CID_LINE.match(line.strip())
    return (match.group(1).upper(), match.group(2).strip()) if match else None


def absorb_caller_id(cid: CallerId, tag: str, value: str) -> bool:
    """Add one caller ID line to ``cid``; DATE and TIME are accepted and not kept.

    Returns False for a ``MESG`` packet that cannot be decoded (logged, ``cid`` unchanged).
    """
    if tag in {"NMBR", "DDN_NMBR"}:
        cid.set_number(value)
    elif tag == "NAME":
        cid.set_name(value)
    elif tag == "MESG" and not absorb_mesg(cid, value):
        log.warning("Ignored a caller ID message that could not be decoded.")
        return False
    return True


def absorb_mesg(cid: CallerId, hex_text: str) -> bool:
    """Add an unformatted caller ID packet (MDMF or SDMF, as hex) to ``cid``.

    Accepts a whole packet (type, length, body, optional checksum) or a bare list of MDMF
    parameters, which is what some modems print for parameters they do not format themselves.
    Returns False (and changes nothing) when the hex or the checksum is wrong.
    """
    try:
        packet = bytes.fromhex(re.sub(r"\s+", "", hex_text))
    except ValueError:
        return False
    whole = _whole_packet(packet)
    if whole is not None:
        _apply_params(cid, whole)
        cid.number_known = cid.name_known = True
        return True
    params = _mdmf_params(packet)
    if not params or not any(kind in _KNOWN_PARAMS for kind, _ in params):
        return False
    _apply_params(cid, params)
    return True


def _whole_packet(packet: bytes) -> list[tuple[int, str]] | None:
    """The parameters of ``packet`` if it is a complete SDMF or MDMF message, else None."""
    if len(packet) < 2 or packet[0] not in {_MDMF, _SDMF}:
        return None
    size = packet[1]
    if len(packet) not in {size + 2, size + 3}:
        return None
    if len(packet) == size + 3 and sum(packet) & 0xFF:
        return None  # checksum wrong: a line hit, and no number beats a wrong one
    body = packet[2 : 2 + size]
    if packet[0] == _SDMF:
        # SDMF: eight digits of date and time, then the number or P / O.
        if len(body) < 8:
            return None
        return [(_P_NUMBER, body[8:].decode("ascii", "replace"))]
    return _mdmf_params(body)


def _mdmf_params(body: bytes) -> list[tuple[int, str]] | None:
    params: list[tuple[int, str]] = []
    pos = 0
    while pos < len(body):
        if pos + 2 > len(body) or pos + 2 + body[pos + 1] > len(body):
            return None
        kind, size = body[pos], body[pos + 1]
        params.append((kind, body[pos + 2 : pos + 2 + size].decode("ascii", "replace")))
        pos += 2 + size
    return params


def _apply_params(cid: CallerId, params: list[tuple[int, str]]) -> None:
    for kind, value in params:
        if kind in {_P_NUMBER, _P_DIALABLE}:
            cid.set_number(value)
        elif kind == _P_NUMBER_ABSENT:
            cid.set_number(value[:1] or "O")
        elif kind == _P_NAME:
            cid.set_name(value)
        elif kind == _P_NAME_ABSENT:
            cid.set_name("")


class DleDecoder:
    """Undoes DLE shielding of voice receive data, across chunk boundaries.

    ``DLE DLE`` is one literal 0x10 sample, ``DLE ETX`` ends the stream and any other
    ``DLE x`` is an event code (DTMF digit, busy tone, silence...).
    """

    def __init__(self) -> None:
        self._after_dle = False

    def feed(self, data: bytes) -> tuple[bytes, list[str], bytes | None]:
        """Return (audio bytes, event codes, bytes after DLE ETX or None while streaming)."""
        audio = bytearray()
        codes: list[str] = []
        pos = 0
        while pos < len(data):
            if self._after_dle:
                self._after_dle = False
                code = data[pos]
                pos += 1
                if code == DLE:
                    audio.append(DLE)
                elif code == ETX:
                    return bytes(audio), codes, data[pos:]
                else:
                    codes.append(chr(code))
                continue
            found = data.find(DLE, pos)
            if found < 0:
                audio += data[pos:]
                break
            audio += data[pos:found]
            self._after_dle = True
            pos = found + 1
        return bytes(audio), codes, None


def unsigned8_to_pcm16(data: bytes) -> bytes:
    """8-bit unsigned linear samples (AT+VSM=1) as 16-bit signed little-endian PCM."""
    samples = (np.frombuffer(data, dtype=np.uint8).astype(np.int16) - 128) * 256
    return samples.astype("<i2").tobytes()
