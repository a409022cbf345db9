"""Register a complaint or suggestion: by hand (find the patient) or from a call.

From the follow-up screen, for the call the patient complained on::

    dialog = RegisterComplaintDialog(engine, account, patient_id, attempt_id, parent=self)
    dialog.sig_registered.connect(...)  # ComplaintView
    dialog.open()

The complaint is written off the GUI thread through the desk's serial writer (after the
call's own rows, which it refers to). A refusal is shown in the dialog and nothing typed is
lost; the dialog closes only once the complaint is stored.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Engine

from agent_app.domain.views import PatientCard, StaffAccount
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.tasks import list_departments
from agent_app.supervision.complaints import ComplaintView, register_complaint
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.serial_writer import SerialWriter
from agent_app.ui.supervisor.complaint_form import ComplaintForm, patient_text
from agent_app.ui.supervisor.sampling_access import plain_failure


class RegisterComplaintDialog(QDialog):
    """Kind, department and text of a new complaint; Ctrl+Enter registers it."""

    sig_registered = Signal(object)  # ComplaintView
    sig_failed = Signal(str)  # the sentence shown

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        patient_id: int | None = None,
        attempt_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a complaint or suggestion"))
        self._engine = engine
        self._account = account
        self._attempt_id = attempt_id
        self._writer = SerialWriter(self)
        self.registered: ComplaintView | None = None

        self.form = ComplaintForm(engine, self)
        if patient_id is not None:
            self.form.fix_patient(patient_id, self.tr("Patient {id}").format(id=patient_id))
        if attempt_id is not None:
            self.form.set_from_call()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #8c1d18;")
        self.buttons = QDialogButtonBox(self)
        self.register_button = QPushButton(self.tr("&Register (Ctrl+Enter)"), self)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter belongs to the patient search; registering takes Ctrl+Enter or a click.
        for button in (self.register_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.register_button.clicked.connect(self.register)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.register)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.form.text.setFocus()
        self._load(patient_id)

    def _load(self, patient_id: int | None) -> None:
        engine = self._engine

        def load() -> tuple[list[tuple[int, str]], PatientCard | None]:
            card = patient_card(engine, patient_id, results=0) if patient_id is not None else None
            return list_departments(engine), card

        run_in_background(load, self._loaded, self._load_failed, owner=self)

    def _loaded(self, loaded: tuple[list[tuple[int, str]], PatientCard | None]) -> None:
        departments, card = loaded
        self.form.set_departments(departments)
        if card is not None:
            self.form.fix_patient(card.id, patient_text(card.name, card.mrn))

    def _load_failed(self, error: BaseException) -> None:
        self.error.setText(plain_failure(error))

    def register(self) -> None:
        """Store the complaint; on success the dialog closes with ``registered`` set."""
        if not self.register_button.isEnabled():
            return
        engine, me, attempt_id = self._engine, self._account.id, self._attempt_id
        summary, kind = self.form.summary(), self.form.kind_value()
        patient_id, department_id = self.form.patient_id(), self.form.department_id()
        self.register_button.setEnabled(False)
        self.error.clear()
        self._writer.submit(
            lambda: register_complaint(
                engine,
                me,
                summary,
                kind=kind,
                patient_id=patient_id,
                attempt_id=attempt_id,
                department_id=department_id,
            ),
            self._registered,
            self._failed,
        )

    def _registered(self, view: ComplaintView) -> None:
        self.registered = view
        self.register_button.setEnabled(True)
        self.sig_registered.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.register_button.setEnabled(True)
        message = plain_failure(error)
        self.error.setText(message)
        self.form.text.setFocus()
        self.sig_failed.emit(message)
