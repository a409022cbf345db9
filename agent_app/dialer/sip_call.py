"""One SIP call on the pjsua2 stack: callbacks in, audio wiring and recording out.

The pjsua2 subclasses here only forward callbacks to the line (``SipLine``); an exception
escaping a SWIG director callback would terminate the process, so each one is guarded.
``SipCall`` owns the call's Python objects for as long as pjsua knows the call (a collected
``Call`` object hangs the call up behind the line's back) and wires the conference bridge:

    microphone ──► call ──► headset          (while not muted and not on hold)
    microphone ──► recorder ◄── call         (both directions, one mixed WAV)
    call ──► other call ──► recorder          (in a conference: every party hears all)
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pjsua2 as pj

from agent_app.dialer.errors import CallStateError, RecordingError
from agent_app.dialer.sip_stack import SipStack, pj_error_text
from agent_app.dialer.wav import await_wav_header
from agent_app.domain.enums import EndReason

log = logging.getLogger(__name__)

_T = TypeVar("_T")
INVALID_ID = int(pj.PJSUA_INVALID_ID)
_AUDIO = int(pj.PJMEDIA_TYPE_AUDIO)
_LIVE_MEDIA = (int(pj.PJSUA_CALL_MEDIA_ACTIVE), int(pj.PJSUA_CALL_MEDIA_REMOTE_HOLD))
_LOCAL_HOLD = int(pj.PJSUA_CALL_MEDIA_LOCAL_HOLD)
_REMOTE_HOLD = int(pj.PJSUA_CALL_MEDIA_REMOTE_HOLD)


class CallEvents(Protocol):
    def call_state(self, call: SipCall) -> None: ...
    def call_media(self, call: SipCall) -> None: ...
    def call_dtmf(self, call: SipCall, digit: str) -> None: ...
    def call_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> bool:
        """A REFER's answer or NOTIFY; returns whether to hear further ones."""
        ...


class AccountEvents(Protocol):
    def incoming(self, pj_call_id: int, message: str) -> None: ...
    def reg_started(self, renew: bool) -> None: ...
    def reg_state(self, code: int, reason: str, expiration: int) -> None: ...


def _deliver(what: str, target: weakref.ref[_T], action: Callable[[_T], None]) -> None:
    """Run a pjsua callback's work on its target, if the target still exists.

    An exception escaping a SWIG director callback terminates the process, so it is logged.
    """
    obj = target()
    if obj is None:  # the line or call is gone; pjsua is only finishing up
        return
    try:
        action(obj)
    except Exception:
        log.exception("SIP %s handler failed", what)


# The pjsua2 subclasses point back at their Python owners weakly. A strong back-reference
# makes a reference cycle, and Python's cyclic GC may then free the pjsua2 object on any
# thread that happens to allocate (a worker, a socket thread), where the C++ destructor
# aborts the process ("Calling pjlib from unknown/external thread"). Without cycles they are
# freed by reference counting, on the thread that pumps.
class PjAccount(pj.Account):  # type: ignore[misc]  # pjsua2 has no type information
    def __init__(self, events: AccountEvents) -> None:
        super().__init__()
        self._events = weakref.ref(events)

    def onIncomingCall(self, prm: Any) -> None:
        _deliver(
            "incoming call", self._events, lambda e: e.incoming(prm.callId, prm.rdata.wholeMsg)
        )

    def onRegStarted(self, prm: Any) -> None:
        _deliver("registration", self._events, lambda e: e.reg_started(bool(prm.renew)))

    def onRegState(self, prm: Any) -> None:
        _deliver(
            "registration",
            self._events,
            lambda e: e.reg_state(int(prm.code), str(prm.reason), int(prm.expiration)),
        )


