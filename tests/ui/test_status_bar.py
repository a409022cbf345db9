"""The status bar: a temporary message is never painted over the signed-in user's name."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.main_window import MainWindow


def test_the_user_label_steps_aside_while_a_message_shows(qtbot: QtBot, ui_store: Engine) -> None:
    account = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    window = MainWindow(ui_store, account, "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.show()
    assert window.user_label.isVisible()
    window.statusBar().showMessage("The holiday data ends on 2026-12-31.")
    assert not window.user_label.isVisible()
    window.statusBar().clearMessage()
    assert window.user_label.isVisible()
