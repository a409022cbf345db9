"""The server a benchmark runs against: one given as a URL, or a throwaway PostgreSQL started
by the test harness; and a fresh database on it at the current schema."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from agent_app.store.engine import create_server_engine
from agent_app.store.migrate import upgrade_to_head


@contextlib.contextmanager
def bench_server(url: str | None, conf: Sequence[str] = ()) -> Iterator[str]:
    """``url`` (an admin SQLAlchemy URL) as it is, or a throwaway server's with ``conf``."""
    if url:
        yield url
        return
    from tests.pg_server import running_server

    with running_server(conf) as server:
        yield server.url()


def fresh_database(admin_url: str, name: str) -> Engine:
    """Database ``name`` dropped and made again, migrated to the current schema (empty)."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = create_server_engine(make_url(admin_url).set(database=name))
    upgrade_to_head(engine)
    return engine
