"""Restore a backup of the store: the list of backups with their time and size, and the restore.

Restoring checks the backup first (a damaged one is refused and nothing changes), keeps the
current store aside under a new name, and then the desk must start again: every screen holds
rows read from the store that was replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from agent_app.store.backup import BackupFile, list_backups, restore_backup
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from agent_app.ui.store_messages import store_error_text


class BackupRestoreDialog(QDialog):
    """Lists the store's backups, newest first; ``restored`` is the store put aside, if any.

    ``release_store`` runs off the GUI thread before the files are swapped: it must close every
    connection to the store (and wait for a running check or backup)."""

    def __init__(
        self,
        store_path: Path,
        backup_dir: Path,
        release_store: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_path = store_path
        self._release_store = release_store
        self.restored: Path | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(480)
        self.backups = list_backups(backup_dir, store_path)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Taken"), self.tr("Size")])
        items = [QTreeWidgetItem([self._when(b), self._size(b)]) for b in self.backups]
        self.table.addTopLevelItems(items)
        # The time is what tells backups apart: never cut it short.
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if items:
            self.table.setCurrentItem(items[0])
            note = self.tr("The current data store is kept aside, not deleted.")
        else:
            note = self.tr("There are no backups in {0} yet.").format(backup_dir)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    def _when(self, backup: BackupFile) -> str:
        # ISO order reads the same in Chinese and English; the time is this PC's local time.
        return backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")

    def _size(self, backup: BackupFile) -> str:
        return self.tr("{0:.1f} MB").format(backup.size / 1e6)

    def selected(self) -> BackupFile | None:
        index = self.table.currentIndex().row()
        return self.backups[index] if 0 <= index < len(self.backups) else None

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Restore the backup taken {0}? Work saved after it is no longer in the data "
                "store (the current store is kept aside), and the desk closes afterwards."
            ).format(self._when(backup)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_button.setEnabled(False)
        self.note.setText(self.tr("Checking and restoring the backup…"))
        run_in_background(lambda: self._restore(backup.path), self._done, self._failed, owner=self)

    def _restore(self, backup: Path) -> Path:
        self._release_store()
        return restore_backup(backup, self._store_path, now=dt.datetime.now(dt.UTC))

    def _done(self, aside: Path) -> None:
        self.restored = aside
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "The backup was restored. The previous data store was kept as {0}. The desk "
                "will now close; start it again."
            ).format(aside.name),
        )
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.note.setText(store_error_text(error))


def offer_restore_for_damaged_store(
    text: str,
    store_path: Path,
    backup_dir: Path,
    release_store: Callable[[], None],
    parent: QWidget | None = None,
) -> bool:
    """Say the store is damaged, offering its backups; True when one was restored."""
    title = QCoreApplication.translate("DeskApp", "Follow-up Desk")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    restore = box.addButton(
        QCoreApplication.translate("BackupRestoreDialog", "Restore a backup…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("BackupRestoreDialog", "Close the desk"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    dialog = BackupRestoreDialog(store_path, backup_dir, release_store, parent)
    dialog.exec()
    return dialog.restored is not None
