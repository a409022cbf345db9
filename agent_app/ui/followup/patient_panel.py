"""The patient card of a follow-up: who, which stay, which numbers (each with Dial), the calls
so far (a recorded one plays on double-click), earlier results (double-click shows them) and
the text messages to and from the patient."""

from __future__ import annotations

import datetime as dt

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.reach_model import Suggestion
from agent_app.domain.views import ContactLine, PastResult, PatientCard
from agent_app.ui.enum_names import disposition_name
from agent_app.ui.followup.sms_history import SmsHistoryBox
from agent_app.ui.pop_card import relation_name, sex_name
from agent_app.ui.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class PatientPanel(QWidget):
    sig_dial = Signal(object)  # ContactLine
    sig_play_recording = Signal(str)  # recording id
    sig_show_result = Signal(object)  # PastResult

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel()
        # The best time to call, from the attempt history (hidden when there is no pattern).
        self.reach_label = QLabel()
        self.reach_label.setWordWrap(True)
        self.reach_label.setStyleSheet("color: #1a5f7a;")
        self.reach_label.hide()
        self.name_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.name_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        self.facts = QFormLayout()
        layout.addLayout(self.facts)
        layout.addWidget(self.reach_label)
        self.contacts_box = QGroupBox(self.tr("Phone numbers"))
        self.contacts_layout = QVBoxLayout(self.contacts_box)
        layout.addWidget(self.contacts_box)
        history_box = QGroupBox(self.tr("Calls so far"))
        history_layout = QVBoxLayout(history_box)
        self.history = QListWidget()
        self.history.itemActivated.connect(self._history_activated)
        history_layout.addWidget(self.history)
        layout.addWidget(history_box, 1)
        results_box = QGroupBox(self.tr("Earlier results"))
        results_layout = QVBoxLayout(results_box)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._result_activated)
        results_layout.addWidget(self.results)
        layout.addWidget(results_box, 1)
        self.sms = SmsHistoryBox()
        layout.addWidget(self.sms, 1)
        self.dial_buttons: list[QPushButton] = []
        self.contact_rows: list[QWidget] = []
        self._dial_enabled, self._dial_why = True, ""

    def show_reach(self, reach: Suggestion | None) -> None:
        """When the patient usually answers, and when to call if now is a poor time."""
        if reach is None:
            self.reach_label.setText(self.tr("No calling time in the next two days."))
            self.reach_label.show()
            return
        source = (
            self.tr("from this patient's calls")
            if reach.own_history
            else self.tr("from similar patients' calls")
        )
        parts = []
        if reach.best_hours is not None:
            start, end = reach.best_hours
            parts.append(
                self.tr("Usually answers {0}:00–{1}:00 ({2}).").format(
                    f"{start:02d}", f"{end:02d}", source
                )
            )
        later = reach.at - dt.datetime.now(dt.UTC)
        if later > dt.timedelta(minutes=30):
            when = reach.at.astimezone(HOSPITAL_TZ)
            day = (
                self.tr("today")
                if when.date() == dt.datetime.now(HOSPITAL_TZ).date()
                else when.strftime("%m-%d")
            )
            parts.append(
                self.tr("Best called {0} at {1} (chance {2}%).").format(
                    day, when.strftime("%H:%M"), round(reach.chance * 100)
                )
            )
        self.reach_label.setText(" ".join(parts))
        self.reach_label.setVisible(bool(parts))

    def show_card(self, card: PatientCard, today: dt.date) -> None:
        sex = sex_name(card.sex)
        self.name_label.setText(
            self.tr("{0} · {1} · {2} years").format(card.name, sex, card.age_on(today))
        )
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.facts.addRow(self.tr("MRN"), QLabel(card.mrn))
        self.facts.addRow(self.tr("ID number"), QLabel(card.id_number_masked))
        episode = card.episode
        if episode is not None:
            for label, value in (
                (self.tr("Department"), f"{episode.department_name} · {episode.ward}"),
                (self.tr("Stay"), f"{episode.admitted_on} → {episode.discharged_on}"),
                (self.tr("Diagnosis"), f"{episode.diagnosis_name} ({episode.diagnosis_code})"),
                (self.tr("Doctor"), episode.attending_doctor),
                (self.tr("Nurse"), episode.attending_nurse),
            ):
                value_label = QLabel(value)
                value_label.setWordWrap(True)
                self.facts.addRow(label, value_label)
        for row in self.contact_rows:
            row.deleteLater()
        self.contact_rows = []
        self.dial_buttons = []
        for number, contact in enumerate(card.contacts, 1):
            self._add_contact(number, contact)
        self.history.clear()
        for attempt in card.recent_attempts:
            when = attempt.started_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
            outcome = disposition_name(attempt.disposition) if attempt.disposition else "—"
            item = QListWidgetItem(f"{when}  {attempt.number}  {outcome}  {attempt.agent_name}")
            if attempt.recording_id is not None:
                item.setText("▶ " + item.text())
                item.setData(Qt.ItemDataRole.UserRole, attempt.recording_id)
                item.setToolTip(self.tr("Recorded: double-click or Enter to listen"))
            self.history.addItem(item)
        if not card.recent_attempts:
            self.history.addItem(self.tr("No calls yet."))
        self.results.clear()
        for result in card.past_results:
            self.results.addItem(self._result_item(result))
        if not card.past_results:
            self.results.addItem(self.tr("No results yet."))

    def _result_item(self, result: PastResult) -> QListWidgetItem:
        when = result.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d")
        parts = [when, result.template_title]
        if result.satisfaction is not None:
            parts.append(self.tr("satisfaction {0}").format(result.satisfaction))
        parts.append(result.agent_name)
        item = QListWidgetItem("  ".join(parts))
        item.setData(Qt.ItemDataRole.UserRole, result)
        item.setToolTip(self.tr("Double-click or Enter to read the answers"))
        return item

    def _history_activated(self, item: QListWidgetItem) -> None:
        recording = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(recording, str):
            self.sig_play_recording.emit(recording)

    def _result_activated(self, item: QListWidgetItem) -> None:
        result = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(result, PastResult):
            self.sig_show_result.emit(result)

    def _add_contact(self, number: int, contact: ContactLine) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        relation = relation_name(contact.relation)
        text = QLabel(f"{contact.name} ({relation})<br><b>{contact.number_display}</b>")
        line.addWidget(text, 1)
        button = QPushButton(self.tr("Dial"))
        if number <= 9:
            button.setShortcut(f"Alt+{number}")
        button.clicked.connect(lambda _=False, c=contact: self.sig_dial.emit(c))
        line.addWidget(button)
        self.contacts_layout.addWidget(row)
        self.contact_rows.append(row)
        self.dial_buttons.append(button)
        self._apply_dialing(button, len(self.dial_buttons))

    def set_dialing_enabled(self, enabled: bool, why: str = "") -> None:
        """Enable the Dial buttons, or disable them with ``why`` as their tooltip."""
        self._dial_enabled, self._dial_why = enabled, why
        for number, button in enumerate(self.dial_buttons, 1):
            self._apply_dialing(button, number)

    def _apply_dialing(self, button: QPushButton, number: int) -> None:
        button.setEnabled(self._dial_enabled)
        if not self._dial_enabled and self._dial_why:
            button.setToolTip(self._dial_why)
        elif number <= 9:
            button.setToolTip(self.tr("Dial this number (Alt+{0})").format(number))
        else:
            button.setToolTip("")
