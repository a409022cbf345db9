"""Pieces both admin editor tabs share: the injected dialogs, the editor, the result line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from agent_app.ui.qt import QFont, QLabel, QPlainTextEdit, QWidget

Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, question) -> yes?
FileChooser = Callable[[QWidget], Path | None]

_OK = "color: #2e7d32;"
_REFUSED = "color: #c62828; font-weight: bold;"


def monospace_editor(parent: QWidget) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setObjectName("sourceEditor")  # the template's JSON or a script, as the admin wrote it
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    editor.setFont(font)
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    editor.setTabChangesFocus(True)  # Tab leaves the editor; indentation is spaces anyway
    return editor


def show_result(label: QLabel, words: str, *, ok: bool) -> None:
    """Say how a save went, green when it worked and red with the reason when refused."""
    label.setStyleSheet(_OK if ok else _REFUSED)
    label.setText(words)
