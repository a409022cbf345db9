"""Find a recording's audio for the player, fetching it from the central server when this
computer has no copy. Runs off the GUI thread; touches no widget.

The audit row for playing is written first (by ``open_recording``), before any byte is read;
a fetch from the server writes a second row for the download, before the download starts.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from agent_app.config import default_data_dir
from agent_app.store.encryption import private_folder
from agent_app.store.recording_crypto import RecordingDecryptError
from agent_app.store.recordings_at_rest import play_copy
from agent_app.store.repositories.audit import AuditAction
from agent_app.store.repositories.recordings import (
    AnswerMarker,
    RecordingMedia,
    open_recording,
    recording_markers,
)
from agent_app.sync.recording_stream import download_recording


class RecordingMissingError(LookupError):
    """The recording's audio is not on this computer and cannot be fetched."""


@dataclass(frozen=True)
class OpenedRecording:
    media: RecordingMedia
    path: Path
    markers: tuple[AnswerMarker, ...]
    downloaded: bool


def default_cache_dir() -> Path:
    """Where recordings fetched from the server are kept (beside the desk's local store)."""
    return default_data_dir() / "recording-cache"


def cache_path(cache_dir: Path, media: RecordingMedia) -> Path:
    suffix = re.sub(r"[^a-z0-9]", "", media.codec.lower()) or "audio"
    return cache_dir / f"{media.recording_id}.{suffix}"


def fetch_recording(
    engine: Engine,
    staff_id: int,
    recording_id: uuid.UUID,
    *,
    server: Engine | None = None,
    cache_dir: Path | None = None,
) -> OpenedRecording:
    """The recording's audio file and answer markers, the audit written before either.

    Raises RecordingNotFoundError (not in this store), RecordingMissingError (no file here and
    no server), SyncError children (the server refused or the line failed), OSError (the
    cache folder cannot be written), RecordingDecryptError (only a copy made under a lost key,
    and no server to fetch another from). The file handed back is a private plaintext copy of the
    encrypted recording; the player discards it (``discard_play_copy``) when done.
    """
    media = open_recording(engine, staff_id, recording_id, AuditAction.PLAY)
    markers = tuple(recording_markers(engine, recording_id))
    suffix = cache_path(Path(), media).suffix.lstrip(".")
    folder = cache_dir or default_cache_dir()
    cached = cache_path(folder, media)
    unreadable: RecordingDecryptError | None = None
    # The desk's own copy first, then one fetched earlier (checked against its sha256 then).
    for candidate in (Path(media.local_path) if media.local_path else None, cached):
        if candidate is not None and candidate.is_file():
            try:
                return OpenedRecording(media, play_copy(candidate, suffix), markers, False)
            except RecordingDecryptError as exc:  # made under a key the keyring lost
                unreadable = exc
    if server is None:
        if unreadable is not None:
            raise unreadable
        raise RecordingMissingError(
            "This recording is not on this computer, and the desk is not connected to the "
            "central server to fetch it."
        )
    open_recording(engine, staff_id, recording_id, AuditAction.DOWNLOAD)
    private_folder(folder)
    download_recording(server, recording_id, cached)
    return OpenedRecording(media, play_copy(cached, suffix), markers, downloaded=True)
