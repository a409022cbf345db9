"""After the call: WAV → Ogg Opus, checked by decoding it back before the WAV is removed.

8 kHz mono speech at libsndfile's Opus ``compression_level`` 1.0 comes to about 3 MB per hour
(DESIGN.md, measured); the check refuses a result whose duration is off or that turned a
recording with speech into silence, and then the WAV is kept instead. The Opus file is then
encrypted in place under the desk's recordings key (``store.recording_crypto``); its size and
sha256 describe the plaintext, which is what the central server receives and checks.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import soundfile as sf

from agent_app.dialer.errors import RecordingError
from agent_app.domain.finished_recording import FinishedRecording
from agent_app.store.recording_crypto import encrypt_in_place

OPUS_LEVEL = 1.0
SILENCE_RMS = 1e-4  # full scale 1.0; a line's hiss is well above this


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def transcode_to_opus(wav: Path, keep_wav: bool = False) -> FinishedRecording:
    """Write ``wav`` as ``.opus`` beside it, verify the result, then remove the WAV."""
    target = wav.with_suffix(".opus")
    try:
        audio, rate = sf.read(wav, dtype="float32", always_2d=False)
        if audio.ndim > 1:
            audio = audio.mean(axis=1)
        sf.write(target, audio, rate, format="OGG", subtype="OPUS", compression_level=OPUS_LEVEL)
        decoded, decoded_rate = sf.read(target, dtype="float32", always_2d=False)
    except (sf.LibsndfileError, RuntimeError, OSError) as exc:
        target.unlink(missing_ok=True)
        raise RecordingError(f"The recording {wav.name} could not be compressed: {exc}.") from exc
    source_ms = len(audio) * 1000 // rate
    decoded_ms = len(decoded) * 1000 // decoded_rate
    if abs(decoded_ms - source_ms) > max(100, source_ms // 100):
        target.unlink(missing_ok=True)
        raise RecordingError(
            f"The compressed recording {target.name} lasts {decoded_ms} ms instead of "
            f"{source_ms} ms; the original WAV was kept."
        )
    if _rms(audio) > SILENCE_RMS * 10 and _rms(decoded) < SILENCE_RMS:
        target.unlink(missing_ok=True)
        raise RecordingError(
            f"The compressed recording {target.name} came out silent; the original WAV was kept."
        )
    digest = encrypt_in_place(target)
    if not keep_wav:
        wav.unlink()
    return FinishedRecording(target, "opus", decoded_ms, digest.size_bytes, digest.sha256)
