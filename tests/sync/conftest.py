"""A central server holding a small hospital, an empty desk store, and a line to cut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from tests.sync.small_hospital import seed_small_hospital
from tests.sync.tcp_proxy import TcpProxy


@pytest.fixture
def server(pg_url: str) -> Iterator[Engine]:
    """A fresh central database at the current schema holding the small hospital."""
    engine = create_server_engine(pg_url)
    upgrade_to_head(engine)
    seed_small_hospital(engine)
    yield engine
    engine.dispose()


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
