"""After the sign-in shows: a large store's check finds damage and the agent is told; a sound
store is backed up in the background, once per period."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agent_app.config import Settings
from agent_app.store.backup import list_backups
from agent_app.store.desk_store import DeskStore, open_desk_store
from agent_app.ui import store_care
from agent_app.ui.app import DeskApp
from agent_app.ui.qt import QApplication
from agent_app.ui.store_care import StoreCare
from tests.store.damage import files_in, seeded_store, zero_pages_in_the_middle


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_store(tmp_path_factory.mktemp("seeded") / "store.sqlite3")


@pytest.fixture
def settings(tmp_path: Path, seeded: Path) -> Settings:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(seeded, data / "store.sqlite3")
    return Settings(data_dir=data)


@pytest.fixture
def large_store(settings: Settings) -> Iterator[DeskStore]:
    """The store opened as a desk opens one too large to check before the sign-in."""
    store = open_desk_store(settings.store_path, check_before_bytes=0)
    yield store
    store.close()


def test_damage_in_a_large_store_is_found_after_the_sign_in_shows_and_said_plainly(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    zero_pages_in_the_middle(settings.store_path)
    before = files_in(settings.data_dir)
    store = open_desk_store(settings.store_path, check_before_bytes=0)
    assert store.health is None
    told: list[str] = []

    def offer(text: str, *args: object) -> bool:
        told.append(text)
        return False

    monkeypatch.setattr(store_care, "offer_restore_for_damaged_store", offer)
    exits: list[int] = []  # the real exit would end every later event loop of the test run
    monkeypatch.setattr(QApplication, "exit", exits.append)
    care = StoreCare(settings, store)
    desk = DeskApp(settings, store.engine, care)
    with qtbot.waitSignal(care.sig_damaged, timeout=30_000):
        care.start()
    assert len(told) == 1 and "is damaged" in told[0] and "Restore one of its backups" in told[0]
    assert desk.exit_code == 2 and exits == [2]  # the desk closes with exit code 2
    assert list_backups(settings.backup_dir, settings.store_path) == []  # never backed up
    store.close()
    after = files_in(settings.data_dir)
    after.pop("store.sqlite3.lock")
    assert after == before


def test_a_sound_store_is_backed_up_in_the_background_once_per_period(
    qtbot: QtBot, settings: Settings, large_store: DeskStore
) -> None:
    care = StoreCare(settings, large_store)
    care.start()
    qtbot.waitUntil(care.finished.is_set, timeout=30_000)
    assert care.health is not None and care.health.sound
    backups = list_backups(settings.backup_dir, settings.store_path)
    assert len(backups) == 1 and care.last_backup == backups[0]
    assert stat.S_IMODE(settings.backup_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(backups[0].path.stat().st_mode) == 0o600
    again = StoreCare(settings, large_store)  # the next start within every_hours
    again.start()
    qtbot.waitUntil(again.finished.is_set, timeout=30_000)
    assert again.last_backup is None
    assert len(list_backups(settings.backup_dir, settings.store_path)) == 1
