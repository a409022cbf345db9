"""The recording player, offscreen with the real QtMultimedia backend: playback advances, the
speed applies, answer markers seek, every opening is audited first, and a recording that is
not on this computer is explained in a plain sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.store.repositories.audit import audit_entries
from agent_app.ui.qt import Qt
from agent_app.ui.qt_media import QMediaDevices, QMediaPlayer
from agent_app.ui.supervisor.recording_player import RecordingPlayer
from agent_app.ui.supervisor.recordings_fetch import OpenedRecording
from tests.ui.supervisor.recorded_calls import QUALITY, RecordedCalls, account, local_store

PLAYING = QMediaPlayer.PlaybackState.PlayingState


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path_factory.mktemp("recorded"))
    yield engine, calls
    engine.dispose()


def _player(qtbot: QtBot, engine: Engine, cache: Path) -> RecordingPlayer:
    player = RecordingPlayer(engine, account(engine, QUALITY), cache_dir=cache)
    qtbot.addWidget(player)
    player.resize(600, 400)
    player.show()
    return player


def _audited(engine: Engine, calls: RecordedCalls, key: str) -> list[str]:
    entries = audit_entries(engine, object_type="recording", object_id=str(calls.recording(key)))
    return sorted(entry.action for entry in entries if entry.staff_id == QUALITY)


def _open(qtbot: QtBot, player: RecordingPlayer, calls: RecordedCalls, key: str) -> None:
    with qtbot.waitSignal(player.sig_opened, timeout=5000):
        player.open(calls.recording(key))
    qtbot.waitUntil(lambda: player.player.playbackState() == PLAYING, timeout=5000)
    # Also once the media threads have started, so none is still setting up as the test ends.
    qtbot.waitUntil(lambda: player.player.position() > 0, timeout=5000)


def test_playback_advances_and_a_speed_change_applies(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    _open(qtbot, player, calls, "a6")  # 7 s
    qtbot.waitUntil(lambda: player.player.position() > 300, timeout=5000)
    assert player.bar.slider.maximum() == 7000
    qtbot.waitUntil(lambda: player.bar.slider.value() > 0, timeout=2000)
    assert player.bar.time_label.text().endswith("/ 0:07")
    player.set_speed(2.0)
    assert player.player.playbackRate() == 2.0
    assert player.bar.speed.currentText() == "2×"
    before = player.player.position()
    qtbot.waitUntil(lambda: player.player.position() > before + 200, timeout=3000)
    # The loudness strip is read from the file: the tone swells and fades, so it is not flat.
    qtbot.waitUntil(lambda: len(player.waveform.peaks) == 600, timeout=5000)
    assert max(player.waveform.peaks) == 1.0 and min(player.waveform.peaks) < 0.5
    # This machine may have no sound device: then the player says so and plays on silently.
    no_device = QMediaDevices.defaultAudioOutput().isNull()
    assert (player.bar.sound_note.text() != "") == no_device
    assert (player.player.audioOutput() is None) == no_device


def test_space_pauses_and_resumes_and_closing_the_window_pauses(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    _open(qtbot, player, calls, "a5")
    with qtbot.waitActive(player):
        player.activateWindow()
    qtbot.keyClick(player.bar.speed, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.player.playbackState() != PLAYING, timeout=2000)
    assert player.bar.play_button.text() == "Play"
    qtbot.keyClick(player.bar.slider, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.player.playbackState() == PLAYING, timeout=2000)
    assert player.bar.play_button.text() == "Pause"
    player.hide()  # its window closed: the call must not go on playing to the room
    qtbot.waitUntil(lambda: player.player.playbackState() != PLAYING, timeout=2000)


def test_opening_writes_the_play_audit_row_before_the_audio_is_loaded(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    seen: list[list[str]] = []
    # sig_opened comes before the player is given the file.
    player.sig_opened.connect(lambda _opened: seen.append(_audited(engine, calls, "a4")))
    assert _audited(engine, calls, "a4") == []
    _open(qtbot, player, calls, "a4")
    assert seen == [["play"]]
    assert _audited(engine, calls, "a4") == ["play"]


def test_choosing_a_recording_writes_nothing_until_it_is_played(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    from tests.ui.supervisor.test_recordings_browser import _browser  # the same table rows

    browser = _browser(qtbot, engine, QUALITY)
    row = next(
        r
        for r in (browser.model.row_at(n) for n in range(browser.model.rowCount()))
        if r is not None and r.recording_id == calls.recording("a3")
    )
    player.show_recording(row)
    assert "患者3" in player.title.text()
    assert _audited(engine, calls, "a3") == []
    with qtbot.waitSignal(player.sig_opened, timeout=5000):
        player.toggle()  # Space on a chosen recording opens it
    assert _audited(engine, calls, "a3") == ["play"]
    qtbot.waitUntil(lambda: player.player.position() > 0, timeout=5000)


def test_clicking_an_answer_marker_seeks_to_that_moment(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    with qtbot.waitSignal(player.sig_opened, timeout=5000) as opened:
        player.open(calls.recording("marked"))  # 16 s; answers at 1, 3 and 6 s
    result: OpenedRecording = opened.args[0]
    assert [m.question_id for m in result.markers] == [
        "identity_confirmed",
        "general_condition",
        "satisfaction",
    ]
    texts = [player.markers.item(n).text() for n in range(player.markers.count())]
    assert texts[0].startswith("0:01") and texts[2].startswith("0:06")
    assert player.waveform.markers_ms == [1000, 3000, 6000]
    qtbot.waitUntil(lambda: player.player.playbackState() == PLAYING, timeout=5000)

    item = player.markers.item(2)
    rect = player.markers.visualItemRect(item)
    qtbot.mouseClick(player.markers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: 6000 <= player.player.position() < 8000, timeout=3000)
    assert player.player.playbackState() == PLAYING

    # A click on the loudness strip seeks too: three quarters of the way is 12 s.
    strip = player.waveform
    point = QPoint(int(strip.width() * 0.75), strip.height() // 2)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: 11_500 <= player.player.position() < 14_000, timeout=3000)


def test_a_recording_not_on_this_computer_without_a_server_is_explained(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    player = _player(qtbot, engine, tmp_path)
    with qtbot.waitSignal(player.sig_failed, timeout=5000) as failed:
        player.open(calls.recording("gone"))
    assert failed.args[0] == (
        "This recording is not on this computer, and the desk is not connected to the "
        "central server to fetch it."
    )
    assert player.status.text() == failed.args[0]
    assert player.opened is None
    assert player.player.source().isEmpty()
    assert not player.busy.isVisible()
