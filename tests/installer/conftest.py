"""The desk's bundle and .deb, built once per test session and shared by the tests that run them.

Building takes minutes (PyInstaller scans and copies some 450 MB), so each is made once, in a
session temp folder, from the working tree as it is.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a desk has when nobody set anything up: no venv, no source tree, no settings.
CLEAN_PATH = "/usr/bin:/bin"


def clean_run(
    program: str | Path, *args: str, home: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``program`` as a fresh desk user would: only PATH and HOME set, cwd HOME, offscreen."""
    env = {"PATH": CLEAN_PATH, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(program), *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _build(script: str, dist: Path) -> None:
    # The scripts find .venv relative to the repository; the build must not see a test's
    # AGENT_APP_* settings.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENT_APP_")}
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / script), str(dist)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="session")
def bundle_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dist folder holding agent-app/, the one-folder bundle of the current tree."""
    dist = tmp_path_factory.mktemp("dist")
    _build("build_bundle.sh", dist)
    assert (dist / "agent-app" / "agent-app").is_file()
    return dist


@pytest.fixture(scope="session")
def deb_file(bundle_dist: Path) -> Path:
    """The .deb made from ``bundle_dist`` (the bundle is not built a second time)."""
    _build("build_deb.sh", bundle_dist)
    (deb,) = bundle_dist.glob("agent-app_*_amd64.deb")
    return deb
