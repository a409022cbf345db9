"""Screen-pop: an inbound call raises the caller's card while the line still rings.

The desk's call model (agent_app/calls, carried by the phone bridge) keeps the call: it
classifies the caller ID, looks the caller up and stores the inbound ``call_attempt`` on its
writer thread, and closes the attempt with a code when the call ends. The pop only renders:
once the caller is identified the card is shown, on top of other windows but without taking
the keyboard from what the agent is typing. A blacklisted number is rejected at once or popped
with a warning, as the settings say; either way it is logged. A second caller while the agent
is on a call is turned away busy, or waits and pops (``[phone] call_waiting``).
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from agent_app.calls.call import Call, CallState, Change, Notice
from agent_app.config import BlacklistAction, PopPlacement, ScreenPopSettings
from agent_app.dialer.errors import DialerError
from agent_app.dialer.events import Incoming
from agent_app.domain.enums import EndReason, LineType, Relation
from agent_app.domain.views import StaffAccount
from agent_app.screenpop.inbound import BLOCKED, BUSY_HERE, DECLINED
from agent_app.screenpop.lookup import PopDecision, PopPatient, decide, load_patient
from agent_app.store.repositories.contacts import add_contact
from agent_app.store.repositories.patients import search_patients
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import end_reason_text
from agent_app.ui.line_status import line_name
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.pop_card import PopCard
from agent_app.ui.qt import QMainWindow, QObject, QSystemTrayIcon, Qt, Signal
from agent_app.ui.transfer_dialog import find_department_target

log = logging.getLogger(__name__)


class ScreenPop(QObject):
    sig_shown = Signal(str)  # call id; the card is visible
    sig_answer = Signal(str, str)  # call id, number: the call bar takes the call
    sig_open_followup = Signal(int, int)  # patient id, open task id (0: none)
    sig_message = Signal(str)  # a sentence for the status bar
    sig_transfer_asked = Signal(int)  # "Transfer to <department>": the directory entry's id

    def __init__(
        self,
        bridge: PhoneBridge,
        engine: Engine,
        viewer: StaffAccount,
        settings: ScreenPopSettings,
        *,
        line: LineType,
        region: str = "CN",
        pbx_prefixes: tuple[str, ...] = (),
        host: QMainWindow | None = None,
    ) -> None:
        super().__init__(host)
        self.bridge = bridge
        self.engine = engine
        self.viewer = viewer
        self.settings = settings
        self.host = host
        self.card = PopCard(host)  # a window of its own, but closed with the main window
        if settings.placement is PopPlacement.WINDOW or host is None:
            self.card.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
            self.card.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.card.setWindowTitle(self.tr("Incoming call"))
        self.tray: QSystemTrayIcon | None = None
        self.calls = bridge.calls
        self.calls.use_store(engine, viewer, line=line, region=region, pbx_prefixes=pbx_prefixes)
        self._shown = ""  # id of the call the card shows
        self._followed: set[str] = set()  # inbound calls this pop's line announced, not ended
        bridge.sig_incoming.connect(self._incoming)
        bridge.sig_call.connect(self._changed)
        bridge.sig_call_notice.connect(self._notice)
        self.card.sig_answer.connect(self.answer)
        self.card.sig_reject.connect(self.reject)
        self.card.sig_open_followup.connect(self._open_followup)
        self.card.sig_candidate_chosen.connect(self._choose)
        self.card.sig_search.connect(self._search)
        self.card.sig_create_contact.connect(self._create_contact)
        self.card.sig_restricted_shown.connect(self._find_transfer)
        self.card.sig_transfer.connect(self.sig_transfer_asked.emit)

    @property
    def current(self) -> Call | None:
        """The call the card shows, as the call model has it."""
        return self.calls.get(self._shown) if self._shown else None

    # Calls -------------------------------------------------------------------------------
    def _incoming(self, event: Incoming) -> None:
        """The line announced a call (the model already holds it): this pop follows it."""
        call = self.calls.get(event.call_id)
        if call is None:
            return
        self._followed.add(call.call_id)
        if call.turned_away == BUSY_HERE:
            # One call at a time: the second caller hears busy (486) and is kept as a missed
            # call, so it can be called back; the card stays on the call in progress.
            caller = call.caller.raw if call.caller is not None else ""
            self.sig_message.emit(
                self.tr("A call from {0} was turned away: you are on another call.").format(
                    caller or event.number
                )
            )
            return
        if call.state is CallState.WAITING:
            self.sig_message.emit(
                self.tr("A second call is waiting: answer it to put the current call on hold.")
            )
        self._shown = call.call_id

    def _changed(self, call: Call, change: Change) -> None:
        if call.call_id not in self._followed:
            return
        if change is Change.IDENTIFIED:
            self._decided(call)
        elif change is Change.ANSWERED and call.call_id == self._shown:
            self.card.call_answered()
        elif change is Change.ENDED:
            self._followed.discard(call.call_id)
            if call.call_id == self._shown:
                self._ended(call)

    def _decided(self, call: Call) -> None:
        decision = call.decision
        if decision is None or not call.is_open or call.turned_away:
            return  # the caller gave up before the lookup came back, or was turned away
        if decision.blacklisted and self.settings.blacklist is BlacklistAction.REJECT:
            self._reject_call(call, BLOCKED)
            self.sig_message.emit(
                self.tr("Rejected a call from a blacklisted number ({0}).").format(
                    decision.blacklist_reason
                )
            )
        elif call.call_id == self._shown:
            self._show(call, decision)

    def _ended(self, call: Call) -> None:
        event = call.ended
        assert event is not None
        if call.answered_at is None and event.reason is EndReason.MISSED:
            self.card.call_finished(
                self.tr("Missed call: nobody answered before the ring time ran out.")
            )
            self.sig_message.emit(self.tr("Missed call: nobody answered it in time."))
        elif call.answered_at is None and call.turned_away not in (BLOCKED, DECLINED):
            self.card.call_finished(self.tr("Missed call: the caller hung up."))
        else:
            self.card.call_finished(end_reason_text(event.reason))

    def _notice(self, notice: Notice, detail: str) -> None:
        if notice is Notice.WAITING_NEEDS_HOLD:
            self.sig_message.emit(
                self.tr(
                    "This phone line cannot hold a call, so a second caller was turned away "
                    "busy instead of waiting."
                )
            )
        elif notice is Notice.LOOKUP_FAILED:
            self.sig_message.emit(self.tr("The caller could not be looked up: {0}").format(detail))
        elif notice is Notice.REJECT_FAILED:
            self.sig_message.emit(detail)

    # Agent actions -----------------------------------------------------------------------
    def answer(self) -> None:
        call = self.current
        if call is not None and call.is_open and call.answered_at is None:
            self.sig_answer.emit(call.call_id, call.number)

    def reject(self) -> None:
        call = self.current
        if call is not None and call.is_open and call.answered_at is None:
            self._reject_call(call, DECLINED)

    def _reject_call(self, call: Call, code: str) -> None:
        try:
            self.calls.reject(call.call_id, code)
        except DialerError as exc:
            self.sig_message.emit(str(exc))

    def _find_transfer(self, department_id: int) -> None:
        """A patient of another department is on the card: offer their department's line."""
        find_department_target(
            self.engine, department_id, self.card.offer_transfer, self._transfer_unread, self.card
        )

    def _transfer_unread(self, error: BaseException) -> None:
        log.warning("transfer directory could not be read for the pop: %s", error)

    def _open_followup(self) -> None:
        patient = self.card.shown_patient
        if patient is None or patient.restricted:
            return
        task = patient.open_task
        self.sig_open_followup.emit(patient.patient_id, task.task_id if task else 0)

    def _choose(self, patient_id: int) -> None:
        call = self.current
        engine, viewer = self.engine, self.viewer
        decision = call.decision if call is not None else None
        candidates = decision.candidates if decision is not None else ()
        match = next((m for m in candidates if m.patient_id == patient_id), None)

        def done(patient: PopPatient) -> None:
            self.card.show_patient(patient)
            if call is not None:
                self._link(call.call_id, patient)

        run_in_background(
            lambda: load_patient(engine, patient_id, viewer, match),
            done,
            self._read_failed,
            self.card,
        )

    def _search(self, text: str) -> None:
        engine = self.engine
        run_in_background(
            lambda: search_patients(engine, text),
            self.card.show_search_results,
            self._read_failed,
            self.card,
        )

    def _create_contact(self, patient_id: int, name: str, relation: Relation) -> None:
        call = self.current
        if call is None or call.decision is None or call.decision.caller.number is None:
            self.card.set_state(self.tr("There is no caller number to save."))
            return
        number = call.decision.caller.number.e164
        engine, caller, viewer = self.engine, call.decision.caller, self.viewer
        call_id = call.call_id

        def saved_and_found(decision: PopDecision) -> None:
            self.calls.relook(call_id, decision)
            now = self.calls.get(call_id)
            self.card.show_decision(
                decision, call.number, line_name(self.bridge.phone, self.bridge.line_kind)
            )
            if now is not None and now.ended is not None:
                self.card.call_finished(end_reason_text(now.ended.reason))
            elif now is not None and now.answered_at is not None:
                self.card.call_answered()
            self.card.set_state(self.tr("Saved {0} as a contact of the patient.").format(name))
            if decision.patient is not None:
                self._link(call_id, decision.patient)

        def save_then_look_up() -> PopDecision:
            add_contact(engine, patient_id, name, relation, number)
            return decide(engine, caller, viewer)

        run_in_background(save_then_look_up, saved_and_found, self._write_failed, self.card)

    def _link(self, call_id: str, patient: PopPatient) -> None:
        """Attach the inbound attempt to the patient the agent settled on."""
        if patient.restricted:
            return
        task_id = patient.open_task.task_id if patient.open_task is not None else None
        self.calls.link_patient(call_id, patient.patient_id, task_id)

    # Showing -----------------------------------------------------------------------------
    def _show(self, call: Call, decision: PopDecision) -> None:
        self.card.show_decision(
            decision, call.number or "—", line_name(self.bridge.phone, self.bridge.line_kind)
        )
        self.card.show()
        self.card.raise_()
        self.sig_shown.emit(call.call_id)
        host = self.host
        if host is not None and host.isMinimized():
            self._notify(decision, call)

    def _notify(self, decision: PopDecision, call: Call) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.card.windowIcon(), self)
            self.tray.show()
        patient = decision.patient
        card = patient.card if patient is not None else None
        self.tray.showMessage(self.tr("Incoming call"), card.name if card else call.number)

    def _read_failed(self, error: BaseException) -> None:
        log.error("screen-pop lookup failed: %s", error)
        self.sig_message.emit(self.tr("The patient could not be looked up: {0}").format(error))

    def _write_failed(self, error: BaseException) -> None:
        log.error("screen-pop store write failed: %s", error)
        self.sig_message.emit(self.tr("Could not save the call record: {0}").format(error))
