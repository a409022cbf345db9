"""Stores for the UI tests: generated hospitals in SQLite files, made once per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.demo.seed import seed_store
from agent_app.store.engine import open_local_store
from agent_app.ui.main_window import MainWindow
from tests.conftest import DEMO_TODAY


def seeded_sqlite(factory: pytest.TempPathFactory, patients: int, seed: int) -> Iterator[Engine]:
    engine = open_local_store(factory.mktemp("store") / "store.sqlite3")
    seed_store(engine, patients, seed=seed, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def ui_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 300, seed=11)


def queue_counted(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """``window`` once its queue's rows are counted: the count is read off the GUI thread after
    the window opens and after every change of scope (a filter, the due window, a refresh)."""
    qtbot.waitUntil(lambda: not window.model.counting, timeout=15000)
    return window