class _PjCall(pj.Call):  # type: ignore[misc]
    def __init__(self, account: PjAccount, owner: SipCall, pj_call_id: int) -> None:
        super().__init__(account, pj_call_id)
        self._owner = weakref.ref(owner)

    def onCallState(self, prm: Any) -> None:
        _deliver("call state", self._owner, lambda c: c.events.call_state(c))

    def onCallMediaState(self, prm: Any) -> None:
        _deliver("call media", self._owner, lambda c: c.events.call_media(c))

    def onDtmfDigit(self, prm: Any) -> None:
        _deliver("DTMF", self._owner, lambda c: c.events.call_dtmf(c, str(prm.digit)))

    def onCallTransferStatus(self, prm: Any) -> None:
        def report(call: SipCall) -> None:
            code, reason, final = int(prm.statusCode), str(prm.reason), bool(prm.finalNotify)
            prm.cont = call.events.call_transfer_status(call, code, reason, final)

        _deliver("transfer status", self._owner, report)

    def onCallTransferRequest(self, prm: Any) -> None:
        # The far end asks the desk to call someone else (it transfers us). The desk places
        # calls only when the agent does, so the request is declined.
        prm.statusCode = 603
        log.info("SIP call: a transfer request from the far end was declined")


class SipCall:
    """A call's state as the line tracks it, and its audio connections."""

    def __init__(
        self,
        stack: SipStack,
        account: PjAccount,
        events: CallEvents,
        call_id: str,
        *,
        outgoing: bool,
        started: float,
        pj_call_id: int = INVALID_ID,
    ) -> None:
        self.stack = stack
        self.events = events
        self.call_id = call_id
        self.outgoing = outgoing
        self.started = started
        self.pj = stack.track(_PjCall(account, self, pj_call_id))
        self.answered_at: float | None = None
        self.heard_back = False  # the far end sent any response
        self.ringing_reported = False
        self.early_media_reported = False
        self.ended = False
        self.answering = False  # an inbound call the agent answered, waiting for the ACK
        self.quiet = False  # turned away before the desk heard of it: no events at all
        self.local_end: EndReason | None = None  # set when this side ends the call
        self.on_hold = False
        self.remote_hold = False  # the far end holds us, so it may send no audio at all
        self.muted = False
        self.rtp_packets = 0
        self.rtp_seen_at = started
        self._audio: Any = None  # the call's port on the conference bridge
        self._audio_index = -1
        self._recorder: Any = None
        self._linked: list[tuple[Any, Any]] = []
        self.record_path: Path | None = None
        self.record_paused = False
        # Transfer: the consultation call's id for an attended transfer, "" for a blind one,
        # None while no transfer is under way.
        self.transfer: str | None = None
        self.conference: list[SipCall] = []  # the other calls on the bridge with this one

    # Audio wiring ----------------------------------------------------------------------
    def update_media(self) -> bool | None:
        """Rewire after a media change; returns the local-hold state when audio exists."""
        info = self.pj.getInfo()
        for index, media in enumerate(info.media):
            if media.type != _AUDIO:
                continue
            status = int(media.status)
            if status in _LIVE_MEDIA or status == _LOCAL_HOLD:
                # A re-INVITE may give the call a new bridge slot: drop links to the old one.
                self._unlink_all()
                self._audio = self.pj.getAudioMedia(index)
                self._audio_index = index
                self.on_hold = status == _LOCAL_HOLD
                self.remote_hold = status == _REMOTE_HOLD
                self._link_all()
                return self.on_hold
        return None

    @property
    def has_audio(self) -> bool:
        return self._audio is not None

    @property
    def audio(self) -> Any:
        """The call's port on the conference bridge (None before media, after the end)."""
        return self._audio

    def _links(self) -> list[tuple[Any, Any]]:
        """(source, sink) pairs that should exist now."""
        capture = self.stack.capture_media()
        talking = not self.muted and not self.on_hold
        links: list[tuple[Any, Any]] = []
        if self._audio is not None and not self.on_hold:
            links.append((self._audio, self.stack.playback_media()))
        if self._audio is not None and talking:
            links.append((capture, self._audio))
        others = [c._audio for c in self.conference if c._audio is not None and not c.on_hold]
        if self._audio is not None and not self.on_hold:
            links += [(self._audio, other) for other in others]
        if self._recorder is not None:
            if self._audio is not None:
                links.append((self._audio, self._recorder))
            if talking:
                links.append((capture, self._recorder))
            # In a conference the file hears every party, not only this call's.
            links += [(other, self._recorder) for other in others]
        return links

    def listeners(self) -> set[int]:
        """Bridge ports this call's audio reaches now, as pjsua's bridge reports them."""
        if self._audio is None:
            return set()
        # Keep the info object alive while its vector is read: SWIG's proxy of a temporary's
        # member reads freed memory (measured: garbage port numbers).
        info = self._audio.getPortInfo()
        return {int(port) for port in list(info.listeners)}

    def port_id(self) -> int:
        return int(self._audio.getPortId()) if self._audio is not None else -1

    def _link_all(self) -> None:
        for source, sink in self._links():
            try:
                source.startTransmit(sink)
            except pj.Error as exc:
                log.warning("SIP call %s: audio link failed: %s", self.call_id, pj_error_text(exc))
                continue
            self._linked.append((source, sink))

    def _unlink_all(self) -> None:
        while self._linked:
            source, sink = self._linked.pop()
            try:
                source.stopTransmit(sink)
            except pj.Error as exc:
                # The call's port goes away with the call; then there is nothing left to cut.
                log.debug("bridge link already gone: %s", pj_error_text(exc))

    def forget_port(self, media: Any) -> None:
        """Drop links to or from ``media`` without touching the bridge: its port is gone.

        pjmedia (2.14 on) queues bridge changes, and a disconnect naming a slot removed
        meanwhile acts on every link of the other port (measured: "Stop any transmission to
        port 0", which cut the headset off every other call). Links of a port that pjsua
        removed went with it, so they are only forgotten here.
        """
        if media is not None:
            self._linked = [(a, b) for a, b in self._linked if a is not media and b is not media]

    def rewire(self, change: Callable[[], None]) -> None:
        """Apply a state change (mute, pause) with the bridge links following it."""
        self._unlink_all()
        change()
        self._link_all()

    def audio_stalled(self, now: float, timeout: float) -> bool:
        """True when the answered call received no RTP for ``timeout`` seconds.

        pjsua2 has no RTP timeout of its own; the stream's receive counter tells. A call on
        hold (either side) may rightly be silent, so its clock restarts instead.
        """
        if not timeout or self.on_hold or self.remote_hold or self._audio_index < 0:
            self.rtp_seen_at = now
            return False
        try:
            count = int(self.pj.getStreamStat(self._audio_index).rtcp.rxStat.pkt)
        except pj.Error:
            return now - self.rtp_seen_at > timeout  # no stream at all counts as silence
        if count != self.rtp_packets:
            self.rtp_packets, self.rtp_seen_at = count, now
            return False
        return now - self.rtp_seen_at > timeout

    # Recording -------------------------------------------------------------------------
    def start_recording(self, path: Path) -> None:
        if self._recorder is not None:
            raise CallStateError("This call is already being recorded.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecordingError(f"Cannot write the recording {path}: {exc.strerror}.") from exc
        recorder = self.stack.track(pj.AudioMediaRecorder())
        try:
            recorder.createRecorder(str(path))
        except pj.Error as exc:
            raise RecordingError(
                f"Cannot write the recording {path}: {pj_error_text(exc)}."
            ) from exc
        self.rewire(lambda: self._set_recorder(recorder, path))

    def _set_recorder(self, recorder: Any, path: Path | None) -> None:
        self._recorder = recorder
        self.record_path = path
        self.record_paused = False

    def pause_recording(self, paused: bool) -> None:
        if self._recorder is None:
            raise CallStateError("This call is not being recorded.")
        # Not disconnected: a recorder nobody transmits to writes nothing, so the paused
        # stretch would vanish from the file. At level 0 the bridge feeds it silence and the
        # timeline stays true (a reviewer sees where the pause was and how long it lasted).
        self._recorder.adjustRxLevel(0.0 if paused else 1.0)
        self.record_paused = paused

    def stop_recording(self) -> Path | None:
        """Close the WAV and return it once pjsua has written the final header."""
        if self._recorder is None or self.record_path is None:
            return None
        path = self.record_path
        self.rewire(lambda: self._set_recorder(None, None))
        await_wav_header(path)
        return path

    def drop(self) -> Path | None:
        """Release every pjsua object of a finished call; returns the closed recording."""
        self.forget_port(self._audio)  # pjsua removed the call's port with the call
        self._unlink_all()
        self._audio, self._audio_index = None, -1  # its bridge port is gone with the call
        return self.stop_recording()
