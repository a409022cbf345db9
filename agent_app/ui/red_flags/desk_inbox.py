"""Where the red-flag inbox sits on each desk. A doctor's desk is the inbox: it takes the
queue's place, and the queue's tools are hidden. A supervisor opens it from the supervision
menu (Ctrl+Shift+F). On both, new alerts show a toast while the desk is open."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from agent_app.calls.call import CallContext
from agent_app.domain.enums import Role
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QCoreApplication, Qt
from agent_app.ui.red_flags.alert_toast import AlertToast
from agent_app.ui.red_flags.inbox_screen import Dial, RedFlagInbox
from agent_app.ui.sync_controller import SyncController

INBOX_ROLES = frozenset({Role.DOCTOR, Role.SUPERVISOR})


def _dialer(window: MainWindow) -> Dial | None:
    call_log = window.call_log
    if call_log is None:
        return None

    def dial(number: str, patient_id: int, contact_id: int) -> None:
        call_log.dial(number, CallContext(patient_id=patient_id, contact_id=contact_id))

    return dial


def add_red_flag_inbox(
    window: MainWindow, server: Engine | None = None, cache_dir: Path | None = None
) -> RedFlagInbox | None:
    """The inbox of a doctor's or a supervisor's desk (None for other roles)."""
    if window.account.role not in INBOX_ROLES:
        return None
    inbox = RedFlagInbox(
        window.engine, window.account, server=server, cache_dir=cache_dir, dial=_dialer(window)
    )
    toast = AlertToast(window)
    inbox.sig_new_alerts.connect(toast.notify)
    if window.account.role is Role.DOCTOR:
        window.pages.addWidget(inbox)
        window.pages.setCurrentWidget(inbox)
        window.queue_toolbar.hide()
        for action in (window.next_action, window.complaint_action):
            if action is not None:
                action.setVisible(False)
        window.count_label.hide()
        toast.sig_open.connect(inbox.setFocus)
    else:
        inbox.setParent(window, Qt.WindowType.Window)
        inbox.setWindowTitle(QCoreApplication.translate("DeskInbox", "Red-flag inbox"))
        inbox.resize(960, 640)

        def show() -> None:
            inbox.show()
            inbox.raise_()
            inbox.activateWindow()

        window.menus.add(
            window.menus.supervision,
            QCoreApplication.translate("DeskInbox", "Red-flag inbox…"),
            show,
            "Ctrl+Shift+F",
        )
        toast.sig_open.connect(show)
    return inbox


def follow_pulled_alerts(inbox: RedFlagInbox, controller: SyncController) -> None:
    """Re-read the inbox as soon as a pull stores alert rows (new, escalated, acknowledged)."""

    def stored(table: str, _rows: int) -> None:
        if table == "red_flag_alert":
            inbox.refresh()

    controller.sig_pull_page.connect(stored)
