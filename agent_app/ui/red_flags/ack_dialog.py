"""Acknowledge a red-flag alert: the action taken, as a code, and a note."""

from __future__ import annotations

from agent_app.domain.red_flags import NOTE_MAX, AckAction, AckError, check_acknowledgement
from agent_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from agent_app.ui.red_flags.texts import ack_action_name, ack_error_text


class AckDialog(QDialog):
    def __init__(self, patient: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge the red flag — {0}").format(patient))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.action_box = QComboBox()
        for action in (
            AckAction.CALLED_BACK,
            AckAction.TOLD_TO_COME_IN,
            AckAction.REFERRED_TO_EMERGENCY,
            AckAction.NOTED,
        ):
            self.action_box.addItem(ack_action_name(action), action.value)
        form.addRow(self.tr("Action taken"), self.action_box)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("What you did or decided (up to {0} characters)").format(NOTE_MAX)
        )
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Acknowledge"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.action_box.setFocus()

    def action(self) -> AckAction:
        return AckAction(self.action_box.currentData())

    def note_text(self) -> str:
        return self.note.toPlainText()

    def _check(self) -> None:
        try:
            check_acknowledgement(self.action(), self.note_text())
        except AckError as error:
            self.problem.setText(ack_error_text(error))
            self.problem.setVisible(True)
            return
        self.accept()
