"""What leaves the dashboard: table exports (CSV, XLSX), printing, and the monthly PDF.

Exports hold only the rows on screen, which were computed with the filter narrowed to the
account (restrict_to_account), and the core writes an audit row for each. The ``ask_*`` and
``offer_to_open`` methods are the only places that open dialogs, so tests replace them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.reports.export import export_csv, export_xlsx
from agent_app.reports.tables import Table
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QAction,
    QDesktopServices,
    QDialog,
    QFileDialog,
    QKeySequence,
    QLabel,
    QMessageBox,
    QObject,
    Qt,
    QTabWidget,
    QToolBar,
    QUrl,
    QWidget,
    Signal,
)
from agent_app.ui.reports.dashboard_figures import DashboardRequest, Page, PageFigures
from agent_app.ui.reports.monthly_report import MonthDialog, MonthlyReportJob
from agent_app.ui.reports.plain_errors import plain_message
from agent_app.ui.reports.stats_filter_bar import StatsFilterBar

if TYPE_CHECKING:
    from agent_app.ui.qt_media import QPrinter


class StatisticsOnScreen(Protocol):
    """What the outputs read off the dashboard: its figures, the request they answer, and
    the controls that say which page, department and status line."""

    engine: Engine
    account: StaffAccount
    figures: dict[Page, PageFigures] | None
    request: DashboardRequest | None
    status: QLabel
    tabs: QTabWidget
    filter_bar: StatsFilterBar

    def current_page(self) -> Page: ...

    def today(self) -> dt.date: ...


class DashboardOutputs(QObject):
    """The dashboard's Export, Export all, Print and Monthly report actions."""

    sig_exported = Signal(object)  # the Path written
    sig_export_failed = Signal(str)  # the sentence shown
    sig_report_finished = Signal(object)  # the Path written, or the exception

    def __init__(self, dashboard: StatisticsOnScreen, widget: QWidget) -> None:
        """``dashboard`` is what is shown; ``widget`` (the same dashboard) holds the actions
        and is the parent of every dialog."""
        super().__init__(widget)
        self.dashboard = dashboard
        self.widget = widget
        self.report_job = MonthlyReportJob(dashboard.engine, dashboard.account, widget)
        self.report_job.sig_finished.connect(self._report_finished)
        self.export_action = self._action(self.tr("&Export table…"), "Ctrl+E", self.export_current)
        self.export_all_action = self._action(
            self.tr("Export &all tables to XLSX…"), "Ctrl+Shift+E", self.export_all
        )
        self.print_action = self._action(self.tr("&Print…"), "Ctrl+P", self.print_current)
        self.report_action = self._action(
            self.tr("&Monthly report (PDF)…"), "Ctrl+M", self.monthly_report
        )
        if dashboard.account.role is Role.AGENT:
            # The monthly report covers a department or the hospital, more than an agent's own.
            self.report_action.setEnabled(False)

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.widget)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.widget.addAction(action)
        return action

    def add_actions(self, toolbar: QToolBar) -> None:
        for action in (
            self.export_action,
            self.export_all_action,
            self.print_action,
            self.report_action,
        ):
            toolbar.addAction(action)

    # Dialogs (replaced in tests) ------------------------------------------------------------

    def ask_export_path(self, suggested: str, allow_csv: bool) -> tuple[Path, str] | None:
        """Where to write and in which format, ``"csv"`` or ``"xlsx"``; None to cancel."""
        dialog = QFileDialog(self.widget, self.tr("Export"), str(Path.home() / suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV text (*.csv)")
        dialog.setNameFilters([xlsx, csv] if allow_csv else [xlsx])
        dialog.setDefaultSuffix("xlsx")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix("csv" if chosen == csv else "xlsx")
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        path = Path(dialog.selectedFiles()[0])
        as_csv = path.suffix.lower() == ".csv" or dialog.selectedNameFilter() == csv
        return path, "csv" if allow_csv and as_csv else "xlsx"

    def ask_printer(self) -> QPrinter | None:
        from agent_app.ui.qt_media import QPrintDialog, QPrinter  # loaded only to print

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.widget)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_monthly_report(self) -> tuple[int, int, Path] | None:
        """The month to report and the PDF to write, or None when the user cancels."""
        months = MonthDialog(self.dashboard.today(), self.widget)
        if months.exec() != QDialog.DialogCode.Accepted:
            return None
        year, month = months.month()
        name, _ = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Save the monthly report"),
            str(Path.home() / f"随访月报-{year}-{month:02d}.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return year, month, path if path.suffix else path.with_suffix(".pdf")

    def offer_to_open(self, path: Path) -> None:
        answer = QMessageBox.question(
            self.widget,
            self.tr("Monthly report"),
            self.tr("The report was saved as {path}. Open it now?").format(path=path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self.widget, self.tr("Statistics"), text)

    # Exports ------------------------------------------------------------------------------

    def export_current(self) -> None:
        """Export the current tab's table to CSV or XLSX, as the chosen file name says."""
        figures = self.dashboard.figures
        if figures is None:
            self.show_error(self.tr("There is nothing to export yet: refresh the statistics."))
            return
        table = figures[self.dashboard.current_page()].table
        chosen = self.ask_export_path(f"{table.name}.xlsx", allow_csv=True)
        if chosen is not None:
            self._export([table], chosen[0], as_csv=chosen[1] == "csv")

    def export_all(self) -> None:
        """Export every tab's table to one workbook, a sheet each."""
        figures = self.dashboard.figures
        if figures is None:
            self.show_error(self.tr("There is nothing to export yet: refresh the statistics."))
            return
        chosen = self.ask_export_path("statistics.xlsx", allow_csv=False)
        if chosen is not None:
            self._export([f.table for f in figures.values()], chosen[0], as_csv=False)

    def _export(self, tables: list[Table], path: Path, *, as_csv: bool) -> None:
        engine, staff_id = self.dashboard.engine, self.dashboard.account.id

        def write() -> int:
            if as_csv:
                return export_csv(engine, staff_id, tables[0], path)
            return export_xlsx(engine, staff_id, tables, path)

        def done(rows: int) -> None:
            self.dashboard.status.setStyleSheet("")
            self.dashboard.status.setText(
                self.tr("Exported {rows} rows to {path}.").format(rows=rows, path=path)
            )
            self.sig_exported.emit(path)

        def failed(error: BaseException) -> None:
            text = self.tr("The export did not complete.") + " " + plain_message(error)
            self.show_error(text)
            self.sig_export_failed.emit(text)

        run_in_background(write, done, failed, owner=self.widget)

    # Printing -----------------------------------------------------------------------------

    def print_current(self) -> None:
        """Print the current tab's chart and table."""
        figures, request = self.dashboard.figures, self.dashboard.request
        if figures is None or request is None:
            self.show_error(self.tr("There is nothing to print yet: refresh the statistics."))
            return
        printer = self.ask_printer()
        if printer is None:
            return
        from agent_app.ui.reports.page_printing import print_page

        page = self.dashboard.current_page()
        title = self.dashboard.tabs.tabText(self.dashboard.tabs.currentIndex()).replace("&", "")
        print_page(
            printer, title, request.filter.describe(), figures[page].chart, figures[page].table
        )

    # Monthly report -----------------------------------------------------------------------

    def monthly_report(self) -> None:
        """Ask for the month and file, then write the PDF with a progress dialog."""
        if not self.report_action.isEnabled() or self.report_job.running:
            return
        choice = self.ask_monthly_report()
        if choice is None:
            return
        year, month, path = choice
        account = self.dashboard.account
        if account.role is Role.SUPERVISOR:
            department_id, name = account.department_id, account.department_name
        else:
            department_id = self.dashboard.filter_bar.department.currentData()
            name = self.dashboard.filter_bar.department_name()
        self.report_job.start(year, month, path, department_id, name)

    def _report_finished(self, outcome: object) -> None:
        self.sig_report_finished.emit(outcome)
        if isinstance(outcome, BaseException):
            self.show_error(
                self.tr("The monthly report was not written.") + " " + plain_message(outcome)
            )
        elif isinstance(outcome, Path):
            self.offer_to_open(outcome)
