"""Every call the desk places goes on record: the attempt, its answer, its end, its recording.

``CallLog`` listens to the call bar. When a call starts it writes an outbound attempt, linked
to the follow-up on screen if there is one (``link``); answer, end and the finished recording
(with the answer markers for the player) follow through the serial writer, in order, whether or
not the follow-up screen is still open by then.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from agent_app.dialer.events import Ended
from agent_app.domain.enums import LineType
from agent_app.store.repositories.attempts import (
    add_recording,
    finish_attempt,
    mark_answered,
    start_outbound,
)
from agent_app.ui.call_bar import CallBar
from agent_app.ui.qt import QObject, Signal
from agent_app.ui.serial_writer import SerialWriter

if TYPE_CHECKING:
    from agent_app.domain.finished_recording import FinishedRecording

Markers = Callable[[], dict[str, float]]


@dataclass(frozen=True)
class CallContext:
    """What the next call is for (set by the follow-up screen before it dials)."""

    task_id: int | None = None
    patient_id: int | None = None
    contact_id: int | None = None
    markers: Markers | None = None  # answer offsets for the recording, read when it is stored


@dataclass
class _Call:
    attempt_id: uuid.UUID
    context: CallContext
    answered_at: dt.datetime | None = None


class CallLog(QObject):
    sig_started = Signal(object)  # attempt id (uuid) of a call just placed
    sig_answered = Signal(object, object)  # attempt id, answered at (aware)
    sig_ended = Signal(object, object, bool)  # attempt id, Ended, answered
    sig_error = Signal(str)

    def __init__(
        self,
        engine: Engine,
        writer: SerialWriter,
        call_bar: CallBar,
        *,
        staff_id: int,
        line: LineType,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.writer = writer
        self.staff_id = staff_id
        self.line = line
        self.call_bar = call_bar
        self.context = CallContext()
        self._calls: dict[str, _Call] = {}
        call_bar.sig_call_started.connect(self._started)
        call_bar.bridge.sig_answered.connect(self._answered)
        call_bar.sig_call_ended.connect(self._ended)
        call_bar.sig_recording_finished.connect(self._recorded)

    def link(self, context: CallContext) -> None:
        """Attach the next call to this follow-up (CallContext() for none)."""
        self.context = context

    def dial(self, number: str, context: CallContext) -> None:
        """Place a call for this follow-up (refusals come back through the call bar)."""
        self.link(context)
        self.call_bar.dial(number)

    def _failed(self, error: BaseException) -> None:
        text = self.tr("A call could not be written to the local store: {0}")
        self.sig_error.emit(text.format(error))

    def _started(self, call_id: str, number: str) -> None:
        context = self.context
        call = _Call(uuid.uuid4(), context)
        self._calls[call_id] = call
        engine, staff_id, line = self.engine, self.staff_id, self.line
        self.writer.submit(
            lambda: start_outbound(
                engine,
                staff_id=staff_id,
                number=number,
                line=line,
                task_id=context.task_id,
                patient_id=context.patient_id,
                contact_id=context.contact_id,
                attempt_id=call.attempt_id,
            ),
            on_error=self._failed,
        )
        self.sig_started.emit(call.attempt_id)

    def _answered(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        call.answered_at = dt.datetime.now(dt.UTC)
        engine, attempt_id, at = self.engine, call.attempt_id, call.answered_at
        self.writer.submit(lambda: mark_answered(engine, attempt_id, at), on_error=self._failed)
        self.sig_answered.emit(call.attempt_id, at)

    def _ended(self, event: Ended) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            return
        if call.answered_at is None:
            self._calls.pop(event.call_id)  # no recording will follow
        engine, attempt_id, answered = self.engine, call.attempt_id, call.answered_at
        ended_at = dt.datetime.now(dt.UTC)
        self.writer.submit(
            lambda: finish_attempt(
                engine,
                attempt_id,
                answered_at=answered,
                ended_at=ended_at,
                end_reason=event.reason.value,
            ),
            on_error=self._failed,
        )
        self.sig_ended.emit(call.attempt_id, event, answered is not None)

    def _recorded(self, call_id: str, finished: FinishedRecording) -> None:
        call = self._calls.pop(call_id, None)
        if call is None:
            return
        markers = call.context.markers() if call.context.markers is not None else {}
        engine, attempt_id = self.engine, call.attempt_id
        self.writer.submit(
            lambda: add_recording(engine, attempt_id, finished, markers), on_error=self._failed
        )
