"""The loudness strip: peaks read from the audio file, markers and play head drawn, a click
turned into a moment of the recording."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from agent_app.ui.qt import Qt
from agent_app.ui.supervisor.waveform import BLOCK_FRAMES, WaveformStrip, loudness_peaks


def test_peaks_follow_the_loudness_across_blocks_and_are_scaled_to_the_loudest(
    tmp_path: Path,
) -> None:
    rate = 8000
    frames = 3 * BLOCK_FRAMES + 123  # several read blocks, the last one short
    audio = np.zeros(frames, dtype="float32")
    audio[frames // 2 :] = 0.25  # silent first half, steady second half
    audio[-10] = -0.5  # one loud sample near the end
    path = tmp_path / "steps.wav"
    sf.write(path, audio, rate, "FLOAT")
    peaks = loudness_peaks(path, bins=10)
    assert len(peaks) == 10
    assert peaks[:5] == (0.0,) * 5
    assert peaks[5:9] == (0.5,) * 4
    assert peaks[9] == 1.0


def test_a_silent_or_empty_file_gives_a_flat_strip(tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(800, dtype="float32"), 8000, "PCM_16")
    assert loudness_peaks(silent, bins=4) == (0.0, 0.0, 0.0, 0.0)
    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros(0, dtype="float32"), 8000, "PCM_16")
    assert loudness_peaks(empty) == ()


def test_a_click_on_the_strip_asks_for_that_moment(qtbot: QtBot) -> None:
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    strip.resize(400, 60)
    strip.show()
    strip.set_peaks((0.2, 1.0, 0.4, 0.0))
    strip.set_markers([1000, 3000])
    strip.set_duration(10_000)
    strip.set_position(2500)
    strip.grab()  # paints peaks, markers and play head without complaint
    with qtbot.waitSignal(strip.sig_seek) as seek:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(100, 30))
    assert seek.args == [2500]
    strip.clear()
    with qtbot.assertNotEmitted(strip.sig_seek):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(100, 30))
