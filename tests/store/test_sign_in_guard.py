"""The sign-in guard: growing waits, a lockout after too many wrong passwords, audited, and
counted in the local store so a restart of the desk does not reset the count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.config import SignInSettings
from agent_app.store.repositories.audit import AuditAction, audit_entries
from agent_app.store.repositories.sign_in_guard import (
    SignInCode,
    SignInRefusedError,
    check_sign_in,
)
from agent_app.store.repositories.staff import AuthenticationError
from tests.staff_accounts import NURSE_PASSWORD, store_with_nurse

PASSWORD = NURSE_PASSWORD
T0 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
RULES = SignInSettings(max_failures=5, lockout_minutes=15, first_delay_seconds=1.0)
_store = store_with_nurse


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return _store(tmp_path / "store.sqlite3")


def _attempt(engine: Engine, password: str, at: dt.datetime) -> SignInRefusedError:
    with pytest.raises(SignInRefusedError) as refused:
        check_sign_in(engine, "nurse", password, now=at, settings=RULES)
    return refused.value


def _fail_until_locked(engine: Engine) -> dt.datetime:
    """Five wrong passwords, each as soon as allowed; the time of the last one."""
    at = T0
    for _ in range(RULES.max_failures):
        error = _attempt(engine, "guess", at)
        last, at = at, error.until
    return last


def test_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused(
    engine: Engine,
) -> None:
    last = _fail_until_locked(engine)
    locked = _attempt(engine, PASSWORD, last + dt.timedelta(minutes=14, seconds=59))
    assert locked.code is SignInCode.LOCKED
    assert locked.until == last + dt.timedelta(minutes=15)
    account = check_sign_in(engine, "nurse", PASSWORD, now=locked.until, settings=RULES)
    assert account.username == "nurse"


def test_the_wait_after_each_wrong_password_doubles(engine: Engine) -> None:
    waits = []
    at = T0
    for _ in range(RULES.max_failures - 1):
        error = _attempt(engine, "guess", at)
        assert error.code is SignInCode.WRONG_PASSWORD
        waits.append((error.until - at).total_seconds())
        at = error.until
    assert waits == [1.0, 2.0, 4.0, 8.0]


def test_an_attempt_before_the_wait_is_over_is_refused_without_checking(engine: Engine) -> None:
    error = _attempt(engine, "guess", T0)
    too_soon = _attempt(engine, PASSWORD, T0 + dt.timedelta(milliseconds=500))
    assert too_soon.code is SignInCode.WAIT and too_soon.until == error.until
    assert too_soon.failures == 1  # not counted as another wrong password
    assert check_sign_in(engine, "nurse", PASSWORD, now=error.until, settings=RULES).id == 7


def test_the_count_survives_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    first = _store(path)
    last = _fail_until_locked(first)
    first.dispose()
    reopened = _store(path)
    error = _attempt(reopened, PASSWORD, last + dt.timedelta(minutes=1))
    assert error.code is SignInCode.LOCKED


def test_a_success_resets_the_count(engine: Engine) -> None:
    at = T0
    for _ in range(RULES.max_failures - 1):
        at = _attempt(engine, "guess", at).until
    check_sign_in(engine, "nurse", PASSWORD, now=at, settings=RULES)
    error = _attempt(engine, "guess", at)
    assert error.code is SignInCode.WRONG_PASSWORD and error.failures == 1
    assert (error.until - at).total_seconds() == 1.0


def test_every_failure_lockout_and_success_is_audited_with_codes(engine: Engine) -> None:
    last = _fail_until_locked(engine)
    _attempt(engine, PASSWORD, last + dt.timedelta(minutes=1))  # refused while locked
    check_sign_in(engine, "nurse", PASSWORD, now=last + dt.timedelta(minutes=16), settings=RULES)
    entries = sorted(audit_entries(engine, staff_id=7), key=lambda e: e.at)
    actions = [e.action for e in entries]
    assert actions == [AuditAction.SIGN_IN_FAILED] * 4 + [
        AuditAction.SIGN_IN_LOCKED,
        AuditAction.SIGN_IN,
    ]
    assert all(e.object_type == "staff" and e.object_id == "7" for e in entries)
    assert entries[4].detail["failures"] == 5
    assert entries[4].detail["locked_until"] == (last + dt.timedelta(minutes=15)).isoformat()
    assert entries[5].detail == {"failures_before": 5}
    assert PASSWORD not in repr([e.detail for e in entries]) and "guess" not in repr(entries)


def test_the_password_check_is_a_parameter(engine: Engine) -> None:
    seen: list[tuple[str, str]] = []

    def server_check(_engine: Engine, username: str, password: str):  # type: ignore[no-untyped-def]
        seen.append((username, password))
        raise AuthenticationError("refused by the server")

    with pytest.raises(SignInRefusedError):
        check_sign_in(engine, "nurse", PASSWORD, verify=server_check, now=T0, settings=RULES)
    assert seen == [("nurse", PASSWORD)]


def test_a_check_that_cannot_answer_is_not_counted(engine: Engine) -> None:
    def offline(_engine: Engine, _username: str, _password: str):  # type: ignore[no-untyped-def]
        raise ConnectionError("no route to the server")

    with pytest.raises(ConnectionError):
        check_sign_in(engine, "nurse", "guess", verify=offline, now=T0, settings=RULES)
    assert check_sign_in(engine, "nurse", PASSWORD, now=T0, settings=RULES).id == 7
