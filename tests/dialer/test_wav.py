"""Recordings survive a killed process and are compressed only after a decode check."""

from __future__ import annotations

import math
import os
import signal
import struct
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from agent_app.dialer.errors import RecordingError
from agent_app.dialer.transcode import transcode_to_opus
from agent_app.dialer.wav import SAMPLE_RATE, WavWriter, repair_wav
from agent_app.store.recording_crypto import PlainDigest, open_recording, plain_digest

ROOT = Path(__file__).resolve().parents[2]


def _tone(seconds: float, freq: float = 440.0) -> bytes:
    n = int(seconds * SAMPLE_RATE)
    return b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / SAMPLE_RATE)))
        for i in range(n)
    )


def test_closed_recording_has_exact_length_and_pause_marked_as_silence(tmp_path: Path) -> None:
    writer = WavWriter(tmp_path / "call.wav")
    writer.write(_tone(1.0))
    writer.set_paused(True)
    writer.write(_tone(0.5))
    writer.set_paused(False)
    writer.write(_tone(0.5))
    path = writer.close()
    assert writer.pauses == [(1000, 1500)]
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
        assert wav.getnframes() == 2 * SAMPLE_RATE
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    assert np.abs(frames[8000:12000]).max() == 0
    assert np.abs(frames[:8000]).max() > 7000 and np.abs(frames[12000:]).max() > 7000


def test_repair_fixes_a_header_left_stale_by_a_crash(tmp_path: Path) -> None:
    writer = WavWriter(tmp_path / "call.wav")
    writer.write(_tone(1.5))
    writer._file.flush()  # what the periodic flush does; then the process "dies"
    path = writer.path
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 0
    assert repair_wav(path) == 1.5 * SAMPLE_RATE * 2
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 1.5 * SAMPLE_RATE


def test_repair_refuses_a_file_that_is_not_a_wav(tmp_path: Path) -> None:
    path = tmp_path / "x.wav"
    path.write_bytes(b"not audio at all" * 10)
    with pytest.raises(RecordingError, match="not a WAV recording"):
        repair_wav(path)
    assert path.read_bytes() == b"not audio at all" * 10


def test_kill_9_mid_call_leaves_a_recording_that_plays(tmp_path: Path) -> None:
    wav = tmp_path / "call.wav"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.dialer.record_then_die", str(wav), str(tmp_path / "cache")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "recording"
        deadline = time.monotonic() + 20
        while not (wav.exists() and wav.stat().st_size > 44 + 2 * SAMPLE_RATE * 2):
            assert time.monotonic() < deadline, "the recording did not grow"
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    repair_wav(wav)
    audio, rate = sf.read(wav, dtype="int16")
    assert rate == SAMPLE_RATE and len(audio) >= 2 * SAMPLE_RATE
    assert np.abs(audio).max() > 1000  # the simulated patient's voice, not silence


def test_transcode_keeps_duration_and_sound_then_removes_the_wav(tmp_path: Path) -> None:
    writer = WavWriter(tmp_path / "call.wav")
    writer.write(_tone(6.0, 300.0))
    wav = writer.close()
    done = transcode_to_opus(wav)
    assert not wav.exists() and done.path.suffix == ".opus"
    assert abs(done.duration_ms - 6000) <= 100
    assert plain_digest(done.path) == PlainDigest(done.size_bytes, done.sha256)
    with open_recording(done.path) as plain:
        decoded, rate = sf.read(plain, dtype="float32")
    assert rate == SAMPLE_RATE and float(np.sqrt(np.mean(decoded**2))) > 0.05
    assert done.size_bytes * 3600 / 6 < 8_000_000  # under 8 MB per call-hour


def test_transcode_failure_keeps_the_wav(tmp_path: Path) -> None:
    wav = tmp_path / "broken.wav"
    wav.write_bytes(b"RIFF" + bytes(100))
    with pytest.raises(RecordingError, match="could not be compressed"):
        transcode_to_opus(wav)
    assert wav.exists() and not wav.with_suffix(".opus").exists()
