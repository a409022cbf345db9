"""Hostile logins against the version gate (migration 0016): no desk login lowers, raises,
adds, removes or even reads the gate row; each reads it only through desk_sync_gate()."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from agent_app.store.migrate import head_revision

Connect = Callable[..., Engine]
LOGINS = ("nurse1", "nurse4", "nurse5", "nurse6")  # agent, supervisor, quality, admin
ATTACKS = (
    "UPDATE desk_version_gate SET min_version = '0.0.1'",
    "DELETE FROM desk_version_gate",
    "INSERT INTO desk_version_gate (id, min_version) VALUES (false, '0.0.1')",
    "TRUNCATE desk_version_gate",
    "SELECT min_version FROM desk_version_gate",
    "ALTER TABLE desk_version_gate DISABLE ROW LEVEL SECURITY",
    "CREATE OR REPLACE FUNCTION desk_sync_gate(OUT min_version text, OUT schema_revision text) "
    "LANGUAGE sql AS $$ SELECT '0.0.1', '0016' $$",
)


def _gate(server: Engine) -> list[tuple[object, ...]]:
    with server.connect() as connection:
        return [tuple(row) for row in connection.execute(text("SELECT * FROM desk_version_gate"))]


@pytest.mark.parametrize("login", LOGINS)
def test_no_staff_login_touches_the_gate(server: Engine, as_staff: Connect, login: str) -> None:
    before = _gate(server)
    hostile = as_staff(login)
    for attack in ATTACKS:
        with (
            pytest.raises(DBAPIError, match=r"permission denied|must be owner"),
            hostile.begin() as connection,
        ):
            connection.execute(text(attack))
        assert _gate(server) == before, attack
    assert len(before) == 1


@pytest.mark.parametrize("login", LOGINS)
def test_every_staff_login_reads_the_gate_through_its_function(
    server: Engine, as_staff: Connect, login: str
) -> None:
    with as_staff(login).connect() as connection:
        row = connection.execute(text("SELECT * FROM desk_sync_gate()")).one()
    assert tuple(row) == ("0.1.0", head_revision())
