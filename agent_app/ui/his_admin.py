"""Admin screen for the discharge import: run history, rejected rows, plans, import a file.

Construct it with the store the admin works on and put it in the admin menu::

    from agent_app.ui.his_admin import HisAdminWidget
    widget = HisAdminWidget(engine)            # engine: the store (central or demo SQLite)
    widget = HisAdminWidget(engine, mapping_path=Path("/etc/agent-app/his-mapping.json"))

``engine`` should be the store the discharge service imports into (the central PostgreSQL on a
site, the demo SQLite in demo mode): runs and rejected rows live there, not in a desk's local
copy. ``source`` (default "his") must be the name the service keys visits under, so a file
exported from the same HIS updates the same episodes instead of duplicating them.

Everything that touches the database (loading the tables, importing a file) runs through
``run_in_background``; the progress bar follows the rows imported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog  # not in ui/qt.py yet; only this screen needs it
from sqlalchemy import Engine

from agent_app.his.file_source import read_file
from agent_app.his.history import (
    PlanView,
    RejectedView,
    RunView,
    open_rejections,
    plan_overview,
    recent_runs,
)
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import RunReport, run_import
from agent_app.shipped_files import RESOURCES_DIR
from agent_app.ui.admin.text_table import TextTable
from agent_app.ui.background import run_in_background
from agent_app.ui.import_texts import (
    hours_text,
    plan_problem_text,
    rejection_text,
    rules_text,
    run_word,
    skipped_plans_text,
)
from agent_app.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

DEFAULT_MAPPING = RESOURCES_DIR / "his" / "mapping_zh.json"
FileChooser = Callable[[QWidget], Path | None]


class _ImportRelay(QObject):
    sig_total = Signal(int)  # emitted on the worker thread; delivered on the GUI thread
    sig_progress = Signal(int)


def _when(moment: Any) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _choose_with_dialog(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("HisAdminWidget", "Import discharged patients"),
        "",
        QCoreApplication.translate("HisAdminWidget", "Discharge exports (*.csv *.xlsx)"),
    )
    return Path(name) if name else None


class HisAdminWidget(QWidget):
    """Run history, rejected rows with reasons, follow-up plans, and "Import a file…"."""

    sig_loaded = Signal()  # the three tables were refreshed
    sig_import_finished = Signal(object)  # RunReport, or the exception that stopped the import
    sig_message = Signal(str)  # a warning for the desk's status bar (plans an import skipped)

    def __init__(
        self,
        engine: Engine,
        mapping_path: Path = DEFAULT_MAPPING,
        choose_file: FileChooser = _choose_with_dialog,
        parent: QWidget | None = None,
        source: str = "his",
    ) -> None:
        super().__init__(parent)
        self._source = source  # the same name as the service's: a visit is one episode
        self._engine = engine
        self._mapping_path = mapping_path
        self._choose_file = choose_file
        self._relay = _ImportRelay(self)

        self.runs = TextTable(
            [
                self.tr("Started"),
                self.tr("Source"),
                self.tr("Kind"),
                self.tr("Trigger"),
                self.tr("Status"),
                self.tr("Rows in"),
                self.tr("Created"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Rejected"),
                self.tr("Tasks created"),
                self.tr("Tasks updated"),
                self.tr("Tasks cancelled"),
                self.tr("Error"),
                self.tr("Plans skipped"),
            ],
            self,
        )
        self.rejected = TextTable(
            [
                self.tr("When"),
                self.tr("Source"),
                self.tr("Where"),
                self.tr("Visit number"),
                self.tr("Reason"),
            ],
            self,
        )
        self.plans = TextTable(
            [
                self.tr("Plan"),
                self.tr("Active"),
                self.tr("Questionnaire"),
                self.tr("Days after discharge"),
                self.tr("Attempts"),
                self.tr("Retry after (min)"),
                self.tr("SMS before call"),
                self.tr("Rules"),
                self.tr("Calling hours"),
                self.tr("Problem"),
            ],
            self,
        )
        self.tabs = QTabWidget(self)
        for model, title in (
            (self.runs, self.tr("Import runs")),
            (self.rejected, self.tr("Rejected rows")),
            (self.plans, self.tr("Follow-up plans")),
        ):
            view = QTableView(self.tabs)
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            self.tabs.addTab(view, title)

        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.import_button = QPushButton(self.tr("Import a file…"), self)
        self.import_button.clicked.connect(self.import_file)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c;")
        self.warning.setVisible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)

        self._relay.sig_total.connect(self._on_total)
        self._relay.sig_progress.connect(self.progress.setValue)
        self.refresh()

    # Loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        engine = self._engine

        def load() -> tuple[list[RunView], list[RejectedView], list[PlanView]]:
            return recent_runs(engine), open_rejections(engine), plan_overview(engine)

        run_in_background(load, self._show, self._failed, owner=self)

    def _show(self, loaded: tuple[list[RunView], list[RejectedView], list[PlanView]]) -> None:
        runs, rejected, plans = loaded
        self.runs.set_cells(
            [
                (
                    _when(r.started_at),
                    r.source,
                    run_word(r.kind),
                    run_word(r.trigger),
                    run_word(r.status),
                    *(
                        str(n)
                        for n in (
                            r.rows_in,
                            r.created,
                            r.updated,
                            r.unchanged,
                            r.rejected,
                            r.tasks_created,
                            r.tasks_updated,
                            r.tasks_cancelled,
                        )
                    ),
                    r.error,
                    skipped_plans_text(r.skipped_plans or []),
                )
                for r in runs
            ]
        )
        self._warn_skipped(runs[0].skipped_plans if runs else [])
        self.rejected.set_cells(
            [
                (
                    _when(r.created_at),
                    r.source,
                    r.row_ref,
                    r.visit_number,
                    rejection_text(r.reason, r.params),
                )
                for r in rejected
            ]
        )
        yes, no = self.tr("yes"), self.tr("no")
        self.plans.set_cells(
            [
                (
                    p.name,
                    yes if p.active else no,
                    p.template,
                    ", ".join(str(d) for d in p.offsets_days),
                    str(p.max_attempts),
                    str(p.retry_spacing_minutes),
                    yes if p.sms_before_call else no,
                    rules_text(p.rules),
                    hours_text(p.calling_hours),
                    self._plan_problem(p),
                )
                for p in plans
            ]
        )
        self.sig_loaded.emit()

    def _plan_problem(self, plan: PlanView) -> str:
        if plan.problem is not None:
            return plan_problem_text(plan.problem)
        if plan.spot_check:
            return self.tr("Spot-check plan: made by sampling, never by the import")
        return ""

    def _warn_skipped(self, skipped: list[dict[str, Any]]) -> None:
        """The newest run's skipped plans stay on the screen until a run applies every plan."""
        self.warning.setText(
            self.tr(
                "The newest import left out plans; fix them under Follow-up plans:\n{0}"
            ).format(skipped_plans_text(skipped))
            if skipped
            else ""
        )
        self.warning.setVisible(bool(skipped))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the import history: {0}").format(exc))
        self.sig_loaded.emit()

    # Import by hand -----------------------------------------------------------------------
    def import_file(self) -> None:
        path = self._choose_file(self)
        if path is None:
            return
        engine, mapping_path, relay, source = (
            self._engine,
            self._mapping_path,
            self._relay,
            self._source,
        )

        def work() -> RunReport:
            mapping = ColumnMapping.load(mapping_path)
            rows = list(read_file(path, mapping))
            relay.sig_total.emit(len(rows))
            return run_import(engine, source, "file", rows, on_progress=relay.sig_progress.emit)

        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Importing {0}…").format(path.name))
        run_in_background(work, self._imported, self._import_failed, owner=self)

    def _on_total(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))

    def _imported(self, report: RunReport) -> None:
        self.import_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr(
                "Imported: {0} rows, {1} new, {2} corrected, {3} unchanged, {4} rejected; "
                "{5} follow-up tasks created."
            ).format(
                report.rows_in,
                report.created,
                report.updated,
                report.unchanged,
                report.rejected,
                report.tasks_created,
            )
        )
        if report.skipped_plans:
            self.sig_message.emit(
                self.tr("Import finished, but plans were left out: {0}").format(
                    skipped_plans_text(report.skipped_plans).replace("\n", "; ")
                )
            )
        self.sig_import_finished.emit(report)
        self.refresh()

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText(self.tr("The import stopped: {0}").format(exc))
        self.sig_import_finished.emit(exc)
        self.refresh()
