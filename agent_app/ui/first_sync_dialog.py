"""Progress of the desk's first full sync: which table, how many rows so far; cancellable.

Fed by ``SyncController.sig_pull_page`` (table, rows in the page) and, when the pull reports
it, ``sig_pull_progress``: rows so far against the server's estimate. Once the queue's first
page is in the store the dialog closes by itself: the agent can start while the rest comes
in (the status bar shows it). Cancel does not close the dialog at once: it asks the
controller to stop after the current page (what was stored stays and the next sync
continues), and the dialog closes when the cycle reports back.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent_app.sync.pull import PullProgress
from agent_app.sync.worker import SyncStatus
from agent_app.ui.qt import QProgressDialog, QWidget, Signal, Slot


class FirstSyncDialog(QProgressDialog):
    sig_cancel_requested = Signal()

    def __init__(self, tables: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("First sync"))
        self.setModal(True)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setCancelButtonText(self.tr("Cancel"))
        self._names = {
            "department": self.tr("departments"),
            "staff": self.tr("staff"),
            "call_script": self.tr("call scripts"),
            "questionnaire_template": self.tr("questionnaires"),
            "followup_plan": self.tr("follow-up plans"),
            "calling_exception": self.tr("calendar exceptions"),
            "patient": self.tr("patients"),
            "contact": self.tr("phone numbers"),
            "episode": self.tr("hospital stays"),
            "followup_task": self.tr("follow-up tasks"),
            "blacklist": self.tr("blocked numbers"),
            "transfer_target": self.tr("transfer directory"),
            "sms_template": self.tr("text message templates"),
            "knowledge_article": self.tr("knowledge articles"),
        }
        self.tables = list(tables)
        self.rows: dict[str, int] = {}
        self.by_rows = False  # the bar counts rows against an estimate, not tables
        self.cancel_requested = False
        self.setRange(0, len(self.tables))
        self.setValue(0)
        self.setLabelText(self.tr("Connecting to the central database…"))
        self.canceled.disconnect()  # keep the dialog open until the worker has stopped
        self.canceled.connect(self._request_cancel)

    def table_name(self, table: str) -> str:
        return self._names.get(table, table)

    @Slot(str, int)
    def on_page(self, table: str, rows: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + rows
        if self.by_rows:
            return
        if table in self.tables:
            self.setValue(self.tables.index(table))
        self.setLabelText(
            self.tr("Fetching {0}: {1} so far").format(
                self.table_name(table), f"{self.rows[table]:,}"
            )
        )

    @Slot(object)
    def on_progress(self, progress: PullProgress) -> None:
        if progress.queue_ready:
            self.accept()  # the queue can be shown; the rest comes in behind it
            return
        if not progress.rows_expected or self.cancel_requested:
            return
        self.by_rows = True
        self.setRange(0, 1000)
        self.setValue(1000 * progress.rows_done // progress.rows_expected)
        self.setLabelText(
            self.tr("Fetching {0}: {1} of about {2} rows").format(
                self.table_name(progress.table),
                f"{progress.rows_done:,}",
                f"{progress.rows_expected:,}",
            )
        )

    @Slot()
    def _request_cancel(self) -> None:
        if self.cancel_requested:
            return
        self.cancel_requested = True
        self.setLabelText(self.tr("Stopping after the current page…"))
        self.sig_cancel_requested.emit()

    @Slot(object)
    def on_finished(self, status: SyncStatus) -> None:
        self.setValue(self.maximum())
        self.accept()

    @Slot(str)
    def on_failed(self, message: str) -> None:
        if self.cancel_requested:
            self.reject()
            return
        self.setLabelText(
            self.tr("The first sync stopped: {0}\nIt is retried automatically.").format(message)
        )
        self.setCancelButtonText(self.tr("Close"))
        self.canceled.disconnect()
        self.canceled.connect(self.reject)
