"""Complaints and suggestions: the list (by state and department), one complaint's history,
and its next step (assign, reply, close); new ones registered by hand.

    screen = ComplaintsScreen(engine, account)

Every read runs off the GUI thread, every step through the desk's serial writer; a refused
step is said in the core's words under the complaint and what was typed stays.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.domain.enums import ComplaintState
from agent_app.domain.views import PatientCard, StaffAccount
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import list_departments
from agent_app.supervision.complaints import (
    ComplaintView,
    assign_complaint,
    close_complaint,
    list_complaints,
    reply_complaint,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.read_only_table import read_only_rows
from agent_app.ui.serial_writer import SerialWriter
from agent_app.ui.supervisor.complaint_access import complaint_access
from agent_app.ui.supervisor.complaint_detail import ComplaintDetail, when
from agent_app.ui.supervisor.complaint_form import patient_text
from agent_app.ui.supervisor.register_complaint_dialog import RegisterComplaintDialog
from agent_app.ui.supervisor.sampling_access import plain_failure
from agent_app.ui.supervisor.sampling_plan_form import ALL_DEPARTMENTS, set_choice_enabled

Reference = tuple[list[tuple[int, str]], dict[int, str]]


class ComplaintsScreen(QWidget):
    """List, detail with history, next steps; Ctrl+N registers, F5 reloads."""

    sig_loaded = Signal()  # the list shows what the filters ask for
    sig_changed = Signal(object)  # ComplaintView after a step succeeded
    sig_failed = Signal(str)  # the sentence shown for a refused step

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._access = complaint_access(account)
        self._writer = SerialWriter(self)
        self._departments: list[tuple[int, str]] = []
        self.complaints: list[ComplaintView] = []
        self.register_dialog: RegisterComplaintDialog | None = None
        self._select_after_load: uuid.UUID | None = None

        self.state = QComboBox(self)
        self.state.addItem(self.tr("All states"), None)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("All departments"), ALL_DEPARTMENTS)
        self.new_button = QPushButton(self.tr("&New… (Ctrl+N)"), self)
        self.new_button.clicked.connect(self.register_by_hand)
        self.new_button.setEnabled(self._access.may_register)
        self.refresh_button = QPushButton(self.tr("Re&fresh (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        for keys, action in (("Ctrl+N", self.register_by_hand), ("F5", self.refresh)):
            shortcut = QShortcut(QKeySequence(keys), self)
            # Only while working in this screen: Ctrl+N is the desk's "next follow-up" too.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Registered"), self.tr("Kind"), self.tr("State"), self.tr("Department"),
             self.tr("Summary")]
        )  # fmt: skip
        read_only_rows(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel(self)
        self.detail = ComplaintDetail(self._access, self)
        self.detail.sig_assign.connect(self._assign)
        self.detail.sig_reply.connect(self._reply)
        self.detail.sig_close.connect(self._close)
        for state in ComplaintState:
            self.state.addItem(self.detail.state_label(state), state)
        self.state.currentIndexChanged.connect(self.refresh)
        self.department.currentIndexChanged.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State"), self))
        filters.addWidget(self.state)
        filters.addWidget(QLabel(self.tr("Department"), self))
        filters.addWidget(self.department)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        filters.addWidget(self.refresh_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        if not self._access.may_register:
            self.status.setText(self.tr("Administrators do not handle complaints."))
        self.table.setFocus()
        self._load_reference()

    # Loading ------------------------------------------------------------------------------
    def _load_reference(self) -> None:
        engine = self._engine

        def load() -> Reference:
            return list_departments(engine), {a.id: a.full_name for a in list_accounts(engine)}

        run_in_background(load, self._reference_loaded, self._load_failed, owner=self)

    def _reference_loaded(self, loaded: Reference) -> None:
        departments, names = loaded
        self._departments = departments
        self.detail.set_names(names)
        self.detail.set_departments(departments)
        self.department.blockSignals(True)
        for department_id, name in departments:
            self.department.addItem(name, department_id)
        if not self._access.sees_all:
            # "All" is what the account may see: its department and what it registered.
            for index in range(1, self.department.count()):
                own = self.department.itemData(index) == self._access.department_id
                set_choice_enabled(self.department, index, own)
        self.department.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list for the filters; the chosen complaint stays chosen."""
        if self._select_after_load is None and self.detail.complaint is not None:
            self._select_after_load = self.detail.complaint.id
        engine, access = self._engine, self._access
        state = self.state.currentData()
        chosen = self.department.currentData()
        department_id = None if chosen in (None, ALL_DEPARTMENTS) else int(chosen)

        def load() -> list[ComplaintView]:
            found = list_complaints(engine, state=state, department_id=department_id)
            return [c for c in found if access.may_see(c)]

        run_in_background(load, self._show, self._load_failed, owner=self)

    def _show(self, complaints: list[ComplaintView]) -> None:
        wanted, self._select_after_load = self._select_after_load, None
        self.complaints = complaints
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for complaint in complaints:
            self._fill_row(self.table.rowCount(), complaint)
        self.table.blockSignals(False)
        self.status.setText(self.tr("{count} shown.").format(count=len(complaints)))
        if wanted is None or not self.select(wanted):
            self.detail.show_complaint(None)
        self.sig_loaded.emit()

    def _fill_row(self, row: int, complaint: ComplaintView) -> None:
        if row == self.table.rowCount():
            self.table.insertRow(row)
        cells = (
            when(complaint.created_at),
            self.detail.kind_label(complaint.kind),
            self.detail.state_label(complaint.state),
            complaint.department_name,
            complaint.summary,
        )
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _load_failed(self, error: BaseException) -> None:
        self.status.setText(plain_failure(error))

    # Choosing -----------------------------------------------------------------------------
    def select(self, complaint_id: uuid.UUID) -> bool:
        for row, complaint in enumerate(self.complaints):
            if complaint.id == complaint_id:
                self.table.selectRow(row)
                self._show_detail(complaint)
                return True
        return False

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        self._show_detail(self.complaints[rows.pop()] if len(rows) == 1 else None)

    def _show_detail(self, complaint: ComplaintView | None) -> None:
        same_patient = (
            complaint is not None
            and self.detail.complaint is not None
            and self.detail.complaint.id == complaint.id
        )
        self.detail.show_complaint(complaint)
        if complaint is None or complaint.patient_id is None or same_patient:
            return
        engine, patient_id, viewer = self._engine, complaint.patient_id, self._account.id
        run_in_background(
            lambda: patient_card(
                engine, patient_id, attempts=0, results=0, viewer_id=viewer, seen_in="complaint"
            ),
            lambda card: self._patient_loaded(complaint.id, card),
            lambda error: self.detail.set_patient(plain_failure(error)),
            owner=self,
        )

    def _patient_loaded(self, complaint_id: uuid.UUID, card: PatientCard) -> None:
        if self.detail.complaint is not None and self.detail.complaint.id == complaint_id:
            self.detail.set_patient(patient_text(card.name, card.mrn))

    # Steps --------------------------------------------------------------------------------
    def register_by_hand(self) -> None:
        """Open the registration dialog; the new complaint is chosen once stored."""
        if not self._access.may_register:
            return
        dialog = RegisterComplaintDialog(self._engine, self._account, parent=self)
        dialog.sig_registered.connect(self._registered)
        self.register_dialog = dialog
        dialog.open()

    def _registered(self, view: ComplaintView) -> None:
        self._select_after_load = view.id
        self.refresh()

    def _assign(self, department_id: int, note: str) -> None:
        self._step(lambda e, me, c: assign_complaint(e, me, c, department_id, note))

    def _reply(self, text: str) -> None:
        self._step(lambda e, me, c: reply_complaint(e, me, c, text))

    def _close(self, note: str) -> None:
        self._step(lambda e, me, c: close_complaint(e, me, c, note))

    def _step(self, move: Callable[[Engine, int, uuid.UUID], ComplaintView]) -> None:
        complaint = self.detail.complaint
        if complaint is None:
            return
        engine, me, complaint_id = self._engine, self._account.id, complaint.id
        self.detail.set_busy(True)
        self.detail.say(self.tr("Saving…"))
        self._writer.submit(lambda: move(engine, me, complaint_id), self._moved, self._step_failed)

    def _moved(self, view: ComplaintView) -> None:
        self.detail.set_busy(False)
        self.detail.show_complaint(None)  # the typed text went into the history
        for row, complaint in enumerate(self.complaints):
            if complaint.id == view.id:
                self.complaints[row] = view
                self._fill_row(row, view)
                self.select(view.id)
                break
        self.detail.say(self.tr("Saved."))
        self.sig_changed.emit(view)

    def _step_failed(self, error: BaseException) -> None:
        self.detail.set_busy(False)
        message = plain_failure(error)
        self.detail.say(message, error=True)
        self.sig_failed.emit(message)
        self.refresh()  # the complaint may have moved on elsewhere; typed text stays
