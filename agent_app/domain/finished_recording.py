"""What a call's recording came to once the line closed it: the file the desk keeps and uploads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FinishedRecording:
    """The recording file (Opus, or the WAV when transcoding was refused) and what the server
    checks it against: duration, size and sha256 of the plaintext."""

    path: Path
    codec: str
    duration_ms: int
    size_bytes: int
    sha256: str
