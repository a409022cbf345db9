"""While the desk is locked, no window but the locked main window may show patient data.

Supervisor tools, the screen-pop card and any other window are separate top-level windows:
hiding the main window's contents leaves them on screen. The curtain hides every visible
top-level window when drawn, keeps hiding any that opens while it is drawn (an incoming call's
card, a tool opened by a timer), and re-shows exactly those when lifted.

A dialog waiting for an answer (modal) is hidden too, which cancels it: left open, it would
block the password field of the lock screen, and re-showing it after its caller has moved on
would offer buttons that no longer do anything.
"""

from __future__ import annotations

import shiboken6

from agent_app.ui.qt import QApplication, QEvent, QObject, Qt, QTimer, QWidget

# Short-lived windows that belong to whatever is under them: hidden, never brought back.
_TRANSIENT = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen})


def _is_transient(widget: QWidget) -> bool:
    return widget.windowType() in _TRANSIENT


def _comes_back(widget: QWidget) -> bool:
    """Whether to re-show ``widget`` when the curtain lifts (not popups, not modal dialogs)."""
    return not _is_transient(widget) and widget.windowModality() == Qt.WindowModality.NonModal


def hide_other_windows(keep: QWidget | None = None) -> list[QWidget]:
    """Hide every visible top-level window except ``keep``; those that may come back later."""
    hidden: list[QWidget] = []
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        widget.hide()
        if _comes_back(widget):
            hidden.append(widget)
    return hidden


class WindowCurtain(QObject):
    """Hides every other top-level window while drawn; ``lift`` re-shows them."""

    def __init__(self, keep: QWidget) -> None:
        super().__init__(keep)
        self._keep = keep
        self._hidden: list[QWidget] = []
        self.drawn = False

    def draw(self) -> None:
        if self.drawn:
            return
        self.drawn = True
        self._hidden = hide_other_windows(self._keep)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def lift(self, *, show_again: bool = True) -> None:
        """Stop hiding; with ``show_again`` re-show the windows hidden by the curtain."""
        if not self.drawn:
            return
        self.drawn = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        hidden, self._hidden = self._hidden, []
        if show_again:
            for widget in hidden:
                if shiboken6.isValid(widget):
                    widget.show()

    @property
    def hidden_windows(self) -> list[QWidget]:
        return [w for w in self._hidden if shiboken6.isValid(w)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._keep
            and not _is_transient(watched)
        ):
            # Hiding inside the show event leaves the native window mapped: hide just after.
            QTimer.singleShot(0, watched, watched.hide)
            if _comes_back(watched) and watched not in self._hidden:
                self._hidden.append(watched)
        return False
