"""PDU encoding and decoding (3GPP TS 23.040), through python-gsmmodem-new's codec.

Only ``gsmmodem.pdu`` is used: it encodes SMS-SUBMIT in GSM 7-bit or UCS2 with concatenation
headers, and decodes SMS-DELIVER and SMS-STATUS-REPORT with their user data headers. Its
``GsmModem`` class runs its own reader thread on the port, which the desk's serial handling
(one owner per port, AT sequences under our control) does not want. smspdudecoder decodes but
does not encode, so one library serves both ways.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gsmmodem import pdu as codec

#: UCS2 text longer than this goes in concatenated parts of at most 67 characters.
UCS2_SINGLE = 70
#: TP-Status values below this mean the message reached the phone (23.040 9.2.3.15).
_COMPLETED_BELOW = 0x20
#: From here on the service centre gave up for good.
_PERMANENT_FROM = 0x40


@dataclass(frozen=True)
class SubmitPart:
    """One SMS-SUBMIT, ready for ``AT+CMGS=<tpdu_length>`` (no service centre octets)."""

    pdu_hex: str
    tpdu_length: int


@dataclass(frozen=True)
class Concatenation:
    """The concatenation header of one part: the sender's reference, how many, which one."""

    reference: int
    total: int
    number: int


@dataclass(frozen=True)
class IncomingPart:
    """A decoded SMS-DELIVER (one part of a message)."""

    sender: str
    text: str
    sent_at: dt.datetime | None
    concatenation: Concatenation | None


@dataclass(frozen=True)
class StatusReport:
    """A decoded SMS-STATUS-REPORT: what became of the part sent with ``reference``."""

    reference: int
    recipient: str
    status: int

    @property
    def delivered(self) -> bool:
        return self.status < _COMPLETED_BELOW

    @property
    def failed(self) -> bool:
        return self.status >= _PERMANENT_FROM


class PduError(ValueError):
    """A PDU the codec cannot read, or of a kind the desk does not expect."""


def encode_message(
    number_e164: str, text: str, reference: int, *, status_report: bool = True
) -> list[SubmitPart]:
    """The SMS-SUBMIT parts of ``text``; more than one when it does not fit one message.

    ``reference`` (0–255) ties the parts together on the phone; the modem assigns each part's
    own message reference when it sends it."""
    parts = codec.encodeSmsSubmitPdu(
        number_e164, text, reference=reference % 256, requestStatusReport=status_report
    )
    return [SubmitPart(bytes(p.data).hex().upper(), int(p.tpduLength)) for p in parts]


def decode_pdu(pdu_hex: str) -> IncomingPart | StatusReport:
    """Decode a PDU as the modem gives it (with the service centre octets)."""
    try:
        fields = codec.decodeSmsPdu(pdu_hex.strip())
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise PduError(f"unreadable PDU: {exc}") from exc
    kind = fields.get("type")
    if kind == "SMS-STATUS-REPORT":
        return StatusReport(int(fields["reference"]), str(fields["number"]), int(fields["status"]))
    if kind != "SMS-DELIVER":
        raise PduError(f"unexpected PDU type {kind}")
    concatenation = None
    for header in fields.get("udh") or ():
        if isinstance(header, codec.Concatenation):
            concatenation = Concatenation(header.reference, header.parts, header.number)
    return IncomingPart(
        sender=str(fields["number"]),
        text=str(fields.get("text") or ""),
        sent_at=fields.get("time"),
        concatenation=concatenation,
    )
