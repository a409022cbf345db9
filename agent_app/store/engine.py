"""Open the desktop's SQLite store and the central PostgreSQL with the settings both need."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from agent_app.config import ServerSettings
from agent_app.store import encryption
from agent_app.store.errors import StoreUnavailableError
from agent_app.store.health import require_sound_store
from agent_app.store.migrate import is_current, upgrade_to_head
from agent_app.store.server_errors import ServerUnavailableError, connection_failure
from agent_app.store.server_hosts import explain_connect_failure, multi_host_query
from agent_app.store.server_tls import tls_options
from agent_app.store.store_file import prepare_store_file
from agent_app.store.store_key import StoreUnreadableError, UnreadableReason

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


def create_sqlite_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine over a SQLite file in WAL mode with foreign keys enforced; with ``key``, an
    SQLCipher store keyed on every new connection before anything reads it. Bound parameters
    (phone numbers, patient ids) never appear in its errors or logs."""
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True)
    else:
        engine = create_engine(
            f"sqlite:///{path}", future=True, module=encryption.DBAPI, hide_parameters=True
        )

        def keyed(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            return encryption.connect_encrypted(cargs[0], key, **cparams)

        event.listen(engine, "do_connect", keyed)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


# A desk's server connections: the sync thread's, and one more for a claim, a recording or a
# statistics query started from the window meanwhile; two more wait up to POOL_TIMEOUT rather
# than fail. Connections older than POOL_RECYCLE are replaced (a promoted standby, a
# restarted PgBouncer), and the sync worker closes them all when the desk is idle.
POOL_SIZE = 2
POOL_OVERFLOW = 2
POOL_TIMEOUT = 15
POOL_RECYCLE = 900


def create_server_engine(url: str | URL, *, connect_timeout: int = 5) -> Engine:
    """An engine over PostgreSQL through psycopg 3 sized for one desk (at most
    POOL_SIZE + POOL_OVERFLOW connections); nothing is connected until first use."""
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_timeout=POOL_TIMEOUT,
        pool_recycle=POOL_RECYCLE,
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
    over TLS as the settings say (``verify-full`` unless weaker is allowed explicitly; with
    several hosts libpq checks each host's certificate against that host's own name)."""
    endpoints = settings.endpoints
    if len(endpoints) > 1:  # a primary and its standbys: the desk uses whichever takes writes
        return URL.create(
            "postgresql+psycopg",
            username=username,
            password=password or None,
            database=settings.database,
            query={**multi_host_query(endpoints), **tls_options(settings)},
        )
    host, port = endpoints[0] if endpoints else (settings.host, settings.port)
    return URL.create(
        "postgresql+psycopg",
        username=username,
        password=password or None,
        host=host,
        port=port,
        database=settings.database,
        query=tls_options(settings),
    )


def open_local_store(path: Path, progress: encryption.Progress | None = None) -> Engine:
    """Open (creating if needed) the encrypted local store and migrate it to the current schema.

    A plaintext store from an older version is encrypted first (``progress`` hears how far).
    Raises SchemaTooNewError for a store from a newer version (it is left untouched),
    StoreUnreadableError (a StoreCorruptError) for a file this desk's key does not open,
    StoreDamagedError (also a StoreCorruptError) for damage quick_check finds before a
    migration: a damaged store is never migrated.
    """
    key = prepare_store_file(path, progress)
    engine = create_sqlite_engine(path, key)
    try:
        with engine.connect() as connection:
            current = is_current(connection)
        if not current:
            require_sound_store(engine, path)  # a damaged store is never migrated
            upgrade_to_head(engine)
    except DatabaseError as exc:
        engine.dispose()
        if isinstance(exc.orig, encryption.DatabaseError) and "not a database" in str(exc.orig):
            raise StoreUnreadableError(UnreadableReason.KEY_WRONG, path) from exc
        raise StoreUnavailableError(f"The data store {path} cannot be opened: {exc.orig}.") from exc
    except Exception:
        engine.dispose()
        raise
    return engine


def check_server(engine: Engine) -> None:
    """Prove the central database answers; raise ServerUnavailableError with the reason's code
    (ServerNotTrustedError when it offered no TLS or could not prove who it is)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise server_unavailable(str(exc.orig), engine.url) from exc


def server_unavailable(message: str, url: URL) -> ServerUnavailableError:
    """The coded failure for libpq's ``message`` about a connection to ``url`` that failed or
    was lost: a TLS refusal, a full server, a login at its limit, or a server out of reach.
    ``where`` names every host the URL lists; with several, ``reason`` says what each one
    answered, and a TLS refusal names the host that made it."""
    failure = explain_connect_failure(message, url)
    if failure.refusal is not None:
        return failure.refusal
    return ServerUnavailableError(
        connection_failure(message), where=failure.where, reason=failure.reason
    )
