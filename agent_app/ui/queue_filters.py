"""The filter bar over the queue: search by name, MRN or phone; status, level, department."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel, Role, TaskStatus
from agent_app.domain.views import PatientHit
from agent_app.store.repositories.patients import search_patients
from agent_app.store.repositories.tasks import list_departments
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLineEdit,
    QShortcut,
    QWidget,
    Signal,
)

SEARCH_LIMIT = 200
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueFilters:
    patient_ids: tuple[int, ...] | None = None
    status: TaskStatus | None = None
    level: CheckLevel | None = None
    department_id: int | None = None


class QueueFilterBar(QWidget):
    sig_changed = Signal(object)  # QueueFilters

    def __init__(self, engine: Engine, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.patient_ids: tuple[int, ...] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, MRN or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.returnPressed.connect(self._search)
        self.search.textChanged.connect(self._text_changed)
        QShortcut(QKeySequence("Ctrl+F"), parent or self).activated.connect(self._focus_search)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Pending"), TaskStatus.PENDING.value)
        self.status.addItem(self.tr("In progress"), TaskStatus.IN_PROGRESS.value)
        self.level = QComboBox()
        self.level.addItem(self.tr("All levels"), None)
        self.level.addItem(self.tr("L1 own follow-ups"), 1)
        self.level.addItem(self.tr("L2 department spot-checks"), 2)
        self.level.addItem(self.tr("L3 hospital spot-checks"), 3)
        self.department = QComboBox()
        self.department.addItem(self.tr("All departments"), None)
        if role in (Role.QUALITY, Role.ADMIN):  # the list is read off the GUI thread
            run_in_background(
                lambda: list_departments(engine), self._add_departments, self._no_departments,
                owner=self,
            )  # fmt: skip
        else:
            self.department.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.status, self.level, self.department):
            layout.addWidget(widget)
        for box in (self.status, self.level, self.department):
            box.currentIndexChanged.connect(self._emit)

    def _add_departments(self, departments: list[tuple[int, str]]) -> None:
        for department_id, name in departments:
            self.department.addItem(name, department_id)

    def _no_departments(self, error: BaseException) -> None:
        log.warning("the departments for the queue filter could not be read: %s", error)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _text_changed(self, text: str) -> None:
        if not text.strip() and self.patient_ids is not None:
            self.patient_ids = None
            self._emit()

    def _search(self) -> None:
        text, engine = self.search.text(), self.engine
        if not text.strip():
            return
        run_in_background(
            lambda: search_patients(engine, text, SEARCH_LIMIT),
            self._found,
            lambda exc: self.search.setToolTip(str(exc)),
            owner=self,
        )

    def _found(self, hits: list[PatientHit]) -> None:
        self.patient_ids = tuple(hit.id for hit in hits)
        self._emit()

    def filters(self) -> QueueFilters:
        status = self.status.currentData()
        level = self.level.currentData()
        return QueueFilters(
            self.patient_ids,
            TaskStatus(status) if status else None,
            CheckLevel(level) if level else None,
            self.department.currentData(),
        )

    def _emit(self) -> None:
        self.sig_changed.emit(self.filters())
