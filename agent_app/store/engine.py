"""Open the desktop's SQLite store and the central PostgreSQL with the settings both need."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from agent_app.config import ServerSettings
from agent_app.store.errors import StoreCorruptError, StoreUnavailableError
from agent_app.store.health import require_sound_store
from agent_app.store.migrate import is_current, upgrade_to_head
from agent_app.store.server_tls import tls_options, tls_refusal

log = logging.getLogger(__name__)


# Every engine hides bound parameters from its error messages and SQL echo: they carry dialled
# numbers, ID numbers and patient ids, and an error text ends up in logs and message boxes.


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: a committed answer survives a power cut, not only a killed process.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def create_sqlite_engine(path: Path) -> Engine:
    """An engine over a SQLite file in WAL mode with foreign keys enforced."""
    engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_server_engine(url: str | URL, *, connect_timeout: int = 5) -> Engine:
    """An engine over PostgreSQL through psycopg 3; nothing is connected until first use."""
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={
            "connect_timeout": connect_timeout,
            "application_name": "agent-app",
            # A line that drops silently (no reset) must fail within seconds, not hang a
            # sync thread for the kernel's two hours: TCP keepalives and a send timeout.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": 20_000,
        },
    )


def server_url(settings: ServerSettings, username: str, password: str | None) -> URL:
    """The central database as the staff member's own role (row-level security applies),
    over TLS as the settings say (``verify-full`` unless weaker is allowed explicitly)."""
    return URL.create(
        "postgresql+psycopg",
        username=username,
        password=password or None,
        host=settings.host,
        port=settings.port,
        database=settings.database,
        query=tls_options(settings),
    )


def open_local_store(path: Path) -> Engine:
    """Open (creating if needed) the local store and migrate it to the current schema.

    Raises SchemaTooNewError for a store from a newer version (it is left untouched),
    StoreCorruptError for a file that is not a SQLite database (StoreDamagedError, a kind of
    it, for damage found by quick_check before a migration).
    """
    engine = create_sqlite_engine(path)
    try:
        with engine.connect() as connection:
            current = is_current(connection)
        if not current:
            require_sound_store(engine, path)  # a damaged store is never migrated
            upgrade_to_head(engine)
    except DatabaseError as exc:
        engine.dispose()
        if isinstance(exc.orig, sqlite3.DatabaseError) and "not a database" in str(exc.orig):
            raise StoreCorruptError(
                f"The file {path} is not a follow-up desk data store; it was left as it is."
            ) from exc
        raise StoreUnavailableError(f"The data store {path} cannot be opened: {exc.orig}.") from exc
    except Exception:
        engine.dispose()
        raise
    return engine


def check_server(engine: Engine) -> None:
    """Prove the central database answers; raise StoreUnavailableError in plain words
    (ServerNotTrustedError when it offered no TLS or could not prove who it is)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        where = f"{engine.url.host or 'localhost'}:{engine.url.port or 5432}"
        refusal = tls_refusal(str(exc.orig), where)
        if refusal is not None:
            raise refusal from exc
        reason = _first_line(str(exc.orig))
        raise StoreUnavailableError(
            f"Cannot reach the central database at {where} ({reason}); working offline."
        ) from exc


def _first_line(message: str) -> str:
    for line in message.splitlines():
        line = line.strip()
        if line:
            return line.rstrip(".")
    return "no answer"
