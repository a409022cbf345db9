"""Sync state in the status bar: online or offline, pending changes, last success, "Sync now",
and a lasting warning when the settings allow a connection that is not verified.

The worker calls its listeners on its own thread; the relay re-emits each status as a Qt
signal, which Qt delivers to this widget on the GUI thread (the relay lives there).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from agent_app.sync.version_gate import DeskTooOldError
from agent_app.sync.worker import SyncStatus, SyncWorker
from agent_app.ui.qt import QAction, QHBoxLayout, QLabel, QObject, QToolButton, QWidget, Signal
from agent_app.ui.server_texts import server_error_text


class _StatusRelay(QObject):
    sig_status = Signal(object)  # SyncStatus, emitted on the worker's thread


class SyncStatusWidget(QWidget):
    """A label for the sync state with the last error as its tooltip, and "Sync now"."""

    def __init__(
        self, worker: SyncWorker, parent: QWidget | None = None, *, unverified: bool = False
    ) -> None:
        super().__init__(parent)
        self._relay = _StatusRelay(self)
        self._relay.sig_status.connect(self._show)
        listener = self._relay.sig_status.emit
        worker.add_listener(listener)
        self.destroyed.connect(partial(worker.remove_listener, listener))

        self.label = QLabel(self)
        self.sync_now_action = QAction(self.tr("Sync now"), self)
        self.sync_now_action.setToolTip(self.tr("Send saved work and fetch changes now"))
        self.sync_now_action.triggered.connect(worker.sync_now)
        self.button = QToolButton(self)
        self.button.setDefaultAction(self.sync_now_action)
        # Shown while the server has refused something: opens the list of refused changes.
        self.refused_action = QAction(self.tr("Refused changes…"), self)
        self.refused_action.setToolTip(
            self.tr("See what the central database refused, and send it again once mended")
        )
        self.refused_button = QToolButton(self)
        self.refused_button.setDefaultAction(self.refused_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Shown for as long as the desk runs: the settings allowed a connection that is not
        # encrypted or not proven to reach the hospital's server.
        self.tls_warning = QLabel(self.tr("Connection to the server is not verified"), self)
        self.tls_warning.setToolTip(
            self.tr(
                "The settings allow a connection to the central database without checking its "
                "certificate (allow_weak_tls); patient data may be read or changed on the way."
            )
        )
        self.tls_warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.tls_warning.setVisible(unverified)
        layout.addWidget(self.tls_warning)
        layout.addWidget(self.label)
        layout.addWidget(self.refused_button)
        layout.addWidget(self.button)
        self.status = worker.status
        self._show(self.status)

    def _when(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return self.tr("never")
        local = moment.astimezone()
        if local.date() == dt.datetime.now().astimezone().date():
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        if status.syncing:
            state = self.tr("syncing…")
        elif isinstance(status.failure, DeskTooOldError):
            state = self.tr("this desk needs an update")
        elif status.online is None:
            state = self.tr("not yet synced")
        elif status.online:
            state = self.tr("online")
        else:
            state = self.tr("offline")
        parts = [
            self.tr("Sync: {0}").format(state),
            self.tr("{0} pending").format(status.pending),
            self.tr("last {0}").format(self._when(status.last_success_at)),
        ]
        if status.quarantined:
            parts.append(self.tr("{0} refused").format(status.quarantined))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(
            server_error_text(status.failure)
            or self.tr("Last complete sync: {0}").format(self._when(status.last_success_at))
        )
        trouble = status.online is False or bool(status.last_error) or bool(status.quarantined)
        self.label.setStyleSheet("color: #b3261e;" if trouble else "")
        self.refused_button.setVisible(bool(status.quarantined))
