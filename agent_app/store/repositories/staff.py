"""Staff accounts: the login list and password checks against the local store."""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories import AnyRow, AnySelect
from agent_app.store.schema import Department, Staff


class AuthenticationError(Exception):
    """The user name or password is wrong, or the account is disabled."""


_hasher = PasswordHasher()


def _account(row: AnyRow | tuple[Any, ...]) -> StaffAccount:
    return StaffAccount(row[0], row[1], row[2], Role(row[3]), row[4], row[5])


def _accounts_query() -> AnySelect:
    return (
        select(
            Staff.id,
            Staff.username,
            Staff.full_name,
            Staff.role,
            Staff.department_id,
            Department.name,
        )
        .join(Department, Department.id == Staff.department_id)
        .where(Staff.active.is_(True))
    )


def list_accounts(engine: Engine) -> list[StaffAccount]:
    """Active accounts ordered by department then name, for the login chooser."""
    query = _accounts_query().order_by(Department.id, Staff.role, Staff.full_name)
    with engine.connect() as connection:
        return [_account(row) for row in connection.execute(query)]


def authenticate(engine: Engine, username: str, password: str) -> StaffAccount:
    """Return the account when the password matches its argon2 hash, else raise."""
    with engine.connect() as connection:
        row = connection.execute(
            _accounts_query().add_columns(Staff.password_hash).where(Staff.username == username)
        ).first()
    if row is None or not row[6]:
        raise AuthenticationError("Unknown user or wrong password.")
    try:
        _hasher.verify(row[6], password)
    except (VerificationError, InvalidHashError):
        raise AuthenticationError("Unknown user or wrong password.") from None
    return _account(tuple(row)[:6])


def account_by_username(engine: Engine, username: str) -> StaffAccount | None:
    """The active account with this username, or None."""
    with engine.connect() as connection:
        row = connection.execute(_accounts_query().where(Staff.username == username)).first()
    return None if row is None else _account(row)
