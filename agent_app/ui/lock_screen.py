"""The lock screen: after the agent has been idle a while, patient data leaves the screen until
the agent types their password again (or someone else signs in).

The password is always typed: the lock screen never reads the keyring, and its "Switch user"
opens a sign-in that pre-fills nothing. Attempts go through the sign-in guard like the
sign-in itself, so the lock screen is no way around the lockout."""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.config import SignInSettings
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.sign_in_guard import SignInRefusedError, check_sign_in
from agent_app.store.repositories.staff import AuthenticationError
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.sign_in_wait import AttemptCountdown, Clock, utc_now

# Input that proves someone is at the desk.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Emits ``sig_idle`` once after ``minutes`` without keyboard or mouse input."""

    sig_idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.sig_idle.emit)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def restart(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    sig_unlocked = Signal()
    sig_switch_user = Signal()

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        rules: SignInSettings | None = None,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.rules = rules
        title = QLabel(self.tr("The desk is locked"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        who = QLabel(self.tr("Signed in: {0}").format(account.full_name))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMaximumWidth(260)
        self.password.returnPressed.connect(self.unlock)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.countdown = AttemptCountdown(clock, self)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        switch = QPushButton(self.tr("Switch user"))
        switch.clicked.connect(self.sig_switch_user.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(switch)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, who, self.password, self.error, self.countdown):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(buttons)
        column.addStretch(2)

    def unlock(self) -> None:
        """Check the password off the GUI thread (argon2 is slow on purpose)."""
        password, engine, username = self.password.text(), self.engine, self.account.username
        if not password:
            self.error.setText(self.tr("Type your password."))
            return
        self.unlock_button.setEnabled(False)
        rules, now = self.rules, self.countdown.clock()
        run_in_background(
            lambda: check_sign_in(engine, username, password, now=now, settings=rules),
            self._accepted,
            self._refused,
            owner=self,
        )

    def _accepted(self, _account: StaffAccount) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.error.clear()
        self.sig_unlocked.emit()

    def _refused(self, error: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.selectAll()
        wrong = self.tr("Wrong password.")
        if isinstance(error, SignInRefusedError):
            self.error.setText(self.countdown.refusal(error, wrong))
            self.countdown.hold(self.unlock_button, error.until)
        elif isinstance(error, AuthenticationError):
            self.error.setText(wrong)
        else:
            self.error.setText(self.tr("The password could not be checked: {0}").format(error))
