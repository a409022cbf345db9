"""Hostile logins against the server's tally deltas (migration 0014): no desk login but
hospital quality staff reads them, none writes them, and calling the fold shows nothing and
changes no figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from agent_app.store.tallies.deltas import DELTA_TABLES
from tests.reports.tally_checks import tally_rows
from tests.security.test_hostile_logins import _work_done_everywhere

Connect = Callable[..., Engine]
AGENT, SUPERVISOR, QUALITY, ADMIN = "nurse1", "nurse4", "nurse5", "nurse6"
WRITES = (
    "INSERT INTO {t} SELECT * FROM {t} LIMIT 1",
    "UPDATE {t} SET day = day",
    "DELETE FROM {t}",
)


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR, ADMIN])
@pytest.mark.parametrize("table", DELTA_TABLES)
def test_only_quality_staff_read_the_deltas(
    server: Engine, as_staff: Connect, login: str, table: str
) -> None:
    _work_done_everywhere(server)
    with pytest.raises(DBAPIError, match="permission denied"), as_staff(login).connect() as c:
        c.execute(text(f"SELECT count(*) FROM {table}"))
    assert _count(as_staff(QUALITY), table) == _count(server, table)


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR, QUALITY, ADMIN])
@pytest.mark.parametrize("write", WRITES)
def test_no_desk_login_writes_the_deltas(
    server: Engine, as_staff: Connect, login: str, write: str
) -> None:
    _work_done_everywhere(server)
    before = tally_rows(server)
    table = "stats_writer_tally_delta"
    with pytest.raises(DBAPIError, match="permission denied"), as_staff(login).begin() as c:
        c.execute(text(write.format(t=table)))
    assert tally_rows(server) == before


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
def test_another_departments_fold_changes_no_figure_and_opens_nothing(
    server: Engine, as_staff: Connect, login: str
) -> None:
    _work_done_everywhere(server)
    assert sum(_count(server, table) for table in DELTA_TABLES) > 0
    figures = tally_rows(server)
    hostile = as_staff(login)
    with hostile.begin() as connection:
        assert connection.execute(text("SELECT stats_fold_deltas()")).scalar_one() is True
    assert sum(_count(server, table) for table in DELTA_TABLES) == 0
    assert tally_rows(server) == figures
    for table in ("stats_satisfaction_tally", "stats_satisfaction_tally_delta"):
        with pytest.raises(DBAPIError, match="permission denied"), hostile.connect() as c:
            c.execute(text(f"SELECT * FROM {table}"))
