"""The engine of the SIP line: one pjsua2 account, its calls and their events.

``agent_app.dialer.sip.SipPhone`` imports this module only when a SIP line is opened, since
importing it imports pjsua2. Every method runs on the thread that owns the stack (the one
that pumps); events go out through ``post``.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pjsua2 as pj

from agent_app.dialer.errors import (
    CallStateError,
    DialerError,
    LineUnavailableError,
    NotRegisteredError,
)
from agent_app.dialer.events import (
    Answered,
    CallLimitReached,
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
)
from agent_app.dialer.sip_call import PjAccount, SipCall
from agent_app.dialer.sip_config import STACK_MAX_CALLS
from agent_app.dialer.sip_messages import (
    caller_from_invite,
    end_reason,
    end_text,
    registration_outcome,
)
from agent_app.dialer.sip_stack import AudioDevice, SipStack, account_config, pj_error_text
from agent_app.dialer.sip_transfer import SipTransfers
from agent_app.domain.enums import EndReason
from agent_app.domain.views import mask_phone_number

if TYPE_CHECKING:
    from agent_app.dialer.sip_config import SipLineConfig

log = logging.getLogger(__name__)

_DTMF = re.compile(r"[0-9*#A-Da-d]+")
REGISTERING_AFTER_CHANGE = "The network changed; the phone account is registering again."
_DIALABLE = re.compile(r"\+?[0-9*#]+")


def _hangup_reason(call: SipCall) -> EndReason:
    """What hanging up means at this point of the call."""
    if call.answered_at is not None:
        return EndReason.LOCAL_HANGUP
    return EndReason.CANCELLED if call.outgoing else EndReason.REJECTED


class SipLine(SipTransfers):
    """One SIP account on the process's pjsua2 stack. Call ids look like ``sip-3``.
    Transfer, consultation and conference come from ``sip_transfer.SipTransfers``."""

    def __init__(
        self, config: SipLineConfig, password: str, post: Callable[[PhoneEvent], None]
    ) -> None:
        self.config = config
        self.post = post
        self._calls: dict[str, SipCall] = {}
        self._graveyard: list[SipCall] = []  # ended calls, freed outside pjsua callbacks
        self._finished: dict[str, Path] = {}  # recordings closed when their call ended
        self._ids = itertools.count(1)
        self._next_watch = 0.0
        self._reg_reason = ""
        self._closed = False
        self.registration = (
            Registration.UNREGISTERED if config.registrar else Registration.NOT_NEEDED
        )
        self._stack = SipStack.acquire(self._drop_pj_objects, config.log_path, config.log_level)
        self._tid = -1
        self.local_port = 0
        self._account: Any = None
        try:
            self._stack.choose_audio(config.null_audio)
            self._tid, self.local_port = self._stack.create_transport(
                config.transport, config.bound_address, config.port
            )
            self._account = self._stack.track(PjAccount(self))
            self._account.create(account_config(config, self._tid, password))
        except (pj.Error, LineUnavailableError) as exc:
            self._drop_pj_objects()
            self._stack.release(self._drop_pj_objects)
            if isinstance(exc, LineUnavailableError):
                raise
            raise LineUnavailableError(
                f"The SIP account {config.user} could not be set up: {pj_error_text(exc)}."
            ) from exc
        self._stack.add_device_listener(self._device_lost)
        self._stack.add_rejection_listener(self._refused_by_stack)

    # Housekeeping ----------------------------------------------------------------------
    def poll(self) -> None:
        """Handle pending SIP/media events, then the line's own timers."""
        if self._closed:
            return
        self._stack.check_thread()
        self._stack.handle_events()
        now = time.monotonic()
        if now >= self._next_watch:
            self._next_watch = now + 0.2
            self._watch(now)
        # Freed here, never inside the callback that reported the end: deleting a pjsua2
        # Call from within its own callback crashes the stack.
        self._graveyard.clear()

    def _watch(self, now: float) -> None:
        c = self.config
        for call in list(self._calls.values()):
            if call.ended or call.local_end is not None:
                continue
            if call.answered_at is None:
                if (
                    not call.outgoing
                    and not call.answering
                    and c.ring_timeout
                    and now - call.started > c.ring_timeout
                ):
                    # A caller whose CANCEL was lost (UDP) would ring here for ever and hold a
                    # call slot; after the ring time the call ends as missed, with 480.
                    log.info(
                        "SIP call %s rang %.0f s unanswered: missed", call.call_id, c.ring_timeout
                    )
                    self._end_locally(call, EndReason.MISSED, 480)
                    continue
                if (
                    call.outgoing
                    and c.no_answer_timeout
                    and now - call.started > c.no_answer_timeout
                ):
                    log.info(
                        "SIP call %s not answered in %.0f s", call.call_id, c.no_answer_timeout
                    )
                    # Silence from the far end all along means it was never reached.
                    reason = EndReason.NO_ANSWER if call.heard_back else EndReason.NETWORK
                    self._end_locally(call, reason)
                continue
            if call.audio_stalled(now, c.rtp_timeout):
                log.warning("SIP call %s: no audio for %.0f s", call.call_id, c.rtp_timeout)
                self._end_locally(call, EndReason.NETWORK)

    def _end_locally(self, call: SipCall, reason: EndReason, code: int = 0) -> None:
        call.local_end = reason
        prm = pj.CallOpParam(True)
        if code:
            prm.statusCode = code
        try:
            call.pj.hangup(prm)
        except pj.Error as exc:
            log.warning("SIP call %s did not hang up: %s", call.call_id, pj_error_text(exc))
            if not call.ended:
                self._finish(call, 0, "")

    # pjsua callbacks (via sip_call) ----------------------------------------------------
    def call_state(self, call: SipCall) -> None:
        info = call.pj.getInfo()
        state, code = int(info.state), int(info.lastStatusCode)
        if state in (pj.PJSIP_INV_STATE_EARLY, pj.PJSIP_INV_STATE_CONNECTING):
            call.heard_back = True
        if state == pj.PJSIP_INV_STATE_EARLY and call.outgoing and not call.ringing_reported:
            if code in (180, 181, 182, 183):
                call.ringing_reported = True
                self.post(Ringing(call.call_id))
        elif state == pj.PJSIP_INV_STATE_CONFIRMED and call.answered_at is None:
            call.answered_at = call.rtp_seen_at = time.monotonic()
            self.post(Answered(call.call_id))
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED and not call.ended:
            # 408 and 503 are what pjsip itself reports when nothing came back at all.
            call.heard_back = call.heard_back or code not in (0, 408, 503)
            self._finish(call, code, str(info.lastReason))

    def call_media(self, call: SipCall) -> None:
        was_on_hold = call.on_hold
        hold = call.update_media()
        if hold is None:
            return
        self.conference_media(call)
        early = int(call.pj.getInfo().state) == pj.PJSIP_INV_STATE_EARLY
        if early and call.outgoing and not call.early_media_reported:
            call.early_media_reported = True
            self.post(EarlyMedia(call.call_id))
        if hold != was_on_hold:
            self.post(HoldChanged(call.call_id, hold))

    def call_dtmf(self, call: SipCall, digit: str) -> None:
        self.post(DtmfReceived(call.call_id, digit))

    def incoming(self, pj_call_id: int, message: str) -> None:
        call_id = f"sip-{next(self._ids)}"
        call = SipCall(
            self._stack, self._account, self, call_id, outgoing=False,
            started=time.monotonic(), pj_call_id=pj_call_id,
        )  # fmt: skip
        self._calls[call_id] = call
        if len(self._calls) > self.config.max_calls:
            self._turn_away(call)
            return
        caller = caller_from_invite(message, str(call.pj.getInfo().remoteUri))
        prm = pj.CallOpParam()
        prm.statusCode = 180
        try:
            call.pj.answer(prm)
        except pj.Error as exc:  # the caller hears nothing yet; the agent can still answer
            log.warning("SIP call %s: 180 Ringing not sent: %s", call_id, pj_error_text(exc))
        log.info(
            "incoming SIP call %s (withheld=%s, invalid=%s)",
            call_id,
            caller.withheld,
            caller.invalid,
        )
        self.post(
            Incoming(
                call_id, caller.number, caller.display_name, caller.withheld, invalid=caller.invalid
            )
        )

    def _refused_by_stack(self, status: int, reason: str) -> None:
        """pjsua turned a caller away by itself (every slot of the process taken, e.g. by
        calls still closing): said like the line's own limit, never silently."""
        if status != 486:
            log.info("SIP stack refused an incoming call: %s %s", status, reason)
            return
        log.warning("SIP stack has no free call slot: a caller was turned away with 486")
        self.post(CallLimitReached("", STACK_MAX_CALLS))

    def _turn_away(self, call: SipCall) -> None:
        """Refuse a caller beyond ``max_calls`` with 486, and say so: never silently."""
        limit = self.config.max_calls
        log.warning(
            "SIP line %s holds %d calls, its limit: caller turned away with 486 Busy Here",
            self.config.user,
            limit,
        )
        call.quiet = True  # the desk never heard of this call: no Ended either
        self._end_locally(call, EndReason.REJECTED, 486)
        self.post(CallLimitReached("", limit))

    def reg_started(self, renew: bool) -> None:
        if self.registration is not Registration.REGISTERED:
            self._set_registration(Registration.REGISTERING, self._reg_reason)

    def reg_state(self, code: int, reason: str, expiration: int) -> None:
        c = self.config
        state, text = registration_outcome(code, reason, expiration, c.user, c.reg_retry)
        self._set_registration(state, text)

    def _set_registration(self, state: Registration, reason: str) -> None:
        if state is self.registration and reason == self._reg_reason:
            return
        log.info("SIP registration of %s: %s %s", self.config.user, state.value, reason)
        self.registration, self._reg_reason = state, reason
        self.post(RegistrationChanged("", state, reason))

    def _device_lost(self, reason: str) -> None:
        self.post(DeviceLost("", reason))

    def _finish(self, call: SipCall, code: int, status_text: str) -> None:
        call.ended = True
        reason = end_reason(
            code,
            answered=call.answered_at is not None,
            outgoing=call.outgoing,
            heard_back=call.heard_back,
            local=call.local_end,
        )
        self.conference_left(call)
        path = call.drop()
        if path is not None:
            self._finished[call.call_id] = path
            self.post(RecordingChanged(call.call_id, False, False, str(path)))
        log.info("SIP call %s ended: %s (%s)", call.call_id, reason.value, code)
        if not call.quiet:
            self.post(Ended(call.call_id, reason, end_text(reason, code, status_text), code))
        self._calls.pop(call.call_id, None)
        self._graveyard.append(call)

    # Phone -----------------------------------------------------------------------------
    def dial(self, number: str) -> str:
        """Call a number (through the registrar's domain) or a full ``sip:`` address."""
        self._check_open()
        if self.config.registrar and self.registration is not Registration.REGISTERED:
            raise NotRegisteredError(
                f"The phone account {self.config.user} is not registered with the phone "
                "server, so calls cannot be made yet; the desk keeps trying to register."
            )
        uri = self._target_uri(number)
        call_id = f"sip-{next(self._ids)}"
        call = SipCall(
            self._stack, self._account, self, call_id, outgoing=True, started=time.monotonic()
        )
        self._calls[call_id] = call
        try:
            call.pj.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as exc:
            if call.ended:  # pjsua already reported the end; the events tell the story
                return call_id
            self._calls.pop(call_id, None)
            self._graveyard.append(call)
            raise DialerError(f"The call could not be started: {pj_error_text(exc)}.") from exc
        log.info("SIP call %s dialled", call_id)
        user, at, host = uri.partition("@")  # mask the number, not the server's address
        log.debug("SIP call %s to %s%s%s", call_id, mask_phone_number(user), at, host)
        return call_id

    def _target_uri(self, number: str) -> str:
        text = number.strip()
        if text.lower().startswith(("sip:", "sips:")):
            if self._stack.ep.utilVerifySipUri(text) != 0:
                raise DialerError(f"'{number}' is not a valid SIP address.")
            return text
        digits = re.sub(r"[\s\-().]", "", text)
        if not _DIALABLE.fullmatch(digits):
            raise DialerError(f"'{number}' is not a phone number that can be dialled.")
        if not self.config.dial_domain:
            raise DialerError(
                "This SIP line has no phone server, so it can only call full SIP "
                "addresses (sip:user@host)."
            )
        return f"sip:{digits}@{self.config.dial_domain}"

    def answer(self, call_id: str) -> None:
        call = self._call(call_id)
        if call.outgoing or call.answered_at is not None:
            raise CallStateError("Only a ringing incoming call can be answered.")
        prm = pj.CallOpParam()
        prm.statusCode = 200
        self._pj_action(lambda: call.pj.answer(prm), "The call could not be answered")
        call.answering = True  # the ring timeout no longer applies while the ACK comes

    def reject(self, call_id: str) -> None:
        call = self._call(call_id)
        if call.outgoing or call.answered_at is not None:
            self.hangup(call_id)
            return
        self._end_locally(call, EndReason.REJECTED, self.config.reject_code)

    def hangup(self, call_id: str) -> None:
        call = self._call(call_id)
        reason = _hangup_reason(call)
        code = self.config.reject_code if reason is EndReason.REJECTED else 0
        self._end_locally(call, reason, code)

    def hold(self, call_id: str, on_hold: bool) -> None:
        """Ask the far end to hold or resume; ``HoldChanged`` follows once it agreed."""
        call = self._answered(call_id)
        prm = pj.CallOpParam(True)
        if on_hold:
            self._pj_action(lambda: call.pj.setHold(prm), "The call could not be put on hold")
        else:
            prm.opt.flag = pj.PJSUA_CALL_UNHOLD
            self._pj_action(lambda: call.pj.reinvite(prm), "The call could not be resumed")

    def mute(self, call_id: str, muted: bool) -> None:
        call = self._answered(call_id)
        call.rewire(lambda: setattr(call, "muted", muted))

    def send_dtmf(self, call_id: str, digits: str) -> None:
        """Send digits as RFC 2833 telephone events (what PBX menus and IVRs expect)."""
        if not _DTMF.fullmatch(digits):
            raise DialerError(f"'{digits}' contains characters that are not phone keys.")
        call = self._answered(call_id)
        self._pj_action(lambda: call.pj.dialDtmf(digits), "The keys could not be sent")

    def start_recording(self, call_id: str, path: Path) -> None:
        call = self._call(call_id)
        if call.answered_at is None or not call.has_audio:
            raise CallStateError("Recording starts when the call is answered.")
        call.start_recording(path)
        self.post(RecordingChanged(call_id, True, False, str(path)))

    def pause_recording(self, call_id: str, paused: bool) -> None:
        call = self._call(call_id)
        call.pause_recording(paused)
        self.post(RecordingChanged(call_id, True, paused, str(call.record_path)))

    def stop_recording(self, call_id: str) -> Path | None:
        call = self._calls.get(call_id)
        if call is None:
            return self._finished.pop(call_id, None)
        path = call.stop_recording()
        if path is not None:
            self.post(RecordingChanged(call_id, False, False, str(path)))
        return path

    def live_objects(self) -> int:
        return self._stack.live_objects()

    def retry(self) -> bool:
        """Register again now instead of waiting for pjsua's next retry; False when the line
        has no registrar. Non-blocking: the outcome comes as RegistrationChanged."""
        self._check_open()
        if not self.config.registrar or self._account is None:
            return False
        try:
            self._account.setRegistration(True)
        except pj.Error as exc:
            log.warning("SIP registration retry refused: %s", pj_error_text(exc))
            return False
        return True

    def network_changed(self, resumed: bool) -> bool:
        """The network changed or came back, or the computer woke up (``resumed``): register
        again and move the calls to the new address at once (see ``SipStack.handle_ip_change``)
        instead of waiting for pjsua's next refresh or retry.

        Calls in progress are kept through a network change (re-INVITE with the new contact).
        After sleep they are ended as NETWORK: the far end has long stopped hearing the desk,
        and a call that survived on paper would hold the agent in a silent call."""
        self._check_open()
        if resumed:
            for call in list(self._calls.values()):
                if not call.ended and call.local_end is None:
                    log.info("SIP call %s ended: the computer slept during it", call.call_id)
                    self._end_locally(call, EndReason.NETWORK)
        if self.config.registrar:
            self._set_registration(Registration.REGISTERING, REGISTERING_AFTER_CHANGE)
        self._stack.handle_ip_change()
        return True

    # Audio devices ---------------------------------------------------------------------
    def list_audio_devices(self) -> list[AudioDevice]:
        """Sound devices present now; pass their ``index`` to ``switch_audio_device``."""
        self._check_open()
        return self._stack.audio_devices()

    def switch_audio_device(self, capture_index: int, playback_index: int) -> None:
        """Move to other sound devices, also mid-call (``NULL_AUDIO_DEVICE`` for none)."""
        self._check_open()
        self._stack.switch_audio(capture_index, playback_index)

    # Helpers ---------------------------------------------------------------------------
    def _check_open(self) -> None:
        if self._closed:
            raise LineUnavailableError("The SIP line has been closed.")
        self._stack.check_thread()

    def _call(self, call_id: str) -> SipCall:
        self._check_open()
        call = self._calls.get(call_id)
        if call is None or call.ended:
            raise CallStateError("That call has already ended.")
        return call

    def _answered(self, call_id: str) -> SipCall:
        call = self._call(call_id)
        if call.answered_at is None or not call.has_audio:
            raise CallStateError("The call has not been answered yet.")
        return call

    def _pj_action(self, action: Callable[[], object], failure: str) -> None:
        try:
            action()
        except pj.Error as exc:
            raise CallStateError(f"{failure}: {pj_error_text(exc)}.") from exc

    # Life cycle ------------------------------------------------------------------------
    def close(self) -> None:
        """Hang up, unregister, free the port; the last line closed stops the stack."""
        if self._closed:
            return
        self._stack.check_thread()
        for call in list(self._calls.values()):
            if not call.ended:
                self.hangup(call.call_id)
        self._stack.handle_events()
        self._stack.remove_device_listener(self._device_lost)
        self._stack.remove_rejection_listener(self._refused_by_stack)
        self._drop_pj_objects()
        self._stack.release(self._drop_pj_objects)

    def _drop_pj_objects(self) -> None:
        """Free every pjsua2 object this line holds (before the endpoint is destroyed)."""
        self._closed = True
        for call in list(self._calls.values()):
            # Calls pjsua has not reported ended yet (closing, or the process exiting) still
            # get their Ended, and their recording is closed with a final header.
            call.local_end = call.local_end or _hangup_reason(call)
            self._finish(call, 0, "")
        self._calls.clear()
        self._graveyard.clear()
        if self._account is not None:
            try:
                self._account.shutdown()
            except pj.Error as exc:
                log.warning("SIP account did not unregister: %s", exc)
            self._account = None
        if self._tid >= 0:
            self._stack.close_transport(self._tid)
            self._tid = -1
