"""Patient data on the desk's disk is its OS account's alone: folders 0700, files 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from agent_app.__main__ import main
from agent_app.config import Settings, ensure_data_dir


def test_the_data_folder_is_made_owner_only_even_when_an_older_version_made_it_0755(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "agent-app"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    ensure_data_dir(Settings(data_dir=folder))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    fresh = tmp_path / "new" / "agent-app"
    ensure_data_dir(Settings(data_dir=fresh))
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_the_desk_creates_every_file_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENT_APP_CONFIG", str(tmp_path / "missing.toml"))
    monkeypatch.setenv("AGENT_APP_NO_DIALOGS", "1")
    before = os.umask(0o022)
    try:
        assert main([]) == 2  # stops at the missing settings file, after setting the mask
        mask = os.umask(0o022)
    finally:
        os.umask(before)
    assert mask == 0o077
