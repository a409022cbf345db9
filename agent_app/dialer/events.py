"""Events every phone line reports, delivered by ``Phone.pump()`` on the caller's thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from agent_app.domain.enums import EndReason


class Registration(enum.StrEnum):
    UNREGISTERED = "unregistered"
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"
    NOT_NEEDED = "not_needed"  # modem, fake line, direct-IP SIP


@dataclass(frozen=True)
class PhoneEvent:
    """Base of every event; ``call_id`` is empty for line-wide events."""

    call_id: str


@dataclass(frozen=True)
class RegistrationChanged(PhoneEvent):
    state: Registration
    reason: str = ""


@dataclass(frozen=True)
class Ringing(PhoneEvent):
    """An outgoing call is ringing at the far end."""


@dataclass(frozen=True)
class EarlyMedia(PhoneEvent):
    """The far end sends audio before answering (ring-back tones, announcements)."""


@dataclass(frozen=True)
class Answered(PhoneEvent):
    pass


@dataclass(frozen=True)
class Ended(PhoneEvent):
    reason: EndReason
    text: str  # one sentence a person can read, e.g. "The line was busy."
    code: int = 0  # protocol status (SIP code) when there is one


@dataclass(frozen=True)
class Incoming(PhoneEvent):
    """Someone calls in; ``number`` is as the line reported it (normalize before lookup).

    ``number`` is empty when there is none to show: ``withheld`` (the caller hid it, "P"),
    ``unavailable`` (the network did not deliver one, "O" for out of area) or ``invalid`` (what
    arrived was not a number, e.g. line noise in a modem's caller ID; never guessed at).
    """

    number: str
    display_name: str = ""
    withheld: bool = False
    unavailable: bool = False
    invalid: bool = False


@dataclass(frozen=True)
class CallLimitReached(PhoneEvent):
    """A caller was turned away (busy) because the line already holds ``limit`` calls."""

    limit: int


@dataclass(frozen=True)
class HoldChanged(PhoneEvent):
    on_hold: bool


@dataclass(frozen=True)
class DtmfReceived(PhoneEvent):
    digit: str


@dataclass(frozen=True)
class RecordingChanged(PhoneEvent):
    recording: bool
    paused: bool
    path: str = ""


@dataclass(frozen=True)
class DeviceLost(PhoneEvent):
    reason: str


@dataclass(frozen=True)
class DeviceBack(PhoneEvent):
    pass


class TransferOutcome(enum.StrEnum):
    ACCEPTED = "accepted"  # the target answered (or the PBX took the call over)
    FAILED = "failed"  # refused or not reached; the agent still has the call


@dataclass(frozen=True)
class TransferProgress(PhoneEvent):
    """The transfer of ``call_id`` moved on: ``code`` is the SIP status the far end reports
    (the REFER's acceptance as 100 "Accepted", then each NOTIFY's sipfrag: 100 Trying,
    180 Ringing, 200 OK)."""

    code: int
    reason: str = ""


@dataclass(frozen=True)
class TransferDone(PhoneEvent):
    """The transfer of ``call_id`` is over. ACCEPTED: the call ends next as TRANSFERRED.
    FAILED: the call stays with the agent (on hold after a consultation); ``code`` says why
    (0 when the line itself gave up, e.g. no answer to the REFER)."""

    outcome: TransferOutcome
    code: int = 0


@dataclass(frozen=True)
class ConferenceChanged(PhoneEvent):
    """The calls ``call_ids`` now hear each other and the agent on the desk's bridge (empty
    when the conference is over). ``call_id`` is the first of them."""

    call_ids: tuple[str, ...]


END_TEXT: dict[EndReason, str] = {
    EndReason.LOCAL_HANGUP: "You ended the call.",
    EndReason.REMOTE_HANGUP: "The other side hung up.",
    EndReason.BUSY: "The line was busy.",
    EndReason.NO_ANSWER: "Nobody answered.",
    EndReason.REJECTED: "The call was declined.",
    EndReason.NOT_FOUND: "The number does not exist or cannot be reached.",
    EndReason.CANCELLED: "The call was cancelled before it was answered.",
    EndReason.MISSED: "Nobody answered the incoming call in time; it is kept as a missed call.",
    EndReason.NO_DIALTONE: "The phone line has no dial tone; check the cable.",
    EndReason.NOT_REGISTERED: "The phone account is not registered; calls cannot be made.",
    EndReason.NETWORK: "The connection to the other side was lost.",
    EndReason.DEVICE_LOST: "The phone device was disconnected during the call.",
    EndReason.FAILED: "The call failed.",
    EndReason.TRANSFERRED: "The call was transferred.",
    EndReason.DESK_STOPPED: "The desk stopped during the call.",
}
