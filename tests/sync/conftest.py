"""A central server holding a small hospital, an empty desk store, and a line to cut."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL

from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.sync.logins import provision_staff_login
from tests.pg_server import PgServer
from tests.sync.small_hospital import seed_small_hospital
from tests.sync.tcp_proxy import TcpProxy

_copies = itertools.count(1)


def _admin_sql(pg_server: PgServer, sql: str) -> None:
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(sql))
    admin.dispose()


@pytest.fixture(scope="session")
def hospital_template(pg_server: PgServer) -> Iterator[str]:
    """A database migrated and seeded once; each test copies it (CREATE DATABASE ... TEMPLATE
    takes a fraction of the time migrating and seeding take)."""
    name = f"tpl_sync_{os.getpid()}_{next(_copies)}"  # imported by tests/ui too: once each
    _admin_sql(pg_server, f'CREATE DATABASE "{name}"')
    engine = create_server_engine(pg_server.url(name))
    upgrade_to_head(engine)
    seed_small_hospital(engine)
    engine.dispose()
    yield name
    _admin_sql(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(pg_server: PgServer, hospital_template: str) -> Iterator[Engine]:
    """A fresh central database at the current schema holding the small hospital."""
    name = f"sync_{os.getpid()}_{next(_copies)}"
    _admin_sql(pg_server, f'CREATE DATABASE "{name}" TEMPLATE "{hospital_template}"')
    engine = create_server_engine(pg_server.url(name))
    yield engine
    engine.dispose()
    _admin_sql(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Engine]:
    """An empty desk store."""
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield engine
    engine.dispose()


@pytest.fixture
def line(server: Engine) -> Iterator[TcpProxy]:
    """A TCP proxy between the desk and the central server that can cut the line."""
    proxy = TcpProxy(server.url.host or "127.0.0.1", server.url.port or 5432)
    yield proxy
    proxy.close()


@pytest.fixture
def server_via_line(server: Engine, line: TcpProxy) -> Iterator[Engine]:
    """The central server as the desk reaches it: through the line."""
    engine = create_server_engine(server.url.set(port=line.port), connect_timeout=2)
    yield engine
    engine.dispose()


@pytest.fixture
def as_staff(server: Engine) -> Iterator[Callable[[str], Engine]]:
    """Engines on the central database signed in as a staff member's own login (RLS applies)."""
    engines: list[Engine] = []

    def connect(username: str, *, via: URL | None = None) -> Engine:
        provision_staff_login(server, username, "pw-" + username)
        base = via or server.url
        engine = create_server_engine(base.set(username=username, password="pw-" + username))
        engines.append(engine)
        return engine

    yield connect
    for engine in engines:
        engine.dispose()
