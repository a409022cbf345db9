"""Recordings for the demo's past calls: short 8 kHz mono WAV files shaped like a conversation.

No speech engine, no samples: the agent's voice is a higher-pitched buzz and the patient's a
lower one, cut into syllables with Mandarin-like pitch contours, over a quiet line hiss. The
turns follow the call's answer sheet: before each moment the agent entered an answer, the
agent asks and the patient replies, so the player's answer markers land at the ends of the
patient's turns. Each voice is a bank of a few dozen syllables made once per call and laid
down in turns, so a minute of audio costs a few milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import soundfile as sf

from agent_app.dialer.wav import SAMPLE_RATE
from agent_app.domain.finished_recording import FinishedRecording
from agent_app.store.recording_crypto import encrypt_in_place

AGENT_PITCH = (200.0, 250.0)  # Hz; the follow-up nurses and doctors
PATIENT_PITCH = (105.0, 175.0)
_HISS = 0.004
_BANK = 40  # syllables per voice and call


def _syllables(rng: np.random.Generator, pitch: float, level: float) -> list[np.ndarray]:
    """A voice's syllables: each with a level, rising, dipping or falling pitch (Mandarin's
    tones), four harmonics and a little breath, rising and fading smoothly."""
    lengths = (rng.uniform(0.12, 0.3, _BANK) * SAMPLE_RATE).astype(np.int64)
    syllable = np.repeat(np.arange(_BANK), lengths)
    within = np.arange(len(syllable)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    x = (within / lengths[syllable]).astype(np.float32)
    hump = np.sin(np.float32(np.pi) * x)
    tone = rng.integers(4, size=_BANK)
    base = np.array((0.08, -0.1, 0.0, 0.15), np.float32)[tone][syllable]
    slope = np.array((0.0, 0.25, 0.0, -0.3), np.float32)[tone][syllable]
    dip = np.array((0.0, 0.0, -0.12, 0.0), np.float32)[tone][syllable]
    contour = base + slope * x + dip * hump
    phase = np.cumsum(np.float32(pitch * 2 * np.pi / SAMPLE_RATE) * (1 + contour))
    # Four harmonics from one sine and cosine (sin 2p = 2 sin p cos p, and so on).
    sine, cosine = np.sin(phase), np.cos(phase)
    second = 2 * sine * cosine
    wave = sine + 0.55 * second + 0.3 * sine * (3 - 4 * sine * sine) + 0.3 * second * cosine
    wave += rng.standard_normal(len(x), dtype=np.float32) * np.float32(0.08)
    wave *= np.float32(level) * hump * hump
    return np.split(wave, np.cumsum(lengths)[:-1])


def _speak(
    out: np.ndarray, rng: np.random.Generator, bank: list[np.ndarray], start: float, end: float
) -> None:
    """Lay syllables from ``bank`` between ``start`` and ``end`` seconds of ``out``, with
    short gaps and now and then a pause between phrases."""
    position = int(start * SAMPLE_RATE)
    stop = min(len(out), int(end * SAMPLE_RATE))
    picks = rng.integers(len(bank), size=1 + (stop - position) // 800)
    gaps = rng.uniform(0.02, 0.07, len(picks)) + (rng.random(len(picks)) < 0.12) * 0.25
    for pick, gap in zip(picks, gaps, strict=True):
        sound = bank[pick]
        if position + len(sound) > stop:
            return
        out[position : position + len(sound)] += sound
        position += len(sound) + int(gap * SAMPLE_RATE)


def call_audio(seconds: int, answer_offsets: Sequence[float], seed: int) -> np.ndarray:
    """16-bit samples of a call lasting ``seconds``, answers entered at ``answer_offsets``."""
    rng = np.random.default_rng(seed)
    out = rng.standard_normal(seconds * SAMPLE_RATE, dtype=np.float32) * np.float32(_HISS)
    agent = _syllables(rng, float(rng.uniform(*AGENT_PITCH)), 0.2)
    patient = _syllables(rng, float(rng.uniform(*PATIENT_PITCH)), 0.14)
    previous = 0.3
    for offset in sorted(o for o in answer_offsets if 0 < o < seconds):
        window = offset - 0.15 - previous
        if window > 0.4:
            asks = window * float(rng.uniform(0.45, 0.65))
            _speak(out, rng, agent, previous, previous + asks)
            _speak(out, rng, patient, previous + asks + 0.25, offset - 0.15)
        previous = offset + 0.3
    if seconds - 1.0 - previous > 0.5:  # thanks and goodbye
        _speak(out, rng, agent, previous, seconds - 1.0)
    samples: np.ndarray = (np.clip(out, -1.0, 1.0) * 32767).astype(np.int16)
    return samples


def write_call_recording(
    path: Path, seconds: int, answer_offsets: Sequence[float], seed: int
) -> FinishedRecording:
    """Write the call's WAV at ``path`` (folders made as needed) and describe it the way the
    desk describes a finished recording."""
    samples = call_audio(seconds, answer_offsets, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, samples, SAMPLE_RATE, format="WAV", subtype="PCM_16")
    digest = encrypt_in_place(path)  # at rest like the desk's own recordings
    duration_ms = math.floor(len(samples) * 1000 / SAMPLE_RATE)
    return FinishedRecording(path, "wav", duration_ms, digest.size_bytes, digest.sha256)
