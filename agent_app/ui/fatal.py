"""Errors that stop the desk from starting: said on stderr and, on a desktop, in a dialog."""

from __future__ import annotations

import os
import sys

from agent_app.ui.qt import QApplication, QMessageBox


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def dialogs_allowed() -> bool:
    """Whether a start-up error may be shown in a window (a screen, no AGENT_APP_NO_DIALOGS)."""
    return not os.environ.get("AGENT_APP_NO_DIALOGS") and _has_display()


def show_fatal(message: str, exit_app: bool = True, dialog: bool = True) -> None:
    """Say what went wrong on stderr and, when a screen is there, in a message box.

    ``AGENT_APP_NO_DIALOGS=1`` keeps it to stderr (scripts, headless checks), as does
    ``dialog=False`` (the caller shows its own).
    """
    print(message, file=sys.stderr)
    if not dialog or not dialogs_allowed():
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    title = app.translate("DeskApp", "Follow-up Desk")
    if exit_app:
        QMessageBox.critical(None, title, message)
    else:
        QMessageBox.warning(None, title, message)
