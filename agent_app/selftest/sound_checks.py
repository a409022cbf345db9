"""The headset: its devices are there, the microphone hears the agent, the speaker plays.

Checked through pjsua2, the SIP line's own sound path (see ``dialer/sound_probe.py`` for
why). The stack is the process's one endpoint: inside the desk it is the SIP line's, so these
checks run in steps on the window's thread (``runner.stepped``) and never block it.

``SoundPath`` says where the devices, the microphone's port and the speaker's port come
from; tests on a machine without sound hardware give it a file player and a recorder.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent_app.dialer.errors import DialerError
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, Needs, SelfTestContext, Steps, stepped

if TYPE_CHECKING:
    from agent_app.dialer.sip_stack import AudioDevice, SipStack

MIC_SECONDS = 2.0
TONE_SECONDS = 1.5
STEP_SECONDS = 0.02
# A microphone that peaks below 3 % of full scale (about -30 dBFS) over two seconds of speech
# is muted, unplugged or turned down: speech into a headset peaks well above that.
QUIET_PEAK = 0.03


def _devices(stack: SipStack) -> list[AudioDevice]:
    return stack.audio_devices()


def _capture(stack: SipStack) -> Any:
    return stack.capture_media()


def _playback(stack: SipStack) -> Any:
    return stack.playback_media()


@dataclass(frozen=True)
class SoundPath:
    devices: Callable[[SipStack], list[AudioDevice]] = _devices
    capture: Callable[[SipStack], Any] = _capture
    playback: Callable[[SipStack], Any] = _playback


SYSTEM_SOUND = SoundPath()


class _NoLibrary(Exception):
    """pjsua2 is not installed: every sound check says so the same way."""


@contextmanager
def sound_stack() -> Iterator[SipStack]:
    """The process's SIP stack for the length of a check (the desk's own if a line holds it)."""
    try:
        from agent_app.dialer.sip_stack import SipStack
    except ImportError as exc:
        raise _NoLibrary from exc
    held: list[Any] = []
    stack = SipStack.acquire(held.clear)
    try:
        yield stack
    finally:
        stack.release(held.clear)


def _first(devices: list[AudioDevice], inputs: bool) -> AudioDevice | None:
    return next((d for d in devices if (d.inputs if inputs else d.outputs)), None)


def check_headset(context: SelfTestContext, path: SoundPath = SYSTEM_SOUND) -> CheckResult:
    """Green when pjsua2 sees a microphone and a speaker (it uses the first of each)."""
    try:
        with sound_stack() as stack:
            devices = path.devices(stack)
    except _NoLibrary:
        return CheckResult.of(CheckName.HEADSET, Status.RED, "sound_no_library")
    capture, playback = _first(devices, True), _first(devices, False)
    if capture is None:
        return CheckResult.of(CheckName.HEADSET, Status.RED, "headset_missing_capture")
    if playback is None:
        return CheckResult.of(CheckName.HEADSET, Status.RED, "headset_missing_playback")
    return CheckResult.of(
        CheckName.HEADSET, Status.GREEN, "headset_ok", capture=capture.name, playback=playback.name
    )


def microphone_steps(
    context: SelfTestContext, path: SoundPath = SYSTEM_SOUND, seconds: float = MIC_SECONDS
) -> Steps:
    """Record ``seconds`` from the microphone while the agent speaks; judge the loudest part."""
    from agent_app.dialer.wav import await_wav_header, peak_level

    name = CheckName.MICROPHONE
    try:
        with sound_stack() as stack:
            if _first(path.devices(stack), True) is None:
                return CheckResult.of(name, Status.RED, "microphone_missing")
            from agent_app.dialer.sound_probe import BridgeRecording

            handle, raw = tempfile.mkstemp(prefix="self-test-", suffix=".wav")
            os.close(handle)
            wav = Path(raw)
            try:
                try:
                    recording = BridgeRecording(stack, path.capture(stack), wav)
                except DialerError as exc:
                    return CheckResult.of(name, Status.RED, "sound_failed", detail=exc)
                context.on_prompt("speak_now")
                try:
                    end = time.monotonic() + seconds
                    while time.monotonic() < end:
                        stack.handle_events()
                        context.on_level(recording.level())
                        yield STEP_SECONDS
                finally:
                    recording.stop()
                    del recording  # pjsua2 closes the WAV when its recorder is destroyed
                    stack.handle_events()
                await_wav_header(wav)
                peak = peak_level(wav)
            finally:
                wav.unlink(missing_ok=True)
    except _NoLibrary:
        return CheckResult.of(name, Status.RED, "sound_no_library")
    level = round(peak * 100)
    if peak < QUIET_PEAK:
        return CheckResult.of(name, Status.AMBER, "microphone_quiet", level=level, measured=peak)
    return CheckResult.of(name, Status.GREEN, "microphone_ok", level=level, measured=peak)


def speaker_steps(
    context: SelfTestContext, path: SoundPath = SYSTEM_SOUND, seconds: float = TONE_SECONDS
) -> Steps:
    """Play a tone on the speaker. Whether it was heard only the person can say: the window
    asks, the terminal reports that the device took the tone."""
    name = CheckName.SPEAKER
    try:
        with sound_stack() as stack:
            playback = _first(path.devices(stack), False)
            if playback is None:
                return CheckResult.of(name, Status.RED, "speaker_missing")
            from agent_app.dialer.sound_probe import PlayingTone

            try:
                tone = PlayingTone(stack, path.playback(stack))
            except DialerError as exc:
                return CheckResult.of(name, Status.RED, "sound_failed", detail=exc)
            context.on_prompt("listen_now")
            try:
                end = time.monotonic() + seconds
                while time.monotonic() < end:
                    stack.handle_events()
                    yield STEP_SECONDS
            finally:
                tone.stop()
                del tone
                stack.handle_events()
    except _NoLibrary:
        return CheckResult.of(name, Status.RED, "sound_no_library")
    return CheckResult.of(name, Status.GREEN, "speaker_ok", playback=playback.name)


def sound_checks(path: SoundPath = SYSTEM_SOUND) -> tuple[Check, Check, Check]:
    """The headset, microphone and speaker checks over ``path``."""
    return (
        Check(CheckName.HEADSET, lambda c: check_headset(c, path), Needs.AUDIO, True),
        stepped(CheckName.MICROPHONE, lambda c: microphone_steps(c, path), Needs.AUDIO),
        stepped(CheckName.SPEAKER, lambda c: speaker_steps(c, path), Needs.AUDIO),
    )
