"""The modem's one call, moved along by what the modem says; no port and no waiting here.

The reader thread feeds it lines and timer ticks; ``ModemPhone`` takes its lock to act on the
call. The rules for calls coming in on a plain line:

* A RING or a caller ID line opens an incoming call (caller ID sent as DTMF comes before the
  first ring; FSK caller ID comes between the first and second).
* Exactly one Incoming event per call: when the caller ID block is complete (number and name),
  when it has been quiet for ``caller_id_settle`` with a number or the reason for its absence,
  or else at the second RING, with an empty number if none came.
* Nothing heard for ``ring_timeout``: the caller gave up (Ended CANCELLED once announced).
* Still ringing ``missed_after`` seconds after the first ring or caller ID: Ended MISSED, and
  the rest of its rings are ignored (a plain line cannot refuse a call without answering it).
* A declined call keeps ringing until its caller gives up; those rings are ignored.

While dialling, ``OK``/``VCON`` mean answered and BUSY, NO ANSWER, NO CARRIER, NO DIALTONE end
the call; once answered, an unsolicited NO CARRIER or BUSY means the far end hung up.
"""

from __future__ import annotations

import enum
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from agent_app.dialer.errors import CallStateError
from agent_app.dialer.events import END_TEXT, Answered, Ended, Incoming, PhoneEvent, Ringing
from agent_app.dialer.modem_lines import CallerId, absorb_caller_id, caller_id_line
from agent_app.dialer.wav import WavWriter
from agent_app.domain.enums import EndReason

log = logging.getLogger(__name__)

ANSWERED = frozenset({"OK", "VCON"})
_DIAL_ENDS = {
    "BUSY": EndReason.BUSY,
    "NO ANSWER": EndReason.NO_ANSWER,
    "NO CARRIER": EndReason.NO_ANSWER,  # before an answer: nobody picked up
    "NO DIALTONE": EndReason.NO_DIALTONE,
    "NO DIAL TONE": EndReason.NO_DIALTONE,
    "ERROR": EndReason.FAILED,
}


class CallState(enum.Enum):
    DIALLING = "dialling"
    CANCELLING = "cancelling"  # hung up while dialling; the dial's result is not news
    RINGING = "ringing"  # incoming, not answered yet
    ANSWERING = "answering"
    ANSWERED = "answered"
    # the hook was flashed and the transfer target is being dialled: the modem's BUSY or
    # NO CARRIER now answers that dial (the caller waits on the PBX's hold)
    TRANSFERRING = "transferring"
    ENDING = "ending"  # the far end is gone; the line is being tidied up


@dataclass
class ModemCall:
    call_id: str
    state: CallState
    caller: CallerId = field(default_factory=CallerId)
    announced: bool = False
    rings: int = 0
    heard_at: float = 0.0  # last RING or caller ID line
    first_heard: float = 0.0  # the first one: the ring time counts from here
    cid_at: float | None = None
    writer: WavWriter | None = None


