"""The one model of the desk's calls, inbound and outbound, on any line.

It hears every ``PhoneEvent`` (``handle``, on the thread that pumps the phone), keeps each
call by id, and writes every change of the call's attempt (created, answered, ended with a
code, linked, recording) in order through the desk's one writer thread. The GUI thread never
waits for a write: outcomes that the model must act on (the inbound caller looked up, a write
that failed) come back through ``pump()``, on the pumping thread, like phone events.

Listeners are plain callbacks: ``(call, change)`` for calls, ``(notice, detail)`` for
line-wide news; ui/ re-emits them as Qt signals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from agent_app.calls.attempt_rows import CallWrites, DeskStore, Identified
from agent_app.calls.book import CallBook
from agent_app.calls.call import (
    Call,
    CallContext,
    CallState,
    Change,
    Notice,
    classify_caller,
    end_code,
)
from agent_app.calls.writer import StoreWriter, desk_writer
from agent_app.dialer.errors import CallStateError, DialerError
from agent_app.dialer.events import (
    Answered,
    EarlyMedia,
    Ended,
    HoldChanged,
    Incoming,
    PhoneEvent,
    Ringing,
)
from agent_app.dialer.phone import Phone
from agent_app.domain.enums import CallWaiting, Direction, EndReason, LineType
from agent_app.domain.views import StaffAccount
from agent_app.screenpop.inbound import BUSY_HERE, DECLINED
from agent_app.screenpop.lookup import PopDecision

if TYPE_CHECKING:
    from agent_app.domain.finished_recording import FinishedRecording

log = logging.getLogger(__name__)

CallListener = Callable[[Call, Change], None]
NoticeListener = Callable[[Notice, str], None]
Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CallModel:
    """Every call of one phone line; ``phone`` returns the open line (or raises DialerError)."""

    def __init__(
        self,
        phone: Callable[[], Phone],
        *,
        line: LineType = LineType.FAKE,
        waiting: CallWaiting = CallWaiting.BUSY,
        region: str = "CN",
        pbx_prefixes: tuple[str, ...] = (),
        writer: StoreWriter | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self._phone = phone
        self.line = line
        self.waiting = waiting
        self.region = region
        self.pbx_prefixes = pbx_prefixes
        self.writer = writer or desk_writer()
        self._writes = CallWrites(self.writer, self._write_failed)
        self._clock = clock
        self._book = CallBook()
        self._next = CallContext()
        self._listeners: list[CallListener] = []
        self._notice_listeners: list[NoticeListener] = []

    # Set-up ------------------------------------------------------------------------------
    def use_store(
        self,
        engine: Engine,
        viewer: StaffAccount,
        *,
        line: LineType | None = None,
        region: str | None = None,
        pbx_prefixes: tuple[str, ...] | None = None,
    ) -> None:
        """Write calls to ``engine`` as ``viewer`` from now on. The first store given is
        started: attempts a killed desk left open are closed (``desk_stopped``) before any
        new call is written."""
        self.line = line or self.line
        self.region = region or self.region
        if pbx_prefixes is not None:
            self.pbx_prefixes = pbx_prefixes
        self._writes.use(DeskStore(engine, viewer, self.line))

    @property
    def stored(self) -> bool:
        """True when calls are written to a store."""
        return self._writes.store is not None

    def add_listener(self, listener: CallListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: CallListener) -> None:
        self._listeners.remove(listener)

    def add_notice_listener(self, listener: NoticeListener) -> None:
        self._notice_listeners.append(listener)

    # Reading -----------------------------------------------------------------------------
    def get(self, call_id: str) -> Call | None:
        """The call, open or recently ended."""
        return self._book.get(call_id)

    @property
    def open_calls(self) -> list[Call]:
        return self._book.open_calls

    @property
    def focus(self) -> Call | None:
        """The call the agent is on (see CallBook.focus)."""
        return self._book.focus

    @property
    def waiting_effective(self) -> CallWaiting:
        """The call-waiting setting as the open line can honour it: BUSY on a line that
        cannot hold a call."""
        if self.waiting is CallWaiting.WAIT and not self._line_holds():
            return CallWaiting.BUSY
        return self.waiting

    def _line_holds(self) -> bool:
        try:
            return self._phone().supports_hold
        except DialerError:  # no line open: nothing can wait on it either
            return False

    # Phone events ------------------------------------------------------------------------
    def handle(self, event: PhoneEvent) -> None:
        """Take one phone event (a ``Phone`` listener, on the pumping thread)."""
        match event:
            case Incoming():
                self._incoming(event)
            case Ringing():
                call = self._book.get_open(event.call_id)
                if call is not None and call.state is CallState.DIALING:
                    self._set(call, Change.STATE, state=CallState.RINGING)
            case EarlyMedia():
                call = self._book.get_open(event.call_id)
                if call is not None and call.state in (CallState.DIALING, CallState.RINGING):
                    self._set(call, Change.STATE, state=CallState.EARLY)
            case Answered():
                self._answered(event.call_id)
            case HoldChanged():
                call = self._book.get_open(event.call_id)
                if call is not None and call.answered_at is not None:
                    state = CallState.HELD if event.on_hold else CallState.ANSWERED
                    self._set(call, Change.STATE, state=state)
            case Ended():
                self._ended_event(event)
            case _:
                pass  # line-wide events: the line's state is the bridge's

    def _incoming(self, event: Incoming) -> None:
        if self._book.get_open(event.call_id) is not None:
            return
        now = self._clock()
        caller = classify_caller(event, self.region, self.pbx_prefixes)
        others = [c for c in self._book.open_calls if not c.turned_away]
        # A caller may wait only for a call the agent is on, and only one at a time; a call
        # that still rings for the agent keeps the card, so the next caller hears busy.
        waits = (
            self.waiting_effective is CallWaiting.WAIT
            and all(c.taken for c in others)
            and not any(c.state is CallState.WAITING for c in others)
        )
        state = CallState.WAITING if others and waits else CallState.RINGING
        call = Call(
            event.call_id,
            Direction.INBOUND,
            self.line,
            event.number,
            uuid.uuid4(),
            state,
            now,
            caller=caller,
            turned_away=BUSY_HERE if others and state is not CallState.WAITING else "",
        )
        self._book.put(call)

        def identified(found: Identified) -> None:
            known = self.get(call.call_id)
            if known is not None and known.attempt_id == call.attempt_id:
                self._set(known, Change.IDENTIFIED, decision=found.decision)
            if found.lookup_error is not None:
                self._notice(Notice.LOOKUP_FAILED, str(found.lookup_error))

        self._writes.opened(call, identified)
        self._emit(call, Change.INCOMING)
        if call.turned_away:
            # One call at a time (or the line cannot hold): the caller hears busy (486) and
            # is kept as a missed call, to be called back.
            if self.waiting is not self.waiting_effective:
                self._notice(Notice.WAITING_NEEDS_HOLD, "")
            self._reject(call.call_id)

    def _answered(self, call_id: str) -> None:
        call = self._book.get_open(call_id)
        if call is None or call.answered_at is not None:
            return
        at = self._clock()
        call = self._set(call, Change.ANSWERED, state=CallState.ANSWERED, answered_at=at)
        self._writes.answered(call)

    def _ended_event(self, event: Ended) -> None:
        call = self._book.get_open(event.call_id)
        if call is None:
            return
        at = self._clock()
        code = end_code(call, event)
        ended = dataclasses.replace(
            call, state=CallState.ENDED, ended=event, ended_at=at, end_code=code
        )
        self._book.put(ended)
        self._writes.ended(ended)
        self._emit(ended, Change.ENDED)

    # Agent actions -------------------------------------------------------------------------
    def link(self, context: CallContext) -> None:
        """The next outbound call is for this follow-up (CallContext() for none)."""
        self._next = context

    def dial(self, target: str, number: str | None = None) -> Call:
        """Place a call to ``target`` (checked by the dial plan); ``number`` is how the agent
        typed it, as the attempt keeps it. DialerError when the line refuses."""
        call_id = self._phone().dial(target)
        shown = (number or target)[:40]
        call = Call(
            call_id,
            Direction.OUTBOUND,
            self.line,
            shown,
            uuid.uuid4(),
            CallState.DIALING,
            self._clock(),
            context=self._next,
            taken=True,
        )
        self._book.put(call)
        self._writes.opened(call, lambda _found: None)
        self._emit(call, Change.STARTED)
        return call

    def answer(self, call_id: str) -> None:
        """Answer a ringing inbound call. A waiting call is answered after the answered call
        is put on hold ("answer and hold"). CallStateError while another call is being placed
        or answered; DialerError when the line refuses."""
        call = self._book.get_open(call_id)
        if call is None or not call.inbound or call.taken or call.turned_away:
            raise CallStateError("Only a ringing incoming call can be answered.")
        busy = [c for c in self._book.open_calls if c.taken and c is not call]
        if any(c.answered_at is None for c in busy):
            raise CallStateError("Finish the current call first.")
        phone = self._phone()
        for other in busy:
            if other.state is CallState.ANSWERED:
                phone.hold(other.call_id, True)
        phone.answer(call_id)
        self._set(call, Change.STATE, taken=True)

    def reject(self, call_id: str, code: str = DECLINED) -> None:
        """Turn a ringing inbound call away; its attempt is closed with ``code``."""
        call = self._book.get_open(call_id)
        if call is None or call.answered_at is not None:
            return
        self._book.put(dataclasses.replace(call, turned_away=code))
        try:
            self._phone().reject(call_id)
        except DialerError:
            self._book.put(call)
            raise

    def _reject(self, call_id: str) -> None:
        try:
            self._phone().reject(call_id)
        except DialerError as exc:  # said on the status bar; the line ends the call itself
            log.warning("a caller could not be turned away: %s", exc)
            self._notice(Notice.REJECT_FAILED, str(exc))

    def hangup(self, call_id: str) -> None:
        self._phone().hangup(call_id)

    def hold(self, call_id: str, on_hold: bool) -> None:
        self._phone().hold(call_id, on_hold)

    def link_patient(self, call_id: str, patient_id: int, task_id: int | None) -> None:
        """The agent settled on the inbound caller's patient: the attempt follows."""
        call = self.get(call_id)
        if call is None:
            return
        context = dataclasses.replace(call.context, patient_id=patient_id, task_id=task_id)
        call = self._set(call, Change.LINKED, context=context)
        self._writes.linked(call, patient_id, task_id)

    def relook(self, call_id: str, decision: PopDecision) -> None:
        """The caller was looked up again (the agent saved their number as a contact)."""
        call = self.get(call_id)
        if call is not None:
            self._set(call, Change.LINKED, decision=decision)

    def store_recording(self, call_id: str, finished: FinishedRecording) -> bool:
        """Store the finished recording of a call (with the answer markers of its follow-up);
        False when the call is no longer known or nothing is stored."""
        call = self.get(call_id)
        return call is not None and self._writes.recorded(call, finished)

    # Outcomes of writes ----------------------------------------------------------------------
    def pump(self) -> int:
        """Act on the outcomes of finished writes, here; returns how many."""
        return self._writes.pump()

    def flush(self, timeout: float | None = 30.0) -> bool:
        """Wait for every queued write and act on the outcomes (tests, shutdown)."""
        finished = self.writer.flush(timeout)
        self.pump()
        return finished

    def shutdown(self, timeout: float | None = 10.0) -> bool:
        """The desk stops: open calls are closed as ``desk_stopped`` and every write waited for."""
        for call in list(self._book.open_calls):
            ended = Ended(call.call_id, EndReason.DESK_STOPPED, "")
            self._ended_event(ended)
        return self.flush(timeout)

    def _write_failed(self, error: BaseException) -> None:
        self._notice(Notice.WRITE_FAILED, str(error))

    # Listeners -------------------------------------------------------------------------------
    def _set(self, call: Call, change: Change, **values: object) -> Call:
        new = dataclasses.replace(call, **values)  # type: ignore[arg-type]
        self._book.put(new)
        self._emit(new, change)
        return new

    def _emit(self, call: Call, change: Change) -> None:
        for listener in list(self._listeners):
            try:
                listener(call, change)
            except Exception:
                # One broken screen must not stop the others from hearing the call end.
                log.exception("call listener failed on %s", change.value)

    def _notice(self, notice: Notice, detail: str) -> None:
        for listener in list(self._notice_listeners):
            try:
                listener(notice, detail)
            except Exception:
                log.exception("notice listener failed on %s", notice.value)
