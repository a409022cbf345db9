"""The hand-made tiny hospital in a SQLite store (the core's tests cover PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import open_local_store
from tests.reports.tiny_hospital import NURSE_B, QUALITY, build


@pytest.fixture
def tiny_store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    build(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def quality() -> StaffAccount:
    return StaffAccount(QUALITY, "q", "质控丙", Role.QUALITY, 1, "心内科")


@pytest.fixture
def supervisor() -> StaffAccount:
    """Nurse B's account made a supervisor of the surgery department (2)."""
    return StaffAccount(NURSE_B, "b", "护士乙", Role.SUPERVISOR, 2, "外科")
