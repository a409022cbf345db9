"""The call bar drives any Phone; here the simulated line, through the real Qt event loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import soundfile as sf
from pytestqt.qtbot import QtBot

from agent_app.dialer.dial_plan import DialPlan
from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.domain.enums import EndReason
from agent_app.store.recording_crypto import is_encrypted, open_recording
from agent_app.ui.call_bar import CallBar
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QApplication, Qt
from agent_app.ui.translations import install_translations, remove_translations

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


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "138abc12",
            '"138abc12" is not a phone number: use digits only (spaces, dashes and brackets may '
            "separate them, and a + may start it). Nothing was dialled.",
        ),
        (
            "12345",
            "12345 is not a valid phone number for this desk's region (CN) nor an internal "
            "extension. Nothing was dialled.",
        ),
    ],
)
def test_a_string_that_is_no_number_gets_one_sentence_and_no_call(
    qtbot: QtBot, call_bar: CallBar, typed: str, said: str
) -> None:
    call_bar.number_edit.setText(typed)
    with (
        qtbot.assertNotEmitted(call_bar.sig_call_started, wait=300),
        qtbot.waitSignal(call_bar.sig_error) as error,
    ):
        qtbot.mouseClick(call_bar.dial_button, Qt.MouseButton.LeftButton)
    assert error.args == [said]
    assert call_bar.call_id == "" and call_bar.dial_button.isEnabled()
    assert call_bar.phone.pump() == 0  # the line heard of no call at all


def test_the_refusal_is_said_in_chinese_on_a_chinese_desk(
    qtbot: QtBot, call_bar: CallBar, qapp: QApplication
) -> None:
    try:
        assert install_translations(qapp, "zh_CN") == "zh_CN"
        with qtbot.waitSignal(call_bar.sig_error) as error:
            call_bar.dial("12345")
    finally:
        remove_translations(qapp)
    assert error.args == ["12345 不是本台所在地区（CN）的有效电话号码，也不是内部分机号。未拨号。"]


def test_extensions_are_dialled_when_the_desk_allows_them(qtbot: QtBot, tmp_path: Path) -> None:
    bridge = PhoneBridge(FakePhone(voice_cache=tmp_path / "voices"))
    bar = CallBar(bridge, tmp_path / "rec", dial_plan=DialPlan(extension_pattern="8[0-9]{3}"))
    qtbot.addWidget(bar)
    try:
        with qtbot.waitSignal(bar.sig_call_started) as started:
            bar.dial("8123")
        assert started.args[1] == "8123"
    finally:
        bridge.stop()
