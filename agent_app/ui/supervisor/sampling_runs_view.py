"""Past sampling runs with their plan; a run can be drawn again to show that its seed still
picks the same follow-ups, or put back into the form to run it again. The selected run's seed
and task numbers stay folded under Details."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.supervision.sampling import (
    SamplingRunRecord,
    plan_of_run,
    redraw_run,
    sampling_runs,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.collapsible_section import CollapsibleSection
from agent_app.ui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.read_only_table import read_only_rows
from agent_app.ui.supervisor.sampling_access import may_see_run, plain_failure, run_departments
from agent_app.ui.supervisor.sampling_details import ids_text


def recorded_picks(record: SamplingRunRecord) -> tuple[int, ...]:
    """The parent tasks the run picked (with or without a new task)."""
    return tuple(sorted(parent for parent, _ in record.picks))


class SamplingRunsView(QWidget):
    """The runs the account may see, newest first, with "Draw again" and "Use in the form"."""

    sig_loaded = Signal(object)  # list[SamplingRunRecord] shown
    sig_redrawn = Signal(int, object, bool)  # run id, parent ids drawn now, same as recorded
    sig_reuse = Signal(object, int)  # SamplingPlan, seed: to load into the form

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._departments: dict[int, str] = {}
        self._names: dict[int, str] = {}
        self.records: list[SamplingRunRecord] = []

        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Run"),
                self.tr("Made"),
                self.tr("By"),
                self.tr("Level"),
                self.tr("Period"),
                self.tr("Departments"),
                self.tr("Quota"),
                self.tr("Picked / completed / new tasks"),
            ]
        )
        read_only_rows(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.redraw_button = QPushButton(self.tr("&Draw again"), self)
        self.redraw_button.setToolTip(self.tr("Draw the run again from its seed and quotas."))
        self.redraw_button.clicked.connect(self.redraw_selected)
        self.reuse_button = QPushButton(self.tr("&Use in the form"), self)
        self.reuse_button.clicked.connect(self._reuse_selected)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.details = CollapsibleSection(self.tr("Details (seed and task numbers)"), self)
        self.details_text = QLabel(self.details.body)
        self.details_text.setWordWrap(True)
        self.details_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.details.body).addWidget(self.details_text)

        buttons = QHBoxLayout()
        for button in (self.redraw_button, self.reuse_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(self.details)
        self._selection_changed()

    def set_names(self, departments: Mapping[int, str], names: Mapping[int, str]) -> None:
        self._departments = dict(departments)
        self._names = dict(names)

    # Loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        engine, account = self._engine, self._account

        def load() -> list[SamplingRunRecord]:
            return [r for r in sampling_runs(engine) if may_see_run(account, r)]

        run_in_background(load, self._show, self._failed, owner=self)

    def _show(self, records: list[SamplingRunRecord]) -> None:
        self.records = records
        self.table.setRowCount(0)
        for record in records:
            row = self.table.rowCount()
            self.table.insertRow(row)
            counts = record.counts
            cells = (
                str(record.id),
                record.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M"),
                self._names.get(record.created_by_id, f"#{record.created_by_id}"),
                self._level(record.level),
                f"{record.period_start.isoformat()} – {record.period_end.isoformat()}",
                self._department_text(run_departments(record)),
                self._quota_text(record),
                f"{counts.get('picked', '')} / {counts.get('population', '')} / "
                f"{counts.get('created', '')}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, column, item)
        self._selection_changed()
        self.sig_loaded.emit(records)

    def _failed(self, error: BaseException) -> None:
        self.outcome.setText(plain_failure(error))

    # Actions ------------------------------------------------------------------------------
    def select_run(self, run_id: int) -> None:
        for row, record in enumerate(self.records):
            if record.id == run_id:
                self.table.selectRow(row)
                return

    def selected(self) -> SamplingRunRecord | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.records[rows.pop()] if len(rows) == 1 else None

    def redraw_selected(self) -> None:
        """Draw the selected run again off the GUI thread and say whether it matches."""
        record = self.selected()
        if record is None:
            return
        engine = self._engine
        self.redraw_button.setEnabled(False)
        self.outcome.setText(self.tr("Drawing run {run} again…").format(run=record.id))
        run_in_background(
            lambda: redraw_run(engine, record.id),
            lambda picks: self._redrawn(record, picks),
            self._redraw_failed,
            owner=self,
        )

    def _redrawn(self, record: SamplingRunRecord, picks: tuple[int, ...]) -> None:
        self.redraw_button.setEnabled(self.selected() is not None)
        was = recorded_picks(record)
        same = picks == was
        if same:
            text = self.tr("Run {run} drawn again: the same {count} follow-ups.").format(
                run=record.id, count=len(picks)
            )
        else:
            text = self.tr(
                "Run {run} drawn again does not pick the follow-ups it recorded ({now} now,"
                " {was} then): the completed follow-ups of its period changed since."
            ).format(run=record.id, now=len(picks), was=len(was))
        self.outcome.setText(text)
        self._show_details(record, picks)
        self.sig_redrawn.emit(record.id, picks, same)

    def _redraw_failed(self, error: BaseException) -> None:
        self.redraw_button.setEnabled(self.selected() is not None)
        self.outcome.setText(plain_failure(error))

    def _reuse_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.sig_reuse.emit(plan_of_run(record), record.seed)

    def _selection_changed(self) -> None:
        record = self.selected()
        self.redraw_button.setEnabled(record is not None)
        self.reuse_button.setEnabled(record is not None)
        self._show_details(record, None)

    def _show_details(
        self, record: SamplingRunRecord | None, drawn: tuple[int, ...] | None
    ) -> None:
        if record is None:
            self.details_text.setText(self.tr("Select a run to see its seed."))
            return
        text = self.tr("Seed {seed}; picked follow-up tasks: {ids}.").format(
            seed=record.seed, ids=ids_text(recorded_picks(record))
        )
        if drawn is not None:
            text += " " + self.tr("Drawn again now: {ids}.").format(ids=ids_text(drawn))
        self.details_text.setText(text)

    # Text ---------------------------------------------------------------------------------
    def _level(self, level: CheckLevel) -> str:
        if level is CheckLevel.HOSPITAL:
            return self.tr("L3 hospital")
        return self.tr("L2 department")

    def _department_text(self, ids: tuple[int, ...] | None) -> str:
        if ids is None:
            return self.tr("All departments")
        return ", ".join(self._departments.get(i, f"#{i}") for i in ids)

    def _quota_text(self, record: SamplingRunRecord) -> str:
        plan = plan_of_run(record)
        text = self.tr("{percent}%, at least {minimum}").format(
            percent=f"{plan.quota.percent:g}", minimum=plan.quota.minimum
        )
        for department_id, quota in sorted(plan.department_quotas.items()):
            name = self._departments.get(department_id, f"#{department_id}")
            text += f"; {name} {quota.percent:g}% ≥{quota.minimum}"
        return text
