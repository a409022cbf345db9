"""Checking a staff member's password on a desk that has a central server.

The server keeps password hashes to itself (migration 0009): a desk never pulls them. So the
password is checked by signing in to the server as the staff member's own login. When that
works, the desk keeps its own argon2 hash of the password in its store (local only, never
pushed), so the same person can sign in on this desk, and unlock it, while the server is out
of reach. A desk on which someone never signed in online cannot check their password offline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from argon2 import PasswordHasher
from sqlalchemy import Engine, text, update
from sqlalchemy.exc import OperationalError

from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.staff import (
    AuthenticationError,
    account_by_username,
    authenticate,
)
from agent_app.store.schema import Staff

log = logging.getLogger(__name__)

ServerLogin = Callable[[str, str], Engine]  # (username, password) -> an engine as that login
# SQLSTATEs and words the server answers a wrong password or an unknown login with.
_REFUSED_STATES = frozenset({"28P01", "28000"})
_REFUSED_WORDS = ("password authentication failed", "no pg_hba.conf entry", "does not exist")
_hasher = PasswordHasher()


class SignInNeedsServerError(AuthenticationError):
    """The password can only be checked by the server, which cannot be reached now."""


def _refused(error: OperationalError) -> bool:
    state = str(getattr(error.orig, "sqlstate", "") or "")
    message = str(error.orig).lower()
    return state in _REFUSED_STATES or any(word in message for word in _REFUSED_WORDS)


def _server_accepts(login: ServerLogin, username: str, password: str) -> bool | None:
    """True when the server signs the login in, False when it refuses the password, None when
    it cannot be reached."""
    engine = login(username, password)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except OperationalError as error:
        if _refused(error):
            return False
        log.info("central server not reachable for sign-in: %s", type(error.orig).__name__)
        return None
    finally:
        engine.dispose()


def _keep_local_verifier(local: Engine, username: str, password: str) -> None:
    with local.begin() as connection:
        connection.execute(
            update(Staff)
            .where(Staff.username == username)
            .values(password_hash=_hasher.hash(password))
        )


def verify_with_server(
    local: Engine, login: ServerLogin, username: str, password: str
) -> StaffAccount:
    """The account when the server (or, while it is out of reach, this desk's own verifier)
    accepts the password.

    Raises AuthenticationError for a wrong password or an unknown account, and
    SignInNeedsServerError when the server is unreachable and this desk has no verifier yet.
    """
    account = account_by_username(local, username)
    if account is None:
        raise AuthenticationError("Unknown user or wrong password.")
    accepted = _server_accepts(login, username, password)
    if accepted is True:
        _keep_local_verifier(local, username, password)
        return account
    if accepted is False:
        raise AuthenticationError("Unknown user or wrong password.")
    try:
        return authenticate(local, username, password)
    except AuthenticationError:
        with local.connect() as connection:
            known = connection.execute(
                text("SELECT password_hash FROM staff WHERE username = :u"), {"u": username}
            ).scalar_one_or_none()
        if not known:
            raise SignInNeedsServerError(
                "The first sign-in on this desk needs the central server."
            ) from None
        raise
