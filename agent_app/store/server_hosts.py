"""Several hosts for the central database: how the desk lists them, and what each one said.

A hospital runs its central PostgreSQL with a hot standby (Patroni, repmgr). The desk lists
every host; libpq (through psycopg) tries them in order and keeps the first that takes writes
(``target_session_attrs=read-write``), so after a failover the promoted standby is found
without touching the desk. When none of them answers as primary, psycopg lists each host's
failure; the desk's message names every host and says what each one answered, and a TLS
refusal names the host that could not prove who it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.engine import URL

from agent_app.store.server_errors import first_line
from agent_app.store.server_tls import ServerNotTrustedError, tls_refusal

# psycopg's list after "Multiple connection attempts failed. All failures were:"
_ATTEMPT = re.compile(r"^- host: '(?P<host>[^']*)', port: '(?P<port>[^']*)'.*?: (?P<said>.*)$")


def multi_host_query(endpoints: Sequence[tuple[str, int]]) -> dict[str, str]:
    """URL query options for several hosts: libpq's comma lists (SQLAlchemy's psycopg dialect
    passes ``host=h1,h2&port=p1,p2`` through as they are, IPv6 names included) and the
    demand for a server that takes writes, so a standby is never mistaken for the primary."""
    return {
        "host": ",".join(host for host, _ in endpoints),
        "port": ",".join(str(port) for _, port in endpoints),
        "target_session_attrs": "read-write",
    }


def server_places(url: URL) -> tuple[str, ...]:
    """``host:port`` of every server ``url`` names, in the order they are tried."""
    hosts = url.query.get("host")
    if isinstance(hosts, tuple):  # SQLAlchemy's other form: host=h1:p1&host=h2:p2
        return tuple(h if ":" in h else f"{h}:{url.port or 5432}" for h in hosts)
    if isinstance(hosts, str):
        ports = str(url.query.get("port", "")).split(",")
        names = hosts.split(",")
        ports += [""] * (len(names) - len(ports))
        return tuple(f"{h}:{p or url.port or 5432}" for h, p in zip(names, ports, strict=False))
    return (f"{url.host or 'localhost'}:{url.port or 5432}",)


@dataclass(frozen=True)
class ConnectFailure:
    """Why the central database could not be used: where the desk tried, what it heard, and
    the TLS refusal when a host could not prove who it is (then nothing was sent to it)."""

    where: str
    reason: str
    refusal: ServerNotTrustedError | None


def _attempts(message: str) -> list[tuple[str, str, str]]:
    """(host:port, what it said, libpq's whole line) per host psycopg tried, when it tried
    more than one."""
    found = []
    for line in message.splitlines():
        match = _ATTEMPT.match(line.strip())
        if match:
            said = match["said"].rsplit(" failed: ", 1)[-1].strip().rstrip(".")
            found.append((f"{match['host']}:{match['port']}", said, match["said"]))
    return found


def explain_connect_failure(message: str, url: URL) -> ConnectFailure:
    """Turn libpq's ``message`` about reaching ``url`` into words: each host named, with what
    it answered when there are several ("Connection refused", "session is read-only")."""
    attempts = _attempts(message)
    if not attempts:
        where = ", ".join(server_places(url))
        return ConnectFailure(where, first_line(message), tls_refusal(message, where))
    for place, said, line in attempts:
        refusal = tls_refusal(line, place)
        if refusal is not None:
            return ConnectFailure(place, said, refusal)
    where = ", ".join(place for place, _, _ in attempts)
    reason = "; ".join(f"{place}: {said}" for place, said, _ in attempts)
    return ConnectFailure(where, reason, None)
