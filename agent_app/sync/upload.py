"""Upload call recordings to the central server in chunks, resuming where a break left off.

A recording's row travels through the outbox like any other; its bytes follow here, once the
row is on the server. The server says how many bytes it already holds
(``recording_upload_offset``), takes each chunk in its own transaction
(``recording_put_chunk``, a resent chunk is answered, not stored twice) and checks size and
sha256 against the row at the end (``recording_finish``, migration 0003). Only then is the
recording ``verified`` here too; the local file is removed ``retention_days`` after the call,
and never before the server verified it.

Local files are encrypted at rest (``store.recording_crypto``); they are decrypted a chunk at a
time while uploading, so the server stores and checks the plaintext Opus, as before.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from agent_app.domain.enums import UploadState
from agent_app.store.outbox import pending_row_ids
from agent_app.store.recording_crypto import RecordingDecryptError, open_recording, plain_digest
from agent_app.store.schema import CallAttempt, Recording
from agent_app.sync.errors import as_sync_error

log = logging.getLogger(__name__)

DEFAULT_CHUNK_BYTES = 256 * 1024
DEFAULT_RETENTION_DAYS = 30
ChunkDone = Callable[[uuid.UUID, int, int], None]  # recording, bytes on the server, size


class _NotOnServerYet(Exception):
    pass


class _Refused(Exception):
    pass


@dataclass(frozen=True)
class UploadReport:
    """What one upload round did."""

    verified: int = 0
    failed: int = 0
    waiting: int = 0  # the recording's row has not reached the server yet
    bytes_sent: int = 0


def _server_call(server: Engine, sql: str, **params: Any) -> Sequence[Any]:
    try:
        with server.begin() as connection:
            return connection.execute(text(sql), params).one()
    except DBAPIError as exc:
        state = str(getattr(exc.orig, "sqlstate", "") or "")
        reason = str(exc.orig).splitlines()[0].strip()
        if state == "SY004":
            raise _NotOnServerYet(reason) from exc
        if state == "SY001" or state.startswith(("22", "23")) or state == "42501":
            raise _Refused(reason) from exc
        raise as_sync_error(exc, server) from exc
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc


def _set_state(local: Engine, recording_id: uuid.UUID, state: UploadState) -> None:
    with local.begin() as connection:
        connection.execute(
            update(Recording).where(Recording.id == recording_id).values(upload_state=state)
        )


def upload_recording(
    local: Engine,
    server: Engine,
    recording_id: uuid.UUID,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    on_chunk: ChunkDone | None = None,
) -> tuple[UploadState, int]:
    """Send the rest of one recording and have the server verify it; returns the new state
    and the bytes sent. Raises SyncOfflineError or SyncServerError when the line fails (the
    next call resumes after the last chunk the server stored)."""
    with local.connect() as connection:
        row = connection.execute(
            select(Recording.local_path, Recording.sha256, Recording.size_bytes).where(
                Recording.id == recording_id
            )
        ).one()
    path = Path(row.local_path)
    if not row.local_path or not path.is_file():
        log.warning("recording %s: the file %s is missing", recording_id, row.local_path)
        _set_state(local, recording_id, UploadState.FAILED)
        return UploadState.FAILED, 0
    try:
        digest = plain_digest(path)
    except RecordingDecryptError:
        digest = None
    if digest is None or (digest.size_bytes, digest.sha256) != (row.size_bytes, row.sha256.lower()):
        log.warning("recording %s: the file no longer matches its checksum", recording_id)
        _set_state(local, recording_id, UploadState.FAILED)
        return UploadState.FAILED, 0
    sent = 0
    try:
        stored, server_state = _server_call(
            server,
            "SELECT stored, state FROM recording_upload_offset(:r)",
            r=recording_id,
        )
        if server_state != UploadState.VERIFIED.value:
            _set_state(local, recording_id, UploadState.UPLOADING)
            with open_recording(path) as fh:
                fh.seek(stored)
                while stored < row.size_bytes:
                    chunk = fh.read(chunk_bytes)
                    (after,) = _server_call(
                        server,
                        "SELECT recording_put_chunk(:r, :at, :data)",
                        r=recording_id,
                        at=stored,
                        data=chunk,
                    )
                    sent += len(chunk)
                    stored = int(after)
                    fh.seek(stored)
                    if on_chunk is not None:
                        on_chunk(recording_id, stored, row.size_bytes)
            server_state, detail = _server_call(
                server, "SELECT state, detail FROM recording_finish(:r)", r=recording_id
            )
            if server_state != UploadState.VERIFIED.value:
                log.warning("recording %s failed the server's check: %s", recording_id, detail)
    except _NotOnServerYet:
        return UploadState.LOCAL, 0
    except _Refused as exc:
        log.warning("recording %s refused by the server: %s", recording_id, exc)
        server_state = UploadState.FAILED.value
    state = UploadState(server_state)
    _set_state(local, recording_id, state)
    return state, sent


def upload_pending(
    local: Engine,
    server: Engine,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    on_chunk: ChunkDone | None = None,
) -> UploadReport:
    """Upload every recording not yet verified whose row the server already has.

    A recording that failed the check is tried again only after its row is set back to
    ``local`` (the file may have been restored from a backup)."""
    with local.connect() as connection:
        waiting = pending_row_ids(connection, Recording.__tablename__)
        ids = connection.execute(
            select(Recording.id)
            .where(Recording.upload_state.in_([UploadState.LOCAL, UploadState.UPLOADING]))
            .order_by(Recording.id)
        ).scalars()
        todo = [rid for rid in ids if str(rid) not in waiting]
    verified = failed = not_there = sent = 0
    for recording_id in todo:
        state, nbytes = upload_recording(
            local, server, recording_id, chunk_bytes=chunk_bytes, on_chunk=on_chunk
        )
        sent += nbytes
        verified += state is UploadState.VERIFIED
        failed += state is UploadState.FAILED
        not_there += state is UploadState.LOCAL
    return UploadReport(verified, failed, not_there + len(waiting), sent)


def remove_uploaded_files(
    local: Engine, retention_days: int, now: dt.datetime | None = None
) -> list[Path]:
    """Delete local recording files the server verified, once their call is older than
    ``retention_days``; returns the files removed."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=retention_days)
    with local.connect() as connection:
        rows = connection.execute(
            select(Recording.id, Recording.local_path)
            .join(CallAttempt, CallAttempt.id == Recording.attempt_id)
            .where(
                Recording.upload_state == UploadState.VERIFIED,
                Recording.local_path != "",
                CallAttempt.started_at < cutoff,
            )
        ).all()
    removed: list[Path] = []
    for recording_id, local_path in rows:
        path = Path(local_path)
        path.unlink(missing_ok=True)
        with local.begin() as connection:
            connection.execute(
                update(Recording).where(Recording.id == recording_id).values(local_path="")
            )
        removed.append(path)
    if removed:
        log.info("removed %d uploaded recording files past retention", len(removed))
    return removed
