"""A recording no longer on this computer is fetched from the central PostgreSQL (audited as a
download, then played from the cache); one the server cannot give is explained."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.store.engine import create_server_engine
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.recording_crypto import is_encrypted, plain_chunks
from agent_app.store.repositories.audit import audit_entries
from agent_app.ui.qt_media import QMediaPlayer
from agent_app.ui.supervisor.recording_player import RecordingPlayer
from agent_app.ui.supervisor.recordings_fetch import OpenedRecording
from tests.ui.supervisor.recorded_calls import (
    QUALITY,
    RecordedCalls,
    account,
    build,
    local_store,
    serve_recording,
    write_wav,
)


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> Iterator[Engine]:
    engine = create_server_engine(pg_url)
    upgrade_to_head(engine)
    build(engine, tmp_path / "server-side")
    yield engine
    engine.dispose()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path / "desk")
    yield engine, calls
    engine.dispose()


def _player(qtbot: QtBot, engine: Engine, server: Engine, cache: Path) -> RecordingPlayer:
    player = RecordingPlayer(engine, account(engine, QUALITY), server=server, cache_dir=cache)
    qtbot.addWidget(player)
    player.show()
    return player


def test_a_recording_only_on_the_server_is_downloaded_audited_and_played(
    qtbot: QtBot, server: Engine, desk: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = desk
    data = write_wav(tmp_path / "uploaded.wav", 20).read_bytes()
    serve_recording(server, calls.recording("gone"), data)
    cache = tmp_path / "cache"
    player = _player(qtbot, engine, server, cache)
    with qtbot.waitSignal(player.sig_opened, timeout=10_000) as opened:
        player.open(calls.recording("gone"))
    result: OpenedRecording = opened.args[0]
    assert result.downloaded
    (cached,) = cache.iterdir()  # the cache holds it encrypted; the player gets a 0600 copy
    assert is_encrypted(cached) and b"".join(plain_chunks(cached)) == data
    assert result.path.read_bytes() == data and result.path.stat().st_mode & 0o077 == 0
    assert player.status.text() == "Fetched from the central server."
    entries = audit_entries(engine, object_type="recording", object_id=str(calls.recording("gone")))
    assert sorted((e.action, e.staff_id) for e in entries) == [
        ("download", QUALITY),
        ("play", QUALITY),
    ]
    qtbot.waitUntil(lambda: player.player.position() > 300, timeout=5000)
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    # Played again, it comes from the cache: audited as played, not downloaded again.
    with qtbot.waitSignal(player.sig_opened, timeout=5000) as again:
        player.open(calls.recording("gone"))
    assert not again.args[0].downloaded
    entries = audit_entries(engine, object_type="recording", object_id=str(calls.recording("gone")))
    assert sorted(e.action for e in entries) == ["download", "play", "play"]


def test_a_recording_the_server_has_not_received_yet_is_explained(
    qtbot: QtBot, server: Engine, desk: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = desk
    calls.files["a2"].unlink()  # its file is gone from this computer, and never uploaded
    player = _player(qtbot, engine, server, tmp_path / "cache")
    with qtbot.waitSignal(player.sig_failed, timeout=10_000) as failed:
        player.open(calls.recording("a2"))
    assert failed.args[0] == (
        "The recording could not be fetched from the central server: This recording has not "
        "been uploaded completely yet; try again later."
    )
    assert player.opened is None
    assert not (tmp_path / "cache" / f"{calls.recording('a2')}.wav").exists()
