"""The tools each role opens from the menu bar, added once the main window exists.

Each tool is its own window, so an agent's follow-up on screen is never disturbed; a tool is
built on first use and shown again after that.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.config import Settings
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QCoreApplication, Qt, QWidget


class _Tools:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.open_tools: dict[str, QWidget] = {}

    def opener(self, name: str, make: Callable[[], QWidget]) -> Callable[[], None]:
        def show() -> None:
            tool = self.open_tools.get(name)
            if tool is None:
                tool = self.open_tools[name] = make()
            tool.show()
            tool.raise_()
            tool.activateWindow()

        return show


def add_tools(
    window: MainWindow, server: Engine | None = None, settings: Settings | None = None
) -> None:
    """Administration: questionnaires and scripts, and the discharge import."""
    from agent_app.ui.his_admin import HisAdminWidget
    from agent_app.ui.template_editor import TemplateEditor

    tools = _Tools(window)  # kept alive by the menu entries' callbacks
    engine, account = window.engine, window.account
    window.menus.add(
        window.menus.admin,
        QCoreApplication.translate("DeskTools", "Questionnaires and call scripts…"),
        tools.opener("templates", lambda: TemplateEditor(engine, account, window)),
    )
    window.menus.add(
        window.menus.admin,
        QCoreApplication.translate("DeskTools", "Discharge import and plans…"),
        tools.opener("his", lambda: _as_window(HisAdminWidget(engine), window)),
    )


def _as_window(widget: QWidget, owner: MainWindow) -> QWidget:
    """A plain widget shown as its own window, closed with the main window."""
    widget.setParent(owner, Qt.WindowType.Window)
    widget.setWindowTitle(QCoreApplication.translate("DeskTools", "Discharge import"))
    widget.resize(1000, 620)
    return widget
