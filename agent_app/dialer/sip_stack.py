"""The one pjsua2 endpoint of this process, shared by every SIP line.

pjsua2 allows a single ``Endpoint`` per process. ``SipStack.acquire()`` creates it on first use
(no worker threads, every callback on the thread that calls ``libHandleEvents``), and the last
``release()`` or interpreter exit destroys it, after each line has dropped its calls and
recorders: a pjsua2 ``Call`` or recorder object that outlives ``libDestroy()`` aborts the
process when Python collects it.

This module imports pjsua2 at the top; ``agent_app.dialer.sip`` imports it only when a SIP line
is opened, so the desk runs without pjsua2 installed.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import pjsua2 as pj

from agent_app.dialer.errors import DialerError, LineUnavailableError
from agent_app.dialer.sip_config import NULL_AUDIO_DEVICE, STACK_MAX_CALLS

if TYPE_CHECKING:
    from agent_app.dialer.sip_config import SipLineConfig

log = logging.getLogger(__name__)

# pjsua's "null" sound device: a clock with no hardware, silent capture, discarded playback.
assert NULL_AUDIO_DEVICE == pj.PJSUA_SND_NULL_DEV

DeviceListener = Callable[[str], None]
RejectionListener = Callable[[int, str], None]
# pjsua reports the end of an IP change once its calls are dealt with: measured here, 6-20 ms
# without calls, 2.6 s with a call it re-INVITEd, never for a call hung up just before. A
# change that came meanwhile waits at most this long for that report.
IP_CHANGE_SETTLE = 2.0
_T = TypeVar("_T")

_NONE_FLOOR = 1_000_000  # see guard_none_refcount()


def guard_none_refcount() -> None:
    """Keep ``None``'s reference count far from zero on CPython before 3.12.

    Measured here on CPython 3.11: pjsua2-python 2.15.1.post1 (SWIG 4.4.1) loses a reference
    to ``None`` in many calls (about 50-80 per SIP call), and PySide6 6.12.0 loses one on
    every void method called from Python. When the count reaches zero, CPython aborts with
    "Fatal Python error: none_dealloc". From 3.12 on ``None`` is immortal (PEP 683) and this
    does nothing. Before, it adds to the count in place (``ob_refcnt`` is the first field of
    every object in release builds): unlike spare references held in a list, nothing ever
    hands these back, not even interpreter shutdown, which would then abort the process.
    """
    if sys.version_info < (3, 12) and sys.getrefcount(None) < _NONE_FLOOR:
        ctypes.c_ssize_t.from_address(id(None)).value += _NONE_FLOOR


@dataclass(frozen=True)
class AudioDevice:
    """A sound device as pjsua2 enumerates it; ``index`` is what switching takes."""

    index: int
    name: str
    driver: str
    inputs: int
    outputs: int


def pj_error_text(exc: BaseException) -> str:
    """pjsua2's ``Error`` carries its reason in attributes, not in ``str()``."""
    reason = getattr(exc, "reason", "") or ""
    title = getattr(exc, "title", "") or ""
    return f"{title}: {reason}".strip(": ") or repr(exc)


