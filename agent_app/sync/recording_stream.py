"""Play a recording from the central server: its verified bytes as a stream or a local file.

What a caller may hear is decided by row-level security (recording → call attempt →
department, migration 0003): a recording outside the caller's reach looks exactly like one
that does not exist. Chunks are read through a server-side cursor, a few at a time, so a long
recording never sits in memory whole.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from agent_app.domain.enums import UploadState
from agent_app.store.recording_crypto import encrypt_in_place
from agent_app.store.schema import Recording
from agent_app.store.server_errors import ServerCode
from agent_app.sync.errors import SyncError, as_sync_error

CHUNKS_SQL = text("SELECT data FROM recording_chunk WHERE recording_id = :r ORDER BY byte_offset")


class RecordingUnavailableError(SyncError):
    """The recording is not on the server (yet), or the caller may not hear it."""


def recording_chunks(server: Engine, recording_id: uuid.UUID) -> Iterator[bytes]:
    """The recording's bytes in upload order.

    Raises RecordingUnavailableError before the first chunk when the server has no verified
    copy the caller may read; SyncOfflineError or SyncServerError when the line fails.
    """
    try:
        with server.connect() as connection:
            row = connection.execute(
                select(Recording.upload_state).where(Recording.id == recording_id)
            ).first()
            if row is None:
                raise RecordingUnavailableError(ServerCode.RECORDING_MISSING)
            if row.upload_state is not UploadState.VERIFIED:
                raise RecordingUnavailableError(ServerCode.RECORDING_INCOMPLETE)
            chunks = connection.execution_options(stream_results=True, max_row_buffer=4).execute(
                CHUNKS_SQL, {"r": recording_id}
            )
            for (data,) in chunks:
                yield bytes(data)
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc


def download_recording(server: Engine, recording_id: uuid.UUID, target: Path) -> Path:
    """Write the recording to ``target`` (via a temporary 0600 file, checked against the
    sha256 the server holds, then encrypted under the desk's recordings key), for the player."""
    try:
        with server.connect() as connection:
            expected = connection.execute(
                select(Recording.sha256).where(Recording.id == recording_id)
            ).scalar_one_or_none()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            for chunk in recording_chunks(server, recording_id):
                digest.update(chunk)
                fh.write(chunk)
        if expected is None or digest.hexdigest() != expected.lower():
            raise RecordingUnavailableError(ServerCode.RECORDING_MISMATCH)
        encrypt_in_place(partial)  # the cache is at rest like the desk's own recordings
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
