"""Sends queued text messages through the modem, at most once, and takes in what comes back.

The order of writes is the guarantee: the store says ``sending`` (committed) before the first
part goes to the modem, and ``sent`` with the parts' references after the last ``+CMGS``. A
crash in between leaves ``sending``, which ``start`` turns into ``unknown`` for a person to
decide. Only failures where the modem cannot have sent anything (no prompt, ``+CMS ERROR``, the
port gone before the PDU was written) are retried, later and with a growing wait.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from agent_app.config import SmsSettings
from agent_app.screenpop.normalize import InvalidNumberError, normalize_number
from agent_app.sms.errors import NotSentError, OutcomeUnknownError
from agent_app.sms.gsm_modem import ModemEvent, ReportPdu, StoredMessage
from agent_app.sms.pdu import (
    IncomingPart,
    PduError,
    StatusReport,
    SubmitPart,
    decode_pdu,
    encode_message,
)
from agent_app.sms.quiet_hours import is_quiet
from agent_app.sms.reassembly import Reassembler, WholeMessage
from agent_app.store.repositories import sms as store
from agent_app.store.repositories.patients import find_by_number
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)

#: Replies that unsubscribe (compared without spaces or punctuation, letters upper-cased).
UNSUBSCRIBE_WORDS = frozenset({"TD", "T", "退订", "取消"})
_PUNCTUATION = " \t\r\n.,!?。，！？、；;：:\"'“”‘’()（）【】[]"
RATE_WINDOW = dt.timedelta(minutes=1)


class SmsModem(Protocol):
    """What the sender needs of a modem (``GsmModem`` has it)."""

    def send_part(self, part: SubmitPart) -> int: ...

    def poll(self, seconds: float = 0.0) -> list[ModemEvent]: ...

    def read_slot(self, slot: int) -> str: ...

    def delete_slot(self, slot: int) -> None: ...

    def list_stored(self) -> list[tuple[int, str]]: ...


@dataclass(frozen=True)
class Received:
    """A reply stored in the desk's store."""

    sms_id: uuid.UUID
    patient_id: int | None
    unsubscribed: bool


def is_unsubscribe(text: str) -> bool:
    """True for a reply that asks for no more text messages (TD, 退订, T, 取消)."""
    return text.strip(_PUNCTUATION).replace(" ", "").upper() in UNSUBSCRIBE_WORDS


