"""The agent's main window: the follow-up queue and, over it, the follow-up being worked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from agent_app.config import PopPlacement, SignInSettings, default_data_dir
from agent_app.dialer.events import CallLimitReached
from agent_app.domain.enums import LineType, TaskStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.store.drafts import Draft, DraftStore
from agent_app.store.engine import check_server
from agent_app.store.repositories.followups import FollowupWork, SavedWrapUp, load_followup
from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.leases import Lease, LocalTaskLeases, TaskLeases, claim_first_free
from agent_app.ui.background import run_in_background
from agent_app.ui.call_bar import CallBar
from agent_app.ui.desk_menus import DeskMenus
from agent_app.ui.followup.call_log import CallLog
from agent_app.ui.followup.call_tools import play_recording, register_complaint
from agent_app.ui.followup.followup_view import HOSPITAL_NAME, FollowupView
from agent_app.ui.line_status import LineRetryButton, LineStatusLabel
from agent_app.ui.lock_screen import IdleWatcher, LockScreen
from agent_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QModelIndex,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QToolBar,
    QWidget,
    Signal,
)
from agent_app.ui.queue_filters import QueueFilterBar
from agent_app.ui.role_names import role_name
from agent_app.ui.screen_pop import ScreenPop
from agent_app.ui.serial_writer import SerialWriter
from agent_app.ui.server_texts import server_error_text
from agent_app.ui.sign_in_wait import Clock, utc_now
from agent_app.ui.task_queue_model import TaskQueueModel
from agent_app.ui.translations import LanguageMenu
from agent_app.ui.window_curtain import WindowCurtain

NEXT_AMONG = 20  # with "best chance first", Ctrl+N takes the first free of this many

DUE_TODAY, DUE_WEEK, ALL_OPEN = "today", "week", "all"


def due_cutoff(choice: str, now: dt.datetime | None = None) -> dt.datetime | None:
    """End of the chosen window in the hospital's day, or None for every open task."""
    if choice == ALL_OPEN:
        return None
    local = (now or dt.datetime.now(dt.UTC)).astimezone(HOSPITAL_TZ)
    days = 1 if choice == DUE_TODAY else 7
    end = dt.datetime.combine(local.date() + dt.timedelta(days=days), dt.time(0), HOSPITAL_TZ)
    return end.astimezone(dt.UTC)


