"""The USB modem behind the gateway seam: long messages go as concatenated PDU parts, each
answered with a ``+CMGS`` reference; status reports and stored replies come back as events.

A reply's parts stay in the modem's memory until the sender has stored the whole message
(``done`` deletes their slots), so a desk that stops half way finds them again at its next
start.
"""

from __future__ import annotations

import logging
import random
from typing import Protocol

from agent_app.sms.errors import NotSentError, OutcomeUnknownError
from agent_app.sms.gateway import GatewayEvent, Handed, PartReport, Reply
from agent_app.sms.gsm_modem import ModemEvent, ReportPdu, StoredMessage
from agent_app.sms.pdu import (
    IncomingPart,
    PduError,
    StatusReport,
    SubmitPart,
    decode_pdu,
    encode_message,
)
from agent_app.sms.reassembly import Reassembler
from agent_app.store.repositories.sms import OutgoingSms

log = logging.getLogger(__name__)


class SmsModem(Protocol):
    """What the gateway needs of a modem (``GsmModem`` has it)."""

    def open(self) -> None: ...

    def close(self) -> None: ...

    def send_part(self, part: SubmitPart) -> int: ...

    def poll(self, seconds: float = 0.0) -> list[ModemEvent]: ...

    def read_slot(self, slot: int) -> str: ...

    def delete_slot(self, slot: int) -> None: ...

    def list_stored(self) -> list[tuple[int, str]]: ...


class ModemGateway:
    """``SmsGateway`` over one modem; every method from one thread."""

    def __init__(self, modem: SmsModem) -> None:
        self.modem = modem
        self._reassembler = Reassembler()
        self._concat_reference = random.randrange(256)  # ties a long message's parts together

    def open(self) -> None:
        self.modem.open()

    def close(self) -> None:
        self.modem.close()

    def send(self, message: OutgoingSms) -> Handed:
        """Send the parts in turn. A failure after a first part left is ``sms_partly_sent``
        (unknown): sending again would repeat the parts that did go."""
        self._concat_reference = (self._concat_reference + 1) % 256
        parts = encode_message(message.number_e164, message.body, self._concat_reference)
        refs: list[int] = []
        try:
            for part in parts:
                refs.append(self.modem.send_part(part))
        except OutcomeUnknownError as error:
            raise OutcomeUnknownError(
                error.code, refs=refs, ends_round=error.ends_round, **error.params
            ) from error
        except NotSentError as error:
            if refs:
                raise OutcomeUnknownError(
                    "sms_partly_sent", refs=refs, ends_round=error.ends_round, reason=error
                ) from error
            raise
        return Handed(refs)

    def waiting(self) -> list[GatewayEvent]:
        """The messages and reports the modem stored while the desk was away."""
        events: list[GatewayEvent] = []
        for slot, pdu_hex in self.modem.list_stored():
            events.extend(self._stored(slot, pdu_hex))
        return events

    def poll(self, seconds: float = 0.0) -> list[GatewayEvent]:
        return self.events_of(self.modem.poll(seconds))

    def events_of(self, modem_events: list[ModemEvent]) -> list[GatewayEvent]:
        """Status reports passed on at once, and stored messages read from their slots."""
        events: list[GatewayEvent] = []
        for event in modem_events:
            if isinstance(event, ReportPdu):
                decoded = _decode(event.pdu_hex)
                if isinstance(decoded, StatusReport):
                    events.append(_report(decoded))
            elif isinstance(event, StoredMessage):
                events.extend(self._stored(event.slot, self.modem.read_slot(event.slot)))
        return events

    def done(self, event: GatewayEvent) -> None:
        for slot in event.ack:
            self.modem.delete_slot(int(slot))

    def _stored(self, slot: int, pdu_hex: str) -> list[GatewayEvent]:
        decoded = _decode(pdu_hex)
        if isinstance(decoded, StatusReport):
            return [_report(decoded, (str(slot),))]
        if decoded is None:
            self.modem.delete_slot(slot)  # unreadable: nothing to keep it for
            return []
        whole = self._reassembler.add(slot, decoded)
        if whole is None:
            return []  # the other parts are still to come; this one stays in the modem
        return [Reply(whole.sender, whole.text, ack=tuple(str(s) for s in whole.slots))]


def _decode(pdu_hex: str) -> IncomingPart | StatusReport | None:
    try:
        return decode_pdu(pdu_hex)
    except PduError as error:
        log.warning("unreadable message from the modem: %s", error)
        return None


def _report(report: StatusReport, ack: tuple[str, ...] = ()) -> PartReport:
    return PartReport(report.reference, report.recipient, report.delivered, report.failed, ack)
