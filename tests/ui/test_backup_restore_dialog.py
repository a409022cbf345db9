"""Restoring from the sign-in screen: backups listed with time and size, the chosen one
restored with the current store kept aside, a damaged one refused in plain words."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.store.backup import BackupFile, take_backup
from agent_app.store.engine import open_local_store
from agent_app.store.health import require_sound_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.backup_restore_dialog import BackupRestoreDialog
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QDialogButtonBox, QMessageBox
from tests.store.damage import seeded_store, zero_pages_in_the_middle

T0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_store(tmp_path_factory.mktemp("seeded") / "store.sqlite3")


@pytest.fixture
def store(seeded: Path, tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copyfile(seeded, tmp_path / "data" / "store.sqlite3")
    return tmp_path / "data" / "store.sqlite3"


def _backups(store: Path, folder: Path, days: int) -> list[BackupFile]:
    engine = open_local_store(store)
    health = require_sound_store(engine, store)
    taken = [
        take_backup(engine, store, folder, health, keep=5, now=T0 + dt.timedelta(days=d))
        for d in range(days)
    ]
    engine.dispose()
    return taken


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    return said


def test_the_sign_in_offers_restoring_a_backup(qtbot: QtBot, ui_store: Engine) -> None:
    asked: list[bool] = []
    dialog = LoginDialog(
        ui_store, list_accounts(ui_store), restore_backup=lambda: asked.append(True)
    )
    qtbot.addWidget(dialog)
    button = next(b for b in dialog.buttons.buttons() if b.text() == "Restore a backup…")
    assert dialog.buttons.buttonRole(button) is QDialogButtonBox.ButtonRole.ResetRole
    button.click()
    assert asked == [True]


def test_backups_are_listed_newest_first_with_time_and_size(
    qtbot: QtBot, store: Path, tmp_path: Path
) -> None:
    taken = _backups(store, tmp_path / "backups", 2)
    dialog = BackupRestoreDialog(store, tmp_path / "backups", lambda: None)
    qtbot.addWidget(dialog)
    rows = [
        (dialog.table.topLevelItem(i).text(0), dialog.table.topLevelItem(i).text(1))  # type: ignore[union-attr]
        for i in range(dialog.table.topLevelItemCount())
    ]
    newest = taken[1]
    assert rows[0] == (
        newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        f"{newest.size / 1e6:.1f} MB",
    )
    assert len(rows) == 2 and dialog.selected() == newest


def test_the_chosen_backup_is_restored_and_the_current_store_kept_aside(
    qtbot: QtBot, store: Path, tmp_path: Path, answer_yes: list[str]
) -> None:
    older, _newer = _backups(store, tmp_path / "backups", 2)
    released: list[bool] = []
    dialog = BackupRestoreDialog(store, tmp_path / "backups", lambda: released.append(True))
    qtbot.addWidget(dialog)
    older_row = dialog.table.topLevelItem(1)
    assert older_row is not None
    dialog.table.setCurrentItem(older_row)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=30_000)
    assert released == [True]
    assert store.read_bytes() == older.path.read_bytes()
    assert dialog.restored is not None and dialog.restored.exists()
    assert "The backup was restored" in answer_yes[0] and dialog.restored.name in answer_yes[0]


def test_a_damaged_backup_is_refused_in_plain_words_and_the_store_kept(
    qtbot: QtBot, store: Path, tmp_path: Path, answer_yes: list[str]
) -> None:
    (backup,) = _backups(store, tmp_path / "backups", 1)
    zero_pages_in_the_middle(backup.path)
    before = store.read_bytes()
    dialog = BackupRestoreDialog(store, tmp_path / "backups", lambda: None)
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=30_000)
    assert "is damaged" in dialog.note.text() and "it was not restored" in dialog.note.text()
    assert dialog.restored is None and answer_yes == []
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["store.sqlite3"]
