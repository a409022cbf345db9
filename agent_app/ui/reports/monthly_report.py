"""The monthly follow-up report as PDF: pick the month, then write it off the GUI thread with
a progress dialog fed by the report's own progress callback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QObject,
    QProgressDialog,
    Qt,
    QWidget,
    Signal,
)
from agent_app.ui.reports.stats_filter_bar import months_before


class MonthDialog(QDialog):
    """Asks which calendar month to report; proposes the last complete one."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly report"))
        last = months_before(today, 1)
        self.month_edit = QDateEdit(QDate(last.year, last.month, 1), self)
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setMaximumDate(QDate(today.year, today.month, 1))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Month:"), self.month_edit)
        form.addRow(buttons)

    def month(self) -> tuple[int, int]:
        chosen = self.month_edit.date()
        return chosen.year(), chosen.month()


class _ProgressRelay(QObject):
    sig_progress = Signal(int, int)  # emitted on the worker thread, delivered on the GUI one


class MonthlyReportJob(QObject):
    """Writes one monthly report at a time; ``sig_finished`` carries the Path written or the
    exception that stopped it."""

    sig_finished = Signal(object)

    def __init__(self, engine: Engine, account: StaffAccount, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._parent = parent
        self._relay = _ProgressRelay(self)
        self._relay.sig_progress.connect(self._progressed)
        self.dialog: QProgressDialog | None = None
        self.running = False

    def start(
        self, year: int, month: int, path: Path, department_id: int | None, department_name: str
    ) -> None:
        if self.running:
            return
        self.running = True
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = QProgressDialog(
            self.tr("Writing the monthly report for {year}-{month:02d}…").format(
                year=year, month=month
            ),
            "",
            0,
            1,
            self._parent,
        )
        dialog.setWindowTitle(self.tr("Monthly report"))
        dialog.setCancelButton(None)  # the PDF cannot be stopped half-written
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        dialog.show()
        self.dialog = dialog
        relay, engine, staff_id = self._relay, self._engine, self._account.id

        def write() -> Path:
            write_monthly_report(
                engine,
                staff_id,
                year,
                month,
                path,
                department_id=department_id,
                department_name=department_name,
                progress=lambda done, total, _label: relay.sig_progress.emit(done, total),
            )
            return path

        run_in_background(write, self._finish, self._finish, owner=self._parent)

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _finish(self, outcome: object) -> None:
        self.running = False
        if self.dialog is not None:
            # hide, not close: closing a progress dialog counts as Cancel and resets it
            self.dialog.hide()
        self.sig_finished.emit(outcome)
