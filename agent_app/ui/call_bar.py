"""The call bar: number, dial/hang up, hold, mute, keypad, timer and recording state.

It shows the call the agent is on as the desk's call model has it (``bridge.calls.focus``:
the call placed or answered here; after "answer and hold", the newest not on hold) and keeps
no call state of its own. Every answered call is recorded from the moment of answer into the
recordings folder; when the call ends the WAV is compressed to Opus off the GUI thread and
``sig_recording_finished`` reports the result.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from agent_app.calls.call import Call, CallState, Change
from agent_app.calls.model import CallModel
from agent_app.dialer.dial_plan import DialCode, DialNumberError, DialPlan
from agent_app.dialer.errors import DialerError
from agent_app.dialer.events import RecordingChanged
from agent_app.dialer.phone import Phone
from agent_app.domain.enums import LineType
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import end_reason_text
from agent_app.ui.line_status import cannot_call_text
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import (
    QCoreApplication,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTimer,
    QToolButton,
    QWidget,
    QWidgetAction,
    Signal,
)

if TYPE_CHECKING:
    from agent_app.domain.finished_recording import FinishedRecording

log = logging.getLogger(__name__)
KEYPAD = "123456789*0#"


def dial_error_text(error: DialNumberError) -> str:
    """Why a number is not dialled, in the desk's language."""
    params = error.params
    texts = {
        DialCode.EMPTY: QCoreApplication.translate("CallBar", "Type a number to call."),
        DialCode.NOT_DIGITS: QCoreApplication.translate(
            "CallBar",
            '"{number}" is not a phone number: use digits only (spaces, dashes and brackets '
            "may separate them, and a + may start it). Nothing was dialled.",
        ),
        DialCode.INVALID: QCoreApplication.translate(
            "CallBar",
            "{number} is not a valid phone number for this desk's region ({region}) nor an "
            "internal extension. Nothing was dialled.",
        ),
        DialCode.NO_SIP_ADDRESS: QCoreApplication.translate(
            "CallBar", "Only a SIP headset line can call the address {number}."
        ),
    }
    return texts[error.code].format(**params)


