"""One follow-up on screen: patient card, call script, questionnaire and wrap-up.

Every change is saved to a draft file (off the GUI thread, in order) a moment after it is
made, so a crash or kill loses nothing; "Save and close" writes the result to the store in one
transaction and only then leaves the screen.

Two lines sit above the screen. The red-flag banner stays while a red flag is raised, whatever
else happens, until the follow-up is saved. Every other message (an error, "hang up first")
goes to the notice line below it and clears itself once it is no longer true. The outcome
follows the call: "reached" once a call connected, else the last attempt's result; the agent
may change it, and saving answers as an unreached call asks once.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy import Engine

from agent_app.calls.call import CallContext
from agent_app.dialer.events import Ended
from agent_app.domain.call_script import script_values
from agent_app.domain.enums import Disposition, NonAnswer, Outcome, RedFlagSeverity, VitalStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.questionnaire import RaisedFlag, StoredAnswersError
from agent_app.domain.sms_template import card_values
from agent_app.domain.views import ContactLine, PastResult, StaffAccount
from agent_app.store.drafts import Draft, DraftStore
from agent_app.store.repositories.attempts import suggested_disposition
from agent_app.store.repositories.followups import (
    FollowupWork,
    SavedWrapUp,
    WrapUp,
    best_time,
    save_wrapup,
    start_task,
)
from agent_app.store.repositories.sms import messages_for_patient
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import disposition_name
from agent_app.ui.followup.call_log import CallLog
from agent_app.ui.followup.patient_panel import PatientPanel
from agent_app.ui.followup.questionnaire_form import QuestionnaireForm
from agent_app.ui.followup.result_dialog import ResultDialog
from agent_app.ui.followup.script_panel import ScriptPanel
from agent_app.ui.followup.wrapup_panel import WrapUpPanel
from agent_app.ui.knowledge.search_panel import KnowledgePanel
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QKeySequence,
    QLabel,
    QMessageBox,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.serial_writer import SerialWriter

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 300
# Outcomes that say nobody was reached: answers typed beside one of these need a confirmation.
UNREACHED = frozenset(
    {
        Disposition.NO_ANSWER,
        Disposition.BUSY,
        Disposition.WRONG_NUMBER,
        Disposition.NUMBER_INVALID,
        Disposition.LINE_FAILED,
    }
)
HOSPITAL_NAME = "本院"


class FollowupView(QWidget):
    sig_finished = Signal(int, object)  # task id, SavedWrapUp
    sig_left = Signal(int)  # task id: back to the queue, draft kept
    sig_message = Signal(str)  # for the status bar
    sig_message_over = Signal(str)  # that message is no longer true: take it off

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        work: FollowupWork,
        drafts: DraftStore,
        writer: SerialWriter,
        call_log: CallLog | None = None,
        parent: QWidget | None = None,
        *,
        hospital: tuple[str, str] = (HOSPITAL_NAME, ""),
    ) -> None:
        """``hospital``: its name and the phone number patients may call, for the script."""
        super().__init__(parent)
        self.engine, self.account, self.work = engine, account, work
        self.drafts, self.writer, self.call_log = drafts, writer, call_log
        self.hospital = hospital
        self.attempt_id: uuid.UUID | None = None
        self.in_call = False
        self._dial_ready, self._dial_why = False, ""
        self.saving = False
        self.today = dt.datetime.now(HOSPITAL_TZ).date()

        self.banner = QLabel()  # red flags only: never replaced by another message
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.notice = QLabel()  # every other message, cleared when no longer true
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._notice_key = ""
        self.connected = False  # a call of this follow-up was answered
        self.progress = QLabel()
        self.patient = PatientPanel()
        self.patient.show_card(work.card, self.today)
        run_in_background(
            lambda: best_time(engine, work),
            self.patient.show_reach,
            lambda exc: log.info("best time to call not estimated: %s", exc),
            owner=self.patient,
        )
        run_in_background(
            lambda: messages_for_patient(engine, work.card.id),
            self.patient.sms.show_messages,
            lambda exc: log.warning("text messages not read: %s", exc),
            owner=self.patient,
        )
        self.patient.sig_dial.connect(self.dial)
        self.patient.sig_show_result.connect(self._show_result)
        self.script = ScriptPanel()
        self.script.show_script(
            work.script,
            script_values(
                work.card,
                agent_name=account.full_name,
                hospital_name=hospital[0],
                hospital_phone=hospital[1] or None,
                today=self.today,
            ),
            work.article_titles,
        )
        self.form = QuestionnaireForm(work.template)
        self.wrapup = WrapUpPanel()
        self.wrapup.set_education(work.education_texts)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(work.template.title.in_language(desk_language()))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        centre_layout.addWidget(title)
        centre_layout.addWidget(self.progress)
        centre_layout.addWidget(self.form, 1)
        centre_layout.addWidget(self.wrapup)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.patient)
        splitter.addWidget(centre)
        splitter.addWidget(self.script)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 640, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.form.sig_changed.connect(self._changed)
        self.form.sig_flags.connect(self._show_flags)
        self.form.sig_done.connect(lambda: self.wrapup.disposition.setFocus())
        self.wrapup.sig_changed.connect(self._autosave.start)
        self.wrapup.disposition.currentIndexChanged.connect(self._outcome_changed)
        self.wrapup.sig_save.connect(self.finish)
        self.wrapup.sig_later.connect(self.leave)
        self.knowledge: KnowledgePanel | None = None  # built on first Ctrl+K, then kept
        knowledge_key = QShortcut(QKeySequence("Ctrl+K"), self)
        knowledge_key.activated.connect(self.open_knowledge)
        self.script.sig_article.connect(self.open_knowledge_article)
        for keys, reason in (("Ctrl+U", NonAnswer.UNABLE), ("Ctrl+R", NonAnswer.REFUSED)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda r=reason: self.form.decline_current(r))
        if call_log is not None:
            call_log.link(CallContext(work.task_id, work.card.id, None, self._markers))
            call_log.sig_started.connect(self._call_started)
            call_log.sig_answered.connect(self._call_answered)
            call_log.sig_ended.connect(self._call_ended)
            call_log.call_bar.sig_dial_ready.connect(self._line_ready)
            self._line_ready(*call_log.call_bar.dial_readiness())
        else:
            self._line_ready(False, self.tr("No phone line is open on this desk."))
        engine_, task_id = engine, work.task_id
        writer.submit(lambda: start_task(engine_, task_id))
        self._update_progress()

    # Knowledge base --------------------------------------------------------------------------
    def open_knowledge(self) -> KnowledgePanel:
        """Show the knowledge search panel (Ctrl+K) with the cursor in its search field."""
        if self.knowledge is None:
            self.knowledge = KnowledgePanel(self.engine, self)
        self.knowledge.show()
        self.knowledge.raise_()
        self.knowledge.activateWindow()
        self.knowledge.focus_query()
        return self.knowledge

    def open_knowledge_article(self, slug: str) -> None:
        """A script's article link: the panel, showing that article."""
        self.open_knowledge().open_article(slug)

    # Calls ---------------------------------------------------------------------------------
    def _show_result(self, result: PastResult) -> None:
        dialog = ResultDialog(result, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def dial(self, contact: ContactLine) -> None:
        if self.call_log is None:
            self.sig_message.emit(self.tr("No phone line is open on this desk."))
            return
        context = CallContext(self.work.task_id, self.work.card.id, contact.id, self._markers)
        self.call_log.dial(contact.number_display, context)

    def _line_ready(self, ready: bool, why: str) -> None:
        """The line (or a call) allows dialling now, or not and why: the Dial buttons follow."""
        self._dial_ready, self._dial_why = ready, why
        self.patient.set_dialing_enabled(ready and not self.in_call, why)

    def _call_started(self, attempt_id: uuid.UUID) -> None:
        self.attempt_id = attempt_id
        self.in_call = True
        self.patient.set_dialing_enabled(False)
        self._autosave.start()

    def _call_answered(self, attempt_id: uuid.UUID, at: dt.datetime) -> None:
        if attempt_id == self.attempt_id:
            self.connected = True
            self.wrapup.choose(Disposition.REACHED)
            self.form.sheet.start_call(at)
            self.form.focus_first()

    def _call_ended(self, attempt_id: uuid.UUID, event: Ended, answered: bool) -> None:
        if attempt_id != self.attempt_id:
            return
        self.in_call = False
        self._clear_notice("in_call")
        self.patient.set_dialing_enabled(self._dial_ready, self._dial_why)
        # Once a call connected the follow-up reached the patient, whatever a later try did.
        self.connected = self.connected or answered
        self.wrapup.choose(
            Disposition.REACHED if self.connected else suggested_disposition(event.reason, False)
        )
        self._autosave.start()

    def _outcome_changed(self) -> None:
        if self.wrapup.chosen() is not None:
            self._clear_notice("outcome")

    def _markers(self) -> dict[str, float]:
        """Seconds from the answer of the call to each shown answer, for the player."""
        sheet = self.form.sheet
        offsets = (
            (e.question_id, e.offset_seconds(sheet.call_started_at))
            for e in sheet.counted_entries()
        )
        return {qid: offset for qid, offset in offsets if offset is not None}

    # Drafts --------------------------------------------------------------------------------
    def _changed(self) -> None:
        self._update_progress()
        self._autosave.start()

    def draft(self) -> Draft:
        return Draft(
            self.work.task_id,
            self.account.id,
            self.form.draft(),
            self.wrapup.notes.toPlainText(),
            str(self.attempt_id) if self.attempt_id else None,
            self.wrapup.draft(),
        )

    def save_draft(self) -> None:
        draft, drafts = self.draft(), self.drafts
        self.writer.submit(
            lambda: drafts.save(draft),
            lambda _done: self._clear_notice("draft"),
            self._draft_failed,
        )

    def _draft_failed(self, error: BaseException) -> None:
        self._say(str(error), error=True, key="draft")

    def restore(self, draft: Draft) -> None:
        """Put an unfinished follow-up back on screen exactly as it was."""
        try:
            self.form.restore(draft.answers)
        except StoredAnswersError as exc:
            self._say(
                self.tr("Earlier answers could not be restored: {0}").format(exc), True, "restore"
            )
        self.wrapup.restore(draft.extra)
        self.wrapup.notes.setPlainText(draft.notes)
        if draft.attempt_id:
            self.attempt_id = uuid.UUID(draft.attempt_id)
        self._update_progress()

    # Showing -------------------------------------------------------------------------------
    def _update_progress(self) -> None:
        p = self.form.sheet.progress()
        self.progress.setText(
            self.tr("Answered {0} of {1} · required {2} of {3}").format(
                p.answered, p.shown, p.required_done, p.required
            )
        )

    def _show_flags(self, flags: tuple[RaisedFlag, ...]) -> None:
        if not flags:
            self.banner.hide()
            return
        language = desk_language()
        lines = [f"⚠ {flag.rule.message.in_language(language)}" for flag in flags]
        critical = any(f.rule.severity is RedFlagSeverity.CRITICAL for f in flags)
        self.banner.setStyleSheet(
            f"background: {'#c62828' if critical else '#ef6c00'}; color: white; padding: 6px;"
        )
        self.banner.setText(
            self.tr("Red flag — the attending doctor is alerted when you save:")
            + "\n"
            + "\n".join(lines)
        )
        self.banner.show()

    def _say(self, text: str, error: bool = False, key: str = "") -> None:
        """Show a message on the notice line; ``key`` names what clears it (see _clear_notice)."""
        self.notice.setStyleSheet(
            "background: #fdecea; color: #b71c1c; padding: 6px;" if error else "padding: 6px;"
        )
        self.notice.setText(text)
        self.notice.show()
        self._notice_key = key
        self.sig_message.emit(text)

    def _clear_notice(self, key: str) -> None:
        """The condition ``key`` is over (the call ended, a draft saved): its message goes."""
        if self.notice.isVisibleTo(self) and self._notice_key == key:
            self.sig_message_over.emit(self.notice.text())
            self.notice.hide()
            self.notice.clear()
            self._notice_key = ""

    # Finishing -----------------------------------------------------------------------------
    def leave(self) -> None:
        """Back to the queue; the draft keeps everything for later."""
        if self.in_call:
            self._say(self.tr("Hang up before leaving this follow-up."), True, "in_call")
            return
        self._autosave.stop()
        self.save_draft()
        if self.call_log is not None:
            self.call_log.link(CallContext())
        self.sig_left.emit(self.work.task_id)

    def wrap_up(self) -> WrapUp | None:
        """The wrap-up as chosen, or None when the agent goes back to answer more."""
        disposition = self.wrapup.chosen()
        sheet = self.form.sheet
        outcome: Outcome | None = None
        if disposition is None:
            self._say(self.tr("Choose how the follow-up ended under Outcome."), True, "outcome")
            self.wrapup.disposition.setFocus()
            return None
        self._clear_notice("outcome")
        if sheet.counted_entries() and disposition in UNREACHED:
            answer = QMessageBox.question(
                self,
                self.tr("Answers typed"),
                self.tr(
                    "Answers were typed, but the outcome says the patient was not reached "
                    "({0}). Save it as not reached?"
                ).format(disposition_name(disposition)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.wrapup.disposition.setFocus()
                return None
        if disposition is Disposition.REACHED and not sheet.can_finish:
            names = "、".join(q.text.in_language(desk_language())[:20] for q in sheet.missing()[:3])
            answer = QMessageBox.question(
                self,
                self.tr("Questions left"),
                self.tr(
                    "{0} required questions are not answered ({1}…). Save as a partial follow-up?"
                ).format(len(sheet.missing()), names),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.form.focus_question(sheet.missing()[0].id)
                return None
            outcome = Outcome.PARTIAL
        answered = bool(sheet.counted_entries()) or disposition in (
            Disposition.REACHED,
            Disposition.REFUSED,
            Disposition.DECEASED,
        )
        vital = (
            VitalStatus.DECEASED if disposition is Disposition.DECEASED else sheet.vital_status()
        )
        return WrapUp(
            task_id=self.work.task_id,
            staff_id=self.account.id,
            disposition=disposition,
            attempt_id=self.attempt_id,
            answers=sheet.to_json() if answered else None,
            outcome=outcome,
            satisfaction=sheet.satisfaction(),
            vital_status=vital,
            death_date=sheet.death_date(),
            red_flags=sheet.red_flags() if answered else (),
            notes=self.wrapup.notes.toPlainText(),
            callback_at=self.wrapup.callback_at(),
            revisit_reminder=self.wrapup.reminder.isChecked(),
            education_codes=self.wrapup.education_codes(),
            message_values=card_values(
                self.work.card,
                hospital_name=self.hospital[0],
                hospital_phone=self.hospital[1],
                today=dt.date.today(),
            ),
            other_numbers_left=len(self.work.card.contacts) > 1,
        )

    def finish(self) -> None:
        """Save the result durably, then leave the screen."""
        if self.saving:
            return
        if self.in_call:
            self._say(self.tr("Hang up before saving the follow-up."), True, "in_call")
            return
        wrap = self.wrap_up()
        if wrap is None:
            return
        self._clear_notice("save")
        self.saving = True
        self.wrapup.set_busy(True)
        self._autosave.stop()
        engine, work, drafts = self.engine, self.work, self.drafts

        def save() -> SavedWrapUp:
            saved = save_wrapup(engine, work, wrap)
            drafts.discard(work.task_id)
            return saved

        self.writer.submit(save, self._saved, self._save_failed)

    def _saved(self, saved: SavedWrapUp) -> None:
        self.saving = False
        if self.call_log is not None:
            self.call_log.link(CallContext())
        self.sig_finished.emit(self.work.task_id, saved)

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.wrapup.set_busy(False)
        self._say(
            self.tr("The follow-up was not saved: {0}. Your answers are still here.").format(error),
            True,
            "save",
        )
        self.save_draft()
