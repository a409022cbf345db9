"""The hospital's SMS platform over HTTP(S), behind the gateway seam.

Sending: ``POST [sms.http] url`` with a UTF-8 JSON body (field names from ``[sms.http]``)::

    {"account": "<account>", "to": "+8613...", "text": "<whole message>",
     "request_id": "<the message's uuid>"}

``request_id`` is the idempotency key: the platform drops a second request with the same key,
so the retries below can never make a phone get a message twice. Every request carries three
headers: ``X-Timestamp`` (seconds since 1970, UTC), ``X-Nonce`` (32 hex digits, new for each
request) and ``X-Signature``, the lower-case hex HMAC-SHA256, keyed with the signing key, of
the canonical string

    <timestamp> "\\n" <nonce> "\\n" <the body, byte for byte as sent>

The signing key is read from the OS keyring (service ``agent-app``, entry
``sms-platform:<account>``), never from the settings file, and is never logged.

What the answer means:

- 2xx: taken; ``{"id": "<platform id>"}`` is kept in the audit.
- 408, 429, 5xx, or no connection at all (refused, DNS, connect timeout, a certificate that
  does not verify): not taken, tried again later with a growing wait.
- 401 or 403, e.g. ``{"code": "SIGNATURE_MISMATCH"}``: the platform refuses the desk (its key
  or account), not the message: it stays queued, its try not counted, and sending stops
  until the next round.
- other 4xx, e.g. 400 ``{"code": "BAD_NUMBER"}``: refused; the message is failed with the
  platform's ``code``.
- a connection that drops or times out once the request was written: the message may have
  been taken, so it is ``unknown`` and never sent again without a person deciding.

Delivery states and replies are pulled: ``POST [sms.http] poll_url`` (signed the same way)
with ``{"account": ..., "ack": [<ids handled since the last pull>]}`` answers::

    {"reports": [{"id": "<request_id>", "state": "delivered" | "failed" | ..., "at": "<ISO>"}],
     "replies": [{"id": "<platform id>", "from": "+8613...", "text": "退订", "at": "<ISO>"}]}

The platform hands an entry out until an ``ack`` names it. A reply is stored under an id made
from the platform's, so one handed out again after a crash is stored once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.client
import json
import logging
import secrets
import ssl
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

from agent_app.config import SmsHttpSettings
from agent_app.credentials import remembered_password, sms_platform_key_entry
from agent_app.dialer.modem_link import reason_of
from agent_app.sms.errors import (
    DeskRefusedError,
    NotSentError,
    OutcomeUnknownError,
    RefusedError,
    SmsModemError,
)
from agent_app.sms.gateway import GatewayEvent, Handed, MessageReport, Reply
from agent_app.store.repositories.sms import OutgoingSms

log = logging.getLogger(__name__)

DELIVERED_STATES = frozenset({"delivered", "success"})
FAILED_STATES = frozenset({"failed", "undelivered", "rejected", "expired"})
#: 4xx answers that mean "not now" rather than "never".
_TRY_AGAIN = frozenset({408, 429})
#: Refusals that every following message would get too (a wrong key or account).
_REFUSES_ALL = frozenset({401, 403})


def canonical_string(timestamp: str, nonce: str, body: bytes) -> bytes:
    """What is signed: timestamp, nonce and body, joined by newlines."""
    return timestamp.encode("ascii") + b"\n" + nonce.encode("ascii") + b"\n" + body


def signature(key: bytes, timestamp: str, nonce: str, body: bytes) -> str:
    """Lower-case hex HMAC-SHA256 of the canonical string."""
    return hmac.new(key, canonical_string(timestamp, nonce, body), hashlib.sha256).hexdigest()


class HttpPlatform:
    """``SmsGateway`` over the hospital's SMS platform; every method from one thread."""

    def __init__(self, settings: SmsHttpSettings) -> None:
        self.settings = settings
        self._key: bytes | None = None
        self._acks: list[str] = []
        self._next_poll = 0.0

    # The seam ----------------------------------------------------------------------------
    def open(self) -> None:
        """Read the signing key from the keyring (nothing goes over the network yet)."""
        entry = sms_platform_key_entry(self.settings.account)
        key = remembered_password(entry)
        if not key:
            raise NotSentError("sms_platform_no_key", entry=entry, ends_round=True)
        self._key = key.encode("utf-8")

    def close(self) -> None:
        self._key = None

    def send(self, message: OutgoingSms) -> Handed:
        s = self.settings
        payload = {
            s.field_account: s.account,
            s.field_number: message.number_e164,
            s.field_text: message.body,
            s.field_key: str(message.id),
        }
        status, answer = self._post(s.url, payload)
        if 200 <= status < 300:
            platform_id = str(answer.get(s.field_id, ""))[:80]
            log.info("text message %s taken by the platform as %r", message.id, platform_id)
            return Handed([], platform_id)
        if 400 <= status < 500 and status not in _TRY_AGAIN:
            code = _printable(answer.get(s.field_error)) or f"HTTP{status}"
            if status in _REFUSES_ALL:
                raise DeskRefusedError(status=status, platform_code=code)
            raise RefusedError("sms_platform_refused", status=status, platform_code=code)
        raise NotSentError("sms_platform_busy", status=status)

    def waiting(self) -> list[GatewayEvent]:
        """What the platform kept while the desk was away: a pull at once."""
        return self._pull() if self.settings.poll_url else []

    def poll(self, seconds: float = 0.0) -> list[GatewayEvent]:
        """A pull when ``poll_seconds`` have passed since the last; otherwise a wait of up to
        ``seconds`` (the worker's pace), so the platform is not asked on every round."""
        if not self.settings.poll_url:
            time.sleep(seconds)
            return []
        left = self._next_poll - time.monotonic()
        if left > 0:
            time.sleep(min(left, seconds))
            return []
        return self._pull()

    def done(self, event: GatewayEvent) -> None:
        self._acks.extend(event.ack)

    # Pulling -----------------------------------------------------------------------------
    def _pull(self) -> list[GatewayEvent]:
        """One pull. A pull that fails is logged and tried again at the next poll time: sending
        does not wait on it (a send meets the same trouble and says so itself), and the acks
        go again with the next pull."""
        self._next_poll = time.monotonic() + self.settings.poll_seconds
        acks = list(self._acks)
        payload = {self.settings.field_account: self.settings.account, "ack": acks}
        try:
            status, answer = self._post(self.settings.poll_url, payload)
        except SmsModemError as error:
            log.warning("pulling delivery states and replies: %s", error)
            return []
        if not 200 <= status < 300:
            code = _printable(answer.get(self.settings.field_error))
            log.warning("pulling delivery states and replies: HTTP %d %s", status, code)
            return []
        del self._acks[: len(acks)]
        events: list[GatewayEvent] = []
        for item in _entries(answer, "reports"):
            events.extend(self._report(item))
        for item in _entries(answer, "replies"):
            events.extend(self._reply(item))
        return events

    def _report(self, item: dict[str, Any]) -> list[GatewayEvent]:
        key = str(item.get("id", ""))
        state = str(item.get("state", "")).lower()
        try:
            sms_id = uuid.UUID(key)
        except ValueError:
            log.warning("delivery state for an id the desk never sent: %r", key[:40])
            self._acks.append(key)
            return []
        delivered, failed = state in DELIVERED_STATES, state in FAILED_STATES
        if not (delivered or failed):
            self._acks.append(key)  # on its way: nothing to record yet
            return []
        return [MessageReport(sms_id, delivered, failed, _moment(item.get("at")), (key,))]

    def _reply(self, item: dict[str, Any]) -> list[GatewayEvent]:
        reply_key = str(item.get("id", ""))
        sender, text = str(item.get("from", "")), str(item.get("text", ""))
        if not sender:
            log.warning("a reply without a sender number; left out")
            self._acks.append(reply_key)
            return []
        origin = f"{self.settings.poll_url}|{self.settings.account}|{reply_key}"
        reply_id = uuid.uuid5(uuid.NAMESPACE_URL, origin) if reply_key else None
        return [Reply(sender, text, _moment(item.get("at")), reply_id, (reply_key,))]

    # HTTP --------------------------------------------------------------------------------
    def _post(self, url: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """POST signed JSON; (status, JSON answer or {}). NotSentError while nothing was
        written to the platform, OutcomeUnknownError once the request may have reached it."""
        if self._key is None:
            raise NotSentError("sms_platform_no_key", entry="(not opened)", ends_round=True)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
        s = self.settings
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            s.header_timestamp: timestamp,
            s.header_nonce: nonce,
            s.header_signature: signature(self._key, timestamp, nonce, body),
        }
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection = self._connection(parts.scheme, parts.hostname or "", parts.port)
        try:
            try:
                connection.connect()
            except OSError as exc:  # refused, DNS, connect timeout, certificate not trusted
                raise NotSentError(
                    "sms_platform_unreachable", url=_shown(url), reason=reason_of(exc)
                ) from None
            try:
                connection.request("POST", path, body, headers)
                response = connection.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as exc:
                raise OutcomeUnknownError(
                    "sms_platform_no_answer", reason=reason_of(exc) or type(exc).__name__
                ) from None
        finally:
            connection.close()
        return response.status, _json(data)

    def _connection(self, scheme: str, host: str, port: int | None) -> http.client.HTTPConnection:
        timeout = self.settings.timeout
        if scheme == "https":
            context = ssl.create_default_context(cafile=self.settings.ca_file or None)
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        return http.client.HTTPConnection(host, port, timeout=timeout)


def _shown(url: str) -> str:
    """The URL without a query or user name, for messages and logs."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path}"


def _json(data: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(data.decode("utf-8")) if data else {}
    except (UnicodeDecodeError, ValueError):
        return {}
    return answer if isinstance(answer, dict) else {}


def _entries(answer: dict[str, Any], name: str) -> list[dict[str, Any]]:
    items = answer.get(name)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _printable(value: object) -> str:
    """A platform's error code as the store may keep it: short, printable, no spaces."""
    if value is None:
        return ""
    return "".join(c for c in str(value) if c.isprintable() and not c.isspace())[:18]


def _moment(value: object) -> dt.datetime | None:
    """An ISO 8601 time from the platform; one without a zone is taken as UTC."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
