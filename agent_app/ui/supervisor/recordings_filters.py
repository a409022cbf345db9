"""The filter bar over the recordings: dates, department, agent, patient, outcome, length,
QA state and sort order.

Quality staff and administrators choose any department; everyone else sees their own
department only (the choice is fixed), and an agent sees only their own calls.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from agent_app.domain.enums import Disposition, Role
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.recordings import QaState, RecordingFilter, RecordingSort
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import list_departments
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import DISPOSITION_ORDER, disposition_name
from agent_app.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimer,
    QWidget,
    Signal,
)

ANY_DATE = QDate(2000, 1, 1)
ALL_DEPARTMENTS_ROLES = (Role.QUALITY, Role.ADMIN)
CHANGE_DELAY_MS = 250  # a burst of edits (typing a length, clearing fields) queries once


class RecordingsFilterBar(QWidget):
    sig_changed = Signal()

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.all_departments = account.role in ALL_DEPARTMENTS_ROLES
        self._accounts: list[StaffAccount] = []
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(CHANGE_DELAY_MS)
        self._delay.timeout.connect(self.sig_changed)

        self.date_from = self._date_edit(self.tr("Any"))
        self.date_to = self._date_edit(self.tr("Any"))
        self.department = QComboBox()
        if self.all_departments:
            self.department.addItem(self.tr("All departments"), None)
        else:
            self.department.addItem(account.department_name, account.department_id)
            self.department.setEnabled(False)
            self.department.setToolTip(self.tr("You see the recordings of your own department."))
        self.agent = QComboBox()
        self.agent.addItem(self.tr("All agents"), None)
        if account.role is Role.AGENT:
            self.agent.clear()
            self.agent.addItem(account.full_name, account.id)
            self.agent.setEnabled(False)
        self.patient = QLineEdit()
        self.patient.setPlaceholderText(self.tr("MRN or start of the name"))
        self.patient.setClearButtonEnabled(True)
        self.disposition = QComboBox()
        self.disposition.addItem(self.tr("Any outcome"), None)
        for disposition in DISPOSITION_ORDER:
            self.disposition.addItem(disposition_name(disposition), disposition.value)
        self.min_seconds = self._seconds_edit()
        self.max_seconds = self._seconds_edit()
        self.qa_state = QComboBox()
        self.qa_state.addItem(self.tr("Reviewed or not"), QaState.ANY.value)
        self.qa_state.addItem(self.tr("Not reviewed yet"), QaState.NOT_REVIEWED.value)
        self.qa_state.addItem(self.tr("Reviewed"), QaState.REVIEWED.value)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Newest first"), RecordingSort.NEWEST.value)
        self.sort.addItem(self.tr("Oldest first"), RecordingSort.OLDEST.value)
        self.sort.addItem(self.tr("Longest first"), RecordingSort.LONGEST.value)
        self.sort.addItem(self.tr("Shortest first"), RecordingSort.SHORTEST.value)
        self.sort.addItem(self.tr("By agent"), RecordingSort.AGENT.value)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = (
            (self.tr("&From"), self.date_from, self.tr("&To"), self.date_to),
            (self.tr("&Department"), self.department, self.tr("A&gent"), self.agent),
            (self.tr("&Patient"), self.patient, self.tr("&Outcome"), self.disposition),
            (self.tr("Length at &least"), self.min_seconds, self.tr("at &most"), self.max_seconds),
            (self.tr("&QA"), self.qa_state, self.tr("&Sort"), self.sort),
        )
        for r, (text1, field1, text2, field2) in enumerate(rows):
            for c, (text, field) in enumerate(((text1, field1), (text2, field2))):
                label = QLabel(text)
                label.setBuddy(field)
                grid.addWidget(label, r, 2 * c)
                grid.addWidget(field, r, 2 * c + 1)
        for box in (self.department, self.agent, self.disposition, self.qa_state, self.sort):
            box.currentIndexChanged.connect(self._delay.start)
        for date in (self.date_from, self.date_to):
            date.dateChanged.connect(self._delay.start)
        for spin in (self.min_seconds, self.max_seconds):
            spin.valueChanged.connect(self._delay.start)
        self.patient.returnPressed.connect(self._delay.start)
        self.patient.textChanged.connect(self._patient_edited)
        self.department.currentIndexChanged.connect(self._fill_agents)
        self._load_lists(engine)

    def _date_edit(self, any_text: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(any_text)  # shown at the minimum date: no limit
        edit.setDate(ANY_DATE)
        return edit

    def _seconds_edit(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 24 * 3600)
        spin.setSuffix(self.tr(" s"))
        spin.setSpecialValueText(self.tr("Any length"))
        return spin

    def _patient_edited(self, text: str) -> None:
        if not text.strip():  # cleared with the clear button: show everyone again
            self._delay.start()

    def _load_lists(self, engine: Engine) -> None:
        all_departments = self.all_departments

        def lists() -> tuple[list[tuple[int, str]], list[StaffAccount]]:
            departments = list_departments(engine) if all_departments else []
            return departments, list_accounts(engine)

        run_in_background(lists, self._lists_loaded, self._lists_failed, owner=self)

    def _lists_loaded(self, lists: tuple[list[tuple[int, str]], list[StaffAccount]]) -> None:
        departments, self._accounts = lists
        self.department.blockSignals(True)
        for department_id, name in departments:
            self.department.addItem(name, department_id)
        self.department.blockSignals(False)
        self._fill_agents()

    def _lists_failed(self, error: BaseException) -> None:
        self.agent.setToolTip(self.tr("The list of agents could not be read: {0}").format(error))

    def _fill_agents(self) -> None:
        if self.account.role is Role.AGENT:
            return
        department_id = self.department.currentData()
        chosen = self.agent.currentData()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItem(self.tr("All agents"), None)
        for person in self._accounts:
            if department_id is None or person.department_id == department_id:
                self.agent.addItem(person.full_name, person.id)
        index = self.agent.findData(chosen)
        self.agent.setCurrentIndex(max(index, 0))
        self.agent.blockSignals(False)

    def apply_now(self) -> None:
        """Query at once instead of after the short pause that gathers a burst of edits."""
        self._delay.stop()
        self.sig_changed.emit()

    def _day_start(self, date: QDate) -> dt.datetime:
        day: dt.date = date.toPython()  # type: ignore[assignment]
        return dt.datetime.combine(day, dt.time(), HOSPITAL_TZ)

    def recording_filter(self) -> RecordingFilter:
        """What the bar says, as the repository's filter (dates are the hospital's days)."""
        start = self.date_from.date()
        end = self.date_to.date()
        disposition = self.disposition.currentData()
        return RecordingFilter(
            started_from=None if start == ANY_DATE else self._day_start(start),
            started_before=None if end == ANY_DATE else self._day_start(end.addDays(1)),
            department_id=self.department.currentData(),
            staff_id=self.agent.currentData(),
            patient_text=self.patient.text().strip() or None,
            disposition=Disposition(disposition) if disposition else None,
            min_seconds=self.min_seconds.value() or None,
            max_seconds=self.max_seconds.value() or None,
            qa_state=QaState(self.qa_state.currentData()),
        )

    def recording_sort(self) -> RecordingSort:
        return RecordingSort(self.sort.currentData())
