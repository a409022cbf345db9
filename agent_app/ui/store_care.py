"""The store's upkeep around the sign-in: the health check a large store did not get before it,
the automatic backup, and the way back to a backup when the store is damaged.

Both the check and the backup read the whole file, seconds on a large store, so they run off
the GUI thread once the sign-in is on screen. One lock keeps a restore from swapping the file
under a running check or backup.
"""

from __future__ import annotations

import logging
import threading

from agent_app.config import Settings
from agent_app.store.backup import BackupFile, backup_due, take_backup
from agent_app.store.desk_store import DeskStore
from agent_app.store.errors import StoreError
from agent_app.store.health import HealthReport, require_sound_store
from agent_app.store.health_errors import StoreDamagedError
from agent_app.store.instance_lock import StoreLock
from agent_app.ui.background import run_in_background
from agent_app.ui.backup_restore_dialog import BackupRestoreDialog, offer_restore_for_damaged_store
from agent_app.ui.fatal import dialogs_allowed, show_fatal
from agent_app.ui.qt import QObject, QWidget, Signal
from agent_app.ui.store_messages import store_error_text

log = logging.getLogger(__name__)


class StoreCare(QObject):
    """``sig_damaged(text)``: the store failed its check; ``sig_restored``: a backup replaced the
    store and the desk must close."""

    sig_damaged = Signal(str)
    sig_restored = Signal()

    def __init__(self, settings: Settings, store: DeskStore) -> None:
        super().__init__()
        self._settings = settings
        self._store = store
        self._busy = threading.Lock()
        self.health: HealthReport | None = store.health
        self.last_backup: BackupFile | None = None
        self.finished = threading.Event()

    def start(self) -> None:
        """Check (unless done before the sign-in) and back up when due, in the background."""
        run_in_background(self._check_and_back_up, self._checked, self._failed, owner=self)

    def _check_and_back_up(self) -> BackupFile | None:
        with self._busy:
            store = self._store
            health = self.health or require_sound_store(store.engine, store.path)
            self.health = health
            backup = self._settings.backup
            if not backup_due(self._settings.backup_dir, store.path, backup.every_hours):
                return None
            return take_backup(
                store.engine, store.path, self._settings.backup_dir, health, keep=backup.keep
            )

    def _checked(self, backup: BackupFile | None) -> None:
        self.last_backup = backup
        self.finished.set()

    def _failed(self, error: BaseException) -> None:
        self.finished.set()
        if isinstance(error, StoreDamagedError):
            self.sig_damaged.emit(store_error_text(error))
            return
        # A failed backup does not stop the agent's work; the next start tries again.
        log.warning("store upkeep failed: %s", error)

    def offer_restore(self, parent: QWidget | None = None) -> bool:
        """Show the backups; True when one was restored (``sig_restored``: the desk must close)."""
        dialog = BackupRestoreDialog(
            self._store.path, self._settings.backup_dir, self._release_store, parent
        )
        dialog.exec()
        return self._restored(dialog.restored is not None)

    def tell_damaged(self, text: str, parent: QWidget | None = None) -> bool:
        """Say the store is damaged and offer its backups; True when one was restored."""
        return self._restored(
            offer_restore_for_damaged_store(
                text, self._store.path, self._settings.backup_dir, self._release_store, parent
            )
        )

    def _restored(self, restored: bool) -> bool:
        if restored:
            self.sig_restored.emit()
        return restored

    def _release_store(self) -> None:
        # Off the GUI thread: wait for a running check or backup, then close every connection
        # so the file can be renamed (a later query, if the restore is refused, reconnects).
        with self._busy:
            self._store.engine.dispose()


def damaged_at_start(settings: Settings, error: StoreDamagedError) -> int:
    """The store failed its check before the sign-in: say so and offer a backup. Exit code 2."""
    text = store_error_text(error)
    show_fatal(text, exit_app=False, dialog=False)
    if not dialogs_allowed():
        return 2
    try:
        with StoreLock(settings.store_path):
            offer_restore_for_damaged_store(
                text, settings.store_path, settings.backup_dir, lambda: None
            )
    except StoreError as exc:  # another desk took the store meanwhile
        show_fatal(store_error_text(exc))
    return 2
