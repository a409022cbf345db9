"""Shared fixtures: real PostgreSQL, isolated settings, in-memory keyring, offscreen Qt."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent_app.credentials import KEYRING_SERVICE
from agent_app.demo.seed import seed_store
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from tests.keyring_memory import DESK_KEY_ENTRIES, FILE_VARIABLE, MemoryKeyring, SharedKeyring
from tests.pg_server import PgServer, running_server
from tests.tls_certs import TlsServer, make_authority, server_tls_setup

DEMO_TODAY = dt.date(2026, 11, 23)
_db_names = itertools.count(1)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config and data at a temp folder so no test reads or writes the user's files."""
    for name in list(os.environ):
        if name.startswith("AGENT_APP_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


# The desk's store and recordings keys, one pair for the whole run: a store made by a
# module-wide fixture opens again in any later test, as on one real desk.
DESK_KEYS = {entry: secrets.token_bytes(32).hex() for entry in sorted(DESK_KEY_ENTRIES)}


def _baseline_keyring() -> MemoryKeyring:
    """The keyring between tests, where module-wide fixtures run: the same desk keys."""
    backend = MemoryKeyring()
    for entry, key in DESK_KEYS.items():
        backend.set_password(KEYRING_SERVICE, entry, key)
    return backend


keyring.set_keyring(_baseline_keyring())


@pytest.fixture(autouse=True)
def memory_keyring(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SharedKeyring]:
    """A fresh keyring per test holding the desk's keys, shared with the test's child
    processes (a desk started with ``subprocess`` reads and writes the same entries)."""
    previous = keyring.get_keyring()
    backend = SharedKeyring(tmp_path_factory.mktemp("keyring") / "keyring.json")
    for entry, key in DESK_KEYS.items():
        backend.set_password(KEYRING_SERVICE, entry, key)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_memory.SharedKeyring")
    monkeypatch.setenv(FILE_VARIABLE, str(backend.path))
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    with running_server() as server:
        yield server


@pytest.fixture(scope="session")
def tls_pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    """A second PostgreSQL with ``ssl = on`` and a certificate from a CA made here."""
    folder = tmp_path_factory.mktemp("tls")
    authority, stranger = make_authority(), make_authority("Some Other CA")
    (folder / "hospital-ca.pem").write_bytes(authority.cert_pem)
    (folder / "other-ca.pem").write_bytes(stranger.cert_pem)
    conf, files = server_tls_setup(authority)
    with running_server(conf, files) as server:
        yield TlsServer(server, folder / "hospital-ca.pem", folder / "other-ca.pem")


def _create_database(server: PgServer) -> str:
    name = f"t{os.getpid()}_{next(_db_names)}"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name


def _drop_database(server: PgServer, name: str) -> None:
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server."""
    name = _create_database(pg_server)
    yield pg_server.url(name)
    _drop_database(pg_server, name)


def _migrated_engine(kind: str, folder: Path, server: PgServer | None) -> tuple[Engine, str]:
    if kind == "sqlite":
        return open_local_store(folder / "store.sqlite3"), ""
    assert server is not None
    name = _create_database(server)
    engine = create_server_engine(server.url(name))
    upgrade_to_head(engine)
    return engine, name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty store at the current schema, on each engine in turn."""
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    engine, name = _migrated_engine(request.param, tmp_path, server)
    yield engine
    engine.dispose()
    if server is not None:
        _drop_database(server, name)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A store holding a small generated hospital (400 patients), on each engine in turn."""
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    engine, name = _migrated_engine(request.param, tmp_path_factory.mktemp("demo"), server)
    seed_store(engine, 400, seed=7, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()
    if server is not None:
        _drop_database(server, name)


@pytest.fixture
def chinese(qtbot: object) -> Iterator[None]:
    """The desk speaks zh_CN for one test (our catalog and Qt's), and English again after."""
    from agent_app.ui.language import LANGUAGE_PROPERTY
    from agent_app.ui.qt import QApplication, QLocale
    from agent_app.ui.translations import install_translations, remove_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    install_translations(app, "zh_CN")
    yield
    remove_translations(app)
    QLocale.setDefault(locale)
    app.setProperty(LANGUAGE_PROPERTY, None)


@pytest.fixture(autouse=True)
def background_jobs_finish() -> Iterator[None]:
    """Each test's background jobs end with it: the global thread pool has one thread per
    core (two in CI), and a job a test left running (a department's call history read after a
    follow-up opened) would hold up the next test's own jobs."""
    yield
    writer = sys.modules.get("agent_app.calls.writer")
    if writer is not None:
        writer.desk_writer().flush(10)
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        qtcore.QThreadPool.globalInstance().waitForDone(10_000)
        from agent_app.ui.task_queue_model import page_pool

        page_pool().waitForDone(10_000)  # the queue's page reader
