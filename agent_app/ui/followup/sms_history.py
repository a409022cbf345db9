"""The text messages to and from a patient on the patient card, newest first, each with where
it stands (queued, sent, delivered to the phone, failed, unknown after a crash, or a reply)."""

from __future__ import annotations

from agent_app.domain.enums import SmsDirection, SmsState
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.sms.errors import REFUSED_PREFIX
from agent_app.store.repositories.sms import SmsView
from agent_app.ui.qt import QCoreApplication, QGroupBox, QListWidget, QVBoxLayout, QWidget


def sms_state_name(state: SmsState) -> str:
    """Where a text message stands, in the desk's language."""
    return {
        SmsState.QUEUED: QCoreApplication.translate("SmsHistory", "waiting to be sent"),
        SmsState.SENDING: QCoreApplication.translate("SmsHistory", "sending"),
        SmsState.SENT: QCoreApplication.translate("SmsHistory", "sent, not yet confirmed"),
        SmsState.DELIVERED: QCoreApplication.translate("SmsHistory", "delivered to the phone"),
        SmsState.FAILED: QCoreApplication.translate("SmsHistory", "not delivered"),
        SmsState.UNKNOWN: QCoreApplication.translate(
            "SmsHistory", "may not have been sent: check before sending again"
        ),
        SmsState.BLOCKED: QCoreApplication.translate(
            "SmsHistory", "not sent: the number does not take text messages"
        ),
        SmsState.RECEIVED: QCoreApplication.translate("SmsHistory", "reply"),
    }[state]


def sms_state_text(message: SmsView) -> str:
    """Where a message stands; one the SMS platform refused says the platform's code, which
    the platform's documentation explains (a wrong signing key, a number it will not take)."""
    if message.state is SmsState.FAILED and message.error.startswith(REFUSED_PREFIX):
        return QCoreApplication.translate(
            "SmsHistory", "not sent: the text message platform refused it ({0})"
        ).format(message.error.removeprefix(REFUSED_PREFIX))
    return sms_state_name(message.state)


class SmsHistoryBox(QGroupBox):
    """A read-only list; the follow-up screen fills it off the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Text messages"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.show_messages([])

    def show_messages(self, messages: list[SmsView]) -> None:
        self.list.clear()
        for message in messages:
            when = message.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
            arrow = "←" if message.direction is SmsDirection.IN else "→"
            state = sms_state_text(message)
            self.list.addItem(f"{when} {arrow} {message.body}\n    {state}")
        if not messages:
            self.list.addItem(self.tr("No text messages."))
