"""Password guessing at the sign-in and the lock screen: a growing wait shown as a countdown,
then a lockout that refuses even the right password until its time has passed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.config import SignInSettings
from agent_app.store.repositories.audit import AuditAction, audit_entries
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.lock_screen import LockScreen
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QDialog
from tests.staff_accounts import NURSE_ID, NURSE_PASSWORD, store_with_nurse

RULES = SignInSettings(max_failures=3, lockout_minutes=15, first_delay_seconds=1.0)


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def store(tmp_path: Path) -> Engine:
    return store_with_nurse(tmp_path / "store.sqlite3")


def _dialog(qtbot: QtBot, engine: Engine, clock: FakeClock) -> LoginDialog:
    dialog = LoginDialog(engine, list_accounts(engine), rules=RULES, clock=clock)
    qtbot.addWidget(dialog)
    return dialog


def _try(qtbot: QtBot, dialog: LoginDialog, password: str) -> None:
    dialog.password_edit.setText(password)
    dialog.try_sign_in()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)


def _wait_out(dialog: LoginDialog, clock: FakeClock) -> None:
    """Let the countdown run out (the clock is the test's, so move it and tick)."""
    assert dialog.countdown.until is not None
    clock.now = dialog.countdown.until
    dialog.countdown.tick()


def _guess_until_locked(qtbot: QtBot, dialog: LoginDialog, clock: FakeClock) -> None:
    for _ in range(RULES.max_failures):
        if dialog.countdown.until is not None:
            _wait_out(dialog, clock)
        _try(qtbot, dialog, "guess")


def test_wrong_passwords_lock_the_account_and_the_right_one_is_refused_until_the_time(
    qtbot: QtBot, store: Engine
) -> None:
    clock = FakeClock()
    dialog = _dialog(qtbot, store, clock)
    _guess_until_locked(qtbot, dialog, clock)
    locked_at = clock.now
    assert "this account is locked until" in dialog.error_label.text()
    assert dialog.countdown.text() == "Next attempt in 15:00."
    assert not dialog.sign_in_button.isEnabled()

    clock.advance(minutes=14, seconds=59)
    dialog.countdown.tick()
    assert dialog.countdown.text() == "Next attempt in 0:01."
    _try(qtbot, dialog, NURSE_PASSWORD)  # straight past the disabled button: the guard refuses
    assert "this account is locked until" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.account is None

    clock.now = locked_at + dt.timedelta(minutes=15)
    dialog.countdown.tick()
    assert dialog.sign_in_button.isEnabled() and dialog.countdown.text() == ""
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=10_000):
        dialog.try_sign_in()
    actions = [
        e.action for e in sorted(audit_entries(store, staff_id=NURSE_ID), key=lambda e: e.at)
    ]
    assert actions == [
        AuditAction.SIGN_IN_FAILED,
        AuditAction.SIGN_IN_FAILED,
        AuditAction.SIGN_IN_LOCKED,
        AuditAction.SIGN_IN,
    ]


def test_the_wait_grows_and_is_counted_down_on_the_button(qtbot: QtBot, store: Engine) -> None:
    clock = FakeClock()
    dialog = _dialog(qtbot, store, clock)
    shown = []
    for _ in range(RULES.max_failures - 1):
        _try(qtbot, dialog, "guess")
        assert dialog.error_label.text() == "Unknown user or wrong password."
        assert not dialog.sign_in_button.isEnabled()
        shown.append(dialog.countdown.text())
        _wait_out(dialog, clock)
        assert dialog.sign_in_button.isEnabled()
    assert shown == ["Next attempt in 0:01.", "Next attempt in 0:02."]


def test_the_lockout_survives_reopening_the_store(
    qtbot: QtBot, tmp_path: Path, store: Engine
) -> None:
    clock = FakeClock()
    dialog = _dialog(qtbot, store, clock)
    _guess_until_locked(qtbot, dialog, clock)
    store.dispose()
    clock.advance(minutes=5)
    reopened = store_with_nurse(tmp_path / "store.sqlite3")
    again = _dialog(qtbot, reopened, clock)
    _try(qtbot, again, NURSE_PASSWORD)
    assert "this account is locked until" in again.error_label.text()
    assert again.account is None


def test_the_lock_screen_obeys_the_same_lockout(qtbot: QtBot, store: Engine) -> None:
    clock = FakeClock()
    nurse = list_accounts(store)[0]
    screen = LockScreen(store, nurse, rules=RULES, clock=clock)
    qtbot.addWidget(screen)
    for _ in range(RULES.max_failures):
        if screen.countdown.until is not None:
            clock.now = screen.countdown.until
            screen.countdown.tick()
        screen.password.setText("guess")
        screen.unlock()
        qtbot.waitUntil(lambda: screen.error.text() not in ("", "Checking…"), timeout=10_000)
        qtbot.waitUntil(lambda: screen.countdown.until is not None, timeout=10_000)
    assert "this account is locked until" in screen.error.text()
    assert not screen.unlock_button.isEnabled()
    unlocked: list[bool] = []
    screen.sig_unlocked.connect(lambda: unlocked.append(True))
    screen.password.setText(NURSE_PASSWORD)
    screen.error.clear()
    screen.unlock()
    qtbot.waitUntil(lambda: screen.error.text() != "", timeout=10_000)
    assert "this account is locked until" in screen.error.text() and not unlocked
