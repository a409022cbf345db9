"""A desk's server connections: bounded, given back when idle, and a full server named full.

The server here is a PostgreSQL of its own with few connection slots (``max_connections`` 8,
3 of them kept for superusers), so a test can fill it the way 300 desks fill a hospital's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from agent_app.store.engine import (
    POOL_OVERFLOW,
    POOL_SIZE,
    check_server,
    create_server_engine,
    open_local_store,
)
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.server_errors import ServerCode, ServerUnavailableError
from agent_app.sync.errors import SyncFullError, SyncOfflineError
from agent_app.sync.logins import STAFF_CONNECTION_LIMIT, provision_staff_login
from agent_app.sync.worker import SyncWorker
from tests.pg_server import PgServer, running_server
from tests.sync.small_hospital import seed_small_hospital

SLOTS = 8  # of which superuser_reserved_connections (3) are left to the administrator


@pytest.fixture(scope="module")
def small_server() -> Iterator[PgServer]:
    with running_server(max_connections=SLOTS) as server:
        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text('CREATE DATABASE "hospital"'))
            connection.execute(text("CREATE ROLE filler LOGIN"))
        admin.dispose()
        engine = create_server_engine(server.url("hospital"))
        upgrade_to_head(engine)
        seed_small_hospital(engine, patients=10)
        engine.dispose()
        yield server


@pytest.fixture
def admin(small_server: PgServer) -> Iterator[Engine]:
    engine = create_server_engine(small_server.url("hospital"))
    yield engine
    engine.dispose()


def _desk_engine(admin: Engine, username: str) -> Engine:
    provision_staff_login(admin, username, None)
    return create_server_engine(admin.url.set(username=username, password=None))


def _held_by(admin: Engine, username: str) -> int:
    with admin.connect() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE usename = :u"), {"u": username}
            ).scalar_one()
        )


def _dsn(url: URL, user: str) -> str:
    return url.set(drivername="postgresql", username=user).render_as_string(hide_password=False)


@pytest.fixture
def desk_store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield engine
    engine.dispose()


def test_a_full_server_is_named_full_and_the_desk_syncs_once_a_slot_frees(
    admin: Engine, desk_store: Engine
) -> None:
    desk = _desk_engine(admin, "nurse1")
    worker = SyncWorker(desk_store, desk, release_idle_after=None)
    fillers: list[psycopg.Connection] = []
    try:
        while True:  # take every slot a non-superuser may have
            try:
                fillers.append(psycopg.connect(_dsn(make_url(str(admin.url)), "filler")))
            except psycopg.OperationalError:
                break
        assert 0 < len(fillers) <= SLOTS - 3  # the admin engine holds one too
        status = worker.run_once()
        assert isinstance(status.failure, SyncFullError)
        assert status.failure.code == ServerCode.FULL
        assert status.online is False
        assert "is full" in status.last_error and "Cannot reach" not in status.last_error
        with pytest.raises(ServerUnavailableError) as caught:
            check_server(desk)
        assert caught.value.code == ServerCode.FULL
        fillers.pop().close()
        status = worker.run_once()
        assert status.failure is None and status.online is True
    finally:
        for connection in fillers:
            connection.close()
        desk.dispose()


def test_a_server_that_is_down_is_not_called_full(desk_store: Engine) -> None:
    with running_server() as other:
        url = make_url(other.url())
    desk = create_server_engine(url, connect_timeout=2)  # that server has stopped
    status = SyncWorker(desk_store, desk, release_idle_after=None).run_once()
    assert isinstance(status.failure, SyncOfflineError)
    assert not isinstance(status.failure, SyncFullError)
    assert status.failure.code == ServerCode.UNREACHABLE
    desk.dispose()


def test_a_login_at_its_connection_limit_is_told_to_close_its_other_desk(
    admin: Engine, desk_store: Engine
) -> None:
    desk = _desk_engine(admin, "nurse2")
    with admin.connect() as connection:
        limit = connection.execute(
            text("SELECT rolconnlimit FROM pg_roles WHERE rolname = 'nurse2'")
        ).scalar_one()
    assert limit == STAFF_CONNECTION_LIMIT
    with admin.begin() as connection:
        connection.execute(text("ALTER ROLE nurse2 CONNECTION LIMIT 1"))
    other_desk = psycopg.connect(_dsn(make_url(str(admin.url)), "nurse2"))
    try:
        status = SyncWorker(desk_store, desk, release_idle_after=None).run_once()
        assert isinstance(status.failure, SyncFullError)
        assert status.failure.code == ServerCode.LOGIN_LIMIT
    finally:
        other_desk.close()
        desk.dispose()
        provision_staff_login(admin, "nurse2", None)


def test_an_idle_desk_gives_its_connections_back_and_takes_one_again(
    admin: Engine, desk_store: Engine
) -> None:
    desk = _desk_engine(admin, "nurse3")
    worker = SyncWorker(desk_store, desk, interval=60, release_idle_after=0.3)
    cycles: list[int] = []
    worker.add_listener(lambda s: cycles.append(s.cycles) if not s.syncing else None)
    worker.start()
    try:
        deadline = time.monotonic() + 20
        while not cycles and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cycles, "the first cycle never ended"
        assert worker.status.failure is None
        while _held_by(admin, "nurse3") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _held_by(admin, "nurse3") == 0
        worker.sync_now()
        while len(cycles) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(cycles) == 2 and worker.status.failure is None
    finally:
        worker.stop()
        desk.dispose()


def test_a_busy_desk_holds_no_more_than_its_pool(admin: Engine) -> None:
    desk = _desk_engine(admin, "nurse4")
    most = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal most
        while not done.is_set():
            most = max(most, _held_by(admin, "nurse4"))
            time.sleep(0.02)

    def work() -> None:
        with desk.connect() as connection:
            connection.execute(text("SELECT pg_sleep(0.3)"))

    watcher = threading.Thread(target=watch)
    watcher.start()
    workers = [threading.Thread(target=work) for _ in range(8)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    done.set()
    watcher.join()
    desk.dispose()
    assert most == POOL_SIZE + POOL_OVERFLOW
