"""Desk versions against the central server's version gate (migration 0016).

The server keeps one row, ``desk_version_gate.min_version``: the oldest desk version that may
sync with it. A desk compares its own version to it before it sends anything, so a desk that
does not know what the server now expects keeps its work until it is updated.

**The rule for migrations.** A migration that changes what desks send (a new column a push
must fill, a changed ``sync_apply`` contract, a table renamed) raises the gate to the first
desk version that carries it, with ``op.execute(raise_min_version_sql("X.Y.Z"))``. A
migration that only adds what old desks can ignore leaves it. The gate never goes down by a
migration (a downgrade leaves it too); IT may set it by hand with
``python -m agent_app.server set-min-version X.Y.Z``.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)")
VERSION_PATTERN = r"^[0-9]+\.[0-9]+\.[0-9]+$"  # what the gate table accepts


def parse_version(version: str) -> tuple[int, int, int]:
    """``X.Y.Z`` (anything after it, e.g. ``.dev1``, is ignored) as a tuple that compares in
    release order; ValueError for anything else."""
    found = _VERSION.match(version.strip())
    if found is None:
        raise ValueError(f"{version!r} is not a version of the form X.Y.Z")
    major, minor, patch = (int(part) for part in found.groups())
    return major, minor, patch


def canonical_version(version: str) -> str:
    """``version`` as the gate stores it (exactly ``X.Y.Z``, no leading zeros); ValueError
    for anything else, so a typo never reaches a hospital's server."""
    if re.fullmatch(r"\d+\.\d+\.\d+", version.strip()) is None:
        raise ValueError(f"{version!r} is not a version of the form X.Y.Z")
    return ".".join(str(part) for part in parse_version(version))


def _as_array(expression: str) -> str:
    return f"CAST(string_to_array({expression}, '.') AS integer[])"


def raise_min_version_sql(version: str) -> str:
    """SQL for a migration: lift the gate to ``version`` unless it already stands higher."""
    wanted = f"'{canonical_version(version)}'"  # digits and dots only: safe to inline
    return (
        f"UPDATE desk_version_gate SET min_version = {wanted}, changed_at = now() "
        f"WHERE {_as_array('min_version')} < {_as_array(wanted)}"
    )


def read_min_version(connection: Connection) -> str:
    """The gate as the owner reads it."""
    return str(connection.execute(text("SELECT min_version FROM desk_version_gate")).scalar_one())


def set_min_version(connection: Connection, version: str) -> str:
    """Set the gate to exactly ``version`` (up or down: IT's decision); returns the old one."""
    canonical = canonical_version(version)
    old = read_min_version(connection)
    connection.execute(
        text("UPDATE desk_version_gate SET min_version = :v, changed_at = now()"),
        {"v": canonical},
    )
    return old
