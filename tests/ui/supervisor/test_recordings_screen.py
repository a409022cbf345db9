"""The recordings screen end to end: choose a call, play it with Enter, pause with Space,
score it; the list then counts the review and keeps the call selected."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.store.repositories.audit import audit_entries
from agent_app.ui.qt import Qt
from agent_app.ui.qt_media import QMediaPlayer
from agent_app.ui.supervisor.recordings_screen import RecordingsScreen
from tests.ui.supervisor.recorded_calls import QUALITY, RecordedCalls, account, local_store

PLAYING = QMediaPlayer.PlaybackState.PlayingState


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path)
    yield engine, calls
    engine.dispose()


def test_choose_play_pause_and_score_a_call(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], tmp_path: Path
) -> None:
    engine, calls = store
    screen = RecordingsScreen(engine, account(engine, QUALITY), cache_dir=tmp_path / "cache")
    qtbot.addWidget(screen)
    screen.show()
    browser, player, form = screen.browser, screen.player, screen.form
    model = browser.model
    qtbot.waitUntil(lambda: model.rowCount() == 16 and model.row_at(15) is not None, timeout=5000)
    row = next(n for n in range(16) if model.row_at(n).recording_id == calls.recording("marked"))  # type: ignore[union-attr]

    browser.select_row(row)
    assert "护士甲" in form.heading.text() and "患者1" in form.heading.text()
    assert "患者1 (MRN0001)" in player.title.text()
    assert audit_entries(engine, object_type="recording") == []  # choosing is not playing

    with qtbot.waitActive(screen):
        screen.activateWindow()
    browser.table.setFocus()
    with qtbot.waitSignal(player.sig_opened, timeout=5000):
        qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: player.player.playbackState() == PLAYING, timeout=5000)
    qtbot.waitUntil(lambda: player.player.position() > 0, timeout=5000)
    assert [e.action for e in audit_entries(engine, object_type="recording")] == ["play"]
    qtbot.keyClick(browser.table, Qt.Key.Key_Space)  # Space works from the list too
    qtbot.waitUntil(lambda: player.player.playbackState() != PLAYING, timeout=2000)

    for box, score in zip(form.scores, [9, 9, 18, 12, 18, 20], strict=True):
        box.setValue(score)
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save_button.click()
    # The list is read again: the call now counts one review and stays selected, and the
    # player keeps the recording it has open.
    qtbot.waitUntil(lambda: model.index(row, 8).data() == "1", timeout=5000)
    qtbot.waitUntil(lambda: browser.current_row() is not None, timeout=5000)
    assert browser.current_row().recording_id == calls.recording("marked")  # type: ignore[union-attr]
    assert player.opened is not None
    assert player.opened.media.recording_id == calls.recording("marked")
    qtbot.waitUntil(
        lambda: (
            form.reviews.topLevelItemCount() == 1
            and "质控丙" in form.reviews.topLevelItem(0).text(1)
        )
    )
