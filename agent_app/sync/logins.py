"""Database logins for staff: one PostgreSQL LOGIN role per staff member, in its role's group.

Row-level security (migration 0003) decides what a connection sees from the staff row whose
``username`` equals the login's name, and from the group role the login belongs to
(``desk_agent``, ``desk_supervisor``, ``desk_quality``, ``desk_admin``). The admin engine
must be a superuser or a role with CREATEROLE. Passwords go to the server only inside the
statement and are never logged.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text

from agent_app.domain.enums import Role

log = logging.getLogger(__name__)

GROUP_OF_ROLE = {
    Role.AGENT: "desk_agent",
    Role.SUPERVISOR: "desk_supervisor",
    Role.QUALITY: "desk_quality",
    Role.ADMIN: "desk_admin",
    Role.DOCTOR: "desk_doctor",  # 0023
}


# Connections one staff login may hold: two desks signed in at once, each with its pool
# (agent_app.store.engine: 2 + 2) and its change listener, and some to spare. A desk that
# runs away (a bug, a loop) then takes this many of the server's slots, not all of them.
STAFF_CONNECTION_LIMIT = 12


class StaffLoginError(Exception):
    """A staff login could not be made or changed."""


def _execute_formatted(connection: Connection, template: str, *args: str) -> None:
    # The server quotes identifiers and literals itself (format %I / %L), so a username or a
    # password with quotes in it cannot break out of the statement.
    placeholders = ", ".join(f"CAST(:a{n} AS text)" for n in range(len(args)))
    statement = connection.execute(
        text(f"SELECT format(CAST(:template AS text), {placeholders})"),
        {"template": template, **{f"a{n}": arg for n, arg in enumerate(args)}},
    ).scalar_one()
    connection.exec_driver_sql(statement.replace("%", "%%"))


# Attributes a staff login never has; a role holding one is not a staff login, whatever its
# name, and is never turned into one (a staff row named "postgres" must not reset the
# superuser's password).
_POWERS = "rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls"
GROUP_ROLES = frozenset({"desk_staff", *GROUP_OF_ROLE.values()})


def provision_staff_login(admin: Engine, username: str, password: str | None) -> Role:
    """Create (or update) the LOGIN role of staff member ``username`` and put it in exactly
    the group of its staff role; returns that role.

    Raises StaffLoginError when no active staff member has that username, or when a role of
    that name exists that is not a staff login (a superuser, a group, an owner).
    """
    with admin.begin() as connection:
        return provision_staff_login_on(connection, username, password)


def provision_staff_login_on(connection: Connection, username: str, password: str | None) -> Role:
    """``provision_staff_login`` inside the caller's transaction, so that many logins are made
    all or none."""
    found = connection.execute(
        text("SELECT role FROM staff WHERE username = :u AND active"), {"u": username}
    ).scalar_one_or_none()
    if found is None:
        raise StaffLoginError(f"There is no active staff member with the username {username}.")
    role = Role(found)
    refusal = existing_role_refusal(connection, username)
    if refusal:
        raise StaffLoginError(refusal)
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": username}
    ).first()
    verb = "ALTER" if exists else "CREATE"
    login = f"{verb} ROLE %I LOGIN CONNECTION LIMIT {STAFF_CONNECTION_LIMIT}"
    if password:
        _execute_formatted(connection, f"{login} PASSWORD %L", username, password)
    else:
        _execute_formatted(connection, login, username)
    for staff_role, group in GROUP_OF_ROLE.items():
        member = connection.execute(
            text("SELECT pg_has_role(:u, :g, 'MEMBER')"), {"u": username, "g": group}
        ).scalar_one()
        if staff_role is role and not member:
            _execute_formatted(connection, "GRANT %I TO %I", group, username)
        elif staff_role is not role and member:
            _execute_formatted(connection, "REVOKE %I FROM %I", group, username)
    log.info("database login for %s set up as %s", username, role.value)
    return role


def existing_role_refusal(connection: Connection, username: str) -> str:
    """Why an existing role named ``username`` may not become a staff login ("" when it may:
    no such role yet, or a staff login already)."""
    if username in GROUP_ROLES:
        return f"{username} is a group role of the desks, not a staff member's login."
    powerful = connection.execute(
        text(f"SELECT {_POWERS} OR oid = 10 FROM pg_roles WHERE rolname = :u"), {"u": username}
    ).scalar_one_or_none()
    if powerful:
        return (
            f"{username} is an administrative role of the database server (superuser, owner "
            "or replication); a staff member cannot sign in under that name."
        )
    owns = connection.execute(
        text("SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
             "WHERE r.rolname = :u)"),
        {"u": username},
    ).scalar_one()  # fmt: skip
    if owns:
        return f"{username} owns tables of this database; a staff member cannot use that name."
    return ""


def revoke_staff_login(admin: Engine, username: str) -> None:
    """Stop ``username`` from signing in to the central database (the role stays, NOLOGIN,
    because it may own audit history)."""
    with admin.begin() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": username}
        ).first()
        if exists:
            _execute_formatted(connection, "ALTER ROLE %I NOLOGIN", username)
