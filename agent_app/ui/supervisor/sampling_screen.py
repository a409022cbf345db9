"""The spot-check console: sample L2/L3 spot-checks, look back at past runs, compare levels.

Construct it with the connection the supervisor works on (the central server when online, so
the new spot-check tasks are written there; the local store in the demo)::

    screen = SamplingScreen(engine, account)

Previewing and creating run off the GUI thread (creating through the desk's serial writer,
with a busy bar); the core's errors are shown as they are worded, the form is never reset.
The preview counts the picks per agent by name; creating draws the sample first and asks once,
naming how many tasks it will add. The seed and the task numbers stay folded under Details.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import list_departments
from agent_app.supervision.errors import SamplingError
from agent_app.supervision.sampling import SamplingPlan, SamplingResult, Stratum, run_sampling
from agent_app.supervision.sampling_preview import SamplingPreview, preview_sampling
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QShortcut,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.read_only_table import read_only_rows
from agent_app.ui.serial_writer import SerialWriter
from agent_app.ui.supervisor.agreement_view import AgreementView
from agent_app.ui.supervisor.sampling_access import plain_failure, sampling_access
from agent_app.ui.supervisor.sampling_details import SamplingDetails
from agent_app.ui.supervisor.sampling_plan_form import PlanFormError, SamplingPlanForm
from agent_app.ui.supervisor.sampling_runs_view import SamplingRunsView

STRATA_COLUMNS = 4  # department, agent, completed, picked


class SamplingScreen(QWidget):
    """Sampling form with preview and create, the past runs, and the agreement tab."""

    sig_loaded = Signal()  # departments, names and past runs are shown
    sig_previewed = Signal(object)  # tuple[Stratum, ...] the preview shows
    sig_created = Signal(object)  # SamplingResult
    sig_failed = Signal(str)  # the sentence shown for a failed preview or creation

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._access = sampling_access(account)
        self._departments: dict[int, str] = {}
        self._names: dict[int, str] = {}
        self._writer = SerialWriter(self)
        self._busy = False

        self.form = SamplingPlanForm(self._access, self)
        self.preview_button = QPushButton(self.tr("&Preview (F5)"), self)
        self.preview_button.clicked.connect(self.preview)
        self.create_button = QPushButton(self.tr("&Create spot-check tasks (Ctrl+Enter)"), self)
        self.create_button.clicked.connect(self.create_tasks)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # the core reports no steps: a busy bar
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.strata = QTableWidget(0, STRATA_COLUMNS, self)
        self.strata.setHorizontalHeaderLabels(
            [
                self.tr("Department"),
                self.tr("Agent"),
                self.tr("Completed follow-ups"),
                self.tr("Picked"),
            ]
        )
        read_only_rows(self.strata, single=False)
        self.summary = QLabel(self)
        self.details = SamplingDetails(self)

        self.runs = SamplingRunsView(engine, account, self)
        self.runs.sig_reuse.connect(self._reuse_run)
        self.agreement = AgreementView(engine, self._access, self)
        self.runs.sig_loaded.connect(self.agreement.set_runs)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.progress, 1)
        sample = QWidget(self)
        sample_layout = QVBoxLayout(sample)
        sample_layout.addWidget(self.form)
        sample_layout.addLayout(buttons)
        sample_layout.addWidget(self.status)
        sample_layout.addWidget(self.summary)
        sample_layout.addWidget(self.strata, 1)
        sample_layout.addWidget(self.details)
        for keys, action in (("F5", self.preview), ("Ctrl+Return", self.create_tasks)):
            shortcut = QShortcut(QKeySequence(keys), sample)
            # Scoped to the tab: F5 on the agreement tab means "show" there.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(sample, self.tr("&Sample"))
        self.tabs.addTab(self.runs, self.tr("Past &runs"))
        self.tabs.addTab(self.agreement, self.tr("&Agreement"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        if not self._access.may_sample:
            self.form.setEnabled(False)
            self._say(self.tr("Only supervisors and quality staff run spot-checks."))
        self._set_busy(False)
        self.form.level.setFocus()
        self.refresh()

    # Loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the departments and staff names, then the past runs."""
        engine = self._engine

        def load() -> tuple[list[tuple[int, str]], dict[int, str]]:
            names = {a.id: a.full_name for a in list_accounts(engine)}
            return list_departments(engine), names

        run_in_background(load, self._loaded, self._load_failed, owner=self)

    def _loaded(self, loaded: tuple[list[tuple[int, str]], dict[int, str]]) -> None:
        departments, names = loaded
        self._departments = dict(departments)
        self._names = names
        self.form.set_departments(departments)
        self.runs.set_names(self._departments, names)
        self.agreement.set_departments(departments)
        self.runs.reload()
        self.sig_loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._say(plain_failure(error), error=True)

    # Preview and create -------------------------------------------------------------------
    def _read_form(self) -> tuple[SamplingPlan, int] | None:
        try:
            return self.form.read(), self.details.seed()
        except (PlanFormError, SamplingError) as error:
            self._say(str(error), error=True)
            self.sig_failed.emit(str(error))
            return None

    def preview(self) -> None:
        """Draw the sample the form describes, without writing anything."""
        self._draw(self.tr("Drawing the sample…"), self._previewed)

    def create_tasks(self) -> None:
        """Draw the sample, ask once (naming how many tasks it adds), then create its
        spot-check tasks and record the run."""
        self._draw(self.tr("Drawing the sample to create…"), self._confirm_and_create)

    def _draw(self, doing: str, then: Callable[[SamplingPlan, SamplingPreview], None]) -> None:
        if not self._access.may_sample or self._busy:
            return
        read = self._read_form()
        if read is None:
            return
        plan, seed = read
        engine = self._engine
        self._set_busy(True)
        self._say(doing)
        run_in_background(
            lambda: preview_sampling(engine, plan, seed),
            lambda preview: then(plan, preview),
            self._failed,
            owner=self,
        )

    def _previewed(self, plan: SamplingPlan, preview: SamplingPreview) -> None:
        self._set_busy(False)
        self._show_preview(plan.level, preview)
        self._say(self._preview_text(preview) + " " + self.tr("Nothing is created yet."))
        self.sig_previewed.emit(preview.strata)

    def _preview_text(self, preview: SamplingPreview) -> str:
        text = self.tr(
            "{picked} of {population} completed follow-ups are picked: {new} new spot-check tasks."
        ).format(picked=preview.picked, population=preview.population, new=preview.new_tasks)
        if preview.already_checked:
            text += " " + self.tr("{count} already have a spot-check at this level.").format(
                count=preview.already_checked
            )
        return text

    def _confirm_and_create(self, plan: SamplingPlan, preview: SamplingPreview) -> None:
        self._show_preview(plan.level, preview)
        if preview.new_tasks == 0:
            self._set_busy(False)
            self._say(self._preview_text(preview) + " " + self.tr("There is nothing to create."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Create spot-check tasks"),
            self.tr(
                "Create {count} spot-check tasks? They are added to the follow-up queue at once."
            ).format(count=preview.new_tasks)
            + "\n\n"
            + self._preview_text(preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._set_busy(False)
            self._say(self.tr("Nothing was created."))
            return
        engine, me = self._engine, self._account.id
        assign_to = me if self.form.assign_to_me.isChecked() else None
        seed = preview.seed
        self._say(self.tr("Creating the spot-check tasks…"))
        self._writer.submit(
            lambda: run_sampling(engine, me, plan, seed=seed, assign_to=assign_to),
            lambda result: self._created(plan, result),
            self._failed,
        )

    def _created(self, plan: SamplingPlan, result: SamplingResult) -> None:
        self._set_busy(False)
        self._show_strata(plan.level, result.strata)
        self.details.show_picks(sorted(p for p, _ in result.created))
        text = self.tr("Created {created} spot-check tasks for {picked} picked follow-ups.").format(
            created=len(result.created), picked=result.picked
        )
        if result.already_checked:
            text += " " + self.tr("{count} already had a spot-check at this level.").format(
                count=len(result.already_checked)
            )
        self._say(text)
        self.runs.reload()
        self.sig_created.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        message = plain_failure(error)
        self._say(message, error=True)
        self.sig_failed.emit(message)

    def _reuse_run(self, plan: SamplingPlan, seed: int) -> None:
        self.form.load(plan)
        self.details.set_seed(seed)
        self.tabs.setCurrentIndex(0)
        self._say(
            self.tr("The form shows the run's plan, and Details its seed; preview it to compare.")
        )

    # Display ------------------------------------------------------------------------------
    def _show_preview(self, level: CheckLevel, preview: SamplingPreview) -> None:
        self._show_strata(level, preview.strata)
        self.details.show_picks(preview.picked_ids)

    def _show_strata(self, level: CheckLevel, strata: Sequence[Stratum]) -> None:
        self.strata.setRowCount(0)
        for stratum in strata:
            row = self.strata.rowCount()
            self.strata.insertRow(row)
            cells = (
                self._departments.get(stratum.department_id, self.tr("Unknown department")),
                self._agent(level, stratum.staff_id, self._names),
                str(stratum.population),
                str(len(stratum.picked)),
            )
            for column, text in enumerate(cells):
                self.strata.setItem(row, column, QTableWidgetItem(text))
        self.summary.setText(
            self.tr("{strata} strata, {picked} picked of {population}.").format(
                strata=len(strata),
                picked=sum(len(s.picked) for s in strata),
                population=sum(s.population for s in strata),
            )
        )

    def _agent(self, level: CheckLevel, staff_id: int | None, names: Mapping[int, str]) -> str:
        if level is CheckLevel.HOSPITAL:
            return self.tr("Whole department")
        if staff_id is None:
            return self.tr("Department pool (unassigned)")
        return names.get(staff_id, self.tr("Unknown staff member"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        allowed = self._access.may_sample and not busy
        self.preview_button.setEnabled(allowed)
        self.create_button.setEnabled(allowed)
        self.form.setEnabled(allowed)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #8c1d18;" if error else "")
