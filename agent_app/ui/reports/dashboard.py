"""The statistics dashboard: a filter, then a tab per statistic with its chart and table.

Construct it with the desk's store and the signed-in account::

    from agent_app.ui.reports.dashboard import StatsDashboard
    widget = StatsDashboard(window.engine, window.account)

Every query and chart runs off the GUI thread; a change to the filter starts one (after a
short pause, so a burst of changes makes one refresh), and so does F5; Esc cancels and keeps
the figures shown. The caption under the filter always names the period the figures on screen
are for, and the one being computed.
A supervisor's figures are their department's; an agent's their own work. Exports, printing
and the monthly PDF are in :mod:`agent_app.ui.reports.dashboard_outputs`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.reports.errors import FilterError
from agent_app.reports.filters import restrict_to_account
from agent_app.ui.background import run_in_background
from agent_app.ui.knowledge.overdue_notice import OverdueReviews
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QAction,
    QCloseEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.reports.answer_picker import AnswerPicker
from agent_app.ui.reports.chart_view import StatsPageView
from agent_app.ui.reports.dashboard_caption import (
    kept_caption,
    loading_caption,
    shown_caption,
)
from agent_app.ui.reports.dashboard_figures import (
    DashboardRequest,
    Page,
    PageFigures,
    RefreshCancelled,
    compute_answers,
    compute_dashboard,
)
from agent_app.ui.reports.dashboard_options import DashboardOptions, load_options
from agent_app.ui.reports.dashboard_outputs import DashboardOutputs
from agent_app.ui.reports.plain_errors import plain_message
from agent_app.ui.reports.stats_filter_bar import StatsFilterBar


class _RefreshRelay(QObject):
    sig_progress = Signal(int, int, int)  # generation, done, total; emitted on the worker


REFRESH_PAUSE_MS = 400  # a filter change waits this long for the next one before computing


def hospital_today() -> dt.date:
    return dt.datetime.now(HOSPITAL_TZ).date()


class StatsDashboard(QWidget):
    """Filter bar, refresh with progress and cancel, and one tab per statistic."""

    sig_options_loaded = Signal()
    sig_refreshed = Signal()  # new figures are on screen
    sig_refresh_failed = Signal(str)  # the sentence shown
    sig_cancelled = Signal()

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = hospital_today,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.today = today
        self.setWindowTitle(self.tr("Follow-up statistics"))
        self.figures: dict[Page, PageFigures] | None = None
        self.request: DashboardRequest | None = None  # what the figures on screen answer
        self._generation = 0
        self._answers_generation = 0
        self._options_ready = False
        self._cancelled = threading.Event()
        self._relay = _RefreshRelay(self)
        self._relay.sig_progress.connect(self._progressed)

        self.filter_bar = StatsFilterBar(account, today, self)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.filter_bar.sig_changed.connect(self._filter_changed)
        self.answer_picker = AnswerPicker(self)
        self.answer_picker.sig_question_changed.connect(self._refresh_answers)
        self.pages: dict[Page, StatsPageView] = {}
        self.tabs = QTabWidget(self)
        for page, title in self._tab_titles().items():
            controls = self.answer_picker if page is Page.ANSWERS else None
            view = StatsPageView(controls, self.tabs)
            self.pages[page] = view
            self.tabs.addTab(view, title)

        self.outputs = DashboardOutputs(self, self)
        self.toolbar = QToolBar(self)
        self.refresh_action = self._action(self.tr("&Refresh"), "F5", self.refresh)
        self.cancel_action = self._action(self.tr("&Cancel"), "Esc", self.cancel_refresh)
        self.cancel_action.setEnabled(False)
        self.toolbar.addSeparator()
        self.outputs.add_actions(self.toolbar)

        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("Computing the statistics… %p%"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_refresh)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self._show_running(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_bar)
        layout.addLayout(running)
        layout.addWidget(self.status)
        self.overdue_reviews = OverdueReviews(engine, account, today, self)
        layout.addWidget(self.overdue_reviews)
        layout.addWidget(self.tabs, 1)
        self.resize(1100, 760)
        self._load_options()
        self.overdue_reviews.load()

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # the shortcut works wherever the focus is in the dashboard
        self.toolbar.addAction(action)
        return action

    def _tab_titles(self) -> dict[Page, str]:
        return {
            Page.RATE: self.tr("Follow-up rate"),
            Page.ATTEMPTS: self.tr("Calls per reach"),
            Page.WORKLOAD: self.tr("Workload"),
            Page.SATISFACTION: self.tr("Satisfaction"),
            Page.TREND: self.tr("Satisfaction trend"),
            Page.RETURN_VISITS: self.tr("Re-visits"),
            Page.ACK_TIME: self.tr("Red-flag response"),
            Page.ANSWERS: self.tr("Answers"),
            Page.COMPLAINTS: self.tr("Complaints"),
            Page.SURVIVAL: self.tr("Survival"),
        }

    def _chart_titles(self) -> dict[Page, str]:
        return {
            Page.RATE: self.tr("Follow-up rate: done and reached within 7 and 30 days"),
            Page.ATTEMPTS: self.tr("Calls needed to reach a patient"),
            Page.WORKLOAD: self.tr("Calls per person"),
            Page.SATISFACTION: self.tr("Satisfaction scores"),
            Page.TREND: self.tr("Mean satisfaction per month"),
            Page.ANSWERS: self.tr("Answer distribution"),
            Page.COMPLAINTS: self.tr("Complaints and suggestions"),
            Page.SURVIVAL: self.tr("Survival after discharge by diagnosis (Kaplan–Meier)"),
        }

    # Options ------------------------------------------------------------------------------

    def _load_options(self) -> None:
        engine, account = self.engine, self.account
        run_in_background(
            lambda: load_options(engine, account),
            self._options_loaded,
            self._options_failed,
            owner=self,
        )

    def _options_loaded(self, options: DashboardOptions) -> None:
        self.filter_bar.set_options(options)
        self._options_ready = True
        self.answer_picker.set_templates(options.templates)
        self.sig_options_loaded.emit()
        self.refresh()

    def _filter_changed(self) -> None:
        """Refresh once the filter has stopped changing; until then say which figures stay."""
        if not self._options_ready:
            return  # the options are still loading: their arrival refreshes
        self.refresh_timer.start()
        self._say(loading_caption(self._shown_period(), None))

    def _shown_period(self) -> tuple[dt.date, dt.date] | None:
        if self.request is None:
            return None
        return self.request.filter.start, self.request.filter.end

    def _options_failed(self, error: BaseException) -> None:
        self._say(plain_message(error), error=True)
        self.sig_refresh_failed.emit(self.status.text())

    # Refresh ------------------------------------------------------------------------------

    def current_request(self) -> DashboardRequest:
        """The request the filter as typed makes (FilterError when it makes no sense)."""
        template, question = self.answer_picker.chosen()
        return DashboardRequest(
            restrict_to_account(self.filter_bar.stats_filter(), self.account),
            self.filter_bar.chosen_grouping(),
            template,
            question,
            desk_language(),
            self._chart_titles(),
        )

    def refresh(self) -> None:
        """Compute every page for the filter as typed; the figures on screen stay until the
        new ones arrive (or for good, when the refresh fails or is cancelled)."""
        self.refresh_timer.stop()
        self._cancelled.set()  # a refresh still running is superseded
        self._generation += 1
        try:
            request = self.current_request()
        except FilterError as error:
            self._show_running(False)
            self._say(kept_caption(str(error), self._shown_period()), error=True)
            self.sig_refresh_failed.emit(self.status.text())
            return
        generation, cancelled = self._generation, threading.Event()
        self._cancelled = cancelled
        engine, relay = self.engine, self._relay

        def compute() -> dict[Page, PageFigures]:
            return compute_dashboard(
                engine,
                request,
                lambda done, total, _label: relay.sig_progress.emit(generation, done, total),
                cancelled,
            )

        self.progress.setValue(0)
        self._show_running(True)
        wanted = (request.filter.start, request.filter.end)
        self._say(loading_caption(self._shown_period(), wanted))
        run_in_background(
            compute,
            lambda figures: self._refreshed(generation, request, figures),
            lambda error: self._refresh_failed(generation, error),
            owner=self,
        )

    def cancel_refresh(self) -> None:
        """Stop waiting for the running refresh; its result, if it comes, is dropped."""
        self.refresh_timer.stop()  # a change waiting to be computed is dropped too
        if not self.cancel_action.isEnabled():
            return
        self._cancelled.set()
        self._generation += 1
        self._show_running(False)
        self._say(kept_caption(self.tr("Refresh cancelled."), self._shown_period()))
        self.sig_cancelled.emit()

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _refreshed(
        self, generation: int, request: DashboardRequest, figures: dict[Page, PageFigures]
    ) -> None:
        if generation != self._generation:
            return  # cancelled or superseded
        self._show_running(False)
        self.figures, self.request = figures, request
        for page, view in self.pages.items():
            view.show_figures(figures[page].table, figures[page].chart)
        self._say(shown_caption((request.filter.start, request.filter.end)))
        self.sig_refreshed.emit()

    def _refresh_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation or isinstance(error, RefreshCancelled):
            return
        self._show_running(False)
        self._say(kept_caption(plain_message(error), self._shown_period()), error=True)
        self.sig_refresh_failed.emit(self.status.text())

    def _refresh_answers(self) -> None:
        """Another question was picked: count its answers for the figures on screen."""
        if self.request is None:
            return
        request = self.request.for_question(*self.answer_picker.chosen())
        self._answers_generation += 1
        generation, engine = self._answers_generation, self.engine

        def done(figures: PageFigures) -> None:
            if generation == self._answers_generation and self.figures is not None:
                self.figures[Page.ANSWERS] = figures
                self.request = request
                self.pages[Page.ANSWERS].show_figures(figures.table, figures.chart)
                self.sig_refreshed.emit()

        def failed(error: BaseException) -> None:
            if generation == self._answers_generation:
                self._say(plain_message(error), error=True)

        run_in_background(lambda: compute_answers(engine, request), done, failed, owner=self)

    # Helpers ------------------------------------------------------------------------------

    def current_page(self) -> Page:
        return list(self.pages)[max(self.tabs.currentIndex(), 0)]

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.refresh_timer.stop()
        self._cancelled.set()  # no point finishing queries nobody will see
        super().closeEvent(event)
