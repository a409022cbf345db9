"""The call bar drives any Phone; here the simulated line, through the real Qt event loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import soundfile as sf
from pytestqt.qtbot import QtBot

from agent_app.dialer.events import EndReason
from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.store.recording_crypto import is_encrypted, open_recording
from agent_app.ui.call_bar import CallBar
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import Qt

ANSWERS, BUSY = "13800000001", "13800000002"


@pytest.fixture
def call_bar(qtbot: QtBot, tmp_path: Path) -> Iterator[CallBar]:
    phone = FakePhone(
        ring_seconds=(0.3, 0.3),
        voice_cache=tmp_path / "voices",
        outcomes={ANSWERS: FakeOutcome.ANSWER, BUSY: FakeOutcome.BUSY},
    )
    bridge = PhoneBridge(phone)
    bar = CallBar(bridge, tmp_path / "recordings")
    qtbot.addWidget(bar)
    bar.show()
    yield bar
    bridge.stop()


def test_dial_answer_record_hang_up_and_compress(qtbot: QtBot, call_bar: CallBar) -> None:
    call_bar.number_edit.setText(ANSWERS)
    with qtbot.waitSignal(call_bar.sig_call_started, timeout=2000):
        qtbot.mouseClick(call_bar.dial_button, Qt.MouseButton.LeftButton)
    assert not call_bar.dial_button.isEnabled() and call_bar.hangup_button.isEnabled()
    qtbot.waitUntil(lambda: call_bar.state_label.text() == "Connected", timeout=5000)
    qtbot.waitUntil(lambda: call_bar.record_label.text() == "● Recording", timeout=2000)
    assert call_bar.hold_button.isEnabled() and call_bar.pause_button.isEnabled()
    qtbot.wait(1200)
    with qtbot.waitSignal(call_bar.sig_call_ended, timeout=2000) as ended:
        qtbot.mouseClick(call_bar.hangup_button, Qt.MouseButton.LeftButton)
    assert ended.args[0].reason is EndReason.LOCAL_HANGUP
    assert call_bar.state_label.text() == "You ended the call."
    with qtbot.waitSignal(call_bar.sig_recording_finished, timeout=20_000) as finished:
        pass
    call_id, recording = finished.args
    assert call_id == ended.args[0].call_id
    assert recording.path.suffix == ".opus" and recording.path.exists()
    assert 1000 <= recording.duration_ms <= 4000
    assert not recording.path.with_suffix(".wav").exists()
    assert is_encrypted(recording.path)  # no plaintext Opus left on disk
    with open_recording(recording.path) as plain:
        audio, rate = sf.read(plain)
    assert len(audio) / rate == pytest.approx(recording.duration_ms / 1000, abs=0.05)
    assert call_bar.dial_button.isEnabled() and call_bar.record_label.text() == ""


def test_busy_number_says_so_and_records_nothing(qtbot: QtBot, call_bar: CallBar) -> None:
    with qtbot.waitSignal(call_bar.sig_call_ended, timeout=5000) as ended:
        call_bar.dial(BUSY)
    assert ended.args[0].reason is EndReason.BUSY
    assert call_bar.state_label.text() == "The line was busy."
    assert not (call_bar.recordings_dir.exists() and any(call_bar.recordings_dir.rglob("*")))


def test_empty_number_and_second_call_are_refused_in_plain_words(
    qtbot: QtBot, call_bar: CallBar
) -> None:
    with qtbot.waitSignal(call_bar.sig_error) as error:
        call_bar.dial("")
    assert error.args == ["Type a number to call."]
    call_bar.dial(ANSWERS)
    with qtbot.waitSignal(call_bar.sig_error) as error:
        call_bar.dial(BUSY)
    assert error.args == ["Finish the current call first."]
