"""Stores for the UI tests: generated hospitals in SQLite files, made once per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from agent_app.demo.seed import seed_store
from agent_app.store.engine import open_local_store
from tests.conftest import DEMO_TODAY


@pytest.fixture(scope="module")
def ui_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_local_store(tmp_path_factory.mktemp("ui") / "store.sqlite3")
    seed_store(engine, 300, seed=11, today=DEMO_TODAY)
    yield engine
    engine.dispose()
