"""The seam between the sender and a way of sending text messages (a USB modem, the hospital's
SMS platform over HTTP).

The sender keeps the store's at-most-once bookkeeping (``sending`` committed before ``send``,
``sent`` / ``unknown`` / ``retry`` / ``failed`` after) for every transport; a gateway only
hands one whole message over and says what came back. ``send`` raises ``NotSentError`` while
the message cannot have left, ``OutcomeUnknownError`` once it may have, ``RefusedError`` when
it never will (see ``agent_app.sms.errors``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Protocol

from agent_app.store.repositories.sms import OutgoingSms


@dataclass(frozen=True)
class Handed:
    """A message the gateway took: ``refs`` are the modem's part references (its status
    reports quote them), ``platform_id`` the platform's own id for it (kept in the audit)."""

    refs: list[int]
    platform_id: str = ""


@dataclass(frozen=True)
class PartReport:
    """A modem status report: one part, named by its reference and the recipient's number."""

    reference: int
    recipient: str
    delivered: bool
    failed: bool
    ack: tuple[str, ...] = ()


@dataclass(frozen=True)
class MessageReport:
    """A platform delivery state for a whole message, named by the key the desk sent."""

    sms_id: uuid.UUID
    delivered: bool
    failed: bool
    at: dt.datetime | None
    ack: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """A whole message from a phone. ``reply_id`` is set when the gateway has an id of its own
    for it, so that a reply handed out twice is stored once."""

    sender: str
    text: str
    at: dt.datetime | None = None
    reply_id: uuid.UUID | None = None
    ack: tuple[str, ...] = ()


GatewayEvent = PartReport | MessageReport | Reply


class SmsGateway(Protocol):
    """A way of sending and receiving text messages; called from one thread."""

    def open(self) -> None: ...

    def close(self) -> None: ...

    def send(self, message: OutgoingSms) -> Handed:
        """Hand the whole message over, with ``message.id`` as its idempotency key."""
        ...

    def waiting(self) -> list[GatewayEvent]:
        """What arrived while the desk was away (called once after a start)."""
        ...

    def poll(self, seconds: float = 0.0) -> list[GatewayEvent]:
        """Reports and replies that came since the last poll, waiting up to ``seconds``."""
        ...

    def done(self, event: GatewayEvent) -> None:
        """The event is in the store: the gateway may forget it (``event.ack``)."""
        ...
