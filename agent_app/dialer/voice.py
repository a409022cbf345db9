"""The simulated patient's voice: espeak-ng speech at 8 kHz, or a voice-like tone without it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from agent_app.dialer.wav import SAMPLE_RATE

log = logging.getLogger(__name__)

PHRASES = {
    "answer": "喂,您好。我是,我最近恢复得还可以,谢谢医生关心。",
    "wrong_number": "喂?你打错了吧,这里没有这个人。",
    "callback": "您好,我是病人家属,刚才你们医院给我打过电话。",
}


def _synthesize(text: str) -> np.ndarray | None:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "voice.wav"
        done = subprocess.run(
            [espeak, "-v", "cmn", "-s", "150", "-w", str(out), text],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if done.returncode != 0 or not out.exists():
            log.warning("espeak-ng failed (%s); using a tone voice", done.returncode)
            return None
        audio, rate = sf.read(out, dtype="float32", always_2d=False)
    positions = np.arange(0, len(audio), rate / SAMPLE_RATE)
    resampled: np.ndarray = np.interp(positions, np.arange(len(audio)), audio)
    return resampled.astype(np.float32)


def _tone_voice(seconds: float = 3.0) -> np.ndarray:
    """Syllable-like bursts of a 140 Hz voice with harmonics; plainly audible, clearly fake."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    wave = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in range(1, 6))
    envelope = np.clip(np.sin(2 * np.pi * 3 * t), 0, None) ** 2
    return (0.25 * wave * envelope).astype(np.float32)


def voice_pcm(kind: str, cache_dir: Path) -> bytes:
    """16-bit mono PCM of the phrase ``kind``, made once and cached as a WAV."""
    cached = cache_dir / f"fake-voice-{kind}.wav"
    if cached.exists():
        audio, _ = sf.read(cached, dtype="int16", always_2d=False)
        return bytes(audio.tobytes())
    samples = _synthesize(PHRASES[kind])
    if samples is None:
        samples = _tone_voice()
    pcm = (np.clip(samples, -1, 1) * 32000).astype(np.int16)
    cache_dir.mkdir(parents=True, exist_ok=True)
    sf.write(cached, pcm, SAMPLE_RATE, subtype="PCM_16")
    return bytes(pcm.tobytes())
