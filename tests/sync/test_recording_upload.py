"""Recording upload: chunked, resumable across a cut line, verified by sha256 on the server."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text, update

from agent_app.domain.enums import UploadState
from agent_app.store.recording_crypto import is_encrypted, plain_chunks
from agent_app.store.schema import Recording
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.recording_stream import (
    RecordingUnavailableError,
    download_recording,
    recording_chunks,
)
from agent_app.sync.upload import remove_uploaded_files, upload_pending, upload_recording
from tests.sync.desk_actions import RecordedCall, save_recorded_call
from tests.sync.tcp_proxy import TcpProxy

Connect = Callable[..., Engine]


def plain_bytes(path: Path) -> bytes:
    """A recording's plaintext (the file on disk is encrypted)."""
    return b"".join(plain_chunks(path))


def _first_task(engine: Engine, staff_id: int, department_id: int) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT min(id) FROM followup_task WHERE department_id = :d AND"
                    " (assigned_staff_id = :s OR assigned_staff_id IS NULL)"
                ),
                {"s": staff_id, "d": department_id},
            ).scalar_one()
        )


def _recorded(local: Engine, desk: Engine, staff_id: int, dept: int, folder: Path) -> RecordedCall:
    pull_changes(local, desk)
    return save_recorded_call(local, _first_task(local, staff_id, dept), staff_id, folder)


def _local_state(local: Engine, call: RecordedCall) -> tuple[UploadState, str]:
    with local.connect() as connection:
        row = connection.execute(
            select(Recording.upload_state, Recording.local_path).where(
                Recording.id == call.recording_id
            )
        ).one()
    return row[0], row[1]


def _server_bytes(server: Engine, call: RecordedCall) -> tuple[int, str]:
    with server.connect() as connection:
        count, digest = connection.execute(
            text(
                "SELECT count(*), encode(sha256(COALESCE(string_agg(data, ''::bytea ORDER BY"
                " byte_offset), ''::bytea)), 'hex') FROM recording_chunk WHERE recording_id = :r"
            ),
            {"r": call.recording_id},
        ).one()
    return int(count), str(digest)


def test_recording_waits_for_its_row_then_uploads_verified_and_is_kept_until_retention(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse1 = as_staff("nurse1")
    call = _recorded(local, nurse1, 1, 2, tmp_path)
    assert upload_pending(local, nurse1).waiting == 1  # its row is still in the outbox
    push_pending(local, nurse1)
    report = upload_pending(local, nurse1, chunk_bytes=8192)
    assert (report.verified, report.failed, report.bytes_sent) == (1, 0, call.size)
    chunks, digest = _server_bytes(server, call)
    assert chunks == -(-call.size // 8192)
    assert digest == hashlib.sha256(plain_bytes(call.path)).hexdigest()
    assert _local_state(local, call) == (UploadState.VERIFIED, str(call.path))
    assert upload_pending(local, nurse1).verified == 0  # nothing left to send
    assert remove_uploaded_files(local, 30) == []
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert remove_uploaded_files(local, 30, later) == [call.path]
    assert not call.path.exists()
    assert _local_state(local, call) == (UploadState.VERIFIED, "")


def test_upload_cut_midway_resumes_after_the_last_chunk_the_server_stored(
    server: Engine, server_via_line: Engine, line: TcpProxy, as_staff: Connect,
    local: Engine, tmp_path: Path,
) -> None:  # fmt: skip
    desk = as_staff("nurse1", via=server_via_line.url)
    call = _recorded(local, desk, 1, 2, tmp_path)
    push_pending(local, desk)
    seen: list[int] = []

    def cut_after_three(_: object, stored: int, size: int) -> None:
        seen.append(stored)
        if len(seen) == 3:
            line.cut()

    with pytest.raises(SyncOfflineError):
        upload_recording(local, desk, call.recording_id, chunk_bytes=4096, on_chunk=cut_after_three)
    assert _server_bytes(server, call)[0] == 3
    assert _local_state(local, call)[0] is UploadState.UPLOADING
    line.restore()
    state, sent = upload_recording(local, desk, call.recording_id, chunk_bytes=4096)
    assert state is UploadState.VERIFIED
    assert sent == call.size - 3 * 4096  # resumed, not restarted
    assert _server_bytes(server, call)[1] == hashlib.sha256(plain_bytes(call.path)).hexdigest()


def test_a_file_that_changed_since_recording_is_never_sent_nor_removed(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse1 = as_staff("nurse1")
    call = _recorded(local, nurse1, 1, 2, tmp_path)
    push_pending(local, nurse1)
    with open(call.path, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\0\0\0\0")
    assert upload_pending(local, nurse1).failed == 1
    assert _server_bytes(server, call)[0] == 0
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=365)
    assert remove_uploaded_files(local, 30, later) == [] and call.path.exists()


def test_server_refuses_bytes_that_do_not_match_the_recorded_checksum(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse1 = as_staff("nurse1")
    call = _recorded(local, nurse1, 1, 2, tmp_path)
    push_pending(local, nurse1)
    with server.begin() as connection:  # the row the server holds says otherwise
        connection.execute(
            update(Recording).where(Recording.id == call.recording_id).values(sha256="0" * 64)
        )
    state, _ = upload_recording(local, nurse1, call.recording_id, chunk_bytes=8192)
    assert state is UploadState.FAILED
    assert _server_bytes(server, call)[0] == 0  # the bad bytes were dropped
    with server.connect() as connection:
        assert (
            connection.execute(
                select(Recording.upload_state).where(Recording.id == call.recording_id)
            ).scalar_one()
            is UploadState.FAILED
        )


def test_department_supervisor_streams_a_recording_and_other_departments_cannot(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse2 = as_staff("nurse2")  # department 1
    call = _recorded(local, nurse2, 2, 1, tmp_path)
    push_pending(local, nurse2)
    with pytest.raises(RecordingUnavailableError, match="not been uploaded completely"):
        next(recording_chunks(as_staff("nurse4"), call.recording_id))
    upload_pending(local, nurse2, chunk_bytes=8192)
    copy = download_recording(as_staff("nurse4"), call.recording_id, tmp_path / "heard.opus")
    assert is_encrypted(copy) and plain_bytes(copy) == plain_bytes(call.path)
    assert b"".join(recording_chunks(as_staff("nurse5"), call.recording_id)) == (
        plain_bytes(call.path)
    )
    for outsider in ("nurse1", "nurse6"):  # an agent of department 2, the admin
        with pytest.raises(RecordingUnavailableError, match="may not listen"):
            download_recording(as_staff(outsider), call.recording_id, tmp_path / "no.opus")
        with as_staff(outsider).connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM recording_chunk")).scalar() == 0
    assert not (tmp_path / "no.opus").exists()
