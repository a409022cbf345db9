"""Automatic backups: taken private, rotated to the newest K, restored with nothing lost;
a damaged backup is refused and a damaged store is never backed up."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from agent_app.store.backup import (
    backup_due,
    list_backups,
    restore_backup,
    rotate_backups,
    take_backup,
)
from agent_app.store.engine import open_local_store
from agent_app.store.health import HealthReport, require_sound_store
from agent_app.store.health_errors import BackupDamagedError, HealthCode, StoreDamagedError
from agent_app.store.schema import Patient
from tests.store.damage import open_store_file, seeded_store, zero_pages_in_the_middle

T0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_store(tmp_path_factory.mktemp("seeded") / "store.sqlite3")


@pytest.fixture
def store(seeded: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(seeded, folder / "store.sqlite3")
    return folder / "store.sqlite3"


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: equal dumps mean nothing was lost or added."""
    with contextlib.closing(open_store_file(path)) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_private_copy_of_every_row(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    engine = open_local_store(store)
    backup = take_backup(engine, store, folder, require_sound_store(engine, store), keep=3, now=T0)
    engine.dispose()
    assert backup.path.name == "store-20261201T080000Z.sqlite3"
    assert backup.size == backup.path.stat().st_size > 0
    assert (_mode(folder), _mode(backup.path)) == (0o700, 0o600)
    assert _dump(backup.path) == _dump(store)
    assert sorted(p.name for p in folder.iterdir()) == [backup.path.name]  # no -wal, no partial


def test_backups_are_rotated_to_the_newest_k(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    engine = open_local_store(store)
    health = require_sound_store(engine, store)
    for day in range(5):
        take_backup(engine, store, folder, health, keep=2, now=T0 + dt.timedelta(days=day))
    engine.dispose()
    kept = list_backups(folder, store)
    assert [b.taken_at for b in kept] == [T0 + dt.timedelta(days=4), T0 + dt.timedelta(days=3)]
    assert len(list(folder.iterdir())) == 2
    assert rotate_backups(folder, store, 0) == [kept[1].path]  # one always stays


def test_a_backup_is_due_when_the_newest_is_older_than_the_setting(
    store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    assert backup_due(folder, store, 24, now=T0)  # none yet
    engine = open_local_store(store)
    take_backup(engine, store, folder, require_sound_store(engine, store), keep=3, now=T0)
    engine.dispose()
    assert not backup_due(folder, store, 24, now=T0 + dt.timedelta(hours=23))
    assert backup_due(folder, store, 24, now=T0 + dt.timedelta(hours=24))


def test_restoring_brings_back_every_row_and_keeps_the_current_store_aside(
    store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    engine = open_local_store(store)
    backup = take_backup(engine, store, folder, require_sound_store(engine, store), keep=3, now=T0)
    at_backup = _dump(store)
    with engine.begin() as connection:  # work after the backup, lost to the restore...
        first = connection.execute(select(func.min(Patient.id))).scalar_one()
        connection.execute(update(Patient).where(Patient.id == first).values(notes="after"))
    engine.dispose()
    current = _dump(store)
    assert current != at_backup
    aside = restore_backup(backup.path, store, now=T0 + dt.timedelta(hours=1))
    assert aside.name == "store.sqlite3.before-restore-20261201T090000Z"
    assert _dump(store) == at_backup  # nothing of the backup lost
    assert _dump(aside) == current  # ...but kept in the store put aside, not deleted
    assert _mode(store) == 0o600
    open_local_store(store).dispose()  # the desk opens the restored store


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(
    store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    engine = open_local_store(store)
    backup = take_backup(engine, store, folder, require_sound_store(engine, store), keep=3, now=T0)
    engine.dispose()
    zero_pages_in_the_middle(backup.path)
    before = {p.name: p.read_bytes() for p in store.parent.iterdir()}
    with pytest.raises(BackupDamagedError) as caught:
        restore_backup(backup.path, store)
    assert caught.value.code is HealthCode.BACKUP_DAMAGED
    assert {p.name: p.read_bytes() for p in store.parent.iterdir()} == before


def test_a_file_that_is_not_a_store_is_refused_as_a_backup(store: Path, tmp_path: Path) -> None:
    fake = tmp_path / "store-20261201T080000Z.sqlite3"
    fake.write_bytes(b"not a database" * 500)
    before = store.read_bytes()
    with pytest.raises(BackupDamagedError):
        restore_backup(fake, store)
    assert store.read_bytes() == before


def test_a_store_that_failed_its_check_is_never_backed_up(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    engine = open_local_store(store)
    failed = HealthReport(("Page 175: btreeInitPage() returns error code 11",), 0.1)
    with pytest.raises(StoreDamagedError):
        take_backup(engine, store, folder, failed, keep=3)
    engine.dispose()
    assert not folder.exists() or list(folder.iterdir()) == []
