"""The one interface every line implements (SIP headset, serial phone-line box, simulated).

Backends never call listeners from their own threads. They queue events, and the owner (the
GUI's timer, every 5-10 ms) calls ``pump()``, which does the backend's own housekeeping
(pjsua2's ``libHandleEvents``, timers of the simulated line) and hands every queued event to
the listeners on the calling thread. So a listener may touch widgets, and pjsua2 is only ever
called from the thread that owns it.
"""

from __future__ import annotations

import abc
import logging
import queue
from collections.abc import Callable
from pathlib import Path

from agent_app.dialer.errors import TransferError, TransferRefusal
from agent_app.dialer.events import PhoneEvent, Registration
from agent_app.domain.enums import LineType

log = logging.getLogger(__name__)

Listener = Callable[[PhoneEvent], None]


class Phone(abc.ABC):
    """A phone line. Call ids are strings chosen by the backend, unique per line."""

    #: which kind of line this is and where it goes ("1001@pbx", "/dev/ttyACM0", ""): the UI
    #: names the line from these in the agent's language
    line: LineType = LineType.FAKE
    address: str = ""
    #: the same for logs, e.g. "SIP 1001@pbx" or "Modem /dev/ttyACM0"
    description: str = ""
    #: the line can put an answered call on hold (call waiting needs it)
    supports_hold: bool = True

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._events: queue.SimpleQueue[PhoneEvent] = queue.SimpleQueue()
        self.registration = Registration.NOT_NEEDED

    # Events ----------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def post(self, event: PhoneEvent) -> None:
        """Queue an event; safe from any thread. Listeners see it at the next ``pump()``."""
        self._events.put(event)

    def pump(self) -> int:
        """Run housekeeping and deliver queued events here; returns how many were delivered."""
        self.poll()
        delivered = 0
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                return delivered
            delivered += 1
            for listener in list(self._listeners):
                try:
                    listener(event)
                except Exception:
                    # One broken listener must not stop the others from hearing the call end.
                    log.exception("phone listener failed on %s", type(event).__name__)

    def poll(self) -> None:  # noqa: B027 - optional hook, most backends need none
        """Backend housekeeping run by ``pump()`` on the owner's thread."""

    # Calls -----------------------------------------------------------------------------
    @abc.abstractmethod
    def dial(self, number: str) -> str:
        """Start an outgoing call and return its call id; events report its progress."""

    @abc.abstractmethod
    def answer(self, call_id: str) -> None: ...

    @abc.abstractmethod
    def reject(self, call_id: str) -> None: ...

    @abc.abstractmethod
    def hangup(self, call_id: str) -> None: ...

    @abc.abstractmethod
    def hold(self, call_id: str, on_hold: bool) -> None: ...

    @abc.abstractmethod
    def mute(self, call_id: str, muted: bool) -> None: ...

    @abc.abstractmethod
    def send_dtmf(self, call_id: str, digits: str) -> None: ...

    def retry(self) -> bool:
        """Try to bring a failed line back now (register again, look for the device again)
        without blocking; False when this line has nothing to retry. The outcome arrives as
        events (RegistrationChanged, DeviceBack)."""
        return False

    def network_changed(self, resumed: bool = False) -> bool:
        """The computer's network changed or came back, or the computer woke from sleep
        (``resumed``): reconnect now instead of waiting for the line's own timers (register
        again, reopen a device that vanished in sleep). Non-blocking; the outcome arrives as
        events. False when this line has nothing to do."""
        return False

    # Transfer and conference ---------------------------------------------------------
    # Lines that cannot do one of these keep the defaults, which raise TransferError with a
    # code the UI words (NOT_SUPPORTED, or NO_FLASH / NO_CONFERENCE where a line says why).
    def transfer_blind(self, call_id: str, target: str) -> None:
        """Hand an answered call to ``target`` without speaking to it first. Progress comes
        as TransferProgress, the outcome as TransferDone; when accepted, the call then ends
        as TRANSFERRED. A failed transfer leaves the call with the agent."""
        raise TransferError(TransferRefusal.NOT_SUPPORTED, "This line cannot transfer calls.")

    def consult(self, call_id: str, target: str) -> str:
        """Hold the answered call ``call_id`` and dial ``target``; returns the consultation
        call's id (its events as for any dialled call)."""
        raise TransferError(TransferRefusal.NOT_SUPPORTED, "This line cannot transfer calls.")

    def transfer_attended(self, call_id: str, consult_call_id: str) -> None:
        """Join the held call ``call_id`` to the answered consultation ``consult_call_id``
        and leave both: TransferDone on ``call_id``, then both end as TRANSFERRED."""
        raise TransferError(TransferRefusal.NOT_SUPPORTED, "This line cannot transfer calls.")

    def conference(self, call_ids: list[str]) -> None:
        """Let the answered calls ``call_ids`` (two or more) and the agent hear each other;
        a recording of any of them hears every party. ConferenceChanged confirms it."""
        raise TransferError(
            TransferRefusal.NO_CONFERENCE, "This line cannot join calls in a conference."
        )

    # Recording -------------------------------------------------------------------------
    @abc.abstractmethod
    def start_recording(self, call_id: str, path: Path) -> None:
        """Record both directions of an answered call into a WAV file at ``path``."""

    @abc.abstractmethod
    def pause_recording(self, call_id: str, paused: bool) -> None: ...

    @abc.abstractmethod
    def stop_recording(self, call_id: str) -> Path | None:
        """Finish the WAV file and return its path (None when nothing was recorded)."""

    # Life cycle ------------------------------------------------------------------------
    @abc.abstractmethod
    def close(self) -> None:
        """Hang up what is open and release the device or SIP stack."""
