"""Screen-pop: an inbound call raises the caller's card while the line still rings.

``Incoming`` from the phone bridge → the caller ID is classified → the lookup runs on the
thread pool (a few indexed queries) → the card is shown, on top of other windows but without
taking the keyboard from what the agent is typing. The inbound ``call_attempt`` is written
right after the card is up, and completed when the call ends. A blacklisted number is rejected
at once or popped with a warning, as the settings say; either way it is logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine

from agent_app.config import BlacklistAction, PopPlacement, ScreenPopSettings
from agent_app.dialer.errors import DialerError
from agent_app.dialer.events import Ended, Incoming
from agent_app.domain.enums import EndReason, LineType, Relation
from agent_app.domain.phone_numbers import CallerId, CallerKind, parse_caller
from agent_app.domain.views import StaffAccount
from agent_app.screenpop.inbound import (
    BLOCKED,
    BUSY_HERE,
    DECLINED,
    MISSED,
    MISSED_UNANSWERED,
    link_inbound,
    record_inbound,
)
from agent_app.screenpop.lookup import PopDecision, PopKind, PopPatient, decide, load_patient
from agent_app.store.repositories.attempts import finish_attempt
from agent_app.store.repositories.contacts import add_contact
from agent_app.store.repositories.patients import search_patients
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import end_reason_text
from agent_app.ui.line_status import line_name
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.pop_card import PopCard
from agent_app.ui.qt import QMainWindow, QObject, QSystemTrayIcon, Qt, Signal

log = logging.getLogger(__name__)


@dataclass
class _Call:
    call_id: str
    number_text: str
    rang_at: dt.datetime
    decision: PopDecision | None = None
    attempt_id: uuid.UUID | None = None
    answered_at: dt.datetime | None = None
    ended: Ended | None = None
    rejected_as_blacklisted: bool = False
    rejected_by_agent: bool = False
    rejected_busy: bool = False  # a second call while the agent was on one: turned away
    linked: PopPatient | None = None


class ScreenPop(QObject):
    sig_shown = Signal(str)  # call id; the card is visible
    sig_answer = Signal(str, str)  # call id, number: the call bar takes the call
    sig_open_followup = Signal(int, int)  # patient id, open task id (0: none)
    sig_message = Signal(str)  # a sentence for the status bar

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
        self.line = line
        self.region = region
        self.pbx_prefixes = pbx_prefixes
        self.host = host
        self.card = PopCard(host)  # a window of its own, but closed with the main window
        if settings.placement is PopPlacement.WINDOW or host is None:
            self.card.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
            self.card.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.card.setWindowTitle(self.tr("Incoming call"))
        self.tray: QSystemTrayIcon | None = None
        self.current: _Call | None = None  # the call the card shows
        self._calls: dict[str, _Call] = {}  # every call not yet finished in the store, by id
        bridge.sig_incoming.connect(self._incoming)
        bridge.sig_answered.connect(self._answered)
        bridge.sig_ended.connect(self._ended)
        self.card.sig_answer.connect(self.answer)
        self.card.sig_reject.connect(self.reject)
        self.card.sig_open_followup.connect(self._open_followup)
        self.card.sig_candidate_chosen.connect(self._choose)
        self.card.sig_search.connect(self._search)
        self.card.sig_create_contact.connect(self._create_contact)

    # Phone events ------------------------------------------------------------------------
    def _incoming(self, event: Incoming) -> None:
        call = _Call(event.call_id, event.number, dt.datetime.now(dt.UTC))
        self._calls[call.call_id] = call
        caller = self._classify(event)
        if self.current is not None and self.current.ended is None:
            # One call at a time: the second caller hears busy (486) and is kept as a missed
            # call, so it can be called back; the card stays on the call in progress.
            call.rejected_busy = True
            self._reject_call(call)
            self.sig_message.emit(
                self.tr("A call from {0} was turned away: you are on another call.").format(
                    caller.raw or event.number
                )
            )
        else:
            self.current = call
        engine, viewer = self.engine, self.viewer
        run_in_background(
            lambda: decide(engine, caller, viewer),
            lambda decision: self._decided(call, decision),
            lambda exc: self._lookup_failed(call, caller, exc),
            self.card,
        )

    def _classify(self, event: Incoming) -> CallerId:
        if event.withheld:
            return CallerId(CallerKind.WITHHELD, event.number, display_name=event.display_name)
        if event.unavailable:
            return CallerId(CallerKind.UNAVAILABLE, "", display_name=event.display_name)
        if event.invalid:
            # What the line sent was not a number: nothing is looked up, nothing guessed.
            return CallerId(CallerKind.INVALID, "", display_name=event.display_name)
        caller = parse_caller(event.number, self.region, self.pbx_prefixes)
        if not caller.display_name and event.display_name:
            caller = CallerId(caller.kind, caller.raw, caller.number, event.display_name)
        return caller

    def _decided(self, call: _Call, decision: PopDecision) -> None:
        call.decision = decision
        if (call.ended is not None and call.attempt_id is None) or call.rejected_busy:
            self._record(call)  # the caller gave up before the lookup came back, or was busy
            return
        if decision.blacklisted and self.settings.blacklist is BlacklistAction.REJECT:
            call.rejected_as_blacklisted = True
            self._reject_call(call)
            self.sig_message.emit(
                self.tr("Rejected a call from a blacklisted number ({0}).").format(
                    decision.blacklist_reason
                )
            )
        else:
            self._show(call, decision)
        self._record(call)

    def _lookup_failed(self, call: _Call, caller: CallerId, error: BaseException) -> None:
        log.error("caller lookup failed: %s", error)
        self.sig_message.emit(self.tr("The caller could not be looked up: {0}").format(error))
        self._decided(call, PopDecision(PopKind.UNKNOWN, caller))

    def _answered(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        call.answered_at = dt.datetime.now(dt.UTC)
        if call is self.current:
            self.card.call_answered()

    def _ended(self, event: Ended) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            return
        call.ended = event
        if call is not self.current:
            self._finish(call)  # a call turned away busy: closed in the store, card untouched
            return
        if call.answered_at is None and event.reason is EndReason.MISSED:
            self.card.call_finished(
                self.tr("Missed call: nobody answered before the ring time ran out.")
            )
            self.sig_message.emit(self.tr("Missed call: nobody answered it in time."))
        elif call.answered_at is None and not (
            call.rejected_as_blacklisted or call.rejected_by_agent
        ):
            self.card.call_finished(self.tr("Missed call: the caller hung up."))
        else:
            self.card.call_finished(end_reason_text(event.reason))
        self._finish(call)

    # Agent actions -----------------------------------------------------------------------
    def answer(self) -> None:
        call = self.current
        if call is not None and call.ended is None and call.answered_at is None:
            self.sig_answer.emit(call.call_id, call.number_text)

    def reject(self) -> None:
        call = self.current
        if call is not None and call.ended is None and call.answered_at is None:
            call.rejected_by_agent = True
            self._reject_call(call)

    def _reject_call(self, call: _Call) -> None:
        try:
            self.bridge.require_phone().reject(call.call_id)
        except DialerError as exc:
            self.sig_message.emit(str(exc))

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
                self._link(call, patient)

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

        def saved_and_found(decision: PopDecision) -> None:
            call.decision = decision
            self.card.show_decision(
                decision, call.number_text, line_name(self.bridge.phone, self.bridge.line_kind)
            )
            if call.ended is not None:
                self.card.call_finished(end_reason_text(call.ended.reason))
            elif call.answered_at is not None:
                self.card.call_answered()
            self.card.set_state(self.tr("Saved {0} as a contact of the patient.").format(name))
            if decision.patient is not None:
                self._link(call, decision.patient)

        def save_then_look_up() -> PopDecision:
            add_contact(engine, patient_id, name, relation, number)
            return decide(engine, caller, viewer)

        run_in_background(save_then_look_up, saved_and_found, self._write_failed, self.card)

    def _link(self, call: _Call, patient: PopPatient) -> None:
        """Attach the inbound attempt to the patient the agent settled on (once it exists)."""
        if patient.restricted:
            return
        call.linked = patient
        if call.attempt_id is None:
            return  # linked as soon as the attempt row is written
        engine, attempt, patient_id = self.engine, call.attempt_id, patient.patient_id
        task_id = patient.open_task.task_id if patient.open_task is not None else None
        run_in_background(
            lambda: link_inbound(engine, attempt, patient_id, task_id),
            lambda _: None,
            self._write_failed,
        )

    # Showing and storing -----------------------------------------------------------------
    def _show(self, call: _Call, decision: PopDecision) -> None:
        self.card.show_decision(
            decision, call.number_text or "—", line_name(self.bridge.phone, self.bridge.line_kind)
        )
        self.card.show()
        self.card.raise_()
        self.sig_shown.emit(call.call_id)
        host = self.host
        if host is not None and host.isMinimized():
            self._notify(decision, call)

    def _notify(self, decision: PopDecision, call: _Call) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.card.windowIcon(), self)
            self.tray.show()
        patient = decision.patient
        card = patient.card if patient is not None else None
        self.tray.showMessage(self.tr("Incoming call"), card.name if card else call.number_text)

    def _record(self, call: _Call) -> None:
        decision = call.decision
        assert decision is not None
        engine, staff_id, line = self.engine, self.viewer.id, self.line
        rang_at = call.rang_at

        def stored(attempt_id: object) -> None:
            assert isinstance(attempt_id, uuid.UUID)
            call.attempt_id = attempt_id
            if call.linked is not None:
                self._link(call, call.linked)
            if call.ended is not None:
                self._finish(call)

        run_in_background(
            lambda: record_inbound(engine, decision, staff_id=staff_id, line=line, now=rang_at),
            stored,
            self._write_failed,
        )

    def _finish(self, call: _Call) -> None:
        if call.attempt_id is None or call.ended is None:
            return  # finished when the attempt row has been written
        self._calls.pop(call.call_id, None)
        if call.rejected_busy:
            reason = BUSY_HERE
        elif call.rejected_as_blacklisted:
            reason = BLOCKED
        elif call.rejected_by_agent:
            reason = DECLINED
        elif call.answered_at is None and call.ended.reason is EndReason.MISSED:
            reason = MISSED_UNANSWERED
        elif call.answered_at is None:
            reason = MISSED
        else:
            reason = call.ended.reason.value  # the store keeps the code, not a sentence
        engine, attempt_id, answered = self.engine, call.attempt_id, call.answered_at
        ended_at = dt.datetime.now(dt.UTC)
        run_in_background(
            lambda: finish_attempt(
                engine, attempt_id, answered_at=answered, ended_at=ended_at, end_reason=reason
            ),
            lambda _: None,
            self._write_failed,
        )

    def _read_failed(self, error: BaseException) -> None:
        log.error("screen-pop lookup failed: %s", error)
        self.sig_message.emit(self.tr("The patient could not be looked up: {0}").format(error))

    def _write_failed(self, error: BaseException) -> None:
        log.error("screen-pop store write failed: %s", error)
        self.sig_message.emit(self.tr("Could not save the call record: {0}").format(error))
