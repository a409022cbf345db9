"""The menu bar, by role: agents get the follow-up menu; supervisors and quality staff also get
supervision; administrators also get administration. Features add their own entries."""

from __future__ import annotations

from collections.abc import Callable

from agent_app.domain.enums import Role
from agent_app.ui.qt import QAction, QCoreApplication, QKeySequence, QMainWindow, QMenu

SUPERVISING = frozenset({Role.SUPERVISOR, Role.QUALITY, Role.ADMIN})


class DeskMenus:
    def __init__(self, window: QMainWindow, role: Role) -> None:
        self.window = window
        bar = window.menuBar()
        self.followup: QMenu = bar.addMenu(QCoreApplication.translate("DeskMenus", "&Follow-up"))
        self.supervision: QMenu | None = (
            bar.addMenu(QCoreApplication.translate("DeskMenus", "&Supervision"))
            if role in SUPERVISING
            else None
        )
        self.admin: QMenu | None = (
            bar.addMenu(QCoreApplication.translate("DeskMenus", "&Administration"))
            if role is Role.ADMIN
            else None
        )
        self.view: QMenu = bar.addMenu(QCoreApplication.translate("DeskMenus", "&View"))
        self.help: QMenu = bar.addMenu(QCoreApplication.translate("DeskMenus", "&Help"))
        for menu in (self.supervision, self.admin):
            if menu is not None:
                menu.menuAction().setVisible(False)  # shown once a feature adds an entry

    def add(
        self,
        menu: QMenu | None,
        text: str,
        callback: Callable[[], object],
        shortcut: str = "",
    ) -> QAction | None:
        """Add an entry; None when the role has no such menu."""
        if menu is None:
            return None
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: callback())
        menu.addAction(action)
        menu.menuAction().setVisible(True)
        return action
