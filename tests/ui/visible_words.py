"""Every word a person can see on a window: for the "no English on a Chinese screen" test."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from agent_app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QModelIndex,
    QPlainTextEdit,
    Qt,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z'’]+(?![A-Za-z0-9_])")
_TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Editors of what the admin writes (a template's JSON, a script): their text is the source.
SOURCE_EDITORS = frozenset({"sourceEditor"})
ROWS_READ = 40  # cells of the first rows of every table: enough to meet every kind of value


def _model_texts(view: QAbstractItemView) -> Iterable[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps its column count private: it has one
        columns = 1
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), ROWS_READ)):
        for column in range(columns):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def _menu_texts(menu: QMenu) -> Iterable[str]:
    for action in menu.actions():
        if action.isVisible():
            yield action.text()
            if action.menu() is not None:
                yield from _menu_texts(action.menu())


def widget_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text shown on ``window`` and the widgets visible in it."""
    found = [(f"{type(window).__name__} title", window.windowTitle())]
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and action.menu() is not None:
                found.append(("menu", action.text()))
                found += [("menu entry", t) for t in _menu_texts(action.menu())]
        found.append(("status bar", window.statusBar().currentMessage()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.objectName() in SOURCE_EDITORS:
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts: list[str] = []
        if isinstance(widget, QLabel):
            texts.append(_TAG.sub(" ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts += [widget.placeholderText(), widget.text()]
        elif isinstance(widget, QPlainTextEdit):
            texts += [widget.placeholderText(), widget.toPlainText()]
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView):
            texts += list(_model_texts(widget))
        texts.append(widget.toolTip())
        found += [(where, t) for t in texts if t]
    return found


def every_tab_texts(window: QWidget, settle: Callable[[], None]) -> list[tuple[str, str]]:
    """The texts of ``window`` with each tab of each tab widget brought to the front in turn."""
    found = widget_texts(window)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()  # a tab may load its table when first shown
            found += widget_texts(window)
    return found


def english_on(
    windows: Iterable[QWidget],
    allowed: frozenset[str],
    data_words: frozenset[str],
    settle: Callable[[], None] = lambda: None,
) -> list[str]:
    """Each English word shown, with where, that is neither allowed nor the store's own data."""
    wrong = []
    for window in windows:
        for where, text in every_tab_texts(window, settle):
            shown = PLACEHOLDER.sub(" ", text.replace("&", ""))  # {department}: script syntax
            words = set(ENGLISH_WORD.findall(shown))
            bad = sorted(w for w in words if w not in allowed and w.lower() not in data_words)
            if bad:
                wrong.append(f"{where}: {' '.join(bad)} ← {text[:80]!r}")
    return sorted(set(wrong))
