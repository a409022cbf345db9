"""A recording this desk encrypted under a key the keyring has since lost is not played from
the unreadable local file: it is fetched from the central server, or the failure is said."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.store.engine import create_server_engine
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.recording_crypto import RecordingDecryptError, encrypt_in_place
from agent_app.ui.supervisor.recordings_fetch import fetch_recording
from tests.ui.supervisor.recorded_calls import (
    QUALITY,
    RecordedCalls,
    build,
    local_store,
    serve_recording,
)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path / "desk")
    yield engine, calls
    engine.dispose()


def _lost_key_recording(calls: RecordedCalls) -> tuple[str, bytes]:
    key, path = next(iter(calls.files.items()))
    data = path.read_bytes()
    encrypt_in_place(path, key=os.urandom(32))  # as if made under a key since lost
    return key, data


def test_a_recording_under_a_lost_key_is_fetched_from_the_server(
    desk: tuple[Engine, RecordedCalls], pg_url: str, tmp_path: Path
) -> None:
    engine, calls = desk
    server = create_server_engine(pg_url)
    upgrade_to_head(server)
    build(server, tmp_path / "server-side")
    key, data = _lost_key_recording(calls)
    serve_recording(server, calls.recording(key), data)
    opened = fetch_recording(
        engine, QUALITY, calls.recording(key), server=server, cache_dir=tmp_path / "cache"
    )
    assert opened.downloaded and opened.path.read_bytes() == data
    server.dispose()


def test_a_recording_under_a_lost_key_without_a_server_is_refused_plainly(
    desk: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = desk
    key, _ = _lost_key_recording(calls)
    with pytest.raises(RecordingDecryptError, match="recordings key"):
        fetch_recording(engine, QUALITY, calls.recording(key), cache_dir=tmp_path / "cache")
