"""Phone events as Qt signals on the GUI thread, and whether the desk's line can call now.

A 10 ms QTimer calls ``Phone.pump()``, which runs the backend's housekeeping (pjsua2's
``libHandleEvents``) and hands queued events to ``_on_event`` on this thread; it re-emits each
as a typed signal. Nothing else in ui/ talks to a backend's threads.

The bridge also carries the desk's one call model (``calls``, agent_app/calls): every event
reaches the model first, so a screen that hears a signal reads the model already up to date;
the model's changes come out as ``sig_call`` and its line-wide news as ``sig_call_notice``.

The bridge also owns the line's state for the screens (``state``, ``can_call``,
``sig_line``): a line that could not be opened, is opening, is not registered or lost its
device cannot call, and ``retry()`` tries again without blocking the window. A line that
could not be opened at all (``phone`` None) is re-opened by ``opener`` on a worker thread, or,
for SIP, on this thread (pjsua2 belongs to the thread that pumps it; opening it sends the
registration and waits for nothing).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from agent_app.calls.call import Call, Change, Notice
from agent_app.calls.model import CallModel
from agent_app.dialer.errors import DialerError, LineUnavailableError
from agent_app.dialer.events import (
    Answered,
    CallLimitReached,
    ConferenceChanged,
    DeviceBack,
    DeviceLost,
    DtmfReceived,
    EarlyMedia,
    Ended,
    HoldChanged,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    Registration,
    RegistrationChanged,
    Ringing,
    TransferDone,
    TransferProgress,
)
from agent_app.dialer.phone import Phone
from agent_app.domain.enums import LineType
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class LineState(enum.Enum):
    READY = "ready"
    OPENING = "opening"  # being opened (again)
    MISSING = "missing"  # could not be opened; ``detail`` says why
    REGISTERING = "registering"
    UNREGISTERED = "unregistered"
    REGISTRATION_FAILED = "registration_failed"
    DEVICE_LOST = "device_lost"

    @property
    def can_call(self) -> bool:
        return self is LineState.READY

    @property
    def can_retry(self) -> bool:
        return self in (
            LineState.MISSING,
            LineState.UNREGISTERED,
            LineState.REGISTRATION_FAILED,
            LineState.DEVICE_LOST,
        )


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
    sig_call_limit = Signal(object)  # CallLimitReached: a caller was turned away
    sig_transfer = Signal(object)  # TransferProgress, TransferDone or ConferenceChanged
    sig_line = Signal()  # ``state`` or ``detail`` changed (also when a line was (re)opened)
    sig_call = Signal(object, object)  # Call, Change: the call model changed
    sig_call_notice = Signal(object, str)  # Notice, detail: line-wide news of the call model

    PUMP_MS = 10

    def __init__(
        self,
        phone: Phone | None,
        parent: QObject | None = None,
        *,
        opener: Callable[[], Phone] | None = None,
        open_anywhere: bool = True,
        line: LineType | None = None,
        failure: str = "",
    ) -> None:
        """``phone`` None: no line yet (``failure`` says why); ``opener`` opens one, on a
        worker thread when ``open_anywhere``. ``line``: which kind it is, for its name."""
        super().__init__(parent)
        self.phone: Phone | None = None
        self.opener = opener
        self.open_anywhere = open_anywhere
        self.line_kind = line or (phone.line if phone is not None else LineType.FAKE)
        self._opening = False
        self._failure = failure
        self._reason = ""  # the registration's last reason
        self._registration = Registration.NOT_NEEDED
        self._device_lost = ""
        self.calls = CallModel(self.require_phone, line=self.line_kind)
        self.calls.add_listener(self._call_changed)
        self.calls.add_notice_listener(self._call_notice)
        self._timer = QTimer(self)
        self._timer.setInterval(self.PUMP_MS)
        self._timer.timeout.connect(self._pump)
        self._timer.start()
        if phone is not None:
            self._attach(phone)

    # The line ----------------------------------------------------------------------------
    @property
    def state(self) -> LineState:
        if self._opening:
            return LineState.OPENING
        phone = self.phone
        if phone is None:
            return LineState.MISSING
        if self._device_lost:
            return LineState.DEVICE_LOST
        return {
            Registration.REGISTERED: LineState.READY,
            Registration.NOT_NEEDED: LineState.READY,
            Registration.REGISTERING: LineState.REGISTERING,
            Registration.UNREGISTERED: LineState.UNREGISTERED,
            Registration.FAILED: LineState.REGISTRATION_FAILED,
        }[self._registration]

    @property
    def detail(self) -> str:
        """The line's own words on why it cannot call (English from the core), or ""."""
        return self._failure if self.phone is None else self._device_lost or self._reason

    @property
    def registered(self) -> bool:
        """The line is ready because its phone account is registered (not merely needs none)."""
        return self.state is LineState.READY and self._registration is Registration.REGISTERED

    @property
    def can_call(self) -> bool:
        return self.state.can_call

    def require_phone(self) -> Phone:
        """The open line; LineUnavailableError when there is none."""
        if self.phone is None:
            raise LineUnavailableError("No phone line is open on this desk.")
        return self.phone

    def open_now(self) -> None:
        """Open the line on this thread (start-up; quick lines and SIP); failures are kept."""
        if self.opener is None or self.phone is not None:
            return
        try:
            phone = self.opener()
        except DialerError as exc:
            self._open_failed(exc)
        else:
            self._opened(phone)

    def retry(self) -> None:
        """Bring a failed line back without blocking the window: open it again (on a worker
        when it may), or ask the open line to register or find its device again now."""
        if self._opening or not self.state.can_retry:
            return
        if self.phone is not None:
            if not self.phone.retry():
                log.info("the line has nothing to retry (%s)", self.state.value)
            return
        if self.opener is None:
            return
        self._opening = True
        self.sig_line.emit()
        if self.open_anywhere:
            run_in_background(self.opener, self._opened, self._open_failed, owner=self)
        else:
            QTimer.singleShot(0, self._open_here)

    def network_changed(self, resumed: bool = False) -> None:
        """The desk woke up or its network changed (on this thread, which owns pjsua): the
        open line reconnects at once; a line that could not be opened is tried again."""
        if self.phone is None:
            self.retry()
            return
        try:
            if self.phone.network_changed(resumed):
                log.info("phone line reconnecting (%s)", "resume" if resumed else "network")
        except DialerError as exc:
            log.warning("the phone line could not reconnect: %s", exc)

    def _open_here(self) -> None:
        self._opening = False
        self.open_now()

    def _opened(self, phone: Phone) -> None:
        self._opening = False
        self._failure = ""
        log.info("phone line opened: %s", phone.description)
        self._attach(phone)
        self.sig_line.emit()

    def _open_failed(self, error: BaseException) -> None:
        self._opening = False
        self._failure = str(error) or type(error).__name__
        log.warning("the phone line could not be opened: %s", self._failure)
        self.sig_line.emit()

    def _attach(self, phone: Phone) -> None:
        self.phone = phone
        self.line_kind = phone.line
        self._reason = ""
        self._registration = phone.registration
        self._device_lost = ""
        phone.add_listener(self._on_event)

    def _pump(self) -> None:
        if self.phone is not None:
            self.phone.pump()
        self.calls.pump()

    def _call_changed(self, call: Call, change: Change) -> None:
        self.sig_call.emit(call, change)

    def _call_notice(self, notice: Notice, detail: str) -> None:
        self.sig_call_notice.emit(notice, detail)

    # Events ------------------------------------------------------------------------------
    def _on_event(self, event: PhoneEvent) -> None:
        try:
            self.calls.handle(event)  # the model first: the screens read it when they hear
        except Exception:
            # The line's own signals still go out, so the window follows the line.
            log.exception("the call model failed on %s", type(event).__name__)
        match event:
            case RegistrationChanged():
                self._registration, self._reason = event.state, event.reason
                self.sig_registration.emit(event)
                self.sig_line.emit()
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
                self._device_lost = event.reason if isinstance(event, DeviceLost) else ""
                if isinstance(event, DeviceLost) and not self._device_lost:
                    self._device_lost = "The phone device was disconnected."
                self.sig_device.emit(event)
                self.sig_line.emit()
            case CallLimitReached():
                log.warning("call limit of %d reached: a caller heard busy", event.limit)
                self.sig_call_limit.emit(event)
            case TransferProgress() | TransferDone() | ConferenceChanged():
                self.sig_transfer.emit(event)
            case _:
                log.debug("unhandled phone event %s", type(event).__name__)

    def stop(self, close_phone: bool = True) -> None:
        """Stop pumping; the line is closed too unless another owner keeps it (its calls'
        attempts are then closed as ``desk_stopped``). Waits for the call model's writes."""
        self._timer.stop()
        self.calls.remove_listener(self._call_changed)
        if self.phone is not None:
            self.phone.remove_listener(self._on_event)
            if close_phone:
                self.phone.close()
        if close_phone:
            self.calls.shutdown()
        else:
            self.calls.flush()
