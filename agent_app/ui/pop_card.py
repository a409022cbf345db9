"""The screen-pop card: who is calling and what follow-up is open, before the agent says hello.

One widget shows every decision (patient, chooser, unknown caller, withheld) with the same
buttons: Answer, Reject, Open follow-up. It only displays; ``ScreenPop`` feeds it and acts.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from agent_app.domain.enums import Relation, Sex
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.phone_numbers import CallerKind
from agent_app.domain.transfer_targets import DirectoryTarget
from agent_app.domain.views import NumberMatch, PatientHit
from agent_app.screenpop.lookup import PopDecision, PopKind, PopPatient
from agent_app.ui.enum_names import direction_name, disposition_name, outcome_name
from agent_app.ui.qt import (
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.transfer_dialog import department_transfer_text

PATIENT_PAGE, CHOOSER_PAGE, UNKNOWN_PAGE, WITHHELD_PAGE = range(4)


class PopCard(QWidget):
    sig_answer = Signal()
    sig_reject = Signal()
    sig_open_followup = Signal()
    sig_candidate_chosen = Signal(int)  # patient id, from the chooser or the search
    sig_search = Signal(str)
    sig_create_contact = Signal(int, str, object)  # patient id, contact name, Relation
    sig_restricted_shown = Signal(int)  # a restricted patient's department id is on the card
    sig_transfer = Signal(int)  # the agent asked to transfer to this directory entry (its id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenPop")
        self.setMinimumWidth(420)
        self.caller_label = QLabel()
        self.caller_label.setObjectName("popCaller")
        self.caller_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.state_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "background: #fde7e9; color: #8c1d18; padding: 6px; border-radius: 4px;"
        )
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.details)
        self.pages.addWidget(self._chooser_page())
        self.pages.addWidget(self._unknown_page())
        self.withheld_label = QLabel()
        self.withheld_label.setWordWrap(True)
        self.pages.addWidget(self.withheld_label)

        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setDefault(True)
        self.answer_button.clicked.connect(self.sig_answer.emit)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(self.sig_reject.emit)
        self.open_button = QPushButton(self.tr("Open follow-up"))
        self.open_button.clicked.connect(self.sig_open_followup.emit)
        self.transfer_button = QPushButton()
        self.transfer_button.hide()  # shown when a restricted patient's department takes calls
        self.transfer_button.clicked.connect(self._transfer)
        self._transfer_to: int | None = None
        buttons = QHBoxLayout()
        for button in (
            self.answer_button,
            self.reject_button,
            self.open_button,
            self.transfer_button,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caller_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.decision: PopDecision | None = None
        self.shown_patient: PopPatient | None = None

    # Pages -----------------------------------------------------------------------------
    def _chooser_page(self) -> QWidget:
        page = QWidget()
        self.chooser = QListWidget()
        self.chooser.itemActivated.connect(self._candidate_activated)
        self.chooser.itemClicked.connect(self._candidate_activated)
        self.chooser_details = QLabel()
        self.chooser_details.setWordWrap(True)
        self.chooser_details.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Several patients share this number. Who is it?")))
        layout.addWidget(self.chooser)
        layout.addWidget(self.chooser_details, 1)
        return page

    def _unknown_page(self) -> QWidget:
        page = QWidget()
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search patient by name, MRN or phone"))
        self.search_edit.returnPressed.connect(
            lambda: self.sig_search.emit(self.search_edit.text())
        )
        self.results = QListWidget()
        self.results.itemActivated.connect(self._candidate_activated)
        self.contact_name = QLineEdit()
        self.contact_name.setPlaceholderText(self.tr("Caller's name"))
        self.relation_box = QComboBox()
        for relation in Relation:
            self.relation_box.addItem(relation_name(relation), relation)
        self.create_button = QPushButton(self.tr("Create contact for patient…"))
        self.create_button.clicked.connect(self._create_contact)
        row = QHBoxLayout()
        row.addWidget(self.contact_name, 1)
        row.addWidget(self.relation_box)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addLayout(row)
        return page

    # Showing ---------------------------------------------------------------------------
    def show_decision(self, decision: PopDecision, number_text: str, line_name: str) -> None:
        self.decision = decision
        self.shown_patient = None
        self.offer_transfer(None)
        caller = decision.caller
        name = f" · {caller.display_name}" if caller.display_name else ""
        self.caller_label.setText(
            self.tr("Incoming call · {0}{1} · {2}").format(number_text, name, line_name)
        )
        self.set_state(self.tr("Ringing…"))
        reason = decision.blacklist_reason
        self.warning_label.setVisible(reason is not None)
        if reason is not None:
            self.warning_label.setText(self.tr("Blacklisted number: {0}").format(reason))
        if decision.kind is PopKind.PATIENT and decision.patient is not None:
            self.show_patient(decision.patient)
            self.pages.setCurrentIndex(PATIENT_PAGE)
        elif decision.kind is PopKind.CHOOSER:
            self._fill_chooser(decision.candidates)
            self.pages.setCurrentIndex(CHOOSER_PAGE)
        elif decision.kind is PopKind.WITHHELD:
            unavailable = caller.kind is CallerKind.UNAVAILABLE
            self.withheld_label.setText(
                self.tr("The caller's number is not available (out of area).")
                if unavailable
                else self.tr("The caller withheld their number. Ask who is calling.")
            )
            self.pages.setCurrentIndex(WITHHELD_PAGE)
        else:
            self.unknown_label.setText(
                self.tr(
                    "The caller's number could not be read (the line sent something that is "
                    "not a number). Ask who is calling."
                )
                if caller.kind is CallerKind.INVALID
                else self.tr("Unknown caller: no patient or family contact has this number.")
            )
            self.results.clear()
            self.search_edit.clear()
            self.contact_name.setText(caller.display_name)
            self.pages.setCurrentIndex(UNKNOWN_PAGE)
        self.answer_button.setEnabled(True)
        self.reject_button.setEnabled(True)
        self._update_open_button()

    def show_patient(self, patient: PopPatient) -> None:
        """The card of one patient: on the patient page, or under the chooser."""
        self.shown_patient = patient
        self.offer_transfer(None)
        if patient.restricted and patient.department_id is not None:
            self.sig_restricted_shown.emit(patient.department_id)
        html = patient_html(patient)
        if self.pages.currentIndex() == CHOOSER_PAGE:
            self.chooser_details.setText(html)
        else:
            self.details.setText(html)
        self._update_open_button()

    def show_search_results(self, hits: list[PatientHit]) -> None:
        self.results.clear()
        for hit in hits:
            text = f"{hit.name} · {sex_name(hit.sex)} · {hit.birth_date:%Y-%m-%d} · {hit.mrn}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(self.tr("No patient found."))

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def call_finished(self, text: str) -> None:
        self.set_state(text)
        self.answer_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self.offer_transfer(None)  # no call left to transfer

    def call_answered(self) -> None:
        self.set_state(self.tr("Connected"))
        self.answer_button.setEnabled(False)
        self.reject_button.setEnabled(False)

    # Internals -------------------------------------------------------------------------
    def _fill_chooser(self, candidates: tuple[NumberMatch, ...]) -> None:
        self.chooser.clear()
        self.chooser_details.clear()
        for match in candidates:
            discharged = f"{match.last_discharge:%Y-%m-%d}" if match.last_discharge else "—"
            text = self.tr("{0} ({1}) · {2} open follow-ups · discharged {3}").format(
                match.patient_name, caller_relation(match), match.open_tasks, discharged
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match.patient_id)
            self.chooser.addItem(item)

    def _candidate_activated(self, item: QListWidgetItem) -> None:
        patient_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(patient_id, int):
            self.sig_candidate_chosen.emit(patient_id)

    def _create_contact(self) -> None:
        item = self.results.currentItem()
        patient_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(patient_id, int):
            self.set_state(self.tr("Search for the patient and select them first."))
            return
        name = self.contact_name.text().strip()
        if not name:
            self.set_state(self.tr("Type the caller's name first."))
            self.contact_name.setFocus()
            return
        self.sig_create_contact.emit(patient_id, name, self.relation_box.currentData())

    def offer_transfer(self, target: DirectoryTarget | None) -> None:
        """Offer "Transfer to <department>" for ``target`` (None: offer nothing)."""
        self._transfer_to = target.id if target is not None else None
        if target is not None:
            self.transfer_button.setText(department_transfer_text(target))
        self.transfer_button.setVisible(target is not None)

    def _transfer(self) -> None:
        if self._transfer_to is not None:
            self.sig_transfer.emit(self._transfer_to)

    def _update_open_button(self) -> None:
        patient = self.shown_patient
        self.open_button.setEnabled(patient is not None and not patient.restricted)


def relation_name(relation: Relation) -> str:
    return {
        Relation.SELF: QCoreApplication.translate("PopCard", "the patient"),
        Relation.SPOUSE: QCoreApplication.translate("PopCard", "spouse"),
        Relation.SON: QCoreApplication.translate("PopCard", "son"),
        Relation.DAUGHTER: QCoreApplication.translate("PopCard", "daughter"),
        Relation.PARENT: QCoreApplication.translate("PopCard", "parent"),
        Relation.SIBLING: QCoreApplication.translate("PopCard", "sibling"),
        Relation.OTHER: QCoreApplication.translate("PopCard", "other"),
    }[relation]


def sex_name(sex: Sex) -> str:
    return {
        Sex.MALE: QCoreApplication.translate("PopCard", "male"),
        Sex.FEMALE: QCoreApplication.translate("PopCard", "female"),
    }.get(sex, QCoreApplication.translate("PopCard", "unknown"))


def caller_relation(match: NumberMatch) -> str:
    """ "the patient", or "李娜, daughter of 王秀英"."""
    if match.relation is Relation.SELF:
        return relation_name(Relation.SELF)
    return QCoreApplication.translate("PopCard", "{0}, {1} of {2}").format(
        match.contact_name, relation_name(match.relation), match.patient_name
    )


def patient_html(patient: PopPatient) -> str:
    card = patient.card
    if card is None:
        return QCoreApplication.translate(
            "PopCard",
            "<p>A patient of <b>{0}</b>. You may not see this patient's details: "
            "transfer the call to that department.</p>",
        ).format(
            escape(
                patient.department_name
                or QCoreApplication.translate("PopCard", "another department")
            )
        )
    today = dt.datetime.now(HOSPITAL_TZ).date()
    lines = [
        f"<h2 style='margin:0'>{escape(card.name)}</h2>",
        QCoreApplication.translate("PopCard", "{0} · {1} years · MRN {2} · ID {3}").format(
            sex_name(card.sex),
            card.age_on(today),
            escape(card.mrn),
            escape(card.id_number_masked or "—"),
        ),
    ]
    if patient.match is not None:
        lines.append(
            QCoreApplication.translate("PopCard", "Caller: {0}").format(
                escape(caller_relation(patient.match))
            )
        )
    if card.episode is not None:
        ep = card.episode
        lines.append(
            QCoreApplication.translate("PopCard", "Discharged {0} · {1} ({2}) · {3} {4}").format(
                f"{ep.discharged_on:%Y-%m-%d}",
                escape(ep.diagnosis_name),
                escape(ep.diagnosis_code),
                escape(ep.department_name),
                escape(ep.ward),
            )
        )
        lines.append(
            QCoreApplication.translate("PopCard", "Attending doctor: {0} · nurse: {1}").format(
                escape(ep.attending_doctor or "—"), escape(ep.attending_nurse or "—")
            )
        )
    task = patient.open_task
    if task is not None:
        due = task.due_at.astimezone(HOSPITAL_TZ)
        lines.append(
            QCoreApplication.translate(
                "PopCard", "<b>Open follow-up:</b> {0} · L{1} · due {2} · attempt {3}/{4}"
            ).format(
                escape(task.plan_name or QCoreApplication.translate("PopCard", "follow-up")),
                int(task.level),
                f"{due:%Y-%m-%d %H:%M}",
                task.attempts,
                task.max_attempts,
            )
        )
        if task.questions:
            lines.append(
                QCoreApplication.translate(
                    "PopCard",
                    "Questionnaire stopped at {0} of {1} questions; it continues from there.",
                ).format(task.answered, task.questions)
            )
    else:
        lines.append(QCoreApplication.translate("PopCard", "No open follow-up."))
    if card.recent_attempts:
        last = card.recent_attempts[0]
        when = last.started_at.astimezone(HOSPITAL_TZ)
        lines.append(
            QCoreApplication.translate("PopCard", "Last call: {0} · {1} · {2} · {3}").format(
                f"{when:%Y-%m-%d %H:%M}",
                direction_name(last.direction),
                disposition_name(last.disposition) if last.disposition else "—",
                escape(last.agent_name),
            )
        )
    if patient.last_result is not None:
        result = patient.last_result
        lines.append(
            QCoreApplication.translate(
                "PopCard", "Last result: {0} · {1} · satisfaction {2}"
            ).format(
                f"{result.created_at.astimezone(HOSPITAL_TZ):%Y-%m-%d}",
                outcome_name(result.outcome),
                result.satisfaction if result.satisfaction is not None else "—",
            )
        )
    return "<br>".join(lines)
