"""The text message route in the status bar: ready, connecting, or why nothing is being sent
(the modem pulled out, the platform refusing this desk's key), so a stalled queue is seen on
the day it stalls and not when a patient misses a reminder."""

from __future__ import annotations

from agent_app.sms.worker import SmsWorker
from agent_app.ui.line_status import FAILED_COLOUR, READY_COLOUR, WAITING_COLOUR
from agent_app.ui.qt import QCoreApplication, QLabel, QTimer, QWidget


def sms_problem_text(code: str) -> str:
    """Why text messages are not going out, in the desk's language."""
    texts = {
        "sms_port_unavailable": QCoreApplication.translate(
            "SmsStatus", "the SMS modem cannot be opened"
        ),
        "sms_port_lost": QCoreApplication.translate("SmsStatus", "the SMS modem was unplugged"),
        "sms_no_answer": QCoreApplication.translate("SmsStatus", "the SMS modem does not answer"),
        "sms_platform_unreachable": QCoreApplication.translate(
            "SmsStatus", "the SMS platform cannot be reached"
        ),
        "sms_platform_busy": QCoreApplication.translate("SmsStatus", "the SMS platform is busy"),
        "sms_platform_no_key": QCoreApplication.translate(
            "SmsStatus", "the SMS platform's signing key is not set on this computer"
        ),
        "sms_platform_refuses_desk": QCoreApplication.translate(
            "SmsStatus", "the SMS platform refuses this desk: check the account and the key"
        ),
    }
    return texts.get(code, QCoreApplication.translate("SmsStatus", "sending has stopped"))


class SmsStatusLabel(QLabel):
    """Follows an SMS worker by reading its state on a timer (the worker's thread never
    touches Qt)."""

    EVERY_MS = 1000

    def __init__(self, worker: SmsWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smsStatus")
        self.worker = worker
        self._shown: tuple[str, str] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(self.EVERY_MS)
        self.refresh()

    def refresh(self) -> None:
        state = (self.worker.state, self.worker.last_error)
        if state != self._shown:
            self._shown = state
            self.show_state(*state)

    def show_state(self, state: str, error: str) -> None:
        if state == "ready":
            text, colour = self.tr("SMS: ready"), READY_COLOUR
        elif state == "lost":
            text = self.tr("SMS: not sending ({0})").format(sms_problem_text(error))
            colour = FAILED_COLOUR
        elif state == "stopped":
            text, colour = self.tr("SMS: stopped"), WAITING_COLOUR
        else:
            text, colour = self.tr("SMS: connecting…"), WAITING_COLOUR
        self.setText(text)
        self.setStyleSheet(f"color: {colour};")
