"""Role menus, and the lock screen that hides patient data after idle time until the password."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.config import Settings, SignInSettings
from agent_app.credentials import KEYRING_SERVICE
from agent_app.domain.enums import Role
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.app import DeskApp
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QApplication, QTimer, QWidget
from tests.keyring_memory import MemoryKeyring

DEMO_PASSWORD = "demo"
# The module shares one store: no wait after a wrong password, so tests do not wait on others.
NO_WAIT = SignInSettings(first_delay_seconds=0)


def _window(qtbot: QtBot, engine: Engine, role: Role, **kwargs: Any) -> MainWindow:
    account = next(a for a in list_accounts(engine) if a.role is role)
    kwargs.setdefault("sign_in_rules", NO_WAIT)
    window = MainWindow(engine, account, "Line: simulated (demo)", **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.isVisible()]


def test_menus_follow_the_role(qtbot: QtBot, ui_store: Engine) -> None:
    agent = _window(qtbot, ui_store, Role.AGENT)
    assert agent.menus.supervision is None and agent.menus.admin is None
    admin = _window(qtbot, ui_store, Role.ADMIN)
    assert admin.menus.admin is not None and admin.menus.supervision is not None
    assert "&Administration" not in _menu_titles(admin)  # empty menus stay hidden
    admin.menus.add(admin.menus.admin, "Templates", lambda: None)
    assert "&Administration" in _menu_titles(admin)
    assert agent.menus.add(agent.menus.admin, "Templates", lambda: None) is None


def test_idle_desk_locks_and_only_the_password_unlocks_it(qtbot: QtBot, ui_store: Engine) -> None:
    window = _window(qtbot, ui_store, Role.AGENT, lock_after_minutes=0.005)  # 0.3 s
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    screen = window.lock_screen
    assert screen is not None
    assert window.pages.currentWidget() is screen
    assert not window.table.isVisible()  # no patient data on screen
    assert not window.menuBar().isEnabled()
    screen.password.setText("wrong")
    screen.unlock()
    qtbot.waitUntil(lambda: screen.error.text() == "Wrong password.", timeout=10_000)
    assert window.locked
    screen.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(screen.sig_unlocked, timeout=10_000):
        screen.unlock()
    assert not window.locked
    assert window.pages.currentWidget() is window.table and window.menuBar().isEnabled()


def test_lock_keeps_the_follow_up_on_screen_underneath(qtbot: QtBot, ui_store: Engine) -> None:
    window = _window(qtbot, ui_store, Role.AGENT)
    window.open_next()
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    view = window.followup
    window.lock()
    assert window.locked and not view.isVisible()  # type: ignore[union-attr]
    assert window.lock_screen is not None
    window.lock_screen.sig_unlocked.emit()
    assert window.pages.currentWidget() is view


def test_admins_open_the_template_editor_and_discharge_import_from_their_menu(
    qtbot: QtBot, ui_store: Engine
) -> None:
    from agent_app.ui.desk_tools import add_tools
    from agent_app.ui.his_admin import HisAdminWidget
    from agent_app.ui.template_editor import TemplateEditor

    admin = _window(qtbot, ui_store, Role.ADMIN)
    add_tools(admin)
    assert admin.menus.admin is not None
    entry = next(a for a in admin.menus.admin.actions() if "Questionnaires" in a.text())
    entry.trigger()
    editor = admin.findChild(TemplateEditor)
    assert editor is not None and editor.isVisible()
    imports = next(a for a in admin.menus.admin.actions() if "Discharge import" in a.text())
    imports.trigger()
    his = admin.findChild(HisAdminWidget)
    assert his is not None and his.isVisible() and his.isWindow()
    agent = _window(qtbot, ui_store, Role.AGENT)
    add_tools(agent)
    assert agent.menus.admin is None and agent.findChild(TemplateEditor) is None


def test_supervisors_open_recordings_statistics_sampling_and_complaints_as_windows(
    qtbot: QtBot, ui_store: Engine
) -> None:
    from agent_app.ui.desk_tools import add_tools
    from agent_app.ui.reports.dashboard import StatsDashboard
    from agent_app.ui.supervisor.complaints_screen import ComplaintsScreen
    from agent_app.ui.supervisor.my_feedback import MyFeedbackView
    from agent_app.ui.supervisor.recordings_screen import RecordingsScreen
    from agent_app.ui.supervisor.sampling_screen import SamplingScreen

    supervisor = _window(qtbot, ui_store, Role.SUPERVISOR)
    add_tools(supervisor)
    assert supervisor.menus.supervision is not None
    for words, kind in (
        ("Recordings", RecordingsScreen),
        ("Statistics", StatsDashboard),
        ("Spot-check", SamplingScreen),
        ("Complaints", ComplaintsScreen),
    ):
        entry = next(a for a in supervisor.menus.supervision.actions() if words in a.text())
        entry.trigger()
        tool = supervisor.findChild(kind)
        assert tool is not None and tool.isVisible() and tool.isWindow(), words
        entry.trigger()  # a second time shows the same window
        assert len(supervisor.findChildren(kind)) == 1
    feedback = next(a for a in supervisor.menus.followup.actions() if "QA feedback" in a.text())
    feedback.trigger()
    assert supervisor.findChild(MyFeedbackView) is not None

    agent = _window(qtbot, ui_store, Role.AGENT)
    add_tools(agent)
    assert agent.menus.supervision is None
    texts = [a.text() for a in agent.menus.followup.actions()]
    assert any("Complaints" in t for t in texts) and any("QA feedback" in t for t in texts)
    assert agent.findChild(RecordingsScreen) is None


SUPERVISOR_TOOLS = ("Recordings", "Statistics", "Spot-check", "Complaints")


def _open_supervisor_tools(qtbot: QtBot, engine: Engine) -> tuple[MainWindow, list[QWidget]]:
    from agent_app.ui.desk_tools import add_tools

    supervisor = _window(qtbot, engine, Role.SUPERVISOR)
    add_tools(supervisor)
    assert supervisor.menus.supervision is not None
    for words in SUPERVISOR_TOOLS:
        next(a for a in supervisor.menus.supervision.actions() if words in a.text()).trigger()
    tools = [w for w in supervisor.findChildren(QWidget) if w.isWindow() and w.isVisible()]
    assert len(tools) == len(SUPERVISOR_TOOLS)
    return supervisor, tools


def _window_of_its_own(qtbot: QtBot, title: str) -> QWidget:
    widget = QWidget()
    widget.setWindowTitle(title)
    qtbot.addWidget(widget)
    return widget


def test_every_window_is_hidden_while_locked_and_the_same_ones_come_back(
    qtbot: QtBot, ui_store: Engine
) -> None:
    supervisor, tools = _open_supervisor_tools(qtbot, ui_store)
    later = _window_of_its_own(qtbot, "opened after the main window, no parent")
    later.show()
    never_shown = _window_of_its_own(qtbot, "built but not shown")
    supervisor.lock()
    assert supervisor.isVisible() and supervisor.locked
    for window in (*tools, later):
        assert not window.isVisible(), window.windowTitle()
        assert window.windowHandle() is None or not window.windowHandle().isVisible()
    while_locked = _window_of_its_own(qtbot, "an incoming call's card while locked")
    while_locked.show()
    qtbot.waitUntil(lambda: not while_locked.isVisible(), timeout=2000)

    screen = supervisor.lock_screen
    assert screen is not None
    screen.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(screen.sig_unlocked, timeout=10_000):
        screen.unlock()
    assert not supervisor.locked
    for window in (*tools, later, while_locked):
        assert window.isVisible(), window.windowTitle()
    assert not never_shown.isVisible()


def _answer_sign_in(seen: dict[str, object], *, extra: tuple[QWidget, ...] = ()) -> None:
    """When the sign-in shows, note what it offers and which windows are on screen; cancel it."""

    def answer() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        )
        seen["user"] = dialog.username
        seen["password"] = dialog.password_edit.text()
        seen["remember offered"] = dialog.remember_box.isVisible()
        seen["visible"] = [w for w in extra if w.isVisible()]
        dialog.reject()

    QTimer.singleShot(0, answer)


@pytest.fixture
def no_quit(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    return quits


def test_the_lock_screen_never_takes_a_remembered_password(
    qtbot: QtBot,
    ui_store: Engine,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    no_quit: list[bool],
) -> None:
    window = _window(qtbot, ui_store, Role.AGENT)
    username = window.account.username
    memory_keyring.set_password(KEYRING_SERVICE, username, DEMO_PASSWORD)
    reads: list[str] = []
    stored = memory_keyring.get_password

    def read(service: str, user: str) -> str | None:
        reads.append(user)
        return stored(service, user)

    monkeypatch.setattr(memory_keyring, "get_password", read)
    desk = DeskApp(Settings(), ui_store)
    desk.window, desk._last_user = window, username
    window.sig_switch_user.connect(desk._switch_user)
    window.lock()
    screen = window.lock_screen
    assert screen is not None
    screen.unlock()  # nothing typed
    assert screen.error.text() == "Type your password." and window.locked

    seen: dict[str, object] = {}
    _answer_sign_in(seen)
    screen.sig_switch_user.emit()  # "Switch user" on the lock screen
    assert seen == {
        "user": username,
        "password": "",
        "remember offered": False,
        "visible": [],
    }
    assert reads == []  # neither the lock screen nor the sign-in behind it read the keyring
    assert memory_keyring.secrets == {(KEYRING_SERVICE, username): DEMO_PASSWORD}


def test_switching_user_hides_the_windows_of_the_one_leaving(
    qtbot: QtBot, ui_store: Engine, no_quit: list[bool]
) -> None:
    supervisor, tools = _open_supervisor_tools(qtbot, ui_store)
    desk = DeskApp(Settings(), ui_store)
    desk.window = supervisor
    seen: dict[str, object] = {}
    _answer_sign_in(seen, extra=(supervisor, *tools))
    desk._switch_user()
    assert seen["visible"] == [] and no_quit == [True]
