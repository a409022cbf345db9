"""Check an editor's text shortly after each change and show the verdict under it."""

from __future__ import annotations

from collections.abc import Callable

from agent_app.ui.qt import QLabel, QObject, QPlainTextEdit, Qt, QTimer, Signal

DEBOUNCE_MS = 300  # long enough not to check on every key, short enough to feel live

_OK_STYLE = "color: #2e7d32;"
_ERROR_STYLE = "color: #c62828; font-weight: bold;"


class LiveCheck(QObject):
    """Runs ``check(text)`` after a pause in typing; it returns the OK words or raises.

    Only the exceptions in ``refusals`` are verdicts (shown in the words ``describe`` gives,
    by default their message as is); any other exception is a bug and propagates.
    """

    sig_checked = Signal(bool)  # True: the text is valid

    def __init__(
        self,
        editor: QPlainTextEdit,
        label: QLabel,
        check: Callable[[str], str],
        refusals: tuple[type[Exception], ...],
        describe: Callable[[Exception], str] = str,
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self._label = label
        self._check = check
        self._refusals = refusals
        self._describe = describe
        self.error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        editor.textChanged.connect(self._timer.start)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def check_now(self) -> bool:
        """Check at once (also cancels a pending check); True when the text is valid."""
        self._timer.stop()
        try:
            words = self._check(self._editor.toPlainText())
        except self._refusals as exc:
            self.error = self._describe(exc)
            self.show_error(self.error)
            self.sig_checked.emit(False)
            return False
        self.error = None
        self._label.setStyleSheet(_OK_STYLE)
        self._label.setText(words)
        self.sig_checked.emit(True)
        return True

    def show_error(self, message: str) -> None:
        self._label.setStyleSheet(_ERROR_STYLE)
        self._label.setText(message)
