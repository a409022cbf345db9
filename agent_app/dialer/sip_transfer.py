"""Transfer, consultation and conference for the SIP line (a part of ``SipLine``).

- Blind transfer sends REFER (``Call.xfer``) with the target in Refer-To.
- Attended transfer holds the call, dials the target (``consult``), then sends REFER with
  Replaces (``Call.xferReplaces``) naming the consultation's dialog, so the far end's new
  call takes the consultation's place at the target.
- The far end reports through NOTIFY with a sipfrag (100 Trying, 180 Ringing, 200 OK); each
  becomes TransferProgress. A final 2xx is TransferDone(ACCEPTED) and the call (and the
  consultation) then ends as TRANSFERRED; a refused REFER (403, 603) or a failed target is
  TransferDone(FAILED) and the call stays with the agent.
- A conference links the calls' ports on the desk's own conference bridge to each other
  (``sip_call.SipCall._links``); the agent's microphone and headset are linked to each call
  already, and a recording of any of them hears every party.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pjsua2 as pj

from agent_app.dialer.errors import DialerError, TransferError, TransferRefusal
from agent_app.dialer.events import (
    ConferenceChanged,
    PhoneEvent,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.domain.enums import EndReason

if TYPE_CHECKING:
    from agent_app.dialer.sip_call import SipCall

log = logging.getLogger(__name__)


def _join(call: SipCall, others: list[SipCall]) -> None:
    call.conference = others


class SipTransfers:
    """Mixed into ``SipLine``; the stubs below are the line's own methods."""

    _calls: dict[str, SipCall]
    post: Callable[[PhoneEvent], None]

    def _call(self, call_id: str) -> SipCall:
        raise NotImplementedError

    def _target_uri(self, number: str) -> str:
        raise NotImplementedError

    def _end_locally(self, call: SipCall, reason: EndReason, code: int = 0) -> None:
        raise NotImplementedError

    def _pj_action(self, action: Callable[[], object], failure: str) -> None:
        raise NotImplementedError

    def dial(self, number: str) -> str:
        raise NotImplementedError

    def hold(self, call_id: str, on_hold: bool) -> None:
        raise NotImplementedError

    # Phone -----------------------------------------------------------------------------
    def transfer_blind(self, call_id: str, target: str) -> None:
        """REFER the answered call to ``target`` (a number or ``sip:`` address)."""
        call = self._transferable(call_id)
        uri = self._transfer_uri(target)
        self._refer(call, "", lambda: call.pj.xfer(uri, pj.CallOpParam(True)))
        log.info("SIP call %s: blind transfer requested", call_id)

    def consult(self, call_id: str, target: str) -> str:
        """Hold the answered call and dial ``target``; returns the consultation's call id."""
        call = self._transferable(call_id)
        self._transfer_uri(target)  # a bad target is refused before the call is held
        if not call.on_hold:
            self.hold(call_id, True)
        consult_id = self.dial(target)
        log.info("SIP call %s: consultation %s dialled", call_id, consult_id)
        return consult_id

    def transfer_attended(self, call_id: str, consult_call_id: str) -> None:
        """REFER the call with Replaces naming the answered consultation's dialog."""
        if call_id == consult_call_id:
            raise TransferError(
                TransferRefusal.SAME_CALL, "A call cannot be transferred to itself.", call_id
            )
        call = self._transferable(call_id)
        consulted = self._answered_for_transfer(consult_call_id)
        self._refer(
            call,
            consult_call_id,
            lambda: call.pj.xferReplaces(consulted.pj, pj.CallOpParam(True)),
        )
        log.info("SIP call %s: attended transfer to %s requested", call_id, consult_call_id)

    def conference(self, call_ids: list[str]) -> None:
        """Bridge the answered calls to each other; held ones are resumed first."""
        if len(call_ids) < 2 or len(set(call_ids)) != len(call_ids):
            raise TransferError(
                TransferRefusal.SAME_CALL, "A conference needs two or more different calls."
            )
        calls = [self._answered_for_transfer(call_id) for call_id in call_ids]
        members = {c.call_id: c for c in calls}
        for call in calls:
            for other in call.conference:
                members.setdefault(other.call_id, other)  # joining an existing conference
        everyone = list(members.values())
        for call in everyone:
            call.rewire(partial(_join, call, [c for c in everyone if c is not call]))
        for call in everyone:
            if call.on_hold:
                self.hold(call.call_id, False)  # its links follow once the far end agreed
        ids = tuple(members)
        log.info("SIP conference of %s", ", ".join(ids))
        self.post(ConferenceChanged(ids[0], ids))

    def bridge_listeners(self, call_id: str) -> set[str]:
        """Calls whose bridge port hears ``call_id``'s audio now, read from pjsua's bridge."""
        call = self._call(call_id)
        ports = call.listeners()
        return {c.call_id for c in self._calls.values() if c.port_id() in ports and c is not call}

    # pjsua callbacks -------------------------------------------------------------------
    def call_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> bool:
        """A REFER's answer (202, or a refusal) or a NOTIFY's sipfrag; returns whether pjsua
        should keep reporting this transfer."""
        if call.transfer is None or call.ended:
            return False
        self.post(TransferProgress(call.call_id, code, reason))
        if code < 300 and not (final and code >= 200):
            return True
        consult_id, call.transfer = call.transfer, None
        if code >= 300:
            log.info("SIP call %s: transfer failed with %s %s", call.call_id, code, reason)
            self.post(TransferDone(call.call_id, TransferOutcome.FAILED, code))
            return False
        log.info("SIP call %s: transferred (%s)", call.call_id, code)
        self.post(TransferDone(call.call_id, TransferOutcome.ACCEPTED, code))
        consulted = self._calls.get(consult_id) if consult_id else None
        for done in (call, consulted):
            if done is not None and not done.ended and done.local_end is None:
                self._end_locally(done, EndReason.TRANSFERRED)
        return False

    def conference_left(self, call: SipCall) -> None:
        """``call`` ended: the rest of its conference stop sending to it."""
        if not call.conference:
            return
        rest = call.conference
        call.conference = []
        for other in rest:
            other.forget_port(call.audio)
            other.rewire(partial(other.conference.remove, call))
        ids = tuple(c.call_id for c in rest) if len(rest) >= 2 else ()
        self.post(ConferenceChanged(rest[0].call_id, ids))

    def conference_media(self, call: SipCall) -> None:
        """``call``'s bridge port changed (re-INVITE): the others link to the new one."""
        for other in call.conference:
            other.rewire(lambda: None)

    # Helpers ---------------------------------------------------------------------------
    def _answered_for_transfer(self, call_id: str) -> SipCall:
        call = self._call(call_id)
        if call.answered_at is None or not call.has_audio:
            raise TransferError(
                TransferRefusal.NOT_ANSWERED,
                "Only an answered call can be transferred or conferenced.",
                call_id,
            )
        return call

    def _transferable(self, call_id: str) -> SipCall:
        call = self._answered_for_transfer(call_id)
        if call.transfer is not None:
            raise TransferError(
                TransferRefusal.BUSY, "This call is already being transferred.", call_id
            )
        return call

    def _transfer_uri(self, target: str) -> str:
        try:
            return self._target_uri(target)
        except DialerError as exc:
            raise TransferError(TransferRefusal.BAD_TARGET, str(exc), target) from exc

    def _refer(self, call: SipCall, consult_id: str, send: Callable[[], object]) -> None:
        call.transfer = consult_id
        try:
            self._pj_action(send, "The call could not be transferred")
        except DialerError:
            call.transfer = None
            raise
