"""The SMS-station right: which staff login may claim the hospital's queued text messages.

The right is the server's group role ``desk_sms_station`` (migration 0022), granted to one
staff member's own login, not a column of ``staff``: PostgreSQL checks it before a line of
``sms_claim_queued`` runs, no desk can read or change it (it is not in any table a desk
pulls or pushes), and ``backup`` keeps it with the other roles.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from agent_app.server.connection import ServerToolError

STATION_ROLE = "desk_sms_station"


def _login_of_staff(connection: Connection, username: str) -> str:
    found = connection.execute(
        text(
            "SELECT s.username FROM staff s JOIN pg_roles r ON r.rolname = s.username "
            "WHERE s.username = :u AND s.active AND r.rolcanlogin"
        ),
        {"u": username},
    ).scalar()
    if found is None:
        raise ServerToolError(f"{username} is not an active staff member with a login")
    return str(found)


def set_sms_station(connection: Connection, username: str, allowed: bool) -> None:
    """Grant (``allowed``) or take back the SMS-station right of ``username``'s login."""
    login = _login_of_staff(connection, username)
    quoted = connection.exec_driver_sql("SELECT quote_ident(%s)", (login,)).scalar_one()
    if allowed:
        connection.exec_driver_sql(f"GRANT {STATION_ROLE} TO {quoted}")
    else:
        connection.exec_driver_sql(f"REVOKE {STATION_ROLE} FROM {quoted}")


def sms_stations(connection: Connection) -> list[str]:
    """The logins that hold the SMS-station right, by name."""
    return list(
        connection.execute(
            text(
                "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :g ORDER BY m.rolname"
            ),
            {"g": STATION_ROLE},
        ).scalars()
    )
