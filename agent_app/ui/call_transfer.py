"""The call bar's Transfer… button: the transfer directory read off the GUI thread, the dialog
to pick where and how, and the line's answer on the status bar (REFER accepted, the transfer's
outcome, a conference formed)."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from agent_app.dialer.errors import TransferError, TransferRefusal
from agent_app.dialer.events import PhoneEvent
from agent_app.domain.transfer_targets import DirectoryTarget
from agent_app.store.repositories.transfer_targets import list_targets
from agent_app.ui.background import run_in_background
from agent_app.ui.call_bar import CallBar
from agent_app.ui.qt import QMainWindow, QObject
from agent_app.ui.transfer_dialog import (
    TransferDialog,
    TransferRequest,
    TransferWords,
    start_transfer,
    transfer_choices,
)

log = logging.getLogger(__name__)


class CallTransfer(QObject):
    """Transfers the call the agent is connected to, from the call bar of ``window``."""

    def __init__(self, call_bar: CallBar, engine: Engine, window: QMainWindow) -> None:
        super().__init__(window)
        self.call_bar, self.engine, self.window = call_bar, engine, window
        self.words = TransferWords(self)
        self.dialog: TransferDialog | None = None
        call_bar.transfer_button.clicked.connect(lambda _=False: self.ask())
        call_bar.bridge.sig_transfer.connect(self._heard)

    def ask(self, preselect: int | None = None) -> None:
        """Open the directory for the connected call (``preselect``: a target's id)."""
        call = self.call_bar.connected_call()
        if call is None:
            self._say(self.words.refusal(TransferRefusal.NOT_ANSWERED))
            return
        engine, call_id = self.engine, call.call_id
        run_in_background(
            lambda: list_targets(engine),
            lambda targets: self._open(call_id, targets, preselect),
            self._unread,
            self.window,
        )

    def _open(self, call_id: str, targets: list[DirectoryTarget], preselect: int | None) -> None:
        dialog = TransferDialog(
            targets,
            self.window,
            preselect=preselect,
            choices=transfer_choices(self.call_bar.bridge.line_kind),
        )
        dialog.sig_chosen.connect(lambda request: self._start(call_id, request))
        self.dialog = dialog
        dialog.open()

    def _start(self, call_id: str, request: TransferRequest) -> None:
        try:
            start_transfer(self.call_bar.phone, call_id, request)
        except TransferError as exc:
            self._say(self.words.refusal(exc.code))

    def _heard(self, event: PhoneEvent) -> None:
        text = self.words.event_text(event)
        if text:
            self._say(text)

    def _unread(self, error: BaseException) -> None:
        log.warning("transfer directory could not be read: %s", error)
        self._say(self.tr("The transfer directory could not be read; try again."))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)
