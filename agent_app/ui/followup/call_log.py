"""Every call the desk places goes on record: the follow-up screen hears its attempt's life.

The desk's call model (agent_app/calls, carried by the phone bridge) writes each call's
attempt, answer, end and recording in order. ``CallLog`` tells the model which follow-up the
next call is for (``link``), hands it the finished recordings of the call bar, and re-emits
the outbound calls' changes for the follow-up screen, by attempt id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from agent_app.calls.call import Call, CallContext, Change, Notice
from agent_app.domain.enums import LineType
from agent_app.domain.views import StaffAccount
from agent_app.ui.call_bar import CallBar
from agent_app.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from agent_app.domain.finished_recording import FinishedRecording


class CallLog(QObject):
    sig_started = Signal(object)  # attempt id (uuid) of a call just placed
    sig_answered = Signal(object, object)  # attempt id, answered at (aware)
    sig_ended = Signal(object, object, bool)  # attempt id, Ended, answered
    sig_error = Signal(str)

    def __init__(
        self,
        engine: Engine,
        call_bar: CallBar,
        account: StaffAccount,
        *,
        line: LineType,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.call_bar = call_bar
        self.calls = call_bar.bridge.calls
        self.calls.use_store(engine, account, line=line)
        call_bar.bridge.sig_call.connect(self._changed)
        call_bar.bridge.sig_call_notice.connect(self._notice)
        call_bar.sig_recording_finished.connect(self._recorded)

    def link(self, context: CallContext) -> None:
        """Attach the next call to this follow-up (CallContext() for none)."""
        self.calls.link(context)

    def dial(self, number: str, context: CallContext) -> None:
        """Place a call for this follow-up (refusals come back through the call bar)."""
        self.link(context)
        self.call_bar.dial(number)

    def _changed(self, call: Call, change: Change) -> None:
        if call.inbound:
            return  # the screen-pop's
        if change is Change.STARTED:
            self.sig_started.emit(call.attempt_id)
        elif change is Change.ANSWERED:
            self.sig_answered.emit(call.attempt_id, call.answered_at)
        elif change is Change.ENDED:
            self.sig_ended.emit(call.attempt_id, call.ended, call.answered_at is not None)

    def _notice(self, notice: Notice, detail: str) -> None:
        if notice is Notice.WRITE_FAILED:
            text = self.tr("A call could not be written to the local store: {0}")
            self.sig_error.emit(text.format(detail))

    def _recorded(self, call_id: str, finished: FinishedRecording) -> None:
        self.calls.store_recording(call_id, finished)
