"""The phone line in the status bar: which line, whether it can call (in colour), why not, and
a Retry button while it cannot."""

from __future__ import annotations

from agent_app.dialer.phone import Phone
from agent_app.domain.enums import LineType
from agent_app.ui.phone_bridge import LineState, PhoneBridge
from agent_app.ui.qt import QCoreApplication, QLabel, QToolButton, QWidget

READY_COLOUR = "#1b6e20"
WAITING_COLOUR = "#8a5a00"
FAILED_COLOUR = "#b3261e"


def line_name(phone: Phone | None, kind: LineType = LineType.FAKE) -> str:
    """The line as the agent calls it, in the desk's language (``kind`` when none is open)."""
    line, address = (phone.line, phone.address) if phone is not None else (kind, "")
    if line is LineType.SIP:
        return QCoreApplication.translate("LineStatusLabel", "Headset {0}").format(address).strip()
    if line is LineType.MODEM:
        return (
            QCoreApplication.translate("LineStatusLabel", "Phone-line box {0}")
            .format(address)
            .strip()
        )
    return QCoreApplication.translate("LineStatusLabel", "Simulated line")


def line_state_text(state: LineState) -> str:
    """The line's state in a few words."""
    return {
        LineState.READY: QCoreApplication.translate("LineStatusLabel", "ready"),
        LineState.OPENING: QCoreApplication.translate("LineStatusLabel", "opening…"),
        LineState.MISSING: QCoreApplication.translate("LineStatusLabel", "not available"),
        LineState.REGISTERING: QCoreApplication.translate("LineStatusLabel", "registering…"),
        LineState.UNREGISTERED: QCoreApplication.translate("LineStatusLabel", "not registered"),
        LineState.REGISTRATION_FAILED: QCoreApplication.translate(
            "LineStatusLabel", "registration failed"
        ),
        LineState.DEVICE_LOST: QCoreApplication.translate("LineStatusLabel", "device disconnected"),
    }[state]


def cannot_call_text(bridge: PhoneBridge) -> str:
    """Why Dial is disabled, as one sentence (empty when the line can call)."""
    state = bridge.state
    if state.can_call:
        return ""
    sentence = {
        LineState.OPENING: QCoreApplication.translate(
            "LineStatusLabel", "Calls wait until the phone line is open."
        ),
        LineState.MISSING: QCoreApplication.translate(
            "LineStatusLabel",
            "No call can be made: the phone line could not be opened. Use Retry in the status "
            "bar once it is fixed.",
        ),
        LineState.REGISTERING: QCoreApplication.translate(
            "LineStatusLabel", "Calls wait until the phone account is registered."
        ),
        LineState.UNREGISTERED: QCoreApplication.translate(
            "LineStatusLabel", "No call can be made: the phone account is not registered."
        ),
        LineState.REGISTRATION_FAILED: QCoreApplication.translate(
            "LineStatusLabel",
            "No call can be made: the phone server refused or did not answer the registration.",
        ),
        LineState.DEVICE_LOST: QCoreApplication.translate(
            "LineStatusLabel", "No call can be made: the phone device is disconnected."
        ),
    }[state]
    detail = bridge.detail
    return f"{sentence}\n{detail}" if detail else sentence


class LineStatusLabel(QLabel):
    """Follows the bridge's line state; the tooltip keeps the last reason."""

    def __init__(self, bridge: PhoneBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        bridge.sig_line.connect(self._show)
        self._show()

    @property
    def can_call(self) -> bool:
        return self.bridge.can_call

    def _show(self) -> None:
        bridge = self.bridge
        state = bridge.state
        name = line_name(bridge.phone, bridge.line_kind)
        words = self.tr("registered") if bridge.registered else line_state_text(state)
        self.setText(self.tr("Line: {0} — {1}").format(name, words))
        self.setToolTip(bridge.detail)
        if state.can_call:
            colour = READY_COLOUR
        elif state in (LineState.OPENING, LineState.REGISTERING):
            colour = WAITING_COLOUR
        else:
            colour = FAILED_COLOUR
        self.setStyleSheet(f"color: {colour}; font-weight: bold;")


class LineRetryButton(QToolButton):
    """Shown while the line can be retried; a click retries without blocking the window."""

    def __init__(self, bridge: PhoneBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setText(self.tr("Retry"))
        self.setToolTip(self.tr("Try to open the phone line again"))
        self.clicked.connect(bridge.retry)
        bridge.sig_line.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setVisible(self.bridge.state.can_retry)
