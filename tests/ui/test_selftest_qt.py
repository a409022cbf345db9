"""The self-test's Qt checks, in this process's QApplication (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agent_app.config import load_settings
from agent_app.selftest.result import Status
from agent_app.selftest.runner import SelfTestContext
from agent_app.selftest.store_check import check_store
from agent_app.ui import selftest_qt
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication
from agent_app.ui.translations import compiled_catalog


def test_translations_platform_and_multimedia_load(qtbot: QtBot) -> None:
    context = SelfTestContext(load_settings({}))
    assert selftest_qt.check_translations(context).status is Status.GREEN
    platform = selftest_qt.check_platform(context)
    assert (platform.status, platform.params["platform"]) == (Status.GREEN, "offscreen")
    assert selftest_qt.check_multimedia(context).status is Status.GREEN


def test_missing_catalogs_are_red(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(
        selftest_qt, "compiled_catalog", lambda language: compiled_catalog(language, tmp_path)
    )
    result = selftest_qt.check_translations(SelfTestContext(load_settings({})))
    assert (result.status, result.code) == (Status.RED, "translations_missing")
    assert result.params["language"] == "zh_CN"


def test_the_sign_in_screen_is_shown_and_closed(qtbot: QtBot, tmp_path: Path) -> None:
    settings = load_settings({"AGENT_APP_DATA_DIR": str(tmp_path)}, demo=True)
    context = SelfTestContext(settings)
    shown: list[bool] = []
    original = LoginDialog.showEvent

    def spy(dialog: LoginDialog, event: object) -> None:
        shown.append(True)
        original(dialog, event)  # type: ignore[arg-type]

    try:
        assert check_store(context).status is Status.GREEN
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(LoginDialog, "showEvent", spy)
            result = selftest_qt.check_sign_in(context)
    finally:
        context.close()
    assert result.status is Status.GREEN and shown == [True]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)
                and w.isVisible()]  # fmt: skip


def test_without_a_store_the_sign_in_is_not_tried() -> None:
    result = selftest_qt.check_sign_in(SelfTestContext(load_settings({})))
    assert (result.status, result.code) == (Status.AMBER, "sign_in_no_store")
