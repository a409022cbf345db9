"""Enumerations shared by every layer; their values are what the store keeps."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    QUALITY = "quality"
    ADMIN = "admin"
    DOCTOR = "doctor"  # sees the red-flag alerts of the patients they treat (no queue)


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNKNOWN = "U"


class Relation(enum.StrEnum):
    """Who answers at a contact number, relative to the patient."""

    SELF = "self"
    SPOUSE = "spouse"
    SON = "son"
    DAUGHTER = "daughter"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"


class PhoneKind(enum.StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"


class DischargeDisposition(enum.StrEnum):
    HOME = "home"
    TRANSFERRED = "transferred"
    AGAINST_ADVICE = "against_advice"
    DECEASED = "deceased"


class TaskStatus(enum.StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (TaskStatus.PENDING, TaskStatus.IN_PROGRESS)


class CheckLevel(enum.IntEnum):
    """L1 own follow-up, L2 department spot-check, L3 hospital spot-check."""

    OWN = 1
    DEPARTMENT = 2
    HOSPITAL = 3


class Direction(enum.StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class CallWaiting(enum.StrEnum):
    """What a second inbound call does while the agent is on a call (``[phone] call_waiting``)."""

    BUSY = "busy"  # the caller hears busy (486) and is kept as a missed call
    WAIT = "wait"  # the call waits and pops; the agent may hold the first and answer it


class LineType(enum.StrEnum):
    SIP = "sip"
    MODEM = "modem"
    FAKE = "fake"


class Disposition(enum.StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    REFUSED = "refused"
    DECEASED = "deceased"
    CALL_BACK_LATER = "call_back_later"
    NUMBER_INVALID = "number_invalid"
    LINE_FAILED = "line_failed"


class VitalStatus(enum.StrEnum):
    ALIVE = "alive"
    DECEASED = "deceased"
    UNKNOWN = "unknown"


class Outcome(enum.StrEnum):
    COMPLETED = "completed"
    PARTIAL = "partial"
    REFUSED = "refused"


class UploadState(enum.StrEnum):
    LOCAL = "local"
    UPLOADING = "uploading"
    VERIFIED = "verified"
    FAILED = "failed"


class ComplaintState(enum.StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    REPLIED = "replied"
    CLOSED = "closed"


class SmsState(enum.StrEnum):
    """Where a text message stands. ``SENDING`` is written before the modem is asked to send;
    a message still ``SENDING`` after a crash may or may not have left, so it becomes
    ``UNKNOWN`` for a person to decide and is never resent by itself."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"  # the network took every part (``+CMGS``)
    DELIVERED = "delivered"  # the phone confirmed every part (status reports)
    FAILED = "failed"
    UNKNOWN = "unknown"
    BLOCKED = "blocked"  # the number unsubscribed or is blacklisted; never sent
    RECEIVED = "received"  # an incoming message


class SmsDirection(enum.StrEnum):
    OUT = "out"
    IN = "in"


class BlacklistKind(enum.StrEnum):
    """What a blacklisted number is spared: ``CALL`` rows (the original kind) stop calls and
    text messages alike; ``SMS`` rows only stop text messages (the patient unsubscribed)."""

    CALL = "call"
    SMS = "sms"


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    PUSHED = "pushed"
    QUARANTINED = "quarantined"


class RedFlagSeverity(enum.StrEnum):
    """How soon the attending doctor must act on a red-flag answer (most urgent first)."""

    CRITICAL = "critical"  # advise emergency care now, tell the doctor at once
    URGENT = "urgent"  # the doctor calls the patient back today
    ATTENTION = "attention"  # reviewed at the next working day

    @property
    def rank(self) -> int:
        return (RedFlagSeverity.CRITICAL, RedFlagSeverity.URGENT, RedFlagSeverity.ATTENTION).index(
            self
        )


class NonAnswer(enum.StrEnum):
    """Why a question has no answer although it was asked."""

    UNABLE = "unable"  # the patient could not answer (does not know, cannot speak, …)
    REFUSED = "refused"


class EndReason(enum.StrEnum):
    """Why a call ended; the UI maps each to words and the wrap-up to a disposition."""

    LOCAL_HANGUP = "local_hangup"
    REMOTE_HANGUP = "remote_hangup"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    REJECTED = "rejected"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    MISSED = "missed"  # an inbound call rang for the configured time and nobody answered
    NO_DIALTONE = "no_dialtone"
    NOT_REGISTERED = "not_registered"
    NETWORK = "network"
    DEVICE_LOST = "device_lost"
    FAILED = "failed"
    TRANSFERRED = "transferred"  # the agent handed the call on (blind or attended transfer)
    # The desk stopped (killed, crashed, closed) while the call was open: its attempt is
    # closed with this code at the next start, or at shutdown.
    DESK_STOPPED = "desk_stopped"
