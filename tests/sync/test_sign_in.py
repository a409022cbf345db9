"""Signing in on a desk with a central server: the server checks the password, the desk never
receives anyone's hash, and keeps its own verifier only for who signed in on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text

from agent_app.store.engine import create_server_engine
from agent_app.store.repositories.staff import AuthenticationError
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.sign_in import SignInNeedsServerError, verify_with_server
from tests.pg_server import PASSWORD_CHECKED

Connect = Callable[..., Engine]


def _hashes(local: Engine) -> dict[str, str]:
    with local.connect() as connection:
        return dict(connection.execute(text("SELECT username, password_hash FROM staff")).all())


def _login(server: Engine, *, port: int | None = None) -> Callable[[str, str], Engine]:
    def connect(username: str, password: str) -> Engine:
        url = server.url.set(username=username, password=password)
        return create_server_engine(url.set(port=port) if port else url, connect_timeout=2)

    return connect


def test_a_pull_never_brings_password_hashes(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    with server.begin() as connection:
        connection.execute(text("UPDATE staff SET password_hash = 'argon2-secret'"))
    pull_changes(local, as_staff("nurse5"))  # quality: sees every staff member
    assert len(_hashes(local)) == 8  # six nurses and two doctors
    assert set(_hashes(local).values()) == {""}


def test_the_server_checks_the_password_and_the_desk_keeps_a_verifier_for_offline(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    with server.begin() as connection:  # a staff member whose password the server checks
        connection.execute(
            text(
                "INSERT INTO staff (id, username, full_name, title, role, department_id, "
                "password_hash, sip_account, extension, active, change_seq) VALUES (7, "
                "'nurse7', '护士7', '', 'agent', 2, '', '', '', true, 0)"
            )
        )
        connection.execute(
            text(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                f"'{PASSWORD_CHECKED}') THEN CREATE ROLE {PASSWORD_CHECKED}; END IF; END $$"
            )
        )
    pull_changes(local, as_staff("nurse5"))
    provision_staff_login(server, "nurse7", "right-one")
    with server.begin() as connection:
        connection.execute(text(f"GRANT {PASSWORD_CHECKED} TO nurse7"))
    with pytest.raises(AuthenticationError):
        verify_with_server(local, _login(server), "nurse7", "wrong")
    assert _hashes(local)["nurse7"] == ""
    account = verify_with_server(local, _login(server), "nurse7", "right-one")
    assert account.username == "nurse7" and _hashes(local)["nurse7"].startswith("$argon2")
    assert _hashes(local)["nurse1"] == ""  # only who signed in here
    unreachable = _login(server, port=1)
    assert verify_with_server(local, unreachable, "nurse7", "right-one").id == account.id
    with pytest.raises(AuthenticationError):
        verify_with_server(local, unreachable, "nurse7", "wrong")
    with pytest.raises(SignInNeedsServerError):
        verify_with_server(local, unreachable, "nurse1", "anything")
