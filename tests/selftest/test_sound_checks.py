"""The headset checks through pjsua2's bridge. This machine has no sound hardware, so the
devices are described and the microphone is a file player, the speaker a recorder; the
recording, levels and tone are pjsua2's own."""

from __future__ import annotations

import math
import struct
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pjsua2 as pj
import pytest

from agent_app.config import Settings
from agent_app.dialer.sip_stack import AudioDevice, SipStack
from agent_app.dialer.wav import await_wav_header, peak_level
from agent_app.selftest.result import Status
from agent_app.selftest.runner import SelfTestContext, drive
from agent_app.selftest.sound_checks import (
    SoundPath,
    check_headset,
    microphone_steps,
    speaker_steps,
)

HEADSET = AudioDevice(0, "USB headset", "ALSA", 1, 1)
SPEAKERS_ONLY = AudioDevice(1, "HDMI", "ALSA", 0, 2)
MIKE_ONLY = AudioDevice(2, "Webcam", "ALSA", 1, 0)


@pytest.fixture
def stack() -> Iterator[SipStack]:
    """The process's stack on the null device: it clocks the bridge without hardware."""
    held = SipStack.acquire(lambda: None)
    held.choose_audio(True)
    yield held
    held.release(lambda: None)


def _tone_wav(path: Path, amplitude: int, seconds: float = 3.0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        frames = (
            struct.pack("<h", int(amplitude * math.sin(2 * math.pi * 300 * i / 16000)))
            for i in range(int(16000 * seconds))
        )
        out.writeframes(b"".join(frames))
    return path


def _context(levels: list[float] | None = None, prompts: list[str] | None = None) -> Any:
    return SelfTestContext(
        Settings(),
        on_level=(levels if levels is not None else []).append,
        on_prompt=(prompts if prompts is not None else []).append,
    )


def _speaking(stack: SipStack, wav: Path, held: list[Any]) -> SoundPath:
    def capture(_stack: SipStack) -> Any:
        player = pj.AudioMediaPlayer()
        player.createPlayer(str(wav), pj.PJMEDIA_FILE_NO_LOOP)
        held.append(player)
        return player

    return SoundPath(devices=lambda _s: [HEADSET], capture=capture)


def test_microphone_that_hears_speech_is_green_with_its_level(
    stack: SipStack, tmp_path: Path
) -> None:
    held: list[Any] = []
    levels: list[float] = []
    prompts: list[str] = []
    path = _speaking(stack, _tone_wav(tmp_path / "voice.wav", 12000), held)
    try:
        result = drive(microphone_steps(_context(levels, prompts), path, seconds=1.0))
    finally:
        held.clear()
    assert result.status is Status.GREEN and result.code == "microphone_ok"
    assert result.measured is not None and 0.3 < result.measured < 0.4  # 12000 of 32768
    assert result.params["level"] == str(round(result.measured * 100))
    assert prompts == ["speak_now"] and max(levels) > 0.05  # the live bar moved


def test_microphone_that_hears_nothing_is_amber(stack: SipStack, tmp_path: Path) -> None:
    held: list[Any] = []
    path = _speaking(stack, _tone_wav(tmp_path / "quiet.wav", 300), held)
    try:
        result = drive(microphone_steps(_context(), path, seconds=1.0))
    finally:
        held.clear()
    assert result.status is Status.AMBER and result.code == "microphone_quiet"


@pytest.mark.parametrize("devices", [[], [SPEAKERS_ONLY]])
def test_microphone_without_capture_device_is_red(
    stack: SipStack, devices: list[AudioDevice]
) -> None:
    prompts: list[str] = []
    path = SoundPath(devices=lambda _s: devices)
    result = drive(microphone_steps(_context(prompts=prompts), path))
    assert result.status is Status.RED and result.code == "microphone_missing"
    assert prompts == []  # nobody is asked to speak into nothing


def test_microphone_on_this_machine_without_sound_hardware_is_red() -> None:
    """The real device list here is empty (a headless machine)."""
    result = drive(microphone_steps(_context()))
    assert result.status is Status.RED and result.code == "microphone_missing"


def test_speaker_plays_the_tone_to_the_playback_port(stack: SipStack, tmp_path: Path) -> None:
    heard = tmp_path / "speaker.wav"
    held: list[Any] = []

    def playback(_stack: SipStack) -> Any:
        recorder = pj.AudioMediaRecorder()
        recorder.createRecorder(str(heard))
        held.append(recorder)
        return recorder

    prompts: list[str] = []
    path = SoundPath(devices=lambda _s: [HEADSET], playback=playback)
    try:
        result = drive(speaker_steps(_context(prompts=prompts), path, seconds=0.5))
    finally:
        held.clear()  # the recorder writes its header at the bridge's next tick
    await_wav_header(heard)
    assert result.status is Status.GREEN and result.params == {"playback": "USB headset"}
    assert prompts == ["listen_now"]
    assert peak_level(heard) > 0.1


@pytest.mark.parametrize("devices", [[], [MIKE_ONLY]])
def test_speaker_without_playback_device_is_red(
    stack: SipStack, devices: list[AudioDevice]
) -> None:
    result = drive(speaker_steps(_context(), SoundPath(devices=lambda _s: devices)))
    assert result.status is Status.RED and result.code == "speaker_missing"


def test_headset_names_its_devices_or_says_which_is_missing(stack: SipStack) -> None:
    def verdict(devices: list[AudioDevice]) -> tuple[Status, str]:
        result = check_headset(_context(), SoundPath(devices=lambda _s: devices))
        return result.status, result.code

    assert verdict([HEADSET]) == (Status.GREEN, "headset_ok")
    assert verdict([SPEAKERS_ONLY]) == (Status.RED, "headset_missing_capture")
    assert verdict([MIKE_ONLY]) == (Status.RED, "headset_missing_playback")
    assert verdict([]) == (Status.RED, "headset_missing_capture")
