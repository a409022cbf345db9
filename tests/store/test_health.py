"""The store's health at start: zeroed pages in the middle are found and nothing is changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_app.store.desk_store import open_desk_store
from agent_app.store.engine import create_sqlite_engine, open_local_store
from agent_app.store.errors import StoreCorruptError
from agent_app.store.health import require_sound_store
from agent_app.store.health_errors import HealthCode, StoreDamagedError
from agent_app.store.instance_lock import StoreLock
from agent_app.store.store_key import existing_store_key
from tests.store.damage import files_in, seeded_store, zero_pages_in_the_middle


@pytest.fixture(scope="module")
def sound_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_store(tmp_path_factory.mktemp("sound") / "store.sqlite3")


@pytest.fixture
def damaged_store(sound_store: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "store.sqlite3"
    shutil.copyfile(sound_store, path)
    zero_pages_in_the_middle(path)
    yield path


def test_a_store_with_zeroed_pages_is_refused_at_start_and_left_unchanged(
    damaged_store: Path,
) -> None:
    before = files_in(damaged_store.parent)
    with pytest.raises(StoreDamagedError) as caught:
        open_desk_store(damaged_store)
    assert caught.value.code is HealthCode.STORE_DAMAGED
    assert caught.value.params["path"] == str(damaged_store)
    assert "is damaged" in str(caught.value) and "\n" not in str(caught.value)
    after = files_in(damaged_store.parent)
    assert after.pop("store.sqlite3.lock") is not None  # the lock file is the only newcomer
    assert after == before
    StoreLock(damaged_store).acquire().release()  # and the lock was given back


def test_a_large_store_is_opened_unchecked_and_its_later_check_finds_the_damage(
    damaged_store: Path,
) -> None:
    before = damaged_store.read_bytes()
    store = open_desk_store(damaged_store, check_before_bytes=0)
    try:
        assert store.health is None  # left for the background check after the sign-in shows
        with pytest.raises(StoreDamagedError):
            require_sound_store(store.engine, damaged_store)
    finally:
        store.close()
    assert damaged_store.read_bytes() == before


def test_a_damaged_store_is_never_migrated(damaged_store: Path) -> None:
    engine = create_sqlite_engine(damaged_store, existing_store_key())
    with engine.begin() as connection:  # as if written by the first version of the desk
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    engine.dispose()
    before = damaged_store.read_bytes()
    with pytest.raises(StoreDamagedError):
        open_local_store(damaged_store)
    assert damaged_store.read_bytes() == before


def test_a_sound_store_passes_the_check_at_start(sound_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    shutil.copyfile(sound_store, path)
    store = open_desk_store(path)
    try:
        assert store.health is not None and store.health.sound
        assert store.lock.held
    finally:
        store.close()


def test_the_desk_refuses_a_damaged_store_at_start_in_one_sentence_changing_nothing(
    damaged_store: Path,
) -> None:
    data = damaged_store.parent
    damaged_store.rename(data / "demo.sqlite3")
    before = files_in(data)
    env = {
        **os.environ,
        "AGENT_APP_NO_DIALOGS": "1",
        "AGENT_APP_DATA_DIR": str(data),
        "AGENT_APP_LANGUAGE": "en",
    }
    done = subprocess.run(
        [sys.executable, "-m", "agent_app", "--demo"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"The data store {data / 'demo.sqlite3'} is damaged" in done.stderr
    after = files_in(data)
    after.pop("demo.sqlite3.lock")
    assert after == before


def test_a_store_with_a_zeroed_first_page_is_refused_and_left_unchanged(
    sound_store: Path, tmp_path: Path
) -> None:
    """An encrypted store's first page holds its salt: zeroed, the store cannot be told from
    one under another key, and is refused as unreadable ("...or it is damaged")."""
    path = tmp_path / "store.sqlite3"
    shutil.copyfile(sound_store, path)
    with path.open("r+b") as fh:
        fh.write(b"\0" * 4096)
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError):
        open_desk_store(path)
    assert path.read_bytes() == before
