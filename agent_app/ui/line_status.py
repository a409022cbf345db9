"""The phone line in the status bar: which line, whether it can call, and why not."""

from __future__ import annotations

from agent_app.dialer.events import DeviceBack, DeviceLost, Registration, RegistrationChanged
from agent_app.dialer.phone import Phone
from agent_app.domain.enums import LineType
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QCoreApplication, QLabel, QWidget


def line_name(phone: Phone) -> str:
    """The line as the agent calls it, in the desk's language."""
    if phone.line is LineType.SIP:
        return QCoreApplication.translate("LineStatusLabel", "Headset {0}").format(phone.address)
    if phone.line is LineType.MODEM:
        return QCoreApplication.translate("LineStatusLabel", "Phone-line box {0}").format(
            phone.address
        )
    return QCoreApplication.translate("LineStatusLabel", "Simulated line")


class LineStatusLabel(QLabel):
    """Follows registration and device events; the tooltip keeps the last reason."""

    def __init__(self, bridge: PhoneBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = line_name(bridge.phone)
        self._state = bridge.phone.registration
        self._device_lost = ""
        bridge.sig_registration.connect(self._on_registration)
        bridge.sig_device.connect(self._on_device)
        self._show("")

    @property
    def can_call(self) -> bool:
        usable = {Registration.REGISTERED, Registration.NOT_NEEDED}
        return self._state in usable and not self._device_lost

    def _on_registration(self, event: RegistrationChanged) -> None:
        self._state = event.state
        self._show(event.reason)

    def _on_device(self, event: DeviceLost | DeviceBack) -> None:
        if isinstance(event, DeviceLost):
            self._device_lost = event.reason or self.tr("The phone device was disconnected.")
        else:
            self._device_lost = ""
        self._show(self._device_lost)

    def _show(self, reason: str) -> None:
        if self._device_lost:
            state = self.tr("device disconnected")
        else:
            state = {
                Registration.REGISTERED: self.tr("registered"),
                Registration.REGISTERING: self.tr("registering…"),
                Registration.UNREGISTERED: self.tr("not registered"),
                Registration.FAILED: self.tr("registration failed"),
                Registration.NOT_NEEDED: self.tr("ready"),
            }[self._state]
        self.setText(self.tr("Line: {0} — {1}").format(self._name, state))
        self.setToolTip(reason)
        colour = "" if self.can_call else "color: #b3261e;"
        self.setStyleSheet(colour)
