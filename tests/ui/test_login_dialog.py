"""Signing in: password checked against the store, remember-me kept in the keyring only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine

from agent_app.config import SignInSettings
from agent_app.credentials import KEYRING_SERVICE
from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.last_account import last_account_path
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QDialog, Qt
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
    assert set(dialog.user_picker.shown()) == {a.username for a in list_accounts(ui_store)}


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
    dialog.user_picker.choose(list_accounts(ui_store)[1].username)
    dialog.user_picker.choose(username)  # choosing the account again fills nothing either
    assert dialog.password_edit.text() == ""
    dialog.try_sign_in()
    assert dialog.error_label.text() == "Type your password."
    dialog.password_edit.setText("demo")  # typed: accepted, and the keyring entry stays
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000):
        dialog.try_sign_in()
    assert memory_keyring.secrets == {(KEYRING_SERVICE, username): "demo"}


def _hospital(count: int = 78) -> list[StaffAccount]:
    """``count`` accounts over six departments, with a few names to look for."""
    departments = ["心内科", "外科", "骨科", "儿科", "神经内科", "随访中心"]
    named = [
        StaffAccount(1, "zhangsan", "张三", Role.AGENT, 1, "心内科"),
        StaffAccount(2, "lisi", "李四", Role.AGENT, 2, "外科"),
        StaffAccount(3, "wangfang", "王芳", Role.SUPERVISOR, 1, "心内科"),
        StaffAccount(4, "zhaoliu", "赵六", Role.QUALITY, 6, "随访中心"),
    ]
    others = [
        StaffAccount(n, f"nurse{n}", f"护士{n}", Role.AGENT, 1 + n % 6, departments[n % 6])
        for n in range(5, count + 1)
    ]
    return named + others


def _picker_dialog(qtbot: QtBot, accounts: list[StaffAccount]) -> LoginDialog:
    dialog = LoginDialog(create_engine("sqlite://"), accounts, "", rules=NO_WAIT)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_78_accounts_sit_in_a_short_list_grouped_by_department(qtbot: QtBot) -> None:
    dialog = _picker_dialog(qtbot, _hospital())
    tree = dialog.user_picker.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert sorted(g.text(0) for g in groups) == sorted(  # type: ignore[union-attr]
        ["心内科", "外科", "骨科", "儿科", "神经内科", "随访中心"]
    )
    assert sum(g.childCount() for g in groups) == 78  # type: ignore[union-attr]
    for group in groups:
        assert not group.flags() & Qt.ItemFlag.ItemIsSelectable  # type: ignore[union-attr]
    screen = QApplication.primaryScreen().availableGeometry().height()
    assert dialog.height() < min(screen, 600)  # the list scrolls, the dialog stays small
    assert dialog.focusWidget() is dialog.password_edit  # nothing remembered: first account


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zs", ["zhangsan"]),  # pinyin initials of the name
        ("ZS", ["zhangsan"]),
        ("王", ["wangfang"]),  # part of the name
        ("xnk", ["wangfang", "zhangsan"]),  # initials of the department
        ("外科", ["lisi"]),  # the department
        ("sfzx", ["zhaoliu"]),
        ("lisi", ["lisi"]),  # the user name
    ],
)
def test_typing_finds_accounts_by_name_initials_or_department(
    qtbot: QtBot, typed: str, found: list[str]
) -> None:
    accounts = [a for a in _hospital() if a.id <= 4]
    dialog = _picker_dialog(qtbot, accounts)

    if typed.isascii():
        qtbot.keyClicks(dialog.user_picker.search, typed)
    else:  # Chinese arrives from the input method as committed text (and QTest aborts on it)
        dialog.user_picker.search.setText(typed)

    assert sorted(dialog.user_picker.shown()) == found
    assert dialog.username == found[0] if len(found) == 1 else dialog.username in found
    tree = dialog.user_picker.tree
    shown_groups = {
        tree.topLevelItem(i).text(0)  # type: ignore[union-attr]
        for i in range(tree.topLevelItemCount())
        if not tree.topLevelItem(i).isHidden()  # type: ignore[union-attr]
    }
    assert shown_groups == {a.department_name for a in accounts if a.username in found}


def test_enter_in_the_search_goes_to_the_password_and_nothing_found_signs_in_no_one(
    qtbot: QtBot,
) -> None:
    dialog = _picker_dialog(qtbot, _hospital())
    search = dialog.user_picker.search
    search.setFocus()
    assert dialog.focusWidget() is search
    qtbot.keyClicks(search, "ls")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert dialog.username == "lisi" and dialog.focusWidget() is dialog.password_edit

    search.setText("nobody here")
    assert dialog.user_picker.shown() == [] and dialog.username == ""
    said = dialog.user_picker.nothing  # an empty list says why, naming what was typed
    assert not said.isHidden() and "nobody here" in said.text()
    dialog.password_edit.setText("demo")
    dialog.try_sign_in()
    assert dialog.error_label.text() == "Choose your account from the list."
    search.clear()
    assert said.isHidden() and dialog.user_picker.shown()


def test_the_last_account_is_offered_first_and_no_password_is_kept_in_a_file(
    qtbot: QtBot, ui_store: Engine, isolated_settings: Path
) -> None:
    last = list_accounts(ui_store)[-1].username
    first = LoginDialog(ui_store, list_accounts(ui_store), rules=NO_WAIT)
    qtbot.addWidget(first)
    assert first.username != last  # nothing remembered yet: the first of the list
    first.user_picker.choose(last)
    first.password_edit.setText("demo")
    with qtbot.waitSignal(first.sig_signed_in, timeout=10_000):
        first.try_sign_in()

    again = LoginDialog(ui_store, list_accounts(ui_store), rules=NO_WAIT)
    qtbot.addWidget(again)
    assert again.username == last
    assert last_account_path().read_text(encoding="utf-8") == last + "\n"
    assert last_account_path().is_relative_to(isolated_settings)
    for path in isolated_settings.rglob("*"):
        if path.is_file():
            assert b"demo" not in path.read_bytes()


def test_a_store_without_accounts_says_how_they_arrive(qtbot: QtBot) -> None:
    dialog = _picker_dialog(qtbot, [])

    text = dialog.error_label.text()
    assert text.startswith("No staff accounts are on this computer yet")
    assert "first sync" in text and "discharge import" in text and "administrator" in text
    assert "wrong password" not in text
    assert not dialog.sign_in_button.isEnabled() and not dialog.password_edit.isEnabled()
