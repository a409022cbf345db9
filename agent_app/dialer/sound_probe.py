"""Sound checks on the path calls really use: pjsua2's sound devices and conference bridge.

The self-test records the microphone and plays a tone through the same endpoint, devices and
bridge a SIP call uses, so a headset that works here works in a call. (Qt Multimedia would
reach the devices through another stack, PulseAudio or WASAPI, and could pass while pjsua2's
own device fails.) Everything here runs on the thread that owns the SIP stack.

Imports pjsua2 at the top, like sip_stack; callers import this module only when they check.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pjsua2 as pj

from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.sip_stack import SipStack, pj_error_text

log = logging.getLogger(__name__)

# pjmedia reports a port's signal level as 0..255.
_LEVEL_FULL = 255
TONE_HZ = 440


class BridgeRecording:
    """Records one port of the conference bridge (the microphone) into a WAV file."""

    def __init__(self, stack: SipStack, source: Any, path: Path) -> None:
        self.path = path
        self._source = source
        self._recorder: Any = stack.track(pj.AudioMediaRecorder())
        try:
            self._recorder.createRecorder(str(path))
            source.startTransmit(self._recorder)
        except pj.Error as exc:
            self._recorder = None
            raise LineUnavailableError(pj_error_text(exc)) from exc

    def level(self) -> float:
        """The source's level now (0..1), for a live bar."""
        return min(1.0, int(self._source.getTxLevel()) / _LEVEL_FULL)

    def stop(self) -> Path:
        """Close the file (pjsua2 writes the WAV header when the recorder is destroyed)."""
        if self._recorder is not None:
            try:
                self._source.stopTransmit(self._recorder)
            except pj.Error as exc:  # the device went away; the file is closed all the same
                log.info("recording source already gone: %s", pj_error_text(exc))
            self._recorder = None
        return self.path


class PlayingTone:
    """A steady tone sent to one port of the bridge (the speaker) until stopped."""

    def __init__(self, stack: SipStack, sink: Any, hz: int = TONE_HZ) -> None:
        self._sink = sink
        self._tone: Any = stack.track(pj.ToneGenerator())
        try:
            self._tone.createToneGenerator()
            desc = pj.ToneDesc()
            desc.freq1, desc.freq2 = hz, 0
            desc.on_msec, desc.off_msec = 800, 200
            desc.volume = 0  # pjmedia's default level
            tones = pj.ToneDescVector()
            tones.append(desc)
            self._tone.play(tones, True)
            self._tone.startTransmit(sink)
        except pj.Error as exc:
            self._tone = None
            raise LineUnavailableError(pj_error_text(exc)) from exc

    def stop(self) -> None:
        if self._tone is not None:
            try:
                self._tone.stopTransmit(self._sink)
            except pj.Error as exc:  # the device went away; the tone is dropped all the same
                log.info("tone sink already gone: %s", pj_error_text(exc))
            self._tone = None
