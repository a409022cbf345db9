"""Opening the desk's store at start: an old plaintext store is encrypted behind a progress
bar; a store whose key was lost is said in one translated sentence, and where the data can
come back (central server, demo) it is set aside untouched and a new store is started."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import keyring
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from agent_app.config import Profile, ServerSettings, Settings
from agent_app.credentials import KEYRING_SERVICE
from agent_app.store.encryption import SQLITE_HEADER
from agent_app.store.engine import create_sqlite_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.recording_crypto import is_encrypted, plain_chunks
from agent_app.store.schema import Department
from agent_app.store.sealed_files import is_sealed
from agent_app.store.store_key import STORE_KEY_ENTRY, StoreUnreadableError
from agent_app.ui import store_opening
from agent_app.ui.qt import QApplication, QProgressDialog
from agent_app.ui.store_messages import store_error_text
from agent_app.ui.translations import install_translations, remove_translations

ROOT = Path(__file__).resolve().parents[2]


class _Watched(QProgressDialog):
    seen: ClassVar[list[int]] = []

    def setValue(self, progress: int) -> None:
        _Watched.seen.append(progress)
        super().setValue(progress)


def _settings(tmp_path: Path, **changes: object) -> Settings:
    return dataclasses.replace(Settings(data_dir=tmp_path / "data"), **changes)  # type: ignore[arg-type]


def _lose_the_key(settings: Settings) -> bytes:
    open_local_store(settings.store_path).dispose()
    keyring.delete_password(KEYRING_SERVICE, STORE_KEY_ENTRY)
    return settings.store_path.read_bytes()


def test_an_old_plaintext_store_is_encrypted_at_start_behind_a_progress_bar(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_opening, "QProgressDialog", _Watched)
    settings = _settings(tmp_path)
    settings.data_dir.mkdir()
    old = create_sqlite_engine(settings.store_path)
    upgrade_to_head(old)
    old.dispose()
    store = store_opening.open_desk_store(settings)
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Department)).scalar() == 0
    store.close()
    assert not settings.store_path.read_bytes().startswith(SQLITE_HEADER)
    assert _Watched.seen and _Watched.seen[-1] == 1000


def test_a_lost_key_on_a_server_desk_sets_the_store_aside_and_starts_a_new_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        store_opening, "show_fatal", lambda text, exit_app: said.append((text, exit_app))
    )
    settings = _settings(tmp_path, server=ServerSettings(host="followup-db.hospital.local"))
    before = _lose_the_key(settings)
    store_opening.open_desk_store(settings).close()
    aside = [p for p in settings.data_dir.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == before  # kept, untouched
    assert settings.store_path.read_bytes() != before  # a new store under a new key
    assert keyring.get_password(KEYRING_SERVICE, STORE_KEY_ENTRY) is not None
    ((text, exit_app),) = said
    assert not exit_app
    assert "missing from the system keyring" in text and str(aside[0]) in text
    assert "the first sync fills from the central server" in text


def test_a_lost_key_on_an_offline_desk_stops_with_one_translated_sentence(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    before = _lose_the_key(settings)
    with pytest.raises(StoreUnreadableError) as caught:
        store_opening.open_desk_store(settings)
    assert settings.store_path.read_bytes() == before
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "zh_CN")
    try:
        text = store_error_text(caught.value)
    finally:
        remove_translations(app)
    assert "密钥" in text and str(settings.store_path) in text and "\n" not in text


def test_a_lost_key_in_the_demo_starts_a_new_demo_store(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(store_opening, "show_fatal", lambda text, exit_app: said.append(text))
    settings = _settings(tmp_path, profile=Profile.DEMO)
    _lose_the_key(settings)
    store_opening.open_desk_store(settings).close()
    assert any(".unreadable-" in p.name for p in settings.data_dir.iterdir())
    assert said and "demo hospital is generated again" in said[0]


def test_the_desk_says_a_lost_key_in_one_line_and_exits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _lose_the_key(_settings(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "agent_app"],
        env={**os.environ, "AGENT_APP_NO_DIALOGS": "1", "AGENT_APP_DATA_DIR": str(data)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    said = [line for line in done.stderr.splitlines() if line.strip() and " INFO " not in line]
    assert len(said) == 1, done.stderr  # one sentence besides the log's INFO lines
    assert "cannot be read" in said[0] and "missing from the system keyring" in said[0]


def test_plaintext_recordings_and_drafts_of_an_older_version_are_encrypted_at_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    old = settings.recordings_dir / "2026-11-20" / "call.opus"
    cached = settings.data_dir / "recording-cache" / "fetched.wav"
    draft = settings.data_dir / "drafts" / "7" / "task-42.json"
    for path, data in ((old, b"OggS" + bytes(3000)), (cached, b"RIFF" + bytes(3000))):
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
    draft.parent.mkdir(parents=True)
    draft.write_text('{"format": 1, "notes": "胸痛"}', "utf-8")
    store_opening.open_desk_store(settings).close()
    assert is_sealed(draft.read_bytes()) and "胸痛".encode() not in draft.read_bytes()
    for path, head in ((old, b"OggS"), (cached, b"RIFF")):
        assert is_encrypted(path) and head not in path.read_bytes()
        assert b"".join(plain_chunks(path)).startswith(head)
