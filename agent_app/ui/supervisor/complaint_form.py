"""The fields of a new complaint or suggestion: the patient (found by name, MRN or phone, or
given by the call it comes from), the kind, the department if known, and what was said."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from agent_app.domain.views import PatientHit
from agent_app.store.repositories.patients import search_patients
from agent_app.supervision.complaints import KINDS
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.supervisor.sampling_access import plain_failure


def patient_text(name: str, mrn: str) -> str:
    return f"{name} ({mrn})"


class ComplaintForm(QWidget):
    """Patient search (unless the patient is given), kind, department and text."""

    sig_searched = Signal(object)  # list[PatientHit] now listed

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._fixed_patient: int | None = None

        self.patient_label = QLabel(self.tr("No patient chosen"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, MRN or phone number"))
        self.search.returnPressed.connect(self.find_patients)
        self.search_button = QPushButton(self.tr("Find"), self)
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.find_patients)
        self.hits = QListWidget(self)
        self.hits.setMaximumHeight(110)
        self.hits.currentItemChanged.connect(self._hit_chosen)
        self.kind = QComboBox(self)
        labels = {
            "complaint": self.tr("Complaint"),
            "suggestion": self.tr("Suggestion"),
            "praise": self.tr("Praise"),
        }
        for kind in KINDS:
            self.kind.addItem(labels.get(kind, kind), kind)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("Decide later"), None)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What the patient or family said"))
        self.text.setTabChangesFocus(True)

        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.search_button)
        self.search_box = QWidget(self)
        search_layout = QVBoxLayout(self.search_box)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_layout.addLayout(search)
        search_layout.addWidget(self.hits)
        form = QFormLayout(self)
        form.addRow(self.tr("Patient"), self.patient_label)
        self._search_row_label = QLabel(self.tr("Find &patient"), self)
        self._search_row_label.setBuddy(self.search)
        form.addRow(self._search_row_label, self.search_box)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Department"), self.department)
        form.addRow(self.tr("&What was said"), self.text)

    # Filling ------------------------------------------------------------------------------
    def set_departments(self, departments: Sequence[tuple[int, str]]) -> None:
        keep = self.department.currentData()
        while self.department.count() > 1:
            self.department.removeItem(1)
        for department_id, name in departments:
            self.department.addItem(name, department_id)
        found = self.department.findData(keep)
        self.department.setCurrentIndex(max(found, 0))

    def fix_patient(self, patient_id: int, text: str) -> None:
        """The patient is known (a call's): no search."""
        self._fixed_patient = patient_id
        self.patient_label.setText(text)
        self.search_box.setVisible(False)
        self._search_row_label.setVisible(False)

    def set_from_call(self) -> None:
        """Without a department chosen, the core takes the call's."""
        self.department.setItemText(0, self.tr("The call's department"))

    # Search -------------------------------------------------------------------------------
    def find_patients(self) -> None:
        text = self.search.text().strip()
        if not text or self._fixed_patient is not None:
            return
        engine = self._engine
        self.search_button.setEnabled(False)
        run_in_background(
            lambda: search_patients(engine, text),
            self._found,
            self._search_failed,
            owner=self,
        )

    def _found(self, hits: list[PatientHit]) -> None:
        self.search_button.setEnabled(True)
        self.hits.clear()
        for hit in hits:
            item = QListWidgetItem(
                f"{patient_text(hit.name, hit.mrn)}  {hit.birth_date.isoformat()}", self.hits
            )
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, patient_text(hit.name, hit.mrn))
        if not hits:
            self.patient_label.setText(self.tr("No patient found for “{text}”.").format(
                text=self.search.text().strip()
            ))  # fmt: skip
        self.sig_searched.emit(hits)

    def _search_failed(self, error: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.patient_label.setText(plain_failure(error))

    def _hit_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.patient_label.setText(self.tr("No patient chosen"))
        else:
            self.patient_label.setText(str(item.data(Qt.ItemDataRole.UserRole + 1)))

    # Reading ------------------------------------------------------------------------------
    def patient_id(self) -> int | None:
        if self._fixed_patient is not None:
            return self._fixed_patient
        item = self.hits.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def department_id(self) -> int | None:
        value = self.department.currentData()
        return None if value is None else int(value)

    def summary(self) -> str:
        return self.text.toPlainText()
