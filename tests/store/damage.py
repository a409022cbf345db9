"""Damage a real store the way a failing disk or a torn copy does: zeroed pages in the middle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from agent_app.demo.seed import seed_store
from agent_app.store.encryption import SQLITE_HEADER, connect_local_store
from agent_app.store.engine import open_local_store
from agent_app.store.health import open_read_only
from tests.conftest import DEMO_TODAY


def seeded_store(path: Path, patients: int = 200) -> Path:
    """A migrated store holding a small generated hospital, closed (its WAL checkpointed)."""
    engine: Engine = open_local_store(path)
    seed_store(engine, patients, seed=5, today=DEMO_TODAY, history=False)
    engine.dispose()
    return path


def zero_pages_in_the_middle(path: Path, count: int = 4) -> list[int]:
    """Write zeros over ``count`` pages in the middle of the file; the 1-based page numbers."""
    data = path.read_bytes()
    if data.startswith(SQLITE_HEADER):
        page_size = int.from_bytes(data[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
    else:  # an encrypted store: its header is ciphertext; SQLCipher 4's pages are 4 KiB
        page_size = 4096
    pages = len(data) // page_size
    first = pages // 2
    assert first > 2 and first + count < pages, "store too small to damage in the middle"
    with path.open("r+b") as fh:
        fh.seek((first - 1) * page_size)
        fh.write(b"\0" * page_size * count)
    return list(range(first, first + count))


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file of a folder with its bytes, to prove nothing was changed."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def open_store_file(path: Path) -> Any:
    """A DB-API connection to a store file: under the desk's key when it is encrypted."""
    if path.read_bytes()[:16] == SQLITE_HEADER:
        return open_read_only(path)
    return connect_local_store(path)
