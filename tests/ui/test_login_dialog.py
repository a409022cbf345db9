"""Signing in: password checked against the store, remember-me kept in the keyring only."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.config import SignInSettings
from agent_app.credentials import KEYRING_SERVICE
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QDialog
from tests.keyring_memory import MemoryKeyring

# The module shares one store: no wait after a wrong password, so tests do not wait on others.
NO_WAIT = SignInSettings(first_delay_seconds=0)


def _dialog(
    qtbot: QtBot, engine: Engine, last: str = "", *, typed_only: bool = False
) -> LoginDialog:
    dialog = LoginDialog(engine, list_accounts(engine), last, typed_only=typed_only, rules=NO_WAIT)
    qtbot.addWidget(dialog)
    return dialog


def test_every_active_account_is_offered(qtbot: QtBot, ui_store: Engine) -> None:
    dialog = _dialog(qtbot, ui_store)
    offered = {dialog.user_box.itemData(i) for i in range(dialog.user_box.count())}
    assert offered == {a.username for a in list_accounts(ui_store)}


def test_wrong_password_is_refused_in_plain_words(qtbot: QtBot, ui_store: Engine) -> None:
    dialog = _dialog(qtbot, ui_store)
    dialog.password_edit.setText("not-the-password")
    dialog.try_sign_in()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    assert dialog.error_label.text() == "Unknown user or wrong password."
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.account is None


def test_remember_me_keeps_the_password_in_the_keyring_and_refills_it(
    qtbot: QtBot, ui_store: Engine, memory_keyring: MemoryKeyring, isolated_settings: Path
) -> None:
    dialog = _dialog(qtbot, ui_store)
    username = dialog.username
    dialog.password_edit.setText("demo")
    dialog.remember_box.setChecked(True)
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000) as signed:
        dialog.try_sign_in()
    assert signed.args[0].username == username
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert memory_keyring.secrets == {(KEYRING_SERVICE, username): "demo"}
    # Nothing of the password lands in the settings or data folders.
    for path in isolated_settings.rglob("*"):
        if path.is_file():
            assert b"demo" not in path.read_bytes()

    again = _dialog(qtbot, ui_store, last=username)
    assert again.username == username
    assert again.password_edit.text() == "demo" and again.remember_box.isChecked()


def test_signing_in_without_remember_me_forgets_a_saved_password(
    qtbot: QtBot, ui_store: Engine, memory_keyring: MemoryKeyring
) -> None:
    username = list_accounts(ui_store)[0].username
    memory_keyring.set_password(KEYRING_SERVICE, username, "demo")
    dialog = _dialog(qtbot, ui_store, last=username)
    assert dialog.remember_box.isChecked()
    dialog.remember_box.setChecked(False)
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000):
        dialog.try_sign_in()
    assert memory_keyring.secrets == {}


def test_empty_password_asks_for_one(qtbot: QtBot, ui_store: Engine) -> None:
    dialog = _dialog(qtbot, ui_store)
    dialog.password_edit.clear()
    dialog.try_sign_in()
    assert dialog.error_label.text() == "Type your password."


def test_switching_user_never_fills_in_a_remembered_password(
    qtbot: QtBot, ui_store: Engine, memory_keyring: MemoryKeyring
) -> None:
    username = list_accounts(ui_store)[0].username
    memory_keyring.set_password(KEYRING_SERVICE, username, "demo")
    dialog = _dialog(qtbot, ui_store, last=username, typed_only=True)
    dialog.show()
    assert dialog.username == username
    assert dialog.password_edit.text() == "" and not dialog.remember_box.isVisible()
    dialog.user_box.setCurrentIndex(1)
    dialog.user_box.setCurrentIndex(0)  # choosing the account again fills nothing either
    assert dialog.password_edit.text() == ""
    dialog.try_sign_in()
    assert dialog.error_label.text() == "Type your password."
    dialog.password_edit.setText("demo")  # typed: accepted, and the keyring entry stays
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000):
        dialog.try_sign_in()
    assert memory_keyring.secrets == {(KEYRING_SERVICE, username): "demo"}