class SmsSender:
    """Drives one modem for one desk; call its methods from a single thread."""

    def __init__(
        self,
        engine: Engine,
        modem: SmsModem,
        settings: SmsSettings,
        staff_id: int,
        *,
        region: str = "CN",
        clock: Callable[[], dt.datetime] = utcnow,
        quiet: Callable[[dt.datetime], bool] = is_quiet,
    ) -> None:
        self.engine = engine
        self.modem = modem
        self.settings = settings
        self.staff_id = staff_id
        self.region = region
        self._clock = clock
        self._quiet = quiet
        self._zone = ZoneInfo(settings.zone)
        self._reassembler = Reassembler()
        self._concat_reference = random.randrange(256)  # ties a long message's parts together
        self.received: list[Received] = []

    def start(self) -> list[uuid.UUID]:
        """After a (re)start: messages a crash left ``sending`` become ``unknown`` (their ids),
        and messages the modem stored while the desk was away are taken in."""
        interrupted = store.mark_interrupted_unknown(self.engine, self.staff_id)
        if interrupted:
            log.warning(
                "%d text messages may or may not have left; marked unknown", len(interrupted)
            )
        for slot, pdu_hex in self.modem.list_stored():
            self._take_stored(slot, pdu_hex)
        return interrupted

    def run_once(self, poll_seconds: float = 0.0) -> int:
        """Handle what the modem reported, then send what is due; how many were sent."""
        self.handle(self.modem.poll(poll_seconds))
        return self.send_due()

    # Sending -----------------------------------------------------------------------------
    def send_due(self) -> int:
        """Send the queued messages whose time has come, within quiet hours and the rate."""
        now = self._clock()
        if self._quiet(now.astimezone(self._zone)):
            return 0
        budget = self.settings.per_minute - store.sent_since(self.engine, now - RATE_WINDOW)
        if budget <= 0:
            return 0
        sent = 0
        for message in store.due_messages(self.engine, now, budget):
            if self._send_one(message, now):
                sent += 1
            # Reports and replies between messages: a reference is reused after 256 parts,
            # so a report is matched best while its message is among the newest.
            self.handle(self.modem.poll(0.0))
        return sent

    def _send_one(self, message: store.OutgoingSms, now: dt.datetime) -> bool:
        if store.is_blocked(self.engine, message.number_e164):
            store.mark_blocked(self.engine, message.id, self.staff_id)
            return False
        if not store.claim_for_sending(self.engine, message.id, self.staff_id, now):
            return False
        self._concat_reference = (self._concat_reference + 1) % 256
        parts = encode_message(message.number_e164, message.body, self._concat_reference)
        refs: list[int] = []
        try:
            for part in parts:
                refs.append(self.modem.send_part(part))
        except OutcomeUnknownError as error:
            store.mark_unknown(self.engine, message.id, refs, error.code, self.staff_id)
            if error.code == "sms_port_lost":
                raise  # the round ends: the owner reopens the port before sending more
            return False
        except NotSentError as error:
            if refs:  # earlier parts left: sending again would repeat them
                store.mark_unknown(self.engine, message.id, refs, "sms_partly_sent", self.staff_id)
            elif message.attempts + 1 >= self.settings.max_attempts:
                store.mark_failed(self.engine, message.id, error.code, self.staff_id)
            else:
                wait = self.settings.retry_seconds * 2**message.attempts
                later = now + dt.timedelta(seconds=wait)
                store.mark_retry(self.engine, message.id, error.code, later, self.staff_id)
            if error.code == "sms_port_lost":
                raise
            return False
        store.mark_sent(self.engine, message.id, refs, self.staff_id, self._clock())
        return True

    # Receiving ---------------------------------------------------------------------------
    def handle(self, events: Iterable[ModemEvent]) -> None:
        """Apply status reports and take in stored messages the modem announced."""
        for event in events:
            if isinstance(event, ReportPdu):
                self._apply(event.pdu_hex)
            elif isinstance(event, StoredMessage):
                self._take_stored(event.slot, self.modem.read_slot(event.slot))

    def _apply(self, pdu_hex: str) -> IncomingPart | None:
        try:
            decoded = decode_pdu(pdu_hex)
        except PduError as error:
            log.warning("unreadable message from the modem: %s", error)
            return None
        if isinstance(decoded, StatusReport):
            found = store.record_report(
                self.engine,
                decoded.reference,
                self._number(decoded.recipient),
                decoded.delivered,
                decoded.failed,
                self._clock(),
            )
            if found is None:
                log.info("status report for reference %d matches no message", decoded.reference)
            return None
        return decoded

    def _take_stored(self, slot: int, pdu_hex: str) -> None:
        part = self._apply(pdu_hex)
        if part is None:
            self.modem.delete_slot(slot)  # a report, or unreadable: nothing to keep it for
            return
        whole = self._reassembler.add(slot, part)
        if whole is None:
            return  # the other parts are still to come; this one stays in the modem
        self.received.append(self._receive(whole))
        for stored in whole.slots:
            self.modem.delete_slot(stored)

    def _number(self, raw: str) -> str:
        try:
            return normalize_number(raw, self.region).e164
        except InvalidNumberError:
            return raw  # a short code or a name: kept as it came

    def _receive(self, whole: WholeMessage) -> Received:
        number = self._number(whole.sender)
        matches = find_by_number(self.engine, number)
        patient_id = matches[0].patient_id if matches else None
        now = self._clock()
        sms_id = store.record_incoming(self.engine, number, whole.text, patient_id, now)
        unsubscribed = is_unsubscribe(whole.text)
        if unsubscribed:
            store.unsubscribe(self.engine, number, self.staff_id, now)
        return Received(sms_id, patient_id, unsubscribed)
