"""The command line: bad settings end with one plain sentence and exit code 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "AGENT_APP_NO_DIALOGS": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "agent_app", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_corrupt_settings_file_is_explained_without_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[server\nhost=", "utf-8")
    done = _run("--demo", env={"AGENT_APP_CONFIG": str(config)})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "is not valid TOML" in lines[0]
    assert config.read_text("utf-8") == "[server\nhost="


def test_store_from_a_newer_version_is_refused_with_one_sentence(tmp_path: Path) -> None:
    from agent_app.store.encryption import connect_local_store
    from agent_app.store.engine import open_local_store

    data = tmp_path / "data"
    data.mkdir()
    open_local_store(data / "demo.sqlite3").dispose()
    with connect_local_store(data / "demo.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '0999_future'")
    done = _run("--demo", env={"AGENT_APP_DATA_DIR": str(data)})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "newer version of the follow-up desk" in done.stderr


def test_data_folder_that_cannot_be_created_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    done = _run("--demo", env={"AGENT_APP_DATA_DIR": str(blocker / "data")})
    assert done.returncode == 2
    assert "cannot write to its data folder" in done.stderr and str(blocker) in done.stderr
    assert "Traceback" not in done.stderr