class CallBook:
    """The line's single call slot; every method expects ``lock`` held or takes it."""

    def __init__(
        self,
        post: Callable[[PhoneEvent], None],
        far_end_gone: Callable[[ModemCall], None],
        *,
        ring_timeout: float,
        caller_id_settle: float,
        missed_after: float = 45.0,
    ) -> None:
        self.lock = threading.RLock()
        self.current: ModemCall | None = None
        self.ring_timeout = ring_timeout
        self.missed_after = missed_after
        self.caller_id_settle = caller_id_settle
        self._post = post
        self._far_end_gone = far_end_gone
        self._declined_ring: float | None = None
        self._ids = itertools.count(1)

    def require(self, call_id: str) -> ModemCall:
        """The open call with this id; CallStateError if it has ended."""
        call = self.current
        if call is None or call.call_id != call_id:
            raise CallStateError("That call has already ended.")
        return call

    def open_outgoing(self) -> ModemCall:
        """A new call in the DIALLING state; CallStateError if the line is in use."""
        with self.lock:
            if self.current is not None:
                raise CallStateError("The phone line is already in a call.")
            self.current = ModemCall(self._new_id(), CallState.DIALLING)
            return self.current

    def end(self, call: ModemCall, reason: EndReason) -> None:
        """Free the slot and post Ended, unless the call already ended."""
        with self.lock:
            if self.current is not call:
                return
            self.current = None
            # An incoming call nobody was told about ends as quietly as it began.
            if call.state is not CallState.RINGING or call.announced:
                self._post(Ended(call.call_id, reason, END_TEXT[reason]))

    def decline(self, call: ModemCall) -> None:
        """End a ringing call as REJECTED and ignore its rings until its caller gives up."""
        with self.lock:
            self._declined_ring = call.heard_at
            self.end(call, EndReason.REJECTED)

    def far_end_gone(self, call: ModemCall) -> None:
        """The other side hung up; the owner tidies the line, then ends the call."""
        with self.lock:
            if call.state is CallState.ANSWERED:
                call.state = CallState.ENDING
                self._far_end_gone(call)

    def forget_declined(self) -> None:
        with self.lock:
            self._declined_ring = None

    # Reader thread ---------------------------------------------------------------------
    def line_received(self, line: str) -> bool:
        """Turn a modem line into call events; False for lines that answer a command."""
        now = time.monotonic()
        with self.lock:
            call = self.current
            if call is not None and call.state is CallState.DIALLING:
                if line in ANSWERED:
                    call.state = CallState.ANSWERED
                    self._post(Answered(call.call_id))
                    return True
                if line in _DIAL_ENDS:
                    self.end(call, _DIAL_ENDS[line])
                    return True
                if line in {"RINGING", "RRING"}:
                    self._post(Ringing(call.call_id))
                    return True
            if line == "RING":
                self._ring(now)
                return True
            if (cid := caller_id_line(line)) is not None:
                self._caller_id(now, *cid)
                return True
            answered = call is not None and call.state is CallState.ANSWERED
            if answered and call is not None and line in {"NO CARRIER", "BUSY"}:
                self.far_end_gone(call)
                return True
        return False

    def tick(self) -> None:
        """Announce caller ID that went quiet; end calls whose rings stopped."""
        now = time.monotonic()
        with self.lock:
            if self._declined_ring is not None and now - self._declined_ring > self.ring_timeout:
                self._declined_ring = None
            call = self.current
            if call is None or call.state is not CallState.RINGING:
                return
            settled = call.cid_at is not None and now - call.cid_at >= self.caller_id_settle
            if settled and call.caller.number_known:
                self._announce(call)
            if now - call.heard_at > self.ring_timeout:
                self.end(call, EndReason.CANCELLED)  # the caller gave up
            elif call.announced and now - call.first_heard > self.missed_after:
                # A plain line cannot refuse without picking up: the call ends here as missed
                # and its remaining rings are ignored, like a declined call's.
                log.info(
                    "Incoming call %s rang %.0f s unanswered: missed",
                    call.call_id,
                    now - call.first_heard,
                )
                self._declined_ring = call.heard_at
                self.end(call, EndReason.MISSED)

    def _ring(self, now: float) -> None:
        if self._declined_ring is not None:
            self._declined_ring = now
            return
        call = self._incoming_call()
        if call is not None:
            call.rings += 1
            call.heard_at = now
            if call.rings >= 2:
                self._announce(call)

    def _caller_id(self, now: float, tag: str, value: str) -> None:
        fresh = self.current is None
        call = None if self._declined_ring is not None else self._incoming_call()
        if call is None:
            return
        if not absorb_caller_id(call.caller, tag, value):
            if fresh:
                self.current = None  # noise is no reason to hold the line for a call
            return
        call.heard_at = call.cid_at = now
        if call.caller.complete:
            self._announce(call)

    def _incoming_call(self) -> ModemCall | None:
        if self.current is None:
            now = time.monotonic()
            self.current = ModemCall(self._new_id(), CallState.RINGING, first_heard=now)
        elif self.current.state is not CallState.RINGING:
            log.debug("Ring or caller ID during a %s call ignored", self.current.state.value)
            return None
        return self.current

    def _announce(self, call: ModemCall) -> None:
        if call.announced:
            return
        call.announced = True
        cid = call.caller
        shown = (
            "withheld" if cid.withheld
            else "unavailable" if cid.unavailable
            else "invalid" if cid.invalid
            else "shown" if cid.number
            else "absent"
        )  # fmt: skip
        log.info("Incoming call %s, caller ID %s", call.call_id, shown)
        self._post(
            Incoming(call.call_id, cid.number, cid.name, cid.withheld, cid.unavailable, cid.invalid)
        )

    def _new_id(self) -> str:
        return f"modem-{next(self._ids)}"
