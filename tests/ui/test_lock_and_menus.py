"""Role menus, and the lock screen that hides patient data after idle time until the password."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.main_window import MainWindow

DEMO_PASSWORD = "demo"


def _window(qtbot: QtBot, engine: Engine, role: Role, **kwargs: float) -> MainWindow:
    account = next(a for a in list_accounts(engine) if a.role is role)
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
