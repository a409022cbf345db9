"""The desk's sync as Qt signals: one controller owns the sync worker and its thread.

How to wire it (main window or app start-up)::

    controller = SyncController(local_engine, server_engine, leases=leases,
                                retention_days=30, interval=30.0, parent=main_window)
    status_widget = SyncStatusWidget(controller.worker)        # status bar
    controller.sig_status.connect(...)        # SyncStatus after every change (GUI thread)
    controller.sig_synced.connect(...)        # SyncStatus after each successful cycle
    controller.sig_failed.connect(...)        # str: plain-words error of a failed cycle
    controller.sig_pull_page.connect(...)     # (table, rows in that page) while pulling
    controller.sig_pull_progress.connect(...) # PullProgress while a first sync is shown
    controller.sig_queue_ready.connect(...)   # the queue's first page is in the store
    if controller.needs_first_sync():
        controller.show_first_sync(main_window)   # modal progress, cancellable; closes
                                                  # once the queue's first page is in
    controller.start()                        # first cycle at once, then every interval;
                                              # the server's change notices wake it sooner
    ...
    controller.sync_now()                     # slot: e.g. a toolbar action
    controller.shutdown()                     # at exit (aboutToQuit / closeEvent): stops
                                              # the thread after its current step

``server_engine`` is the central database signed in as the staff member's own login
(``store.engine.server_url`` + ``create_server_engine``); ``leases`` a ``ServerTaskLeases``
for the same engines (or None to skip the heartbeat); ``first_page`` the signed-in desk's
queue scope, so a new desk's first pull brings that page in before the rest. The worker's
thread never touches a
widget: its callbacks emit signals of a relay created on the GUI thread, so Qt queues them
there (in order: the queue-ready signal always comes before the end of its cycle).
"""

from __future__ import annotations

import logging
from functools import partial

from sqlalchemy import Engine

from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.desk_sync import build_sync_worker
from agent_app.sync.leases import TaskLeases
from agent_app.sync.pull import PullProgress
from agent_app.sync.upload import DEFAULT_RETENTION_DAYS
from agent_app.sync.worker import SyncStatus
from agent_app.ui.first_sync_dialog import FirstSyncDialog
from agent_app.ui.qt import QObject, QWidget, Signal, Slot
from agent_app.ui.server_texts import server_error_text

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; emitted from the worker's thread, delivered queued."""

    sig_status = Signal(object)
    sig_page = Signal(str, int)
    sig_progress = Signal(object)


class SyncController(QObject):
    sig_status = Signal(object)  # SyncStatus, every change
    sig_synced = Signal(object)  # SyncStatus, after a cycle that succeeded
    sig_failed = Signal(str)  # the error of a cycle that failed, translated
    sig_pull_page = Signal(str, int)  # table, rows in the page just stored
    sig_pull_progress = Signal(object)  # PullProgress, while a first sync is shown
    sig_queue_ready = Signal()  # a new desk's queue has its first page: show it

    def __init__(
        self,
        local: Engine,
        server: Engine,
        *,
        leases: TaskLeases | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        interval: float = 30.0,
        backoff: tuple[float, float] = (2.0, 300.0),
        first_page: QueueScope | None = None,
        escalate_as: int | None = None,
        sends_texts: bool = False,
        sms_station: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = build_sync_worker(
            local,
            server,
            leases=leases,
            retention_days=retention_days,
            interval=interval,
            backoff=backoff,
            first_page=first_page,
            escalate_as=escalate_as,
            sends_texts=sends_texts,
            sms_station=sms_station,
        )
        self._relay = _Relay(self)
        self._relay.sig_progress.connect(self._on_progress)
        self._watching_progress = False
        self._queue_announced = False
        self._relay.sig_status.connect(self._on_status)
        self._relay.sig_page.connect(self.sig_pull_page)
        self.worker.add_listener(self._relay.sig_status.emit)
        self.worker.add_page_listener(self._relay.sig_page.emit)
        self._last_cycles = self.worker.status.cycles
        self.status: SyncStatus = self.worker.status

    def _on_status(self, status: SyncStatus) -> None:
        self.status = status
        self.sig_status.emit(status)
        if status.syncing or status.cycles == self._last_cycles:
            return
        self._last_cycles = status.cycles
        if self._watching_progress and status.failure is None:
            self._stop_watching_progress()  # the first sync is complete
        if status.failure is not None:
            self.sig_failed.emit(server_error_text(status.failure))
        else:
            self.sig_synced.emit(status)

    def _on_progress(self, progress: PullProgress) -> None:
        self.sig_pull_progress.emit(progress)
        if progress.queue_ready and not self._queue_announced:
            self._queue_announced = True
            self.sig_queue_ready.emit()

    def _stop_watching_progress(self) -> None:
        self._watching_progress = False
        self.worker.remove_progress_listener(self._relay.sig_progress.emit)

    def needs_first_sync(self) -> bool:
        """True until one complete sync has succeeded on this desk."""
        return self.worker.status.last_success_at is None

    @Slot()
    def start(self) -> None:
        """Start the worker thread; the first cycle runs at once."""
        self.worker.start()

    @Slot()
    def sync_now(self) -> None:
        self.worker.sync_now()

    @Slot()
    def network_changed(self) -> None:
        """The desk woke up or its network changed: a cycle at once, on fresh connections."""
        self.worker.network_changed()

    @Slot()
    def cancel_pull(self) -> None:
        self.worker.cancel_pull()

    def show_first_sync(self, parent: QWidget | None = None) -> FirstSyncDialog:
        """Open the first-sync progress dialog, fed by this controller; it closes itself when
        the queue's first page is in (or the cycle ends) and its Cancel stops the pull after
        the current page. Until the first sync completes, the pull reports its progress."""
        dialog = FirstSyncDialog(self.worker.tables, parent)
        if not self._watching_progress:
            self._watching_progress = True
            self.worker.add_progress_listener(self._relay.sig_progress.emit)
        self.sig_pull_page.connect(dialog.on_page)
        self.sig_pull_progress.connect(dialog.on_progress)
        self.sig_synced.connect(dialog.on_finished)
        self.sig_failed.connect(dialog.on_failed)
        dialog.sig_cancel_requested.connect(self.cancel_pull)
        dialog.finished.connect(partial(self._forget_dialog, dialog))
        dialog.show()
        return dialog

    def _forget_dialog(self, dialog: FirstSyncDialog, _result: int = 0) -> None:
        for signal, slot in (
            (self.sig_pull_page, dialog.on_page),
            (self.sig_pull_progress, dialog.on_progress),
            (self.sig_synced, dialog.on_finished),
            (self.sig_failed, dialog.on_failed),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # already gone with the dialog
                log.debug("first-sync dialog was already disconnected")

    @Slot()
    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop the worker (after its current step) and detach from it; call at exit."""
        self.worker.remove_listener(self._relay.sig_status.emit)
        self.worker.remove_page_listener(self._relay.sig_page.emit)
        self._stop_watching_progress()
        self.worker.stop(timeout)
