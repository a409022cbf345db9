"""The desktop notice for a new red-flag alert: a toast inside the desk's window.

Why not ``QSystemTrayIcon.showMessage``: it needs a tray host (a desktop's notification area),
which neither the offscreen platform nor a bare Xvfb has, so there the notice would silently
never appear; the toast is an ordinary child widget and shows everywhere the window does. The
window also asks the desktop for attention (``QApplication.alert``: a flashing taskbar entry
where there is one).
"""

from __future__ import annotations

from agent_app.ui.qt import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMouseEvent,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
)

SHOWN_MS = 20_000


class AlertToast(QFrame):
    """A notice pinned to the top right of its parent window until clicked or timed out."""

    sig_open = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent
        self.setObjectName("redFlagToast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#redFlagToast { background: #b3261e; border-radius: 6px; }"
            "#redFlagToast QLabel { color: white; font-weight: bold; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Open the inbox"))
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def notify(self, count: int, first_patient: str) -> None:
        """Say that ``count`` new alerts arrived (the first for ``first_patient``)."""
        if count == 1:
            text = self.tr("New red flag: {0}").format(first_patient)
        else:
            text = self.tr("{0} new red flags, the first: {1}").format(count, first_patient)
        self.label.setText(text)
        parent = self.host
        width = min(460, max(parent.width() - 24, 200))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(parent.width() - width - 12, 12)
        self.show()
        self.raise_()
        self._timer.start(SHOWN_MS)
        QApplication.alert(parent.window())

    def _open(self) -> None:
        self.hide()
        self.sig_open.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._open()
