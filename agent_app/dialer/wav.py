"""Crash-safe call recordings: a WAV file that plays up to the last second written.

``WavWriter`` writes the header first with provisional sizes and flushes the audio at least
once a second; a killed process therefore leaves a file whose only fault is a stale header.
``repair_wav`` rewrites the RIFF and data sizes from the file's real length, which is what the
desk does when it finds a recording that was never finished (and what pjsua2's recorder
needs too, since it fixes its header only on a clean close).
"""

from __future__ import annotations

import logging
import os
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

from agent_app.dialer.errors import RecordingError

SAMPLE_RATE = 8000
SAMPLE_WIDTH = 2  # 16-bit signed PCM
CHANNELS = 1
_HEADER = 44
log = logging.getLogger(__name__)


def _header(data_bytes: int, rate: int = SAMPLE_RATE, channels: int = CHANNELS) -> bytes:
    block = channels * SAMPLE_WIDTH
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        rate,
        rate * block,
        block,
        SAMPLE_WIDTH * 8,
        b"data",
        data_bytes,
    )


@dataclass
class WavWriter:
    """Appends 16-bit mono PCM to ``path``; pauses are written as silence and remembered."""

    path: Path
    rate: int = SAMPLE_RATE
    flush_interval: float = 1.0
    pauses: list[tuple[int, int]] = field(default_factory=list)  # (start_ms, end_ms)
    _written: int = 0
    _paused_at: int | None = None
    _last_flush: float = 0.0

    def __post_init__(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "wb")  # noqa: SIM115 - lives as long as the call
            self._file.write(_header(0, self.rate))
            self._file.flush()
        except OSError as exc:
            raise RecordingError(
                f"Cannot write the recording {self.path}: {exc.strerror}."
            ) from exc
        self._last_flush = time.monotonic()

    @property
    def duration_ms(self) -> int:
        return self._written * 1000 // (self.rate * SAMPLE_WIDTH)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def write(self, pcm: bytes) -> None:
        """Append audio (silence instead while paused, so the timeline keeps its length)."""
        if len(pcm) % SAMPLE_WIDTH:
            pcm = pcm[: len(pcm) - len(pcm) % SAMPLE_WIDTH]
        if self.paused:
            pcm = bytes(len(pcm))
        try:
            self._file.write(pcm)
            self._written += len(pcm)
            now = time.monotonic()
            if now - self._last_flush >= self.flush_interval:
                self._file.flush()
                self._last_flush = now
        except OSError as exc:
            raise RecordingError(f"The recording stopped: {exc.strerror}.") from exc

    def set_paused(self, paused: bool) -> None:
        if paused and self._paused_at is None:
            self._paused_at = self.duration_ms
        elif not paused and self._paused_at is not None:
            self.pauses.append((self._paused_at, self.duration_ms))
            self._paused_at = None

    def close(self) -> Path:
        """Close any open pause, write the final header and sync the file to disk."""
        self.set_paused(False)
        try:
            self._file.seek(0)
            self._file.write(_header(self._written, self.rate))
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise RecordingError(
                f"Cannot finish the recording {self.path}: {exc.strerror}."
            ) from exc
        finally:
            self._file.close()
        return self.path


def repair_wav(path: Path) -> int:
    """Fix the sizes in a WAV header from the file's length; returns the audio bytes found.

    Works on files from ``WavWriter`` and on any canonical 44-byte-header PCM WAV. A partial
    last sample is cut off.
    """
    try:
        with open(path, "r+b") as fh:
            head = fh.read(_HEADER)
            if len(head) < _HEADER or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise RecordingError(f"{path} is not a WAV recording.")
            if head[36:40] != b"data":
                raise RecordingError(f"{path} has an unexpected WAV layout; it was left as is.")
            channels, rate = (int(v) for v in struct.unpack("<HI", head[22:28]))
            size = fh.seek(0, os.SEEK_END) - _HEADER
            size -= size % (channels * SAMPLE_WIDTH)
            fh.truncate(_HEADER + size)
            fh.seek(0)
            fh.write(_header(size, rate, channels))
    except OSError as exc:
        raise RecordingError(f"Cannot repair the recording {path}: {exc.strerror}.") from exc
    return size


def await_wav_header(path: Path, timeout: float = 0.5) -> None:
    """Wait until a destroyed pjsua2 recorder has written its header, or repair it ourselves.

    pjsua 2.15's conference bridge removes ports on its next clock tick (about 20 ms), so
    the recorder's WAV header is final shortly after the recorder object is gone, not when
    its destructor returns.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError as exc:
            raise RecordingError(f"The recording {path} cannot be read: {exc.strerror}.") from exc
        if len(head) == 8 and int.from_bytes(head[4:8], "little") > 0:
            return
        time.sleep(0.002)
    log.warning("recorder did not finish %s in time; repairing its header", path.name)
    repair_wav(path)


def peak_level(path: Path) -> float:
    """The loudest sample of a 16-bit PCM WAV as a share of full scale (0..1); 0 for a file
    without audio. What the self-test reads a microphone or echo recording by."""
    import array
    import sys
    import wave

    with wave.open(str(path), "rb") as reader:
        if reader.getsampwidth() != SAMPLE_WIDTH:
            raise RecordingError(f"{path.name} is not 16-bit PCM.")
        samples = array.array("h", reader.readframes(reader.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return max((abs(sample) for sample in samples), default=0) / 32768
