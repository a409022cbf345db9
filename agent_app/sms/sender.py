"""Sends queued text messages through a gateway (the USB modem or the hospital's SMS platform),
at most once, and takes in what comes back.

The order of writes is the guarantee, the same for every gateway: the store says ``sending``
(committed) before the gateway gets the message, and ``sent`` with what the gateway answered
after. A crash in between leaves ``sending``, which ``start`` turns into ``unknown`` for a
person to decide. Only failures where nothing can have left (no prompt, ``+CMS ERROR``, the
port gone or the platform unreachable before the message was handed over) are retried, later
and with a growing wait; a platform's refusal fails the message with the platform's code.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from agent_app.config import SmsSettings
from agent_app.domain.phone_numbers import InvalidNumberError, normalize_number
from agent_app.sms.errors import (
    DeskRefusedError,
    NotSentError,
    OutcomeUnknownError,
    RefusedError,
)
from agent_app.sms.gateway import GatewayEvent, MessageReport, PartReport, Reply, SmsGateway
from agent_app.sms.quiet_hours import is_quiet
from agent_app.store.repositories import sms as store
from agent_app.store.repositories.patients import find_by_number
from agent_app.store.repositories.sms_replies import record_incoming, unsubscribe
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)

#: Replies that unsubscribe (compared without spaces or punctuation, letters upper-cased).
UNSUBSCRIBE_WORDS = frozenset({"TD", "T", "退订", "取消"})
_PUNCTUATION = " \t\r\n.,!?。，！？、；;：:\"'“”‘’()（）【】[]"
RATE_WINDOW = dt.timedelta(minutes=1)


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
    """Drives one gateway for one desk; call its methods from a single thread."""

    def __init__(
        self,
        engine: Engine,
        gateway: SmsGateway,
        settings: SmsSettings,
        staff_id: int,
        *,
        region: str = "CN",
        clock: Callable[[], dt.datetime] = utcnow,
        quiet: Callable[[dt.datetime], bool] = is_quiet,
    ) -> None:
        self.engine = engine
        self.gateway = gateway
        self.settings = settings
        self.staff_id = staff_id
        self.region = region
        self._clock = clock
        self._quiet = quiet
        self._zone = ZoneInfo(settings.zone)
        self.received: list[Received] = []

    def start(self) -> list[uuid.UUID]:
        """After a (re)start: messages a crash left ``sending`` become ``unknown`` (their ids),
        and what the gateway kept while the desk was away is taken in."""
        interrupted = store.mark_interrupted_unknown(self.engine, self.staff_id)
        if interrupted:
            log.warning(
                "%d text messages may or may not have left; marked unknown", len(interrupted)
            )
        self.handle(self.gateway.waiting())
        return interrupted

    def run_once(self, poll_seconds: float = 0.0) -> int:
        """Handle what the gateway reported, then send what is due; how many were sent."""
        self.receive(poll_seconds)
        return self.send_due()

    def receive(self, seconds: float = 0.0) -> None:
        """Take in the reports and replies that come within ``seconds``."""
        self.handle(self.gateway.poll(seconds))

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
            self.receive(0.0)
        return sent

    def _send_one(self, message: store.OutgoingSms, now: dt.datetime) -> bool:
        if store.is_blocked(self.engine, message.number_e164):
            store.mark_blocked(self.engine, message.id, self.staff_id)
            return False
        if not store.claim_for_sending(self.engine, message.id, self.staff_id, now):
            return False
        try:
            handed = self.gateway.send(message)
        except OutcomeUnknownError as error:
            store.mark_unknown(self.engine, message.id, error.refs, error.code, self.staff_id)
            if error.ends_round:
                raise  # the round ends: the owner reopens the gateway before sending more
            return False
        except RefusedError as error:
            store.mark_failed(self.engine, message.id, error.stored_code, self.staff_id)
            if error.ends_round:
                raise
            return False
        except DeskRefusedError as error:
            store.mark_retry(self.engine, message.id, error.code, now, self.staff_id, count=False)
            raise
        except NotSentError as error:
            if message.attempts + 1 >= self.settings.max_attempts:
                store.mark_failed(self.engine, message.id, error.code, self.staff_id)
            else:
                wait = self.settings.retry_seconds * 2**message.attempts
                later = now + dt.timedelta(seconds=wait)
                store.mark_retry(self.engine, message.id, error.code, later, self.staff_id)
            if error.ends_round:
                raise
            return False
        store.mark_sent(
            self.engine, message.id, handed.refs, self.staff_id, self._clock(), handed.platform_id
        )
        return True

    # Receiving ---------------------------------------------------------------------------
    def handle(self, events: Iterable[GatewayEvent]) -> None:
        """Store each report and reply, then let the gateway forget it."""
        for event in events:
            if isinstance(event, PartReport):
                found = store.record_report(
                    self.engine,
                    event.reference,
                    self._number(event.recipient),
                    event.delivered,
                    event.failed,
                    self._clock(),
                )
                if found is None:
                    log.info("status report for reference %d matches no message", event.reference)
            elif isinstance(event, MessageReport):
                at = event.at or self._clock()
                if not store.record_message_report(
                    self.engine, event.sms_id, event.delivered, event.failed, at
                ):
                    log.info("delivery state for %s matches no sent message", event.sms_id)
            else:
                self._receive(event)
            self.gateway.done(event)

    def _number(self, raw: str) -> str:
        try:
            return normalize_number(raw, self.region).e164
        except InvalidNumberError:
            return raw  # a short code or a name: kept as it came

    def _receive(self, reply: Reply) -> None:
        number = self._number(reply.sender)
        matches = find_by_number(self.engine, number)
        patient_id = matches[0].patient_id if matches else None
        now = reply.at or self._clock()
        sms_id = record_incoming(
            self.engine, number, reply.text, patient_id, now, reply.reply_id,
            receiver_id=self.staff_id,
        )  # fmt: skip
        if sms_id is None:
            return  # handed out again after a restart: stored the first time
        unsubscribed = is_unsubscribe(reply.text)
        if unsubscribed:
            unsubscribe(self.engine, number, self.staff_id, self._clock())
        self.received.append(Received(sms_id, patient_id, unsubscribed))
