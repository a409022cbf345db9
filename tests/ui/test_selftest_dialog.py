"""Help → Self-test: rows appear as checks finish, in the desk's language, with the slow
checks off the window's thread and the sound checks stepping on it."""

from __future__ import annotations

import math
import struct
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pjsua2 as pj
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from agent_app.config import Settings, load_settings
from agent_app.dialer.sip_stack import AudioDevice, SipStack
from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.selftest.local_checks import DISK, KEYRING
from agent_app.selftest.result import ENGLISH, CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext
from agent_app.selftest.sound_checks import SoundPath, sound_checks
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import Qt
from agent_app.ui.selftest_dialog import SelfTestDialog
from agent_app.ui.selftest_texts import result_text


def _dialog(qtbot: QtBot, checks: list[Check], settings: Settings) -> SelfTestDialog:
    dialog = SelfTestDialog(checks, SelfTestContext(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _finish(qtbot: QtBot, dialog: SelfTestDialog) -> None:
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.run.running, timeout=20_000)


def _row(dialog: SelfTestDialog, label: str) -> tuple[str, str]:
    for row in range(dialog.table.rowCount()):
        item = dialog.table.item(row, 0)
        if item is not None and item.text() == label:
            status, advice = dialog.table.item(row, 1), dialog.table.item(row, 2)
            assert status is not None and advice is not None
            return status.text(), advice.text()
    raise AssertionError(f"no row {label!r}")


def test_a_red_row_is_said_in_chinese(qtbot: QtBot, chinese: None, tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    settings = load_settings({"AGENT_APP_DATA_DIR": str(tmp_path)})
    dialog = _dialog(qtbot, [KEYRING, DISK], settings)
    _finish(qtbot, dialog)
    status, advice = _row(dialog, "系统密钥环")
    assert status == "失败"
    assert advice.startswith("本机没有可用的系统密钥环")
    assert _row(dialog, "磁盘空间")[0] == "正常"
    assert dialog.summary.text() == "1 项检查未通过：请在上班前处理。"
    assert dialog.again_button.isEnabled()


def test_slow_checks_run_off_the_windows_thread(qtbot: QtBot, tmp_path: Path) -> None:
    threads: list[int] = []

    def slow(_context: SelfTestContext) -> CheckResult:
        threads.append(threading.get_ident())
        return CheckResult.of(CheckName.DISK, Status.GREEN, "disk_ok", free_mb=1)

    dialog = _dialog(qtbot, [Check(CheckName.DISK, slow)], Settings(data_dir=tmp_path))
    _finish(qtbot, dialog)
    assert threads and threads[0] != threading.get_ident()
    assert _row(dialog, "Disk space")[0] == "OK"


@pytest.fixture
def null_sound() -> Iterator[SipStack]:
    stack = SipStack.acquire(lambda: None)
    stack.choose_audio(True)
    yield stack
    stack.release(lambda: None)


def _voice(path: Path) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(9000 * math.sin(2 * math.pi * 300 * i / 16000)))
                for i in range(16000 * 4)
            )
        )
    return path


def test_the_microphone_shows_its_level_and_an_unheard_tone_turns_red(
    qtbot: QtBot, chinese: None, null_sound: SipStack, tmp_path: Path
) -> None:
    held: list[Any] = []
    voice = _voice(tmp_path / "voice.wav")

    def capture(_stack: SipStack) -> Any:
        player = pj.AudioMediaPlayer()
        player.createPlayer(str(voice), pj.PJMEDIA_FILE_NO_LOOP)
        held.append(player)
        return player

    def playback(_stack: SipStack) -> Any:
        sink = pj.AudioMediaRecorder()
        sink.createRecorder(str(tmp_path / "speaker.wav"))
        held.append(sink)
        return sink

    devices = [AudioDevice(0, "USB 耳麦", "ALSA", 1, 1)]
    path = SoundPath(devices=lambda _s: devices, capture=capture, playback=playback)
    _headset, microphone, speaker = sound_checks(path)
    dialog = _dialog(qtbot, [microphone, speaker], Settings(data_dir=tmp_path))
    levels: list[int] = []
    dialog.level.valueChanged.connect(levels.append)
    try:
        dialog.start()
        qtbot.waitUntil(lambda: dialog.prompt.text() == "请现在对着耳麦的麦克风说话…")
        qtbot.waitUntil(lambda: dialog.heard_button.isVisible(), timeout=10_000)
        assert dialog.prompt.text() == "耳麦中听到测试音了吗？"
        assert max(levels) > 5
        assert _row(dialog, "麦克风")[0] == "正常"
        qtbot.mouseClick(dialog.not_heard_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.run.running)
    finally:
        dialog.run.stop()
        held.clear()
    status, advice = _row(dialog, "听筒")
    assert status == "失败" and advice.startswith("没有听到测试音")


def test_closing_mid_recording_stops_the_microphone_check(
    qtbot: QtBot, null_sound: SipStack, tmp_path: Path
) -> None:
    held: list[Any] = []
    voice = _voice(tmp_path / "voice.wav")

    def capture(_stack: SipStack) -> Any:
        player = pj.AudioMediaPlayer()
        player.createPlayer(str(voice), pj.PJMEDIA_FILE_NO_LOOP)
        held.append(player)
        return player

    path = SoundPath(devices=lambda _s: [AudioDevice(0, "h", "ALSA", 1, 1)], capture=capture)
    dialog = _dialog(qtbot, [sound_checks(path)[1]], Settings(data_dir=tmp_path))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.level.isVisible())
    before = null_sound.live_objects()
    dialog.close()
    held.clear()
    assert not dialog.run.running
    assert null_sound.live_objects() < before  # the recorder was let go


def test_every_code_has_a_sentence_on_screen_that_reads_like_the_terminals() -> None:
    for code, english in ENGLISH.items():
        names = {part.split("}")[0] for part in english.split("{")[1:]}
        result = CheckResult.of(CheckName.DISK, Status.GREEN, code, **{n: n for n in names})
        assert result_text(result) == result.english()


def test_the_help_menu_offers_the_self_test(qtbot: QtBot, ui_store: Any, tmp_path: Path) -> None:
    from agent_app.ui.desk_session import DeskSession

    settings = load_settings({"AGENT_APP_DATA_DIR": str(tmp_path)}, demo=True)
    session = DeskSession(settings, ui_store)
    agent = StaffAccount(1, "nurse1", "护士1", Role.AGENT, 2, "外科")
    window: MainWindow = session.open_window(agent, None)
    qtbot.addWidget(window)
    try:
        entries = [a for a in window.menus.help.actions() if "Self-test" in a.text()]
        assert len(entries) == 1
        entries[0].trigger()
        dialog = window.findChild(SelfTestDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.close()
    finally:
        window.close()
        if session.bridge is not None:
            session.bridge.stop()
