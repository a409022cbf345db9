"""After the sign-in shows: a large store's check finds damage and the agent is told; a sound
store is backed up in the background, once per period."""

from __future__ import annotations

import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from agent_app.config import Settings
from agent_app.store.backup import list_backups, take_backup
from agent_app.store.desk_store import DeskStore, open_desk_store
from agent_app.store.schema import Patient
from agent_app.ui import store_care
from agent_app.ui.app import DeskApp
from agent_app.ui.backup_restore_dialog import BackupRestoreDialog
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QDialog, QMessageBox, QTimer
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


def test_restoring_from_the_sign_in_replaces_the_store_and_closes_the_desk(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_desk_store(settings.store_path)
    assert store.health is not None
    backup = take_backup(
        store.engine, store.path, settings.backup_dir, store.health, keep=settings.backup.keep
    )
    with store.engine.begin() as connection:  # work done after the backup
        connection.execute(update(Patient).values(notes="after the backup"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    exits: list[int] = []

    def fake_exit(code: int) -> None:  # the real one would end every later event loop
        exits.append(code)
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            widget.reject()

    monkeypatch.setattr(QApplication, "exit", fake_exit)
    clicked: list[str] = []

    def drive() -> None:
        if not exits:  # scheduled first: the click below runs the restore dialog's own loop
            QTimer.singleShot(50, drive)
        widget = QApplication.activeModalWidget()
        if isinstance(widget, LoginDialog) and not clicked:
            button = next(b for b in widget.buttons.buttons() if b.text() == "Restore a backup…")
            clicked.append("sign-in")
            button.click()  # opens the restore dialog; drive() goes on inside it
        elif isinstance(widget, BackupRestoreDialog) and clicked == ["sign-in"]:
            clicked.append("restore")
            widget.restore_selected()

    desk = DeskApp(settings, store.engine, StoreCare(settings, store))
    QTimer.singleShot(50, drive)
    assert desk.sign_in() is False
    assert clicked == ["sign-in", "restore"] and exits == [0] and desk.exit_code == 0
    assert settings.store_path.read_bytes() == backup.path.read_bytes()
    aside = [p.name for p in settings.data_dir.iterdir() if ".before-restore-" in p.name]
    assert len(aside) == 1  # the store of the work after the backup, kept under a new name
    assert re.fullmatch(r"store\.sqlite3\.before-restore-\d{8}T\d{6}Z", aside[0])
    store.lock.release()
