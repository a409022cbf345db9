"""Staff members and their database logins, made by IT from the command line.

A staff row on the central server (``staff``) and its PostgreSQL login
(``agent_app.sync.logins``) always come together: the login's name is the row's username, and
its group follows the row's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, text, update

from agent_app.domain.enums import Role
from agent_app.store.schema import Department, Staff
from agent_app.sync.logins import (
    StaffLoginError,
    existing_role_refusal,
    provision_staff_login_on,
)

# Room for the desk's own columns (staff.username is 40 characters); PostgreSQL keeps role
# names starting with pg_ for itself.
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,39}")


class StaffInputError(Exception):
    """One staff entry (a command or a CSV line) cannot be used; says which and why."""


@dataclass(frozen=True)
class StaffEntry:
    """What IT says about one staff member; empty strings leave a known member's value."""

    username: str
    full_name: str = ""
    role: Role | None = None
    department_code: str = ""
    department_name: str = ""  # creates the department when its code is new
    extension: str = ""


def check_username(username: str) -> str:
    """``username`` when it can name a staff login; StaffInputError otherwise."""
    if not _USERNAME.fullmatch(username) or username.lower().startswith("pg_"):
        raise StaffInputError(
            f"{username!r} cannot be a login name: use 1-40 letters, digits, '_', '.' or '-', "
            "starting with a letter (and not pg_)."
        )
    return username


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        names = ", ".join(role.value for role in Role)
        raise StaffInputError(f"role {value!r} is not one of {names}.") from None


def _department_id(connection: Connection, entry: StaffEntry) -> int | None:
    if not entry.department_code:
        return None
    found = connection.execute(
        select(Department.id).where(Department.code == entry.department_code)
    ).scalar_one_or_none()
    if found is not None:
        return int(found)
    if not entry.department_name:
        raise StaffInputError(
            f"department {entry.department_code} does not exist; give its name to create it."
        )
    return int(
        connection.execute(
            insert(Department)
            .values(code=entry.department_code, name=entry.department_name)
            .returning(Department.id)
        ).scalar_one()
    )


def put_staff(connection: Connection, entry: StaffEntry, password: str | None) -> Role:
    """Create or update the staff row of ``entry`` and its login (with ``password``, or the
    login's password left as it is when None); returns the role. Inside the caller's
    transaction."""
    check_username(entry.username)
    refusal = existing_role_refusal(connection, entry.username)
    if refusal:
        raise StaffInputError(refusal)
    department_id = _department_id(connection, entry)
    known = connection.execute(
        select(Staff.id).where(Staff.username == entry.username)
    ).scalar_one_or_none()
    if known is None:
        missing = [
            name
            for name, value in (
                ("full name", entry.full_name),
                ("role", entry.role),
                ("department", department_id),
            )
            if not value
        ]
        if missing:
            raise StaffInputError(
                f"{entry.username} is not a staff member yet: give the {', '.join(missing)}."
            )
        connection.execute(
            insert(Staff).values(
                username=entry.username,
                full_name=entry.full_name,
                role=entry.role,
                department_id=department_id,
                extension=entry.extension,
            )
        )
    else:
        changes: dict[str, object] = {"active": True}
        for column, value in (
            ("full_name", entry.full_name),
            ("role", entry.role),
            ("department_id", department_id),
            ("extension", entry.extension),
        ):
            if value:
                changes[column] = value
        connection.execute(update(Staff).where(Staff.id == known).values(**changes))
    try:
        return provision_staff_login_on(connection, entry.username, password)
    except StaffLoginError as error:
        raise StaffInputError(str(error)) from None


def login_exists(connection: Connection, username: str) -> bool:
    """Whether ``username`` already signs in to the server."""
    return bool(
        connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :u AND rolcanlogin"), {"u": username}
        ).first()
    )