class MainWindow(QMainWindow):
    sig_switch_user = Signal()

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        line_description: str,
        call_bar: CallBar | None = None,
        parent: QWidget | None = None,
        *,
        drafts_dir: Path | None = None,
        line: LineType = LineType.FAKE,
        hospital: tuple[str, str] = (HOSPITAL_NAME, ""),
        lock_after_minutes: float = 0,
        leases: TaskLeases | None = None,
        sign_in_rules: SignInSettings | None = None,
    ) -> None:
        """``lock_after_minutes``: idle time before the lock screen (0: never). ``leases``:
        how the desk claims the follow-ups it opens (the server's; by default the local
        store's). ``sign_in_rules``: the lockout the lock screen's password check obeys."""
        super().__init__(parent)
        self.account = account
        self.engine = engine
        self.call_bar = call_bar
        self.writer = SerialWriter(self)
        self.drafts = DraftStore(drafts_dir or default_data_dir() / "drafts", account.id)
        self.call_log = (
            CallLog(engine, call_bar, account, line=line, parent=self)
            if call_bar is not None
            else None
        )
        self.followup: FollowupView | None = None
        self.leases: TaskLeases = leases or LocalTaskLeases(engine, account.id)
        self.screen_pop_dock: QDockWidget | None = None
        self.hospital = hospital
        # Qt adds " — " and the application's display name (Follow-up Desk) itself.
        self.setWindowTitle(account.full_name)
        self.resize(1280, 760)

        self.window_box = QComboBox()
        self.window_box.addItem(self.tr("Due today"), DUE_TODAY)
        self.window_box.addItem(self.tr("Due in 7 days"), DUE_WEEK)
        self.window_box.addItem(self.tr("All open"), ALL_OPEN)
        self.window_box.setCurrentIndex(1)
        self.filter_bar = QueueFilterBar(engine, account.role, self)
        self.model = TaskQueueModel(engine, self._scope(), self)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 110, 120, 110, 190, 170, 50, 70, 80)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a header click re-orders the whole queue
        self.model.sig_sorting.connect(self._sorting)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.setCentralWidget(self.pages)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        toolbar = QToolBar(self.tr("Queue"))
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Show: ")))
        toolbar.addWidget(self.window_box)
        toolbar.addWidget(self.filter_bar)
        self.filter_bar.sig_changed.connect(lambda _filters: self.refresh())
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        toolbar.addAction(refresh)
        self.reach_action = QAction(self.tr("Best chance first"), self)
        self.reach_action.setCheckable(True)
        self.reach_action.setToolTip(
            self.tr("Today's calls first by who most likely answers at this hour")
        )
        self.reach_action.toggled.connect(self._order_by_reach)
        self.model.sig_reach_order.connect(self._reach_order_changed)
        toolbar.addAction(self.reach_action)
        self.next_action = QAction(self.tr("&Next follow-up"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+N"))
        self.next_action.setToolTip(self.tr("Open the first due follow-up (Ctrl+N)"))
        self.next_action.triggered.connect(self.open_next)
        toolbar.addAction(self.next_action)
        switch = QAction(self.tr("&Switch user"), self)
        switch.setShortcut(QKeySequence("Ctrl+Shift+L"))
        switch.triggered.connect(self.sig_switch_user.emit)
        toolbar.addAction(switch)
        self.addToolBar(toolbar)
        self.queue_toolbar = toolbar
        self.menus = DeskMenus(self, account.role)
        self.language_menu = LanguageMenu(self)
        self.menus.view.addMenu(self.language_menu)
        self.language_menu.sig_language_chosen.connect(
            lambda _lang: self.statusBar().showMessage(self.language_menu.notice(), 15_000)
        )
        self.menus.followup.addAction(self.next_action)
        self.menus.followup.addAction(refresh)
        self.lock_action = self.menus.add(
            self.menus.followup, self.tr("&Lock the desk"), self.lock, "Ctrl+L"
        )
        self.menus.followup.addAction(switch)
        self.complaint_action = self.menus.add(
            self.menus.followup,
            self.tr("Register a &complaint from this follow-up…"),
            self.register_complaint,
            "Ctrl+Shift+C",
        )
        # Where recordings not on this computer come from (set when a server is configured).
        self.recording_server: Engine | None = None
        self.recording_cache: Path | None = None
        self.lock_screen: LockScreen | None = None
        self.sign_in_rules = sign_in_rules
        self.sign_in_clock: Clock = utc_now
        self.curtain = WindowCurtain(self)
        self.idle: IdleWatcher | None = None
        if lock_after_minutes > 0:
            self.idle = IdleWatcher(lock_after_minutes, self)
            self.idle.sig_idle.connect(self.lock)
        if call_bar is not None:
            self.addToolBarBreak()
            phone_bar = QToolBar(self.tr("Phone"))
            phone_bar.setMovable(False)
            phone_bar.addWidget(call_bar)
            self.addToolBar(phone_bar)
            call_bar.sig_error.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if self.call_log is not None:
            self.call_log.sig_error.connect(lambda text: self.statusBar().showMessage(text, 15_000))

        self.count_label = QLabel()
        self.line_label = (
            QLabel(line_description) if call_bar is None else LineStatusLabel(call_bar.bridge)
        )
        self.line_retry: LineRetryButton | None = None
        if call_bar is not None:
            self.line_retry = LineRetryButton(call_bar.bridge)
            call_bar.bridge.sig_call_limit.connect(self._call_limit_reached)
        status = self.statusBar()
        self.user_label = QLabel(
            self.tr("{0} · {1} · {2}").format(
                account.full_name, account.department_name, role_name(account.role)
            )
        )
        status.addWidget(self.user_label)
        # A temporary message is painted over the left-hand widgets: the signed-in user steps
        # aside while one shows, and the queue count keeps a gap from the message's end.
        status.messageChanged.connect(lambda text: self.user_label.setVisible(not text))
        self.count_label.setContentsMargins(16, 0, 0, 0)
        self.server_label = QLabel(self.tr("Central database: not configured (local store only)"))
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.server_label)
        status.addPermanentWidget(self.line_label)
        if self.line_retry is not None:
            status.addPermanentWidget(self.line_retry)
        self.window_box.currentIndexChanged.connect(self.refresh)
        self.model.sig_counted.connect(self._update_count)
        self.table.setFocus()

    def _call_limit_reached(self, event: CallLimitReached) -> None:
        self.statusBar().showMessage(
            self.tr(
                "The phone line already holds {0} calls, its limit: a caller just heard busy. "
                "Answer or end the calls that ring; if this repeats, ask IT to raise max_calls."
            ).format(event.limit),
            30_000,
        )

    def _order_by_reach(self, on: bool) -> None:
        self.table.horizontalHeader().setSortIndicatorShown(not on)
        self.model.order_by_reach(on)

    def _reach_order_changed(self, on: bool) -> None:
        """A header click (or a failed read) ended "best chance first": the button follows."""
        if self.reach_action.isChecked() != on:
            self.reach_action.blockSignals(True)
            self.reach_action.setChecked(on)
            self.reach_action.blockSignals(False)
            self.table.horizontalHeader().setSortIndicatorShown(not on)

    def _sorting(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(self.tr("Sorting the queue…"))
        else:
            self.statusBar().clearMessage()

    def play_recording(self, recording_id: str) -> None:
        """Play an earlier call of the patient on screen (audited)."""
        play_recording(
            self,
            self.engine,
            self.account,
            recording_id,
            server=self.recording_server,
            cache_dir=self.recording_cache,
        )

    def register_complaint(self) -> None:
        view = self.followup
        if view is None:
            self.statusBar().showMessage(
                self.tr("Open a follow-up first: the complaint is registered for its patient."),
                10_000,
            )
            return
        register_complaint(self, self.engine, self.account, view.work.card.id, view.attempt_id)

    def check_server(self, server: Engine) -> None:
        """Ask the central database off the GUI thread and show the answer in plain words."""
        self.server_label.setText(self.tr("Central database: connecting…"))
        run_in_background(lambda: check_server(server), self._server_online, self._server_offline)

    def _server_online(self, _: object) -> None:
        self.server_label.setText(self.tr("Central database: online"))
        self.server_label.setToolTip("")

    def _server_offline(self, error: BaseException) -> None:
        self.server_label.setText(self.tr("Central database: offline"))
        message = server_error_text(error)
        self.server_label.setToolTip(message)
        self.statusBar().showMessage(message, 15_000)

    def attach_screen_pop(self, pop: ScreenPop) -> None:
        """Inbound calls pop here: docked on the right, or in the pop's own window."""
        self.screen_pop = pop
        if pop.settings.placement is PopPlacement.DOCK:
            dock = QDockWidget(self.tr("Caller"), self)
            self.screen_pop_dock = dock
            dock.setObjectName("screenPopDock")
            dock.setWidget(pop.card)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()

            def show_dock(_call: object) -> None:
                dock.show()
                dock.raise_()

            pop.sig_shown.connect(show_dock)
        pop.sig_message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        pop.sig_open_followup.connect(self.open_followup)
        if self.call_bar is not None:
            pop.sig_answer.connect(self.call_bar.answer_incoming)

    def add_demo_callback(self, ring: Callable[[], None]) -> QAction:
        """Demo only: a button that makes a patient call back on the simulated line."""
        action = QAction(self.tr("Simulate a patient calling back"), self)
        action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        action.triggered.connect(ring)
        self.queue_toolbar.addAction(action)
        return action

    def open_followup(self, patient_id: int, task_id: int) -> None:
        """Bring the desk forward on the caller's follow-up: opened where it stopped, or its row
        selected when another follow-up is on screen."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if task_id and self.followup is None:
            self.open_task(task_id)
            return
        if not task_id:
            self._select_callers_row(None)
            return
        self.model.find_task(task_id, lambda row: self._select_callers_row(row, task_id))

    def _select_callers_row(self, row: int | None, widen_for: int = 0) -> None:
        """Select the caller's follow-up at ``row``; not in the queue shown: look for
        ``widen_for`` (a task id) in every open follow-up once, else say it is not there."""
        all_open = self.window_box.findData(ALL_OPEN)
        if row is None and widen_for and self.window_box.currentIndex() != all_open:
            self.window_box.setCurrentIndex(all_open)  # a new scope: counted, then looked in
            self.model.find_task(widen_for, self._select_callers_row)
            return
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectRow(row)
            self.table.scrollTo(index)
            self.statusBar().showMessage(self.tr("Follow-up of the caller selected."), 10_000)
        else:
            self.statusBar().showMessage(
                self.tr("The caller has no open follow-up in your queue."), 10_000
            )

    def _scope(self) -> QueueScope:
        scope = QueueScope.for_account(self.account, due_cutoff(str(self.window_box.currentData())))
        picked = self.filter_bar.filters()
        return dataclasses.replace(
            scope,
            patient_ids=picked.patient_ids,
            status=picked.status,
            level=picked.level,
            department_filter=picked.department_id,
        )

    def refresh_if_idle(self) -> None:
        """After a sync brought changes: refresh the queue unless the agent is in a follow-up."""
        if self.followup is None and not self.locked:
            self.refresh()

    def refresh(self) -> None:
        self.model.set_scope(self._scope())

    def _update_count(self, rows: int) -> None:
        """Say how many follow-ups the queue holds once they are counted (-1: not read)."""
        if rows < 0:
            self.count_label.setText(self.tr("Queue not read"))
        else:
            self.count_label.setText(self.tr("{0} follow-ups").format(f"{rows:,}"))

    # The follow-up screen --------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        task = self.model.data(index, Qt.ItemDataRole.UserRole)
        if task is not None:
            self.open_task(task.task_id)

    def open_next(self) -> None:
        """Claim the first due follow-up nobody else holds, and open it (with "best chance
        first", the first free one of that order's head)."""
        scope, leases = QueueScope.for_account(self.account), self.leases

        leaders = self.model.reach_leaders(NEXT_AMONG)

        def opened(lease: Lease | None) -> None:
            if lease is None:
                self.statusBar().showMessage(self.tr("No follow-up is due."), 10_000)
            else:
                self.open_task(lease.task_id)

        run_in_background(
            lambda: claim_first_free(leases, leaders) or leases.claim_next(scope),
            opened,
            self._open_failed,
            owner=self,
        )

    def open_task(self, task_id: int, draft: Draft | None = None) -> None:
        """Claim the follow-up (or renew this desk's claim), load it off the GUI thread and show
        it over the queue; a follow-up another agent holds is refused in plain words."""
        if self.followup is not None:
            self.statusBar().showMessage(
                self.tr("Finish or leave the follow-up on screen first."), 10_000
            )
            return
        engine, drafts, leases, viewer = self.engine, self.drafts, self.leases, self.account.id

        def load() -> tuple[FollowupWork, Draft | None]:
            leases.claim(task_id)
            return load_followup(engine, task_id, viewer), draft or drafts.load(task_id)

        run_in_background(load, self._show_followup, self._open_failed, owner=self)

    def _open_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(server_error_text(error), 20_000)

    def _show_followup(self, loaded: tuple[FollowupWork, Draft | None]) -> None:
        work, draft = loaded
        if self.followup is not None:
            return
        if not work.is_open:
            self.statusBar().showMessage(self.tr("This follow-up is already closed."), 10_000)
            return
        view = FollowupView(
            self.engine,
            self.account,
            work,
            self.drafts,
            self.writer,
            self.call_log,
            hospital=self.hospital,
        )
        if draft is not None:
            view.restore(draft)
        view.sig_finished.connect(self._followup_finished)
        view.sig_left.connect(lambda _task: self._close_followup())
        view.sig_message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        view.sig_message_over.connect(self._withdraw_message)
        view.patient.sig_play_recording.connect(self.play_recording)
        self.followup = view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        self.next_action.setEnabled(False)
        QTimer.singleShot(0, view.form.focus_first)  # once the page is laid out and shown

    def _withdraw_message(self, text: str) -> None:
        """A message that is no longer true leaves the status bar too."""
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def _close_followup(self) -> None:
        view = self.followup
        if view is None:
            return
        self.followup = None
        self.pages.setCurrentWidget(self.table)
        self.pages.removeWidget(view)
        view.deleteLater()
        self.next_action.setEnabled(True)
        self.refresh()
        self.table.setFocus()

    def _followup_finished(self, task_id: int, saved: SavedWrapUp) -> None:
        self._close_followup()
        leases = self.leases
        run_in_background(lambda: leases.release(task_id), lambda _: None, self._open_failed)
        step = saved.step
        if step.status is TaskStatus.PENDING:
            due = step.due_at.astimezone(HOSPITAL_TZ).strftime("%m-%d %H:%M")
            text = self.tr("Saved. The next call is due {0}.").format(due)
        else:
            text = self.tr("Saved. The follow-up is closed.")
        if saved.alert_ids:
            text += " " + self.tr("The attending doctor has been alerted.")
        self.statusBar().showMessage(text, 15_000)

    def restore_unfinished(self) -> None:
        """After a crash or kill: reopen the newest unfinished follow-up with every answer."""
        drafts = self.drafts.unfinished()
        if drafts:
            self.open_task(drafts[0].task_id, drafts[0])
            self.statusBar().showMessage(
                self.tr("Your unfinished follow-up was restored with every answer."), 15_000
            )

    # Locking -----------------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide patient data behind the lock screen; the follow-up on screen stays as it is."""
        if self.lock_screen is not None:
            return
        if self.followup is not None:
            self.followup.save_draft()
        self.lock_screen = LockScreen(
            self.engine, self.account, rules=self.sign_in_rules, clock=self.sign_in_clock
        )
        self.lock_screen.sig_unlocked.connect(self._unlock)
        self.lock_screen.sig_switch_user.connect(self._switch_user_from_lock)
        self.curtain.draw()  # the tools and the screen-pop card are windows of their own
        self._locked_page: QWidget = self.pages.currentWidget() or self.table
        self.pages.addWidget(self.lock_screen)
        self.pages.setCurrentWidget(self.lock_screen)
        for bar in (self.menuBar(), *self.findChildren(QToolBar)):
            bar.setEnabled(False)
        if self.screen_pop_dock is not None:
            self.screen_pop_dock.hide()
        self.lock_screen.password.setFocus()

    def _unlock(self) -> None:
        screen = self.lock_screen
        if screen is None:
            return
        self.lock_screen = None
        self.pages.setCurrentWidget(self._locked_page)
        self.pages.removeWidget(screen)
        screen.deleteLater()
        for bar in (self.menuBar(), *self.findChildren(QToolBar)):
            bar.setEnabled(True)
        self.curtain.lift()
        if self.idle is not None:
            self.idle.restart()

    def _switch_user_from_lock(self) -> None:
        # The sign-in must be able to show; this desk's windows stay hidden and close with it.
        self.curtain.lift(show_again=False)
        self.sig_switch_user.emit()

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.followup is not None:
            self.followup.save_draft()
        self.writer.wait()
        super().closeEvent(event)
