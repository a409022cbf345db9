"""The central PostgreSQL restarts in the middle of a sync (its own server, not the shared one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.worker import SyncWorker
from tests.pg_server import PgServer, running_server, start_server, stop_server
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.small_hospital import seed_small_hospital

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def own_pg() -> Iterator[PgServer]:
    with running_server() as server:
        yield server


@pytest.fixture
def central(own_pg: PgServer) -> Iterator[tuple[Engine, Engine]]:
    """(superuser engine, nurse1's engine) on a fresh database of the restartable server."""
    admin = create_engine(own_pg.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS central WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE central"))
    admin.dispose()
    server = create_server_engine(own_pg.url("central"))
    upgrade_to_head(server)
    seed_small_hospital(server)
    provision_staff_login(server, "nurse1", None)
    desk = create_server_engine(own_pg.url("central", user="nurse1"), connect_timeout=2)
    yield server, desk
    desk.dispose()
    server.dispose()


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_pull_interrupted_by_a_restart_resumes_after_the_last_stored_page(
    own_pg: PgServer, central: tuple[Engine, Engine], tmp_path: Path
) -> None:
    _, desk = central
    local = open_local_store(tmp_path / "desk.sqlite3")
    pages: list[int] = []
    tables = ("patient", "contact")

    def restart_after_two(table: str, rows: int) -> None:
        pages.append(rows)
        if len(pages) == 2:
            stop_server(own_pg)

    try:
        with pytest.raises(SyncOfflineError, match="working offline"):
            pull_changes(local, desk, tables=tables, page_size=4, on_page=restart_after_two)
    finally:
        start_server(own_pg)
    stored = sum(_count(local, table) for table in tables)
    assert stored >= 8  # the chunks stored before the restart stay (and any already received)
    assert stored < sum(_count(desk, table) for table in tables)
    resumed = pull_changes(local, desk, tables=tables, page_size=4)
    assert resumed.total == sum(_count(desk, table) for table in tables) - stored
    for table in tables:
        assert _count(local, table) == _count(desk, table)


def test_worker_goes_offline_during_a_restart_and_pushes_once_the_server_is_back(
    own_pg: PgServer, central: tuple[Engine, Engine], tmp_path: Path
) -> None:
    server, desk = central
    local = open_local_store(tmp_path / "desk.sqlite3")
    worker = SyncWorker(local, desk)
    assert worker.run_once().online is True  # pooled connections now exist
    task_id, _ = next((t, s) for t, s in open_tasks(local) if s in (1, None))
    save_call_result(local, task_id, 1)
    stop_server(own_pg)
    try:
        down = worker.run_once()
        assert down.online is False and down.pending == 3
        assert down.last_error.startswith("Cannot reach the central database")
    finally:
        start_server(own_pg)
    back = worker.run_once()  # the dead pooled connections are replaced, nothing duplicated
    assert (back.online, back.pending, back.last_error) == (True, 0, "")
    assert _count(server, "followup_result") == 1
