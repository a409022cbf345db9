"""One complaint: what it is, its history, and the next steps (assign, reply, close).

The steps the account may take in the complaint's state are enabled; the screen runs them and
the core has the last word. What is typed stays until the step succeeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from agent_app.domain.enums import ComplaintState
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.supervision.complaints import ComplaintView
from agent_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.read_only_table import read_only_rows
from agent_app.ui.supervisor.complaint_access import ComplaintAccess
from agent_app.ui.supervisor.sampling_plan_form import set_choice_enabled


def when(moment: dt.datetime) -> str:
    return moment.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")


class ComplaintDetail(QWidget):
    sig_assign = Signal(int, str)  # department id, note
    sig_reply = Signal(str)
    sig_close = Signal(str)  # note

    def __init__(self, access: ComplaintAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._access = access
        self.complaint: ComplaintView | None = None
        self._names: dict[int, str] = {}
        self._busy = False

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.patient = QLabel(self)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.history = QTableWidget(0, 5, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Step"), self.tr("Department"),
             self.tr("Text")]
        )  # fmt: skip
        read_only_rows(self.history, single=False)

        self.assign_department = QComboBox(self)
        self.assign_note = QLineEdit(self)
        self.assign_note.setPlaceholderText(self.tr("Note for the department (optional)"))
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.clicked.connect(self._assign)
        self.reply_text = QPlainTextEdit(self)
        self.reply_text.setPlaceholderText(self.tr("The department's reply"))
        self.reply_text.setTabChangesFocus(True)
        self.reply_text.setMaximumHeight(90)
        self.reply_button = QPushButton(self.tr("Re&ply"), self)
        self.reply_button.clicked.connect(
            lambda: self.sig_reply.emit(self.reply_text.toPlainText())
        )
        self.close_note = QLineEdit(self)
        self.close_note.setPlaceholderText(self.tr("Closing note (optional)"))
        self.close_button = QPushButton(self.tr("C&lose complaint"), self)
        self.close_button.clicked.connect(lambda: self.sig_close.emit(self.close_note.text()))
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        steps = QGroupBox(self.tr("Next step"), self)
        grid = QGridLayout(steps)
        grid.addWidget(self.assign_department, 0, 0)
        grid.addWidget(self.assign_note, 0, 1)
        grid.addWidget(self.assign_button, 0, 2)
        grid.addWidget(self.reply_text, 1, 0, 1, 2)
        grid.addWidget(self.reply_button, 1, 2)
        grid.addWidget(self.close_note, 2, 0, 1, 2)
        grid.addWidget(self.close_button, 2, 2)
        facts = QFormLayout()
        facts.addRow(self.tr("Patient"), self.patient)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(facts)
        layout.addWidget(self.facts)
        layout.addWidget(self.history, 1)
        layout.addWidget(steps)
        layout.addWidget(self.message)
        self.show_complaint(None)

    def set_departments(self, departments: Sequence[tuple[int, str]]) -> None:
        self.assign_department.clear()
        for department_id, name in departments:
            self.assign_department.addItem(name, department_id)
        self._update_choices()
        if self.complaint is not None:
            self._choose_department(self.complaint)

    def set_names(self, names: Mapping[int, str]) -> None:
        self._names = dict(names)

    # Showing ------------------------------------------------------------------------------
    def show_complaint(self, complaint: ComplaintView | None) -> None:
        """Show ``complaint`` (None: nothing chosen). Text typed for the same complaint stays."""
        other = complaint is None or self.complaint is None or complaint.id != self.complaint.id
        if other:
            self.assign_note.clear()
            self.reply_text.clear()
            self.close_note.clear()
            self.message.clear()
            self.patient.clear()
        self.complaint = complaint
        if other and complaint is not None:
            self._choose_department(complaint)
        self.history.setRowCount(0)
        if complaint is None:
            self.heading.setText(self.tr("Choose a complaint in the list."))
            self.facts.clear()
        else:
            self.heading.setText(f"{self.kind_label(complaint.kind)}: {complaint.summary}")
            facts = self.tr("{state} · {department} · registered {when} by {who}").format(
                state=self.state_label(complaint.state),
                department=complaint.department_name or self.tr("no department yet"),
                when=when(complaint.created_at),
                who=self._name(complaint.created_by_id),
            )
            if complaint.closed_at is not None:
                facts += " · " + self.tr("closed {when}").format(when=when(complaint.closed_at))
            if complaint.attempt_id is not None:
                facts += " · " + self.tr("from a call")
            self.facts.setText(facts)
            if complaint.patient_id is None:
                self.patient.setText(self.tr("none given"))
            for event in complaint.history:
                row = self.history.rowCount()
                self.history.insertRow(row)
                cells = (
                    when(event.at),
                    self._name(event.staff_id),
                    self.step_label(event.step),
                    self._departments().get(event.department_id or 0, ""),
                    event.text,
                )
                for column, text in enumerate(cells):
                    self.history.setItem(row, column, QTableWidgetItem(text))
        self._update_choices()

    def set_patient(self, text: str) -> None:
        self.patient.setText(text)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #8c1d18;" if error else "")

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_choices()

    def _update_choices(self) -> None:
        complaint, busy = self.complaint, self._busy
        for step, widgets in (
            ("assign", (self.assign_department, self.assign_note, self.assign_button)),
            ("reply", (self.reply_text, self.reply_button)),
            ("close", (self.close_note, self.close_button)),
        ):
            allowed = complaint is not None and self._access.may(step, complaint)
            for widget in widgets:
                widget.setEnabled(allowed and not busy)
        if complaint is None:
            return
        combo = self.assign_department
        for index in range(combo.count()):
            allowed = self._access.may_assign_to(complaint, int(combo.itemData(index)))
            set_choice_enabled(combo, index, allowed)

    def _choose_department(self, complaint: ComplaintView) -> None:
        combo = self.assign_department
        wanted = complaint.department_id
        if wanted is None or not self._access.may_assign_to(complaint, wanted):
            wanted = self._access.department_id
        found = combo.findData(wanted)
        if found >= 0:
            combo.setCurrentIndex(found)

    def _assign(self) -> None:
        value = self.assign_department.currentData()
        if value is not None:
            self.sig_assign.emit(int(value), self.assign_note.text())

    # Text ---------------------------------------------------------------------------------
    def _name(self, staff_id: int) -> str:
        return self._names.get(staff_id, f"#{staff_id}")

    def _departments(self) -> dict[int, str]:
        combo = self.assign_department
        return {int(combo.itemData(i)): combo.itemText(i) for i in range(combo.count())}

    def kind_label(self, kind: str) -> str:
        labels = {
            "complaint": self.tr("Complaint"),
            "suggestion": self.tr("Suggestion"),
            "praise": self.tr("Praise"),
        }
        return labels.get(kind, kind)

    def state_label(self, state: ComplaintState) -> str:
        labels = {
            ComplaintState.OPEN: self.tr("Open"),
            ComplaintState.ASSIGNED: self.tr("Assigned"),
            ComplaintState.REPLIED: self.tr("Replied"),
            ComplaintState.CLOSED: self.tr("Closed"),
        }
        return labels[state]

    def step_label(self, step: str) -> str:
        labels = {
            "register": self.tr("Registered"),
            "assign": self.tr("Assigned"),
            "reply": self.tr("Replied"),
            "close": self.tr("Closed"),
        }
        return labels.get(step, step)
