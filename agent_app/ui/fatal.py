"""Errors that stop the desk from starting: said on stderr and, on a desktop, in a dialog."""

from __future__ import annotations

import os
import sys

from agent_app.config import ConfigError
from agent_app.ui.qt import QApplication, QMessageBox


def has_display() -> bool:
    """Whether Qt has a screen to show windows on (a platform named, or X11/Wayland)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def dialogs_allowed() -> bool:
    """Whether a start-up error may be shown in a window (a screen, no AGENT_APP_NO_DIALOGS)."""
    return not os.environ.get("AGENT_APP_NO_DIALOGS") and has_display()


def show_start_up_error(error: ConfigError) -> None:
    """Settings that stop the desk before it knows its language: said in the system's."""
    from agent_app.ui.config_texts import config_error_text
    from agent_app.ui.translations import install_translations

    print(error, file=sys.stderr)  # the English sentence, for the terminal and support
    if not dialogs_allowed():
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translations(app, "")
    show_fatal(config_error_text(error))


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
