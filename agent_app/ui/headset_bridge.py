"""The USB headset's call buttons on the GUI thread, acting on the call bar, and the call
state shown on the headset's lights.

``HeadsetDevice`` (dialer/) reads the headset on its own thread and calls ``deliver``, which
only emits a signal: Qt queues it to this object's thread, the GUI's, where the event acts:
- off-hook while a call rings: answer it (the call bar's answer, as the screen-pop's button);
- on-hook during a call: hang up;
- mute: toggle the call bar's mute;
- flash: answer the ringing call when none is open, else hold or resume the call. The desk
  holds one call at a time (a second caller is turned away by the screen-pop), so there is
  never a waiting call for flash to take.
After every change of the call state the lights are written again: Off-Hook while a call is
open, Ring while one rings, Mute and Hold as the call bar's buttons. Headsets that are not
answered this way ignore their next press or undo their own mute (dialer/headset_hid.py).
"""

from __future__ import annotations

import logging

from agent_app.dialer.events import Ended, Incoming
from agent_app.dialer.headset_device import HeadsetConnected, HeadsetDevice, HeadsetLost
from agent_app.dialer.headset_hid import (
    FlashPressed,
    HeadsetEvent,
    HookChanged,
    Lights,
    MutePressed,
)
from agent_app.domain.coded_error import CodedError
from agent_app.ui.call_bar import CallBar
from agent_app.ui.qt import QCoreApplication, QMainWindow, QObject, Signal

log = logging.getLogger(__name__)


def headset_error_text(error: CodedError) -> str:
    """Why the headset's buttons do not work, in the desk's language."""
    params = error.params
    if error.code == "headset_lost":
        return QCoreApplication.translate(
            "HeadsetBridge",
            "Headset lost: {name} was unplugged or stopped answering. The desk looks for it "
            "again; use the call bar meanwhile.",
        ).format(**params)
    if error.code == "headset_not_found":
        return QCoreApplication.translate(
            "HeadsetBridge",
            "No headset with call buttons ({selector}) is plugged in; the desk keeps looking.",
        ).format(**params)
    if error.code == "headset_open_failed":
        return QCoreApplication.translate(
            "HeadsetBridge",
            "The headset {name} cannot be opened ({detail}). On Linux the desk needs access "
            "to /dev/hidraw (see the README).",
        ).format(**params)
    if error.code == "headset_no_hidapi":
        return QCoreApplication.translate(
            "HeadsetBridge", "Headset buttons are off: the hidapi package is not installed."
        )
    if error.code == "hid_no_telephony":
        return QCoreApplication.translate(
            "HeadsetBridge",
            "The device chosen in [headset] has no call buttons or lights; the desk does not "
            "follow it.",
        )
    return QCoreApplication.translate(
        "HeadsetBridge",
        "The headset describes its buttons in a way the desk cannot read ({0}); its buttons "
        "are off.",
    ).format(error.code)


class HeadsetBridge(QObject):
    sig_hook = Signal(bool)  # the headset went off-hook (True) or on-hook
    sig_mute_pressed = Signal()
    sig_flash = Signal()
    sig_status = Signal(str)  # a sentence for the status bar: connected, lost
    _sig_event = Signal(object)  # HeadsetEvent, from the reader thread

    def __init__(self, call_bar: CallBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call_bar = call_bar
        self.device: HeadsetDevice | None = None
        self.connected = ""  # the headset's name while it is there
        self._ringing: dict[str, str] = {}  # inbound calls ringing: call id -> number
        self._sig_event.connect(self._on_event)
        phone = call_bar.bridge
        phone.sig_incoming.connect(self._incoming)
        phone.sig_answered.connect(self._settled)
        phone.sig_ended.connect(self._ended)
        phone.sig_hold.connect(lambda _event: self.show_call_state())
        call_bar.sig_call_started.connect(lambda *_: self.show_call_state())
        call_bar.mute_button.toggled.connect(lambda _on: self.show_call_state())
        call_bar.hold_button.toggled.connect(lambda _on: self.show_call_state())

    def deliver(self, event: HeadsetEvent) -> None:
        """The device's callback: safe from any thread (the event is queued to this one)."""
        self._sig_event.emit(event)

    # Phone events ------------------------------------------------------------------------
    def _incoming(self, event: Incoming) -> None:
        self._ringing[event.call_id] = event.number
        self.show_call_state()

    def _settled(self, call_id: str) -> None:
        self._ringing.pop(call_id, None)
        self.show_call_state()

    def _ended(self, event: Ended) -> None:
        self._settled(event.call_id)

    # Headset events ----------------------------------------------------------------------
    def _on_event(self, event: HeadsetEvent) -> None:
        again = False
        match event:
            case HeadsetConnected():
                self.connected = event.name
                self.sig_status.emit(
                    QCoreApplication.translate("HeadsetBridge", "Headset connected: {0}").format(
                        event.name
                    )
                )
                again = True
            case HeadsetLost():
                quiet = event.error.code == "headset_not_found" and (
                    self.device is None or self.device.selector == "auto"
                )
                self.connected = ""
                if not quiet:  # no headset on an "auto" desk is no news
                    self.sig_status.emit(headset_error_text(event.error))
            case HookChanged():
                self.sig_hook.emit(event.off_hook)
                self._hook(event.off_hook)
                again = True  # nothing to answer or hang up: the headset hears the real state
            case MutePressed():
                self.sig_mute_pressed.emit()
                if self.call_bar.mute_button.isEnabled():
                    self.call_bar.mute_button.toggle()
                again = True  # the headset waits for the Mute light even when nothing changed
            case FlashPressed():
                self.sig_flash.emit()
                self._flash()
                again = True
            case _:
                log.info("headset key %s has no action", type(event).__name__)
        self.show_call_state(again=again)

    def _hook(self, off_hook: bool) -> None:
        bar = self.call_bar
        if off_hook and not bar.call_id and self._ringing:
            call_id, number = next(iter(self._ringing.items()))
            bar.answer_incoming(call_id, number)
        elif not off_hook and bar.call_id:
            bar.hangup()

    def _flash(self) -> None:
        bar = self.call_bar
        if not bar.call_id and self._ringing:
            self._hook(True)
        elif bar.hold_button.isEnabled():
            bar.hold_button.toggle()

    # Lights ------------------------------------------------------------------------------
    def lights(self) -> Lights:
        """The call state as the headset should show it now."""
        bar = self.call_bar
        return Lights(
            off_hook=bool(bar.call_id),
            ring=any(call_id != bar.call_id for call_id in self._ringing),
            mute=bar.mute_button.isChecked(),
            hold=bar.hold_button.isChecked(),
        )

    def show_call_state(self, *, again: bool = False) -> None:
        if self.device is not None:
            self.device.show(self.lights(), again=again)

    def stop(self) -> None:
        if self.device is not None:
            self.device.stop()


def attach_headset(window: QMainWindow, call_bar: CallBar, selector: str) -> HeadsetBridge:
    """Follow the headset ``selector`` names (``[headset] device``) for this window's call
    bar; its news goes to the window's status bar. Stopped with the window."""
    bridge = HeadsetBridge(call_bar, window)
    bridge.sig_status.connect(lambda text: window.statusBar().showMessage(text, 15_000))
    bridge.device = HeadsetDevice(selector, bridge.deliver)
    window.destroyed.connect(bridge.device.stop)
    bridge.device.start()
    return bridge
