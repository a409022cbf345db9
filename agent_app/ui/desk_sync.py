"""Sync on the desk: claims through the right leases, the sync controller, its status.

With a central server configured the desk claims follow-ups on the server (``ServerTaskLeases``)
and a ``SyncController`` pushes, pulls, renews leases and uploads recordings off the GUI thread;
the status bar shows it and the follow-up menu has "Sync now" (F9). Without a server (the demo)
claims are kept in the local store.
"""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.config import Settings
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import create_server_engine, server_url
from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.leases import LocalTaskLeases, TaskLeases
from agent_app.sync.pull import PullProgress
from agent_app.sync.server_leases import ServerTaskLeases
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QApplication, QCoreApplication, QKeySequence
from agent_app.ui.refused_changes import RefusedChangesDialog
from agent_app.ui.sync_controller import SyncController
from agent_app.ui.sync_status import SyncStatusWidget


def server_engine(settings: Settings, account: StaffAccount, password: str | None) -> Engine | None:
    """The central database as this staff member's own login, or None when not configured."""
    if not settings.server.configured:
        return None
    return create_server_engine(server_url(settings.server, account.username, password))


def desk_leases(
    settings: Settings, local: Engine, server: Engine | None, account: StaffAccount
) -> TaskLeases:
    seconds = settings.sync.lease_seconds
    if server is None:
        return LocalTaskLeases(local, account.id, lease_seconds=seconds)
    return ServerTaskLeases(local, server, account.id, lease_seconds=seconds)


def attach_sync(
    window: MainWindow, settings: Settings, server: Engine, leases: TaskLeases
) -> SyncController:
    """Start syncing for the signed-in desk; the first full sync shows its progress."""
    controller = SyncController(
        window.engine,
        server,
        leases=leases,
        retention_days=settings.sync.recording_retention_days,
        interval=settings.sync.interval_seconds,
        first_page=QueueScope.for_account(window.account),
        escalate_as=window.account.id,
        sends_texts=settings.sms.enabled,  # only a desk that sends texts claims on-duty ones
        sms_station=settings.sms.enabled and settings.sms.sends_for_hospital,
        parent=window,
    )
    status = SyncStatusWidget(controller.worker, unverified=settings.server.unverified)
    window.server_label.hide()
    window.statusBar().addPermanentWidget(status)
    action = status.sync_now_action
    action.setShortcut(QKeySequence("F9"))
    window.menus.followup.addAction(action)
    refused = status.refused_action
    refused.triggered.connect(
        lambda _checked=False: RefusedChangesDialog(
            window.engine, window, on_resent=controller.worker.sync_now
        ).open()
    )
    window.menus.followup.addAction(refused)
    controller.sig_failed.connect(lambda text: window.statusBar().showMessage(text, 15_000))
    # Re-read the queue only after a cycle that stored pulled rows: an empty cycle every
    # interval would otherwise recount and re-walk a million-row queue for nothing.
    pulled = 0

    def page_stored(_table: str, rows: int) -> None:
        nonlocal pulled
        pulled += rows

    def synced(_status: object) -> None:
        nonlocal pulled
        if pulled:
            pulled = 0
            window.refresh_if_idle()

    def progress(step: PullProgress) -> None:
        if step.rows_expected and step.queue_ready:
            window.statusBar().showMessage(
                QCoreApplication.translate("DeskSync", "First sync: {0} of about {1} rows").format(
                    f"{step.rows_done:,}", f"{step.rows_expected:,}"
                ),
                10_000,
            )

    controller.sig_pull_page.connect(page_stored)
    controller.sig_synced.connect(synced)
    # A new desk shows its queue as soon as the first page is in, not after the whole pull.
    controller.sig_queue_ready.connect(window.refresh_if_idle)
    controller.sig_pull_progress.connect(progress)
    window.destroyed.connect(lambda _obj=None: controller.shutdown())
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.shutdown)
    if controller.needs_first_sync():
        dialog = controller.show_first_sync(window)
        dialog.setWindowTitle(
            QCoreApplication.translate("DeskSync", "First sync with the central database")
        )
    controller.start()
    return controller
