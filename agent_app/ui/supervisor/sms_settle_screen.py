"""Text messages whose sending is unknown, for a supervisor to settle one by one: it was sent,
send it again (a new message), or do not send it (``store/repositories/sms_settle.py``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.sms_settle import (
    Settlement,
    SmsSettleError,
    UnsettledSms,
    settle_message,
    unsettled_messages,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


def unknown_reason(code: str) -> str:
    """Why the desk cannot tell whether a message left, in the desk's language."""
    reasons = {
        "sms_interrupted": QCoreApplication.translate(
            "SmsSettle", "The desk stopped while it was sending."
        ),
        "sms_port_lost": QCoreApplication.translate(
            "SmsSettle", "The modem went away while it was sending."
        ),
        "sms_sent_no_answer": QCoreApplication.translate(
            "SmsSettle", "The modem took it but never confirmed it."
        ),
        "sms_partly_sent": QCoreApplication.translate(
            "SmsSettle", "Only some parts of the long message were confirmed."
        ),
    }
    return reasons.get(
        code, QCoreApplication.translate("SmsSettle", "Nobody confirmed that it was sent.")
    )


class SmsSettleScreen(QWidget):
    """One row per unknown message; the buttons act on the selected one."""

    sig_loaded = Signal()
    sig_settled = Signal(str)  # the message id

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.messages: list[UnsettledSms] = []
        self.setWindowTitle(self.tr("Text messages to check"))
        intro = QLabel(
            self.tr(
                "The desk could not tell whether these messages reached the network, so it "
                "will not send them again by itself. Ask the patient or check the SMS "
                "platform's log, then decide."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Queued"),
                self.tr("Patient"),
                self.tr("Number"),
                self.tr("Text"),
                self.tr("Why unknown"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.was_sent_button = QPushButton(self.tr("It was sent"))
        self.send_again_button = QPushButton(self.tr("Send it again…"))
        self.drop_button = QPushButton(self.tr("Do not send it"))
        self.was_sent_button.clicked.connect(lambda: self.settle(Settlement.WAS_SENT))
        self.send_again_button.clicked.connect(self._confirm_send_again)
        self.drop_button.clicked.connect(lambda: self.settle(Settlement.DROP))
        buttons = QHBoxLayout()
        for button in (self.was_sent_button, self.send_again_button, self.drop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._enable()
        self.reload()

    def reload(self) -> None:
        engine = self.engine
        run_in_background(lambda: unsettled_messages(engine), self._loaded, self._failed, self)

    def _loaded(self, messages: list[UnsettledSms]) -> None:
        self.messages = messages
        self.table.setRowCount(len(messages))
        for row, message in enumerate(messages):
            when = message.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
            cells = (when, message.patient_name or self.tr("(unknown patient)"),
                     message.number_e164, message.body, unknown_reason(message.error))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if not messages and not self.status.text():
            self.status.setText(self.tr("No text message needs checking."))
        self._enable()
        self.sig_loaded.emit()

    def selected(self) -> UnsettledSms | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.messages):
            return None
        return self.messages[rows[0].row()]

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.was_sent_button, self.send_again_button, self.drop_button):
            button.setEnabled(chosen)

    def _confirm_send_again(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Send it again"),
            self.tr(
                "If the first message did reach the patient, they will get it twice. Send it again?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.settle(Settlement.SEND_AGAIN)

    def settle(self, settlement: Settlement) -> None:
        message = self.selected()
        if message is None:
            return
        engine, staff, sms_id = self.engine, self.account.id, message.id
        now = dt.datetime.now(dt.UTC)
        run_in_background(
            lambda: settle_message(engine, sms_id, settlement, staff, now),
            lambda _new: self._settled(str(sms_id), settlement),
            self._failed,
            self,
        )

    def _settled(self, sms_id: str, settlement: Settlement) -> None:
        self.status.setText(
            {
                Settlement.WAS_SENT: self.tr("Marked as sent."),
                Settlement.SEND_AGAIN: self.tr("Queued again as a new message."),
                Settlement.DROP: self.tr("Closed as not sent."),
            }[settlement]
        )
        self.reload()
        self.sig_settled.emit(sms_id)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SmsSettleError):
            self.status.setText(self.tr("Someone else has already settled that message."))
            self.reload()
        else:
            self.status.setText(self.tr("Could not settle the message: {0}").format(error))
