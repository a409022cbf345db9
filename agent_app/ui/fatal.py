"""Errors that stop the desk from starting: said on stderr and, on a desktop, in a dialog."""

from __future__ import annotations

import os
import sys

from agent_app.ui.qt import QApplication, QMessageBox


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show_fatal(message: str, exit_app: bool = True) -> None:
    """Say what went wrong on stderr and, when a screen is there, in a message box.

    ``AGENT_APP_NO_DIALOGS=1`` keeps it to stderr (scripts, headless checks).
    """
    print(message, file=sys.stderr)
    if os.environ.get("AGENT_APP_NO_DIALOGS") or not _has_display():
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    title = app.translate("DeskApp", "Follow-up Desk")
    if exit_app:
        QMessageBox.critical(None, title, message)
    else:
        QMessageBox.warning(None, title, message)
