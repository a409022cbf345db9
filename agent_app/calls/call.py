"""What the desk knows about one call, in and out, and the codes its attempt is closed with."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from agent_app.dialer.events import Ended, Incoming
from agent_app.domain.enums import Direction, EndReason, LineType
from agent_app.domain.phone_numbers import CallerId, CallerKind, parse_caller
from agent_app.screenpop.inbound import (
    BLOCKED,
    BUSY_HERE,
    DECLINED,
    MISSED,
    MISSED_UNANSWERED,
)
from agent_app.screenpop.lookup import PopDecision

Markers = Callable[[], dict[str, float]]

# Why a call was turned away by the desk (not by the far end): codes, as the store keeps them.
TURNED_AWAY_CODES = (BUSY_HERE, BLOCKED, DECLINED)


class CallState(enum.StrEnum):
    DIALING = "dialing"  # placed, the far end not yet ringing
    RINGING = "ringing"  # the far end rings, or an inbound call rings here
    EARLY = "early"  # the far end sends tones or an announcement before answering
    ANSWERED = "answered"
    HELD = "held"
    WAITING = "waiting"  # an inbound call rings while the agent is on another
    ENDED = "ended"


class Change(enum.StrEnum):
    """What just happened to a call (the listener's second argument)."""

    STARTED = "started"  # an outbound call was placed
    INCOMING = "incoming"  # an inbound call rings (or waits, or is being turned away)
    IDENTIFIED = "identified"  # the inbound caller was looked up and the attempt stored
    STATE = "state"  # ringing, early media, taken by the agent, held or resumed
    ANSWERED = "answered"  # the call connected
    LINKED = "linked"  # the agent tied the call to a patient
    ENDED = "ended"


class Notice(enum.StrEnum):
    """Line-wide news from the model, for the status bar."""

    WAITING_NEEDS_HOLD = "call_waiting_needs_hold"  # the line cannot hold: callers hear busy
    WRITE_FAILED = "call_write_failed"  # a call's row could not be written; ``detail`` says why
    LOOKUP_FAILED = "caller_lookup_failed"  # stored as an unknown caller; ``detail`` says why
    REJECT_FAILED = "caller_not_turned_away"  # the line refused to reject; ``detail`` says why


@dataclass(frozen=True)
class CallContext:
    """What an outbound call is for (the follow-up on screen); ``markers`` gives the answer
    offsets for the recording, read when the recording is stored."""

    task_id: int | None = None
    patient_id: int | None = None
    contact_id: int | None = None
    markers: Markers | None = None


@dataclass(frozen=True)
class Call:
    """One call as the desk knows it; a new value after every change."""

    call_id: str
    direction: Direction
    line: LineType
    number: str  # as dialled, or as the line reported the caller
    attempt_id: uuid.UUID
    state: CallState
    started_at: dt.datetime
    context: CallContext = CallContext()
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    ended: Ended | None = None
    end_code: str = ""  # what the attempt is closed with (an EndReason value or a desk code)
    taken: bool = False  # the agent placed it or asked to answer it: the call bar's call
    turned_away: str = ""  # BUSY_HERE, BLOCKED or DECLINED once the desk refused it
    caller: CallerId | None = None  # inbound: the caller ID as classified
    decision: PopDecision | None = None  # inbound: who is calling, once looked up

    @property
    def inbound(self) -> bool:
        return self.direction is Direction.INBOUND

    @property
    def is_open(self) -> bool:
        return self.state is not CallState.ENDED

    @property
    def task_id(self) -> int | None:
        if self.context.task_id is not None or self.decision is None:
            return self.context.task_id
        task = self.decision.patient.open_task if self.decision.patient else None
        return task.task_id if task is not None else None

    @property
    def patient_id(self) -> int | None:
        if self.context.patient_id is not None or self.decision is None:
            return self.context.patient_id
        patient = self.decision.patient
        return patient.patient_id if patient is not None else None


def end_code(call: Call, event: Ended) -> str:
    """The code the call's attempt is closed with: the desk's own refusal first, then the desk
    stopping, then for an inbound call nobody answered the kind of miss, else the line's
    reason."""
    if call.turned_away:
        return call.turned_away
    if event.reason is EndReason.DESK_STOPPED:
        return event.reason.value
    if call.inbound and call.answered_at is None:
        return MISSED_UNANSWERED if event.reason is EndReason.MISSED else MISSED
    return event.reason.value


def classify_caller(event: Incoming, region: str, pbx_prefixes: tuple[str, ...]) -> CallerId:
    """The caller ID of an inbound call as the lookup takes it."""
    if event.withheld:
        return CallerId(CallerKind.WITHHELD, event.number, display_name=event.display_name)
    if event.unavailable:
        return CallerId(CallerKind.UNAVAILABLE, "", display_name=event.display_name)
    if event.invalid:
        # What the line sent was not a number: nothing is looked up, nothing guessed.
        return CallerId(CallerKind.INVALID, "", display_name=event.display_name)
    caller = parse_caller(event.number, region, pbx_prefixes)
    if not caller.display_name and event.display_name:
        caller = CallerId(caller.kind, caller.raw, caller.number, event.display_name)
    return caller
