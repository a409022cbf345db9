"""Is the server set up so that staff logins can only arrive over TLS?

A desk refuses a server without TLS (``sslmode=verify-full``), but the server must refuse too:
a staff login allowed in over plain TCP can be read or taken over on the way by anyone on the
network. So ``init`` and ``check-tls`` read the running server's settings and its
``pg_hba.conf`` rules (``pg_hba_file_rules``, readable by a superuser) and report each line
green, amber (works, but weaker than it should be) or red (fix before desks connect).
"""

from __future__ import annotations

import enum
import ipaddress
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from agent_app.sync.logins import GROUP_ROLES


class Level(enum.StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Finding:
    level: Level
    text: str


_STRONG_AUTH = frozenset({"scram-sha-256", "cert"})
_WEAK_AUTH = frozenset({"md5", "password"})


def _setting(connection: Connection, name: str) -> str:
    return str(connection.execute(text("SELECT current_setting(:n)"), {"n": name}).scalar_one())


def _file_present(connection: Connection, path: str) -> bool | None:
    """Whether the server can see ``path`` (relative to its data folder); None when this
    role may not ask (pg_stat_file needs a superuser or pg_read_server_files)."""
    try:
        with connection.begin_nested():
            size = connection.execute(
                text("SELECT (pg_stat_file(:p, true)).size"), {"p": path}
            ).scalar_one_or_none()
    except DBAPIError:
        return None
    return size is not None


def _settings_findings(connection: Connection) -> list[Finding]:
    if _setting(connection, "ssl") != "on":
        return [
            Finding(
                Level.RED,
                "ssl = off: desks refuse a server without TLS. Set ssl = on, ssl_cert_file "
                "and ssl_key_file in postgresql.conf, then reload.",
            )
        ]
    found = [Finding(Level.GREEN, "ssl = on")]
    for name in ("ssl_cert_file", "ssl_key_file"):
        path = _setting(connection, name)
        present = _file_present(connection, path)
        if present is None:
            found.append(Finding(Level.AMBER, f"{name} = {path}: not checked (needs a superuser)"))
        elif present:
            found.append(Finding(Level.GREEN, f"{name} = {path} is present"))
        else:
            found.append(Finding(Level.RED, f"{name} = {path} does not exist on the server."))
    minimum = _setting(connection, "ssl_min_protocol_version")
    if minimum in ("", "TLSv1", "TLSv1.1"):
        found.append(
            Finding(Level.AMBER, f"ssl_min_protocol_version = {minimum}: set TLSv1.2 or newer.")
        )
    encryption = _setting(connection, "password_encryption")
    if encryption != "scram-sha-256":
        found.append(
            Finding(
                Level.AMBER,
                f"password_encryption = {encryption}: set scram-sha-256 before making logins.",
            )
        )
    return found


def _for_staff(users: list[str]) -> bool:
    """Whether a rule's user list can match a staff login."""
    return any(u == "all" or u.lstrip("+") in GROUP_ROLES for u in users)


def _loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def _rule_finding(line: int, kind: str, address: str | None, auth: str) -> Finding | None:
    where = f"pg_hba.conf line {line} ({' '.join(filter(None, (kind, address, auth)))})"
    if auth == "reject":
        return None
    if kind == "local":
        if auth == "trust":
            return Finding(
                Level.AMBER,
                f"{where}: anyone on this machine signs in as any staff member without a "
                "password; use peer or scram-sha-256.",
            )
        return None
    if auth == "trust":
        return Finding(Level.RED, f"{where}: staff logins get in without a password.")
    if kind in ("host", "hostnossl", "hostgssenc"):
        if _loopback(address):
            return Finding(
                Level.AMBER,
                f"{where}: staff logins may connect without TLS from this machine; make it "
                "hostssl.",
            )
        return Finding(
            Level.RED,
            f"{where}: staff logins may connect without TLS from the network; make it hostssl.",
        )
    if auth in _WEAK_AUTH:
        return Finding(Level.AMBER, f"{where}: use scram-sha-256 rather than {auth}.")
    if auth in _STRONG_AUTH:
        return Finding(Level.GREEN, f"{where}: staff logins over TLS with {auth}")
    return Finding(Level.AMBER, f"{where}: {auth} is not checked here; make sure it is meant.")


def _hba_findings(connection: Connection, database: str) -> list[Finding]:
    try:
        with connection.begin_nested():
            rules = connection.execute(
                text(
                    "SELECT line_number, type, database, user_name, address, auth_method, error "
                    "FROM pg_hba_file_rules ORDER BY line_number"
                )
            ).all()
    except DBAPIError:
        return [Finding(Level.AMBER, "pg_hba.conf: not checked (needs a superuser).")]
    found: list[Finding] = []
    reachable = False
    for line, kind, databases, users, address, auth, error in rules:
        if error:
            found.append(Finding(Level.RED, f"pg_hba.conf line {line}: {error}"))
            continue
        if not ({"all", database} & set(databases or [])) or not _for_staff(list(users or [])):
            continue
        finding = _rule_finding(int(line), str(kind), address, str(auth))
        if finding is not None:
            found.append(finding)
        reachable |= kind == "hostssl" and auth != "reject"
    if not reachable:
        found.append(
            Finding(
                Level.RED,
                f"pg_hba.conf has no hostssl line for database {database} and the desks' "
                f"roles: add e.g. 'hostssl {database} +desk_staff 10.0.0.0/8 scram-sha-256'.",
            )
        )
    return found


def check_tls(connection: Connection, database: str) -> list[Finding]:
    """The TLS settings and the pg_hba.conf rules that staff logins meet, one finding each."""
    return [*_settings_findings(connection), *_hba_findings(connection, database)]
