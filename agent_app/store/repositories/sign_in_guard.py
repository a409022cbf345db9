"""The sign-in guard: a growing wait after each wrong password and a lockout after too many.

Counted per user name in the local store (table ``sign_in_guard``), so quitting and restarting
the desk does not start the count again. A refused attempt is refused before the password is
checked: while an account is locked even the right password gets the same answer. There is no
sleep anywhere: the guard answers at once with the time the next attempt is allowed, and the
sign-in screens show the countdown.

Every wrong password, every lockout and every success writes an audit row (codes only).
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.config import SignInSettings
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.repositories.staff import AuthenticationError, authenticate
from agent_app.store.schema import SignInGuardState, Staff

log = logging.getLogger(__name__)

PasswordCheck = Callable[[Engine, str, str], StaffAccount]


class SignInCode(enum.StrEnum):
    WRONG_PASSWORD = "wrong_password"  # until: when the next attempt is allowed
    WAIT = "wait"  # an attempt before that time; the password was not checked
    LOCKED = "locked"  # until: end of the lockout; the password was not checked (or just failed)


class SignInRefusedError(AuthenticationError):
    """A sign-in the guard refused; ``code`` says why, ``until`` until when."""

    def __init__(self, code: SignInCode, until: dt.datetime, failures: int) -> None:
        super().__init__(f"sign-in refused: {code.value} until {until.isoformat()}")
        self.code = code
        self.until = until
        self.failures = failures


def check_sign_in(
    engine: Engine,
    username: str,
    password: str,
    verify: PasswordCheck = authenticate,
    now: dt.datetime | None = None,
    settings: SignInSettings | None = None,
) -> StaffAccount:
    """The account when ``verify`` accepts the password and the guard allows an attempt now.

    Raises SignInRefusedError (an AuthenticationError) for a wrong password and for an attempt
    made too soon or while locked. Any other error of ``verify`` (a server that does not
    answer) passes through and is not counted as a wrong password.
    """
    when = now or dt.datetime.now(dt.UTC)
    rules = settings or SignInSettings()
    _refuse_if_waiting(engine, username, when)
    try:
        account = verify(engine, username, password)
    except SignInRefusedError:
        raise
    except AuthenticationError:
        raise _count_failure(engine, username, when, rules) from None
    _count_success(engine, account)
    return account


def _refuse_if_waiting(engine: Engine, username: str, when: dt.datetime) -> None:
    with Session(engine) as session:
        state = session.get(SignInGuardState, username)
        if state is None:
            return
        if state.locked_until is not None and when < state.locked_until:
            raise SignInRefusedError(SignInCode.LOCKED, state.locked_until, state.failures)
        if state.next_attempt_at is not None and when < state.next_attempt_at:
            raise SignInRefusedError(SignInCode.WAIT, state.next_attempt_at, state.failures)


def _count_failure(
    engine: Engine, username: str, when: dt.datetime, rules: SignInSettings
) -> SignInRefusedError:
    """Count one wrong password (and audit it) in one transaction; the error to raise."""
    with Session(engine) as session, session.begin():
        state = session.get(SignInGuardState, username)
        if state is None:
            state = SignInGuardState(username=username, failures=0)
            session.add(state)
        state.failures += 1
        staff_id = session.scalar(select(Staff.id).where(Staff.username == username))
        detail: dict[str, object] = {"failures": state.failures}
        if state.failures >= rules.max_failures:
            # Every failure from here on locks again, until a correct password.
            until = when + dt.timedelta(minutes=rules.lockout_minutes)
            state.locked_until = state.next_attempt_at = until
            code, action = SignInCode.LOCKED, AuditAction.SIGN_IN_LOCKED
            detail["locked_until"] = until.isoformat()
        else:
            seconds = rules.first_delay_seconds * 2 ** (state.failures - 1)
            until = state.next_attempt_at = when + dt.timedelta(seconds=seconds)
            code, action = SignInCode.WRONG_PASSWORD, AuditAction.SIGN_IN_FAILED
        if staff_id is None:
            # audit_log needs a staff row; the sign-in list offers only known accounts.
            log.info("wrong password for a user name with no staff row (%s)", code.value)
        else:
            record_audit(session, staff_id, action, "staff", str(staff_id), detail)
        return SignInRefusedError(code, until, state.failures)


def _count_success(engine: Engine, account: StaffAccount) -> None:
    with Session(engine) as session, session.begin():
        state = session.get(SignInGuardState, account.username)
        failures = 0 if state is None else state.failures
        if state is not None:
            session.delete(state)
        record_audit(
            session,
            account.id,
            AuditAction.SIGN_IN,
            "staff",
            str(account.id),
            {"failures_before": failures},
        )