class CallBar(QWidget):
    sig_call_started = Signal(str, str)  # call id, number
    sig_call_ended = Signal(object)  # Ended
    sig_recording_finished = Signal(str, object)  # call id, FinishedRecording
    sig_error = Signal(str)  # a sentence for the status bar
    sig_dial_ready = Signal(bool, str)  # a new call may be dialled now; else why not

    def __init__(
        self,
        bridge: PhoneBridge,
        recordings_dir: Path,
        parent: QWidget | None = None,
        *,
        dial_plan: DialPlan | None = None,
    ) -> None:
        """``dial_plan``: which numbers may be dialled (by default the region CN's numbers,
        and SIP addresses on a SIP line)."""
        super().__init__(parent)
        self.bridge = bridge
        self.dial_plan = dial_plan or DialPlan(allow_sip_uri=bridge.line_kind is LineType.SIP)
        self.recordings_dir = recordings_dir
        # call id -> the WAV being recorded (None: recording it failed)
        self._recordings: dict[str, Path | None] = {}

        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("Number to call"))
        self.number_edit.setMinimumWidth(160)
        self.number_edit.returnPressed.connect(self.dial)
        self.dial_button = QPushButton(self.tr("Dial"))
        self.dial_button.setShortcut(QKeySequence("Ctrl+D"))
        self.dial_button.setToolTip(self.tr("Dial (Ctrl+D)"))
        self.dial_button.clicked.connect(self.dial)
        self.hangup_button = QPushButton(self.tr("Hang up"))
        self.hangup_button.setShortcut(QKeySequence("Ctrl+E"))
        self.hangup_button.setToolTip(self.tr("Hang up (Ctrl+E)"))
        self.hangup_button.clicked.connect(self.hangup)
        self.hold_button = QPushButton(self.tr("Hold"))
        self.hold_button.setCheckable(True)
        self.hold_button.toggled.connect(self._hold)
        self.mute_button = QPushButton(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._mute)
        self.pause_button = QPushButton(self.tr("Pause recording"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(
            self.tr("Pause while the patient gives sensitive details; the pause is marked")
        )
        self.pause_button.toggled.connect(self._pause_recording)
        self.transfer_button = QPushButton(self.tr("Transfer…"))
        self.transfer_button.setShortcut(QKeySequence("Ctrl+T"))
        self.transfer_button.setToolTip(
            self.tr("Transfer the call, consult first or bring someone in (Ctrl+T)")
        )
        self.keypad_button = QToolButton()
        self.keypad_button.setText(self.tr("Keypad"))
        self.keypad_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.keypad_button.setMenu(self._keypad_menu())
        self.state_label = QLabel(self.tr("Ready"))
        self.timer_label = QLabel("00:00")
        self.record_label = QLabel()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (
            self.number_edit,
            self.dial_button,
            self.hangup_button,
            self.hold_button,
            self.mute_button,
            self.keypad_button,
            self.transfer_button,
            self.pause_button,
            self.state_label,
            self.timer_label,
            self.record_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)
        bridge.sig_call.connect(self._call_changed)
        bridge.sig_recording.connect(self._recording_changed)
        bridge.sig_line.connect(self._update_buttons)
        self._update_buttons()

    @property
    def phone(self) -> Phone:
        """The open line (LineUnavailableError, a DialerError, when there is none)."""
        return self.bridge.require_phone()

    @property
    def calls(self) -> CallModel:
        return self.bridge.calls

    @property
    def call_id(self) -> str:
        """The call the agent is on (placed or answered here), or ""."""
        focus = self.calls.focus
        return focus.call_id if focus is not None else ""

    def connected_call(self) -> Call | None:
        """The call the agent is on once it was answered."""
        focus = self.calls.focus
        return focus if focus is not None and focus.answered_at is not None else None

    def dial_readiness(self) -> tuple[bool, str]:
        """Whether a call may be dialled now, and the sentence saying why not."""
        if self.call_id:
            return False, self.tr("Finish the current call first.")
        why = cannot_call_text(self.bridge)
        return not why, why

    def _keypad_menu(self) -> QMenu:
        menu = QMenu(self)
        pad = QWidget()
        grid = QGridLayout(pad)
        for i, key in enumerate(KEYPAD):
            button = QPushButton(key)
            button.setFixedSize(40, 32)
            button.clicked.connect(lambda _=False, k=key: self.send_dtmf(k))
            grid.addWidget(button, i // 3, i % 3)
        action = QWidgetAction(menu)
        action.setDefaultWidget(pad)
        menu.addAction(action)
        return menu

    # Actions ---------------------------------------------------------------------------
    def dial(self, number: str | None = None) -> None:
        """Call ``number`` (or what is typed); refusals are said in plain words."""
        number = (number or self.number_edit.text()).strip()
        ready, why = self.dial_readiness()
        if not ready:
            self.sig_error.emit(why)
            return
        try:
            target = self.dial_plan.check(number)
        except DialNumberError as exc:
            self.sig_error.emit(dial_error_text(exc))
            if exc.code == DialCode.EMPTY:
                self.number_edit.setFocus()
            return
        self.number_edit.setText(number)
        try:
            call = self.calls.dial(target, number)
        except DialerError as exc:
            self.sig_error.emit(str(exc))
            return
        self._set_state(self.tr("Calling…"))
        self.sig_call_started.emit(call.call_id, number)
        self._update_buttons()

    def answer_incoming(self, call_id: str, number: str) -> None:
        """Take a ringing inbound call (the screen-pop's Answer); recording starts on answer.
        A waiting call is answered with the call in progress put on hold."""
        focus, call = self.calls.focus, self.calls.get(call_id)
        waits = call is not None and call.state is CallState.WAITING
        if focus is not None and not (waits and focus.answered_at is not None):
            self.sig_error.emit(self.tr("Finish the current call first."))
            return
        try:
            self.calls.answer(call_id)
        except DialerError as exc:
            self.sig_error.emit(str(exc))
            return
        self.number_edit.setText(number)
        self._set_state(self.tr("Answering…"))
        self._update_buttons()

    def hangup(self) -> None:
        if not self.call_id:
            return
        try:
            self.calls.hangup(self.call_id)
        except DialerError as exc:
            self.sig_error.emit(str(exc))

    def send_dtmf(self, digits: str) -> None:
        call = self.connected_call()
        if call is not None:
            try:
                self.phone.send_dtmf(call.call_id, digits)
            except DialerError as exc:
                self.sig_error.emit(str(exc))

    def _hold(self, on: bool) -> None:
        call = self.connected_call()
        if call is not None and on != (call.state is CallState.HELD):
            try:
                self.calls.hold(call.call_id, on)
            except DialerError as exc:
                self.sig_error.emit(str(exc))

    def _mute(self, on: bool) -> None:
        call = self.connected_call()
        if call is not None:
            try:
                self.phone.mute(call.call_id, on)
            except DialerError as exc:
                self.sig_error.emit(str(exc))

    def _pause_recording(self, paused: bool) -> None:
        call_id = self.call_id
        if self._recordings.get(call_id) is not None:
            try:
                self.phone.pause_recording(call_id, paused)
            except DialerError as exc:
                self.sig_error.emit(str(exc))

    # Events ----------------------------------------------------------------------------
    def _call_changed(self, call: Call, change: Change) -> None:
        if not call.taken:
            return  # a call ringing in is the screen-pop's until the agent answers it
        if change is Change.ENDED:
            self._ended(call)
            return
        if call.state is CallState.ANSWERED and call.call_id not in self._recordings:
            self._start_recording(call)
        self._show_focus()

    def _start_recording(self, call: Call) -> None:
        if call.answered_at is None or call.ended_at is not None:
            return
        stamp = dt.datetime.now().strftime("%Y-%m-%d")
        path = self.recordings_dir / stamp / f"{call.call_id}-{int(time.time())}.wav"
        self._recordings[call.call_id] = path
        try:
            self.phone.start_recording(call.call_id, path)
        except DialerError as exc:
            self._recordings[call.call_id] = None  # tried once per call
            self.sig_error.emit(self.tr("The call is not being recorded: {0}").format(exc))

    def _show_focus(self) -> None:
        """The state line, timer and buttons follow the call the agent is on."""
        focus = self.calls.focus
        if focus is not None:
            texts = {
                CallState.DIALING: self.tr("Calling…"),
                CallState.RINGING: self.tr("Answering…") if focus.inbound else self.tr("Ringing…"),
                CallState.EARLY: self.tr("Ringing…"),
                CallState.WAITING: self.tr("Answering…"),
                CallState.ANSWERED: self.tr("Connected"),
                CallState.HELD: self.tr("On hold"),
            }
            self._set_state(texts.get(focus.state, ""))
            self.hold_button.blockSignals(True)
            self.hold_button.setChecked(focus.state is CallState.HELD)
            self.hold_button.blockSignals(False)
        if self.connected_call() is not None:
            self._tick.start()
            self._update_timer()
        else:
            self._tick.stop()
        self._update_buttons()

    def _ended(self, call: Call) -> None:
        event = call.ended
        assert event is not None
        wav = self._recordings.pop(call.call_id, None)
        if wav is not None:
            try:
                wav = self.phone.stop_recording(call.call_id) or wav
            except DialerError as exc:
                self.sig_error.emit(str(exc))
        if self.calls.focus is None:
            self._set_state(end_reason_text(event.reason))
            for button in (self.hold_button, self.mute_button, self.pause_button):
                button.setChecked(False)
            self._tick.stop()
            self._update_buttons()
        else:
            self._show_focus()
        self.sig_call_ended.emit(event)
        if wav is not None and wav.exists():
            # numpy and soundfile load on the first recording, not at start-up.
            from agent_app.dialer.transcode import transcode_to_opus

            call_id = call.call_id
            run_in_background(
                lambda: transcode_to_opus(wav),
                lambda finished: self._transcoded(call_id, finished),
                lambda exc: self.sig_error.emit(str(exc)),
            )

    def _transcoded(self, call_id: str, finished: FinishedRecording) -> None:
        self.sig_recording_finished.emit(call_id, finished)

    def _recording_changed(self, event: RecordingChanged) -> None:
        if not event.recording:
            self.record_label.clear()
        elif event.paused:
            self.record_label.setText(self.tr("⏸ Recording paused"))
        else:
            self.record_label.setText(self.tr("● Recording"))
        self.record_label.setStyleSheet("color: #b00020;" if event.recording else "")

    def _set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def _update_timer(self) -> None:
        call = self.connected_call()
        if call is None or call.answered_at is None:
            return
        seconds = max(0, int((dt.datetime.now(dt.UTC) - call.answered_at).total_seconds()))
        self.timer_label.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def _update_buttons(self) -> None:
        in_call = bool(self.call_id)
        connected = self.connected_call() is not None
        ready, why = self.dial_readiness()
        self.dial_button.setEnabled(ready)
        self.dial_button.setToolTip(self.tr("Dial (Ctrl+D)") if ready else why)
        self.number_edit.setEnabled(not in_call)
        self.hangup_button.setEnabled(in_call)
        for button in (
            self.hold_button,
            self.mute_button,
            self.keypad_button,
            self.transfer_button,
            self.pause_button,
        ):
            button.setEnabled(connected)
        if not connected:
            self.timer_label.setText("00:00")
        self.sig_dial_ready.emit(ready, "" if ready or in_call else why)
