"""The SIP headset line: pjsua2 behind the ``Phone`` interface.

pjsua2 is imported only when a line is opened (``LineUnavailableError`` when it is missing).
The stack runs without threads of its own: ``poll()`` (called by ``pump()`` from the GUI's
timer) handles SIP and media events, so every pjsua2 callback arrives on the GUI thread, and
also watches the clock for calls nobody answers and for answered calls whose audio stopped.

Behaviour the desk relies on:
- An unanswered outgoing call is cancelled after ``no_answer_timeout`` and ends NO_ANSWER
  (code 487): the agent did not give up, the patient did not pick up. (NETWORK instead
  when the far end never answered anything at all.)
- An answered call that receives no RTP for ``rtp_timeout`` seconds (peer crashed, network
  cut) is hung up and ends NETWORK. pjsip's own session timer cannot go below 90 s, so it is
  only a backstop (``session_timer``).
- ``reject`` answers an inbound call with 486 Busy Here by default (the caller's network may
  offer voicemail or a retry); ``reject_code=603`` declines for good.
- Recording mixes both directions into one WAV. A pause keeps the file's timeline: the
  recorder is fed silence, so the paused stretch is present, silent and as long as it was.
  While muted or on hold, the agent's microphone reaches neither the patient nor the file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.events import PhoneEvent, RegistrationChanged
from agent_app.dialer.phone import Phone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import LineType

if TYPE_CHECKING:
    from agent_app.dialer.sip_line import SipLine
    from agent_app.dialer.sip_stack import AudioDevice

log = logging.getLogger(__name__)


class SipPhone(Phone):
    """A SIP account on this computer's headset; the engine is ``sip_line.SipLine``."""

    def __init__(self, config: SipLineConfig, password: str = "") -> None:
        """Start (or join) the SIP stack, open the transport and register when configured.

        Raises LineUnavailableError when pjsua2 is missing or the port cannot be opened.
        """
        super().__init__()
        try:
            from agent_app.dialer.sip_line import SipLine
        except ImportError as exc:
            raise LineUnavailableError(
                "The SIP headset line needs the pjsua2 library (Python package "
                "pjsua2-python), which is not installed on this computer."
            ) from exc
        self.config = config
        self.description = f"SIP {config.user}@{config.dial_domain or 'direct'}"
        self.line, self.address = LineType.SIP, f"{config.user}@{config.dial_domain or 'direct'}"
        self._line: SipLine = SipLine(config, password, self._post_from_line)
        self.registration = self._line.registration
        log.info("SIP line %s on port %s", self.description, self.local_port)

    @property
    def local_port(self) -> int:
        """The SIP port actually bound (the free one picked when the config says 0)."""
        return self._line.local_port

    def _post_from_line(self, event: PhoneEvent) -> None:
        if isinstance(event, RegistrationChanged):
            self.registration = event.state
        self.post(event)

    @property
    def live_pjsua_objects(self) -> int:
        """pjsua2 calls, accounts and recorders alive in this process (for leak checks)."""
        return self._line.live_objects()

    def poll(self) -> None:
        self._line.poll()

    def dial(self, number: str) -> str:
        """Call a number (at the registrar's domain) or a full ``sip:`` address."""
        return self._line.dial(number)

    def answer(self, call_id: str) -> None:
        self._line.answer(call_id)

    def reject(self, call_id: str) -> None:
        """Refuse a ringing inbound call with ``config.reject_code`` (486 unless set to 603)."""
        self._line.reject(call_id)

    def hangup(self, call_id: str) -> None:
        self._line.hangup(call_id)

    def hold(self, call_id: str, on_hold: bool) -> None:
        """Hold or resume by re-INVITE; ``HoldChanged`` follows once the far end agreed."""
        self._line.hold(call_id, on_hold)

    def mute(self, call_id: str, muted: bool) -> None:
        self._line.mute(call_id, muted)

    def send_dtmf(self, call_id: str, digits: str) -> None:
        """Send keys as RFC 2833 telephone events."""
        self._line.send_dtmf(call_id, digits)

    def transfer_blind(self, call_id: str, target: str) -> None:
        """REFER to ``target``; NOTIFYs come as TransferProgress, then TransferDone."""
        self._line.transfer_blind(call_id, target)

    def consult(self, call_id: str, target: str) -> str:
        return self._line.consult(call_id, target)

    def transfer_attended(self, call_id: str, consult_call_id: str) -> None:
        """REFER with Replaces naming the consultation's dialog."""
        self._line.transfer_attended(call_id, consult_call_id)

    def conference(self, call_ids: list[str]) -> None:
        """Link the calls to each other on the desk's conference bridge."""
        self._line.conference(call_ids)

    def bridge_listeners(self, call_id: str) -> set[str]:
        """Calls that hear ``call_id`` on the conference bridge now (read from pjsua)."""
        return self._line.bridge_listeners(call_id)

    def start_recording(self, call_id: str, path: Path) -> None:
        self._line.start_recording(call_id, path)

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Pause keeps the timeline: the paused stretch is in the file as silence."""
        self._line.pause_recording(call_id, paused)

    def stop_recording(self, call_id: str) -> Path | None:
        """Close the WAV; after the call ended, returns the file closed at the end (once)."""
        return self._line.stop_recording(call_id)

    def list_audio_devices(self) -> list[AudioDevice]:
        """Sound devices present now; pass their ``index`` to ``switch_audio_device``."""
        return self._line.list_audio_devices()

    def switch_audio_device(self, capture_index: int, playback_index: int) -> None:
        """Move to other sound devices, also mid-call; ``NULL_AUDIO_DEVICE`` for none."""
        self._line.switch_audio_device(capture_index, playback_index)

    def retry(self) -> bool:
        """Register again now (after a failed registration); False without a registrar."""
        return self._line.retry()

    def network_changed(self, resumed: bool = False) -> bool:
        """Register again and move calls to the new address now; after sleep (``resumed``)
        calls in progress end as NETWORK. Non-blocking: events tell the outcome."""
        return self._line.network_changed(resumed)

    def close(self) -> None:
        """Hang up, unregister and free the port; the last line closed stops the stack."""
        self._line.close()
