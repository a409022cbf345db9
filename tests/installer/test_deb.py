"""The .deb installs the desk system-wide, runs, and removes cleanly, keeping users' data."""

from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

import pytest

from tests.installer.test_bundle import assert_offline_self_test_passes, assert_version

INSTALLED = (
    "/opt/agent-app/agent-app",
    "/usr/bin/agent-app",
    "/usr/share/applications/agent-app.desktop",
    "/usr/share/icons/hicolor/scalable/apps/agent-app.svg",
    "/usr/share/icons/hicolor/48x48/apps/agent-app.png",
    "/usr/share/man/man1/agent-app.1.gz",
)


def _apt(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(
        [*sudo, "apt-get", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_deb_installs_runs_from_usr_bin_and_removes_without_a_trace(
    deb_file: Path, tmp_path: Path
) -> None:
    home = tmp_path / "desk"
    home.mkdir()
    installed = _apt("install", "-y", f"./{deb_file.name}", cwd=deb_file.parent)
    try:
        assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
        for path in INSTALLED:
            assert Path(path).exists(), path
        # Found on the plain PATH, as the menu entry's Exec=agent-app finds it.
        assert_version("agent-app", home)
        assert_offline_self_test_passes("agent-app", home)
        manual = gzip.decompress(Path("/usr/share/man/man1/agent-app.1.gz").read_bytes())
        assert b"--version" in manual.replace(b"\\-", b"-")
    finally:
        removed = _apt("remove", "-y", "agent-app", cwd=tmp_path)
    assert removed.returncode == 0, removed.stdout[-3000:] + removed.stderr[-3000:]
    assert not Path("/opt/agent-app").exists()
    assert not Path("/usr/bin/agent-app").exists()
    # The user's own store and settings stay: a reinstall finds them.
    assert list((home / ".local" / "share" / "agent-app").glob("*.sqlite3"))
