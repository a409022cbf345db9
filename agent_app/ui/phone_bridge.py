"""Phone events as Qt signals on the GUI thread.

A 10 ms QTimer calls ``Phone.pump()``, which runs the backend's housekeeping (pjsua2's
``libHandleEvents``) and hands queued events to ``_on_event`` on this thread; it re-emits each
as a typed signal. Nothing else in ui/ talks to a backend's threads.
"""

from __future__ import annotations

import logging

from agent_app.dialer.events import (
    Answered,
    DeviceBack,
    DeviceLost,
    DtmfReceived,
    EarlyMedia,
    Ended,
    HoldChanged,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    RegistrationChanged,
    Ringing,
)
from agent_app.dialer.phone import Phone
from agent_app.ui.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class PhoneBridge(QObject):
    sig_registration = Signal(object)  # RegistrationChanged
    sig_ringing = Signal(str)  # call id; the far end rings
    sig_early_media = Signal(str)
    sig_answered = Signal(str)
    sig_ended = Signal(object)  # Ended
    sig_incoming = Signal(object)  # Incoming
    sig_hold = Signal(object)  # HoldChanged
    sig_dtmf = Signal(object)  # DtmfReceived
    sig_recording = Signal(object)  # RecordingChanged
    sig_device = Signal(object)  # DeviceLost or DeviceBack

    PUMP_MS = 10

    def __init__(self, phone: Phone, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.phone = phone
        phone.add_listener(self._on_event)
        self._timer = QTimer(self)
        self._timer.setInterval(self.PUMP_MS)
        self._timer.timeout.connect(phone.pump)
        self._timer.start()

    def _on_event(self, event: PhoneEvent) -> None:
        match event:
            case RegistrationChanged():
                self.sig_registration.emit(event)
            case Ringing():
                self.sig_ringing.emit(event.call_id)
            case EarlyMedia():
                self.sig_early_media.emit(event.call_id)
            case Answered():
                self.sig_answered.emit(event.call_id)
            case Ended():
                self.sig_ended.emit(event)
            case Incoming():
                self.sig_incoming.emit(event)
            case HoldChanged():
                self.sig_hold.emit(event)
            case DtmfReceived():
                self.sig_dtmf.emit(event)
            case RecordingChanged():
                self.sig_recording.emit(event)
            case DeviceLost() | DeviceBack():
                self.sig_device.emit(event)
            case _:
                log.debug("unhandled phone event %s", type(event).__name__)

    def stop(self, close_phone: bool = True) -> None:
        """Stop pumping; the line is closed too unless another owner keeps it."""
        self._timer.stop()
        self.phone.remove_listener(self._on_event)
        if close_phone:
            self.phone.close()
