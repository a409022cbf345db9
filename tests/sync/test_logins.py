"""Staff logins: one role per staff member, in exactly the group of its staff role."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from agent_app.domain.enums import Role
from agent_app.sync.logins import StaffLoginError, provision_staff_login, revoke_staff_login


def _groups(server: Engine, username: str) -> set[str]:
    with server.connect() as connection:
        return set(
            connection.execute(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                    " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u"
                ),
                {"u": username},
            ).scalars()
        )


def test_login_is_made_with_its_password_and_follows_a_change_of_role(server: Engine) -> None:
    assert provision_staff_login(server, "nurse3", "it's 100% 'quoted'") is Role.AGENT
    with server.connect() as connection:
        can_login, password = connection.execute(
            text("SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = 'nurse3'")
        ).one()
    assert can_login and password.startswith("SCRAM-SHA-256$")
    assert _groups(server, "nurse3") == {"desk_agent"}
    with server.begin() as connection:
        connection.execute(text("UPDATE staff SET role = 'supervisor' WHERE username = 'nurse3'"))
    assert provision_staff_login(server, "nurse3", None) is Role.SUPERVISOR
    assert _groups(server, "nurse3") == {"desk_supervisor"}
    revoke_staff_login(server, "nurse3")
    with server.connect() as connection:
        assert not connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'nurse3'")
        ).scalar_one()
    provision_staff_login(server, "nurse3", None)  # leave the shared role as other tests expect
    with server.begin() as connection:
        connection.execute(text("UPDATE staff SET role = 'agent' WHERE username = 'nurse3'"))
    provision_staff_login(server, "nurse3", None)


def test_unknown_username_gets_no_login(server: Engine) -> None:
    with pytest.raises(StaffLoginError, match=r"^There is no active staff member with the user"):
        provision_staff_login(server, "nobody", "x")
