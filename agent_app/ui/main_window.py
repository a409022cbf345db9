"""The agent's main window: the follow-up queue, with who is signed in and the line state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.config import PopPlacement
from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import check_server
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.tasks import QueueScope
from agent_app.ui.background import run_in_background
from agent_app.ui.call_bar import CallBar
from agent_app.ui.line_status import LineStatusLabel
from agent_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QModelIndex,
    Qt,
    QTableView,
    QToolBar,
    QWidget,
    Signal,
)
from agent_app.ui.screen_pop import ScreenPop
from agent_app.ui.task_queue_model import HOSPITAL_TZ, TaskQueueModel

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
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.engine = engine
        self.call_bar = call_bar
        self.setWindowTitle(self.tr("Follow-up Desk — {0}").format(account.full_name))
        self.resize(1280, 760)

        self.window_box = QComboBox()
        self.window_box.addItem(self.tr("Due today"), DUE_TODAY)
        self.window_box.addItem(self.tr("Due in 7 days"), DUE_WEEK)
        self.window_box.addItem(self.tr("All open"), ALL_OPEN)
        self.window_box.setCurrentIndex(1)
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
        self.setCentralWidget(self.table)

        toolbar = QToolBar(self.tr("Queue"))
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Show: ")))
        toolbar.addWidget(self.window_box)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        toolbar.addAction(refresh)
        switch = QAction(self.tr("&Switch user"), self)
        switch.setShortcut(QKeySequence("Ctrl+Shift+L"))
        switch.triggered.connect(self.sig_switch_user.emit)
        toolbar.addAction(switch)
        self.addToolBar(toolbar)
        self.queue_toolbar = toolbar
        if call_bar is not None:
            self.addToolBarBreak()
            phone_bar = QToolBar(self.tr("Phone"))
            phone_bar.setMovable(False)
            phone_bar.addWidget(call_bar)
            self.addToolBar(phone_bar)
            call_bar.sig_error.connect(lambda text: self.statusBar().showMessage(text, 10_000))
            self.table.doubleClicked.connect(self._prepare_call)

        self.count_label = QLabel()
        self.line_label = (
            QLabel(line_description) if call_bar is None else LineStatusLabel(call_bar.bridge)
        )
        status = self.statusBar()
        status.addWidget(
            QLabel(
                self.tr("{0} · {1} · {2}").format(
                    account.full_name, account.department_name, self._role_name(account.role)
                )
            )
        )
        self.server_label = QLabel(self.tr("Central database: not configured (local store only)"))
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.server_label)
        status.addPermanentWidget(self.line_label)
        self.window_box.currentIndexChanged.connect(self.refresh)
        self._update_count()
        self.table.setFocus()

    def check_server(self, server: Engine) -> None:
        """Ask the central database off the GUI thread and show the answer in plain words."""
        self.server_label.setText(self.tr("Central database: connecting…"))
        run_in_background(lambda: check_server(server), self._server_online, self._server_offline)

    def _server_online(self, _: object) -> None:
        self.server_label.setText(self.tr("Central database: online"))
        self.server_label.setToolTip("")

    def _server_offline(self, error: BaseException) -> None:
        self.server_label.setText(self.tr("Central database: offline"))
        self.server_label.setToolTip(str(error))
        self.statusBar().showMessage(str(error), 15_000)

    def _prepare_call(self, index: QModelIndex) -> None:
        """Put the patient's first number in the call bar, ready to dial with Ctrl+D."""
        task = self.model.data(index, Qt.ItemDataRole.UserRole)
        if task is None or self.call_bar is None or self.call_bar.call_id:
            return
        card = patient_card(self.engine, task.patient_id)
        if card.contacts:
            contact = card.contacts[0]
            self.call_bar.number_edit.setText(contact.number_display)
            self.statusBar().showMessage(
                self.tr("Ready to call {0} ({1})").format(contact.name, card.name), 10_000
            )
            self.call_bar.dial_button.setFocus()

    def attach_screen_pop(self, pop: ScreenPop) -> None:
        """Inbound calls pop here: docked on the right, or in the pop's own window."""
        self.screen_pop = pop
        if pop.settings.placement is PopPlacement.DOCK:
            dock = QDockWidget(self.tr("Caller"), self)
            dock.setObjectName("screenPopDock")
            dock.setWidget(pop.card)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            pop.sig_shown.connect(lambda _call: (dock.show(), dock.raise_()))
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
        """Bring the desk forward on the caller's follow-up: its row selected in the queue."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        row = self.model.row_of_task(task_id) if task_id else None
        if row is None and task_id:
            self.window_box.setCurrentIndex(self.window_box.findData(ALL_OPEN))
            row = self.model.row_of_task(task_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectRow(row)
            self.table.scrollTo(index)
            self.statusBar().showMessage(self.tr("Follow-up of the caller selected."), 10_000)
        else:
            self.statusBar().showMessage(
                self.tr("The caller has no open follow-up in your queue."), 10_000
            )

    def _role_name(self, role: Role) -> str:
        return {
            Role.AGENT: self.tr("Follow-up agent"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.QUALITY: self.tr("Quality"),
            Role.ADMIN: self.tr("Administrator"),
        }[role]

    def _scope(self) -> QueueScope:
        return QueueScope.for_account(self.account, due_cutoff(str(self.window_box.currentData())))

    def refresh(self) -> None:
        self.model.set_scope(self._scope())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} follow-ups").format(f"{self.model.rowCount():,}"))
