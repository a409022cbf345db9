"""A desk with a messaging route set runs one sender per sign-in, as the signed-in agent,
and its status bar says whether text messages are going out."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from agent_app.config import Settings, SmsHttpSettings, SmsRoute, SmsSettings
from agent_app.store.engine import open_local_store
from agent_app.ui.desk_session import DeskSession
from agent_app.ui.qt import QMainWindow
from agent_app.ui.sms_status import SmsStatusLabel
from tests.screenpop.known_hospital import build_known_hospital
from tests.sms.fake_gsm_modem import FakeGsmModem


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def test_each_sign_in_gets_its_own_sender_on_the_modem(qtbot: QtBot, tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    hospital = build_known_hospital(engine)
    fake = FakeGsmModem(tmp_path / "ttyGsm")
    settings = dataclasses.replace(Settings(), sms=SmsSettings(port=str(fake.link)))
    session = DeskSession(settings, engine)
    try:
        window = _window(qtbot)
        session._start_sms(hospital.cardiology_nurse, window)
        first = session._sms
        assert first is not None and first.staff_id == hospital.cardiology_nurse.id
        deadline = time.monotonic() + 10
        while first.state != "ready":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert fake.settings["CMGF"] == "0"
        label = window.findChild(SmsStatusLabel)
        qtbot.waitUntil(lambda: label.text() == "SMS: ready", timeout=5000)
        session._start_sms(hospital.ortho_nurse, _window(qtbot))
        assert first.state == "stopped"
        assert session._sms is not None and session._sms.staff_id == hospital.ortho_nurse.id
    finally:
        if session._sms is not None:
            session._sms.stop()
        fake.stop()
        engine.dispose()


def test_no_port_no_sender(qtbot: QtBot, tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    session = DeskSession(Settings(), engine)
    window = _window(qtbot)
    session._start_sms(build_known_hospital(engine).cardiology_nurse, window)
    assert session._sms is None
    assert window.findChild(SmsStatusLabel) is None  # no route, nothing to say
    engine.dispose()


def test_the_http_route_runs_a_sender_without_a_modem_port(
    qtbot: QtBot, tmp_path: Path, chinese: None
) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    http = SmsHttpSettings(url="http://127.0.0.1:9/send", account="suifang-01")
    settings = dataclasses.replace(Settings(), sms=SmsSettings(route=SmsRoute.HTTP, http=http))
    session = DeskSession(settings, engine)
    try:
        window = _window(qtbot)
        session._start_sms(build_known_hospital(engine).cardiology_nurse, window)
        assert session._sms is not None and session._sms.settings.route is SmsRoute.HTTP
        label = window.findChild(SmsStatusLabel)  # no signing key in the keyring: said so
        qtbot.waitUntil(lambda: label.text().startswith("短信：未在发送"), timeout=10000)
        assert "签名密钥" in label.text()
    finally:
        if session._sms is not None:
            session._sms.stop()
        engine.dispose()
