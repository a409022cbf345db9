"""Agreement between check levels: per question, how often the spot-check heard what the
follow-up recorded, and every discrepancy (patient, question, L1 answer vs L2/L3 answer).

The period is the one the spot-check tasks are due in. Choosing a past run compares exactly
that run's spot-checks, and fills level, department and period in to match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.supervision.agreement import AgreementReport, level_agreement
from agent_app.supervision.sampling import SamplingRunRecord
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QBrush,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.read_only_table import read_only_rows
from agent_app.ui.supervisor.sampling_access import SamplingAccess, plain_failure, run_departments
from agent_app.ui.supervisor.sampling_plan_form import (
    ALL_DEPARTMENTS,
    fill_department_choices,
    last_month,
    qdate_to_date,
)

FLAG_BACKGROUND = QColor(253, 231, 233)
FLAG_TEXT = QColor(140, 29, 24)
_NO_RUN = -1


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def flag(item: QTableWidgetItem) -> None:
    """Mark a cell as a discrepancy (colour and weight, so it shows without colour too)."""
    item.setBackground(QBrush(FLAG_BACKGROUND))
    item.setForeground(QBrush(FLAG_TEXT))
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)


def is_flagged(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.background().color() == FLAG_BACKGROUND


class AgreementView(QWidget):
    """Choose level, period (or a past run), department and tolerance; see the agreement."""

    sig_shown = Signal(object)  # AgreementReport

    def __init__(
        self, engine: Engine, access: SamplingAccess, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._access = access
        self.report: AgreementReport | None = None

        self.run = QComboBox(self)
        self._run_checks: tuple[int, ...] | None = None  # the chosen run's spot-check tasks
        self.run.addItem(self.tr("No run: the dates below"), _NO_RUN)
        self.run.currentIndexChanged.connect(self._run_chosen)
        self.level = QComboBox(self)
        self.level.addItem(self.tr("Level 2: department spot-check"), int(CheckLevel.DEPARTMENT))
        self.level.addItem(self.tr("Level 3: hospital spot-check"), int(CheckLevel.HOSPITAL))
        today = dt.datetime.now(HOSPITAL_TZ).date()
        self.start = QDateEdit(_qdate(last_month(today)), self)
        self.end = QDateEdit(_qdate(today), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.department = QComboBox(self)
        self.tolerance = QSpinBox(self)
        self.tolerance.setRange(0, 4)
        self.tolerance.setToolTip(self.tr("Satisfaction scores this close count as agreeing."))
        self.show_button = QPushButton(self.tr("S&how (F5)"), self)
        self.show_button.clicked.connect(self.show_agreement)
        shortcut = QShortcut(QKeySequence("F5"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.show_agreement)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.questions = QTableWidget(0, 4, self)
        self.questions.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Compared"), self.tr("Agreeing"), self.tr("Agreement")]
        )
        self.discrepancies = QTableWidget(0, 6, self)
        for table in (self.questions, self.discrepancies):
            read_only_rows(table, single=False)
        self._discrepancy_headers(CheckLevel.DEPARTMENT)

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.end)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Past &run"), self.run)
        form.addRow(self.tr("&Level"), self.level)
        period_label = QLabel(self.tr("Spot-checks &due"), self)
        period_label.setBuddy(self.start)
        form.addRow(period_label, period)
        form.addRow(self.tr("&Department"), self.department)
        form.addRow(self.tr("Satisfaction &tolerance"), self.tolerance)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.show_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.questions)
        layout.addWidget(QLabel(self.tr("Discrepancies"), self))
        layout.addWidget(self.discrepancies, 1)
        if not access.may_sample:
            self.setEnabled(False)
            self.summary.setText(self.tr("Only supervisors and quality staff see agreement."))

    # Choices ------------------------------------------------------------------------------
    def set_departments(self, departments: Sequence[tuple[int, str]]) -> None:
        fill_department_choices(
            self.department, departments, self._access, self.tr("All departments")
        )
        if self._access.department_id is not None:
            self.department.setCurrentIndex(self.department.findData(self._access.department_id))

    def set_runs(self, records: Sequence[SamplingRunRecord]) -> None:
        self.run.blockSignals(True)
        while self.run.count() > 1:
            self.run.removeItem(1)
        for record in records:
            label = self.tr("Run {run}: L{level}, {start} – {end}, seed {seed}").format(
                run=record.id,
                level=int(record.level),
                start=record.period_start.isoformat(),
                end=record.period_end.isoformat(),
                seed=record.seed,
            )
            self.run.addItem(label, record)
        self.run.setCurrentIndex(0)
        self.run.blockSignals(False)

    def _run_chosen(self, index: int) -> None:
        record = self.run.itemData(index)
        if not isinstance(record, SamplingRunRecord):
            self._run_checks = None
            return
        self._run_checks = tuple(child for _, child in record.picks)
        self.level.setCurrentIndex(self.level.findData(int(record.level)))
        self.start.setDate(_qdate(record.created_at.astimezone(HOSPITAL_TZ).date()))
        self.end.setDate(_qdate(dt.datetime.now(HOSPITAL_TZ).date()))
        departments = run_departments(record)
        wanted = departments[0] if departments and len(departments) == 1 else ALL_DEPARTMENTS
        found = self.department.findData(wanted)
        if found >= 0 and self._access.allows_department(
            None if wanted == ALL_DEPARTMENTS else wanted
        ):
            self.department.setCurrentIndex(found)

    # Showing ------------------------------------------------------------------------------
    def show_agreement(self) -> None:
        """Compute the agreement for the chosen level, period and department off the GUI
        thread."""
        if not self._access.may_sample:
            return
        chosen = self.department.currentData()
        department_id = None if chosen in (None, ALL_DEPARTMENTS) else int(chosen)
        if not self._access.allows_department(department_id):
            department_id = self._access.department_id
        level = CheckLevel(self.level.currentData())
        start, end = qdate_to_date(self.start.date()), qdate_to_date(self.end.date())
        tolerance, engine, checks = self.tolerance.value(), self._engine, self._run_checks
        if end < start:
            self.summary.setText(self.tr("The period ends before it starts; swap the dates."))
            return
        self.show_button.setEnabled(False)
        self.summary.setText(self.tr("Comparing the levels…"))
        run_in_background(
            lambda: level_agreement(
                engine,
                level,
                start,
                end,
                department_id=department_id,
                tolerance=tolerance,
                check_ids=checks,
            ),
            self._shown,
            self._failed,
            owner=self,
        )

    def _shown(self, report: AgreementReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        self.summary.setText(
            self.tr(
                "{pairs} spot-checks compared with their follow-up; {flagged} flagged with"
                " {count} discrepancies."
            ).format(
                pairs=report.pairs, flagged=report.flagged_pairs, count=len(report.discrepancies)
            )
        )
        self.questions.setRowCount(0)
        for question in report.questions:
            row = self.questions.rowCount()
            self.questions.insertRow(row)
            rate = f"{question.rate:.0%}" if question.pairs else "—"
            cells = (
                self.question_label(question.question_id),
                str(question.pairs),
                str(question.agreeing),
                rate,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if question.agreeing < question.pairs:
                    flag(item)
                self.questions.setItem(row, column, item)
        self._discrepancy_headers(report.level)
        self.discrepancies.setRowCount(0)
        for d in report.discrepancies:
            row = self.discrepancies.rowCount()
            self.discrepancies.insertRow(row)
            found = (
                d.patient_name,
                d.agent_name,
                self.question_label(d.question_id),
                d.parent_answer,
                d.check_answer,
                str(d.task_id),
            )
            for column, text in enumerate(found):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.patient_id)
                if column in (3, 4):
                    flag(item)
                self.discrepancies.setItem(row, column, item)
        self.sig_shown.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.summary.setText(plain_failure(error))

    def _discrepancy_headers(self, level: CheckLevel) -> None:
        self.discrepancies.setHorizontalHeaderLabels(
            [
                self.tr("Patient"),
                self.tr("Agent (L1)"),
                self.tr("Question"),
                self.tr("L1 answer"),
                self.tr("L3 answer") if level is CheckLevel.HOSPITAL else self.tr("L2 answer"),
                self.tr("Spot-check task"),
            ]
        )

    def question_label(self, question_id: str) -> str:
        labels = {
            "satisfaction": self.tr("Satisfaction"),
            "revisit_known": self.tr("Knows the re-visit date"),
            "identity_confirmed": self.tr("Who answered"),
            "followup_received": self.tr("Was phoned for the follow-up"),
        }
        return labels.get(question_id, question_id)
