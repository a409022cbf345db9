"""The changes the central database refused, listed for the agent: what, whose, when and why,
with "Send again" once the cause is mended and "Copy for IT". Nothing here deletes a change.

The list is read and changed off the GUI thread; the server's own words are shown verbatim in a
column of their own, labelled as the server's, since they are PostgreSQL's English.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Engine

from agent_app.sync.refused import RefusedChange, it_report, refused_changes, send_again
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QApplication,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from agent_app.ui.read_only_table import read_only_rows


def change_kind_name(table: str) -> str:
    """What a changed row is, in the desk's language."""
    names: dict[str, Callable[[], str]] = {
        "followup_result": lambda: QCoreApplication.translate("RefusedChanges", "Follow-up result"),
        "followup_task": lambda: QCoreApplication.translate("RefusedChanges", "Follow-up task"),
        "call_attempt": lambda: QCoreApplication.translate("RefusedChanges", "Call"),
        "recording": lambda: QCoreApplication.translate("RefusedChanges", "Call recording"),
        "contact": lambda: QCoreApplication.translate("RefusedChanges", "Contact number"),
        "patient": lambda: QCoreApplication.translate("RefusedChanges", "Patient details"),
        "complaint": lambda: QCoreApplication.translate("RefusedChanges", "Complaint"),
        "red_flag_alert": lambda: QCoreApplication.translate("RefusedChanges", "Red-flag alert"),
        "sms_message": lambda: QCoreApplication.translate("RefusedChanges", "Text message"),
        "blacklist": lambda: QCoreApplication.translate("RefusedChanges", "Do-not-call entry"),
        "qa_review": lambda: QCoreApplication.translate("RefusedChanges", "Quality review"),
        "sampling_run": lambda: QCoreApplication.translate("RefusedChanges", "Spot-check sample"),
        "his_import_run": lambda: QCoreApplication.translate("RefusedChanges", "HIS import"),
        "his_rejected_row": lambda: QCoreApplication.translate("RefusedChanges", "HIS import row"),
        "audit_log": lambda: QCoreApplication.translate("RefusedChanges", "Audit entry"),
    }
    name = names.get(table)
    return (
        name()
        if name is not None
        else QCoreApplication.translate("RefusedChanges", "Other record ({0})").format(table)
    )


def refusal_text(kind: str) -> str:
    """Why the server refused a change (refused.refusal_kind's codes), in plain words."""
    return {
        "not_taken": lambda: QCoreApplication.translate(
            "RefusedChanges", "The central database does not take this kind of change."
        ),
        "not_allowed": lambda: QCoreApplication.translate(
            "RefusedChanges", "Your account may not make this change on the central database."
        ),
        "missing_row": lambda: QCoreApplication.translate(
            "RefusedChanges",
            "A record it belongs to is not on the central database (deleted or never sent).",
        ),
        "invalid_value": lambda: QCoreApplication.translate(
            "RefusedChanges", "A value was not accepted by the central database."
        ),
        "conflict": lambda: QCoreApplication.translate(
            "RefusedChanges", "It clashes with a record already on the central database."
        ),
    }.get(
        kind,
        lambda: QCoreApplication.translate("RefusedChanges", "The central database refused it."),
    )()


class RefusedChangesDialog(QDialog):
    """Every refused change of this desk; opened from the status bar or the follow-up menu."""

    def __init__(
        self, engine: Engine, parent: QWidget | None = None, *, on_resent: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._on_resent = on_resent
        self.changes: list[RefusedChange] = []
        self._note = ""
        self.setWindowTitle(self.tr("Changes the central database refused"))
        self.resize(900, 420)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = read_only_rows(QTableWidget(0, 5, self), single=False)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made at"),
                self.tr("What"),
                self.tr("Patient"),
                self.tr("Why"),
                self.tr("The server's words"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.send_button = QPushButton(self.tr("Send again"), self)
        self.send_button.setToolTip(
            self.tr("Put the selected changes back in line, once the cause has been mended")
        )
        self.send_button.clicked.connect(self._send_again)
        self.copy_button = QPushButton(self.tr("Copy for IT"), self)
        self.copy_button.setToolTip(
            self.tr("Copy change ids and the server's words (no patient data) to the clipboard")
        )
        self.copy_button.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._selection_changed()
        self.reload()

    def reload(self, note: str = "") -> None:
        self._note = note
        self.summary.setText(self.tr("Reading…"))
        run_in_background(
            lambda: refused_changes(self.engine), self._show, self._failed, owner=self
        )

    def _show(self, changes: Sequence[RefusedChange]) -> None:
        self.changes = list(changes)
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            patient = change.patient_name or (
                self.tr("Patient {0}").format(change.patient_id) if change.patient_id else "—"
            )
            cells = [
                change.made_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                change_kind_name(change.table),
                patient,
                refusal_text(change.kind),
                change.server_words,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.summary.setText(
            self.tr(
                "{0} changes were refused by the central database. They are kept on this desk; "
                "nothing is lost. Ask IT or your supervisor to mend the cause, then send them "
                "again."
            ).format(len(self.changes))
            if self.changes
            else self.tr("The central database has refused nothing from this desk.")
        )
        if self._note:
            self.summary.setText(f"{self._note}\n{self.summary.text()}")
        self._selection_changed()

    def _failed(self, _exc: BaseException) -> None:
        self.summary.setText(
            self.tr("The refused changes could not be read from this desk's store.")
        )

    def _selected(self) -> list[RefusedChange]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.changes[row] for row in rows if row < len(self.changes)]

    def _selection_changed(self) -> None:
        chosen = bool(self._selected())
        self.send_button.setEnabled(chosen)
        self.copy_button.setEnabled(bool(self.changes))

    def _send_again(self) -> None:
        seqs = [change.seq for change in self._selected()]

        def done(count: int) -> None:
            self._on_resent()
            self.reload(self.tr("{0} changes will be sent with the next sync.").format(count))

        run_in_background(lambda: send_again(self.engine, seqs), done, self._failed, owner=self)

    def _copy(self) -> None:
        chosen = self._selected() or self.changes
        clipboard = QApplication.clipboard()
        clipboard.setText(it_report(chosen))
        self.summary.setText(self.tr("Copied {0} changes for IT.").format(len(chosen)))
