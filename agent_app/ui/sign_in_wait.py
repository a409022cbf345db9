"""What the sign-in screens say when the sign-in guard refuses, and the countdown to the next
attempt (the guard never sleeps: the button waits, the GUI thread does not)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from agent_app.store.repositories.sign_in_guard import SignInCode, SignInRefusedError
from agent_app.ui.qt import QLabel, QTimer, QWidget

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AttemptCountdown(QLabel):
    """Holds a sign-in button back until the guard allows the next attempt, counting down."""

    def __init__(self, clock: Clock = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.until: dt.datetime | None = None
        self._button: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    def refusal(self, error: SignInRefusedError, wrong_password: str) -> str:
        """The sentence for a refused attempt; ``wrong_password`` is the screen's own."""
        if error.code is SignInCode.LOCKED:
            at = error.until.astimezone().strftime("%H:%M:%S")  # the desk's own clock
            return self.tr("Too many wrong passwords: this account is locked until {0}.").format(at)
        if error.code is SignInCode.WAIT:
            return self.tr("Too soon after a wrong password: wait for the countdown.")
        return wrong_password

    def hold(self, button: QWidget, until: dt.datetime) -> None:
        """Disable ``button`` until ``until``, showing the time left."""
        self.until, self._button = until, button
        self.tick()
        if self.until is not None:
            self.timer.start()

    def tick(self) -> None:
        if self.until is None:
            return
        left = (self.until - self.clock()).total_seconds()
        if left <= 0:
            self.release()
            return
        if self._button is not None:
            self._button.setEnabled(False)
        whole = int(left) + (left % 1 > 0)
        self.setText(self.tr("Next attempt in {0}:{1:02d}.").format(whole // 60, whole % 60))

    def release(self) -> None:
        self.timer.stop()
        self.until = None
        self.clear()
        if self._button is not None:
            self._button.setEnabled(True)