def account_config(c: SipLineConfig, transport_id: int, password: str) -> Any:
    """pjsua2's AccountConfig for the line ``c`` on transport ``transport_id``."""
    cfg = pj.AccountConfig()
    host = c.dial_domain or c.bound_address or "localhost"
    uri = f"sip:{c.user}@{host}"
    cfg.idUri = f'"{c.display_name}" <{uri}>' if c.display_name else uri
    cfg.sipConfig.transportId = transport_id
    if c.registrar:
        cfg.regConfig.registrarUri = c.registrar
        cfg.regConfig.timeoutSec = c.reg_expires
        cfg.regConfig.retryIntervalSec = c.reg_retry
        cfg.regConfig.firstRetryIntervalSec = c.reg_first_retry
        cfg.regConfig.randomRetryIntervalSec = c.reg_retry_jitter
        cfg.regConfig.delayBeforeRefreshSec = max(1, min(5, c.reg_expires // 4))
        # A registrar hiccup must not cut the patient off mid-sentence.
        cfg.regConfig.dropCallsOnFail = False
        cfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", c.user, 0, password))
    cfg.mediaConfig.transportConfig.boundAddress = c.bound_address
    cfg.mediaConfig.transportConfig.port = c.media_port
    # With the codec lock on, pjsua re-INVITEs after every multi-codec answer; some PBXs
    # and phones treat that as a new call leg.
    cfg.mediaConfig.lockCodecEnabled = False
    if c.session_timer:
        cfg.callConfig.timerUse = pj.PJSUA_SIP_TIMER_OPTIONAL
        cfg.callConfig.timerSessExpiresSec = max(90, c.session_timer)
    else:
        cfg.callConfig.timerUse = pj.PJSUA_SIP_TIMER_INACTIVE
    return cfg


class _Endpoint(pj.Endpoint):  # type: ignore[misc]  # pjsua2 has no type information
    """Forwards sound-device errors to the lines (delivered on the pumping thread)."""

    def __init__(
        self,
        on_device_error: Callable[[str], None],
        on_rejected: Callable[[int, str], None],
        on_ip_change: Callable[[int, int], None],
    ) -> None:
        super().__init__()
        # Weak, so the stack and its endpoint form no reference cycle (see sip_call.py).
        self._on_device_error = weakref.WeakMethod(on_device_error)
        self._on_rejected = weakref.WeakMethod(on_rejected)
        self._on_ip_change = weakref.WeakMethod(on_ip_change)

    def onIpChangeProgress(self, prm: Any) -> None:
        # Each step of handleIpChange (listener restarted, transport shut, contact updated,
        # calls re-INVITEd) and finally PJSUA_IP_CHANGE_OP_COMPLETED.
        try:
            listener = self._on_ip_change()
            if listener is not None:
                listener(int(prm.op), int(prm.status))
        except Exception:
            log.exception("SIP IP change handler failed")

    def onRejectedIncomingCall(self, prm: Any) -> None:
        # pjsua refused a caller before any account saw it (no free call slot: 486).
        try:
            listener = self._on_rejected()
            if listener is not None:
                listener(int(prm.statusCode), str(prm.reason))
        except Exception:
            log.exception("SIP rejected-call handler failed")

    def onMediaEvent(self, prm: Any) -> None:
        # An exception escaping a SWIG director callback terminates the process, so every
        # callback logs what went wrong instead of raising.
        try:
            listener = self._on_device_error()
            if listener is not None and prm.ev.type == pj.PJMEDIA_EVENT_AUD_DEV_ERROR:
                listener("The headset stopped working (sound device error).")
        except Exception:
            log.exception("SIP media event handler failed")


class SipStack:
    """Holder of the process-wide endpoint; lines acquire it and release it when closed."""

    _instance: ClassVar[SipStack | None] = None
    _exit_hook_installed: ClassVar[bool] = False

    def __init__(self, log_path: Path | None, log_level: int) -> None:
        guard_none_refcount()
        self.owner_thread = threading.get_ident()
        self._users: list[Callable[[], None]] = []  # each line's "drop your pj objects"
        self._device_listeners: list[DeviceListener] = []
        self._tracked: weakref.WeakSet[Any] = weakref.WeakSet()
        self.null_audio = False
        self._rejection_listeners: list[RejectionListener] = []
        self._ip_change_since: float | None = None  # monotonic start of the running change
        self._ip_change_again = False  # another change came while one was running
        self.ep: Any = _Endpoint(self._device_error, self._rejected, self._ip_change_progress)
        self.ep.libCreate()
        cfg = pj.EpConfig()
        # No pjsip worker threads: everything, callbacks included, runs inside
        # libHandleEvents() on the owner's thread, so pjsua2 is never entered concurrently.
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.userAgent = "Follow-up desk (pjsua2)"
        # Every slot this build has (see STACK_MAX_CALLS); the lines keep their own lower
        # limits (SipLineConfig.max_calls) and say when they hit them.
        cfg.uaConfig.maxCalls = STACK_MAX_CALLS
        # pjsua prints to stdout by default; the desk writes its SIP trace to a file instead.
        cfg.logConfig.consoleLevel = 0
        cfg.logConfig.level = log_level if log_path else 0
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            cfg.logConfig.filename = str(log_path)
        # Continuous RTP: with VAD the far end sees silence gaps and an RTP watchdog (ours
        # or a PBX's) would read a quiet agent as a dead line.
        cfg.medConfig.noVad = True
        try:
            self.ep.libInit(cfg)
            self.ep.libStart()
        except pj.Error as exc:
            self.ep.libDestroy()
            raise LineUnavailableError(
                f"The SIP stack could not start: {pj_error_text(exc)}."
            ) from exc
        log.info("SIP stack started (pjsua2 %s)", self.ep.libVersion().full)

    # Life cycle ------------------------------------------------------------------------
    @classmethod
    def acquire(
        cls, on_drop: Callable[[], None], log_path: Path | None = None, log_level: int = 4
    ) -> SipStack:
        """The process's stack, created on first use; ``on_drop`` runs before it is destroyed."""
        stack = cls._instance
        if stack is None:
            stack = cls(log_path, log_level)
            cls._instance = stack
            if not cls._exit_hook_installed:
                atexit.register(cls.shutdown)
                cls._exit_hook_installed = True
        stack.check_thread()
        stack._users.append(on_drop)
        return stack

    def release(self, on_drop: Callable[[], None]) -> None:
        """A line is done; the last one out destroys the endpoint."""
        if on_drop in self._users:
            self._users.remove(on_drop)
        if not self._users:
            self._destroy()

    @classmethod
    def shutdown(cls) -> None:
        """Destroy the endpoint now (at exit): every line drops its calls and recorders first."""
        stack = cls._instance
        if stack is None:
            return
        for drop in list(stack._users):
            try:
                drop()
            except Exception:
                log.exception("a SIP line failed to close at exit")
        stack._users.clear()
        stack._destroy()

    def live_objects(self) -> int:
        """How many pjsua2 calls, accounts and recorders Python still holds (diagnostics)."""
        return len(self._tracked)

    def track(self, obj: _T) -> _T:
        """Remember a pjsua2 object (call, account, recorder) until the stack is destroyed."""
        self._tracked.add(obj)
        return obj

    def _destroy(self) -> None:
        if SipStack._instance is not self:
            return
        SipStack._instance = None
        # A Call or Account proxy collected after libDestroy() runs its C++ destructor on a
        # dead stack and aborts the process (pjsua_call_set_user_data assertion). Objects
        # still referenced somewhere (a traceback, a listener) are disowned: their C++ side
        # is then never freed, which at shutdown is harmless.
        for obj in list(self._tracked):
            obj.thisown = False
        try:
            self.ep.libDestroy()
        except pj.Error as exc:
            log.warning("SIP stack did not shut down cleanly: %s", pj_error_text(exc))
        self._users.clear()
        self._device_listeners.clear()
        self._rejection_listeners.clear()
        # Freed here, on this thread; the next acquire() may then create a new endpoint
        # (pjsua2 refuses a second one while this object lives).
        self.ep = None
        log.info("SIP stack stopped")

    def check_thread(self) -> None:
        """pjsua2 aborts the process when entered from a thread it does not know."""
        if threading.get_ident() != self.owner_thread:
            raise DialerError(
                "The SIP line was used from a background thread; only the window's thread may "
                "drive it."
            )

    # Events ----------------------------------------------------------------------------
    def handle_events(self, max_rounds: int = 50) -> int:
        """Run pending SIP/media work without blocking; returns how many items were handled."""
        guard_none_refcount()
        total = 0
        for _ in range(max_rounds):
            handled = int(self.ep.libHandleEvents(0))
            if handled <= 0:
                break
            total += handled
        if self._ip_change_again and not self._ip_change_running():
            # Started here, never inside the callback that ended the previous change.
            self._ip_change_again = False
            self.handle_ip_change()
        return total

    def add_device_listener(self, listener: DeviceListener) -> None:
        self._device_listeners.append(listener)

    def remove_device_listener(self, listener: DeviceListener) -> None:
        if listener in self._device_listeners:
            self._device_listeners.remove(listener)

    def _device_error(self, reason: str) -> None:
        for listener in list(self._device_listeners):
            listener(reason)

    def add_rejection_listener(self, listener: RejectionListener) -> None:
        """``listener(status, reason)`` hears of every caller pjsua itself refused."""
        self._rejection_listeners.append(listener)

    def remove_rejection_listener(self, listener: RejectionListener) -> None:
        if listener in self._rejection_listeners:
            self._rejection_listeners.remove(listener)

    def _rejected(self, status: int, reason: str) -> None:
        for listener in list(self._rejection_listeners):
            listener(status, reason)

    # Network changes -------------------------------------------------------------------
    def handle_ip_change(self) -> bool:
        """Tell pjsua the computer's network changed or came back (or the computer woke up).

        pjsua restarts the SIP listeners, shuts the transports the accounts registered over
        (a TCP connection from before the change is dead, whatever it looks like), registers
        each account again with its new contact and re-INVITEs the calls in progress with
        it (``AccountConfig.ipChangeConfig``: calls are kept, not hung up). Non-blocking: the
        outcome arrives as registration and call events. A change that comes while one is
        running runs once more after it. Returns whether pjsua started one now.
        """
        self.check_thread()
        if self._ip_change_running():
            self._ip_change_again = True
            return False
        prm = pj.IpChangeParam()
        prm.restartListener = True
        prm.shutdownTransport = True
        try:
            self.ep.handleIpChange(prm)
        except pj.Error as exc:
            log.warning("SIP stack refused the network change: %s", pj_error_text(exc))
            return False
        self._ip_change_since = time.monotonic()
        log.info("SIP stack: network changed, registering again")
        return True

    def _ip_change_running(self) -> bool:
        since = self._ip_change_since
        return since is not None and time.monotonic() - since < IP_CHANGE_SETTLE

    def _ip_change_progress(self, op: int, status: int) -> None:
        log.debug("SIP IP change step %d: status %d", op, status)
        if op != pj.PJSUA_IP_CHANGE_OP_COMPLETED or self._ip_change_since is None:
            return
        took = time.monotonic() - self._ip_change_since
        self._ip_change_since = None
        log.info("SIP stack: network change handled in %.0f ms", took * 1000)

    # Transports ------------------------------------------------------------------------
    def create_transport(self, kind: str, address: str, port: int) -> tuple[int, int]:
        """Open a UDP or TCP SIP transport; returns (transport id, actual local port)."""
        types = {"udp": pj.PJSIP_TRANSPORT_UDP, "tcp": pj.PJSIP_TRANSPORT_TCP}
        if kind not in types:
            raise LineUnavailableError(
                f"The SIP transport '{kind}' is not supported; use udp or tcp."
            )
        cfg = pj.TransportConfig()
        cfg.boundAddress = address
        cfg.port = port
        try:
            tid = int(self.ep.transportCreate(types[kind], cfg))
        except pj.Error as exc:
            where = f"{address or 'any address'}:{port or 'any port'}"
            raise LineUnavailableError(
                f"The SIP line cannot listen on {where} ({pj_error_text(exc)}); another program "
                "may be using that port."
            ) from exc
        local = str(self.ep.transportGetInfo(tid).localName)
        return tid, int(local.rsplit(":", 1)[1])

    def close_transport(self, tid: int) -> None:
        try:
            self.ep.transportClose(tid)
        except pj.Error as exc:
            log.warning("SIP transport %s did not close: %s", tid, pj_error_text(exc))

    # Audio devices ---------------------------------------------------------------------
    def audio_devices(self) -> list[AudioDevice]:
        """Sound devices the system offers now (refreshed, so a plugged-in headset shows)."""
        manager = self.ep.audDevManager()
        try:
            manager.refreshDevs()
        except pj.Error as exc:
            log.warning("sound devices could not be refreshed: %s", pj_error_text(exc))
        return [
            AudioDevice(index, str(info.name), str(info.driver), info.inputCount, info.outputCount)
            for index, info in enumerate(manager.enumDev2())
        ]

    def choose_audio(self, null_audio: bool | None) -> None:
        """Use the null device when asked, or (``None``) when the machine has no sound device."""
        manager = self.ep.audDevManager()
        if null_audio is None:
            devices = self.audio_devices()
            null_audio = not any(d.inputs for d in devices) or not any(d.outputs for d in devices)
        if null_audio and not self.null_audio:
            manager.setNullDev()
            self.null_audio = True
            log.info("SIP audio uses the null device (no sound hardware)")

    def switch_audio(self, capture: int, playback: int) -> None:
        """Switch sound devices, also during a call: the bridge keeps its connections."""
        manager = self.ep.audDevManager()
        try:
            if NULL_AUDIO_DEVICE in (capture, playback):
                manager.setNullDev()
                self.null_audio = True
                return
            manager.setCaptureDev(capture)
            manager.setPlaybackDev(playback)
            self.null_audio = False
        except pj.Error as exc:
            raise LineUnavailableError(
                f"The sound device could not be switched: {pj_error_text(exc)}."
            ) from exc

    def capture_media(self) -> Any:
        """The microphone's port on the conference bridge (silence with the null device)."""
        return self.ep.audDevManager().getCaptureDevMedia()

    def playback_media(self) -> Any:
        return self.ep.audDevManager().getPlaybackDevMedia()
