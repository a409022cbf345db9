"""The code stays lint- and type-clean (the layers and the Qt-free core: test_layers.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = [
    "agent_app/config.py",
    "agent_app/credentials.py",
    "agent_app/domain",
    "agent_app/store",
    "agent_app/screenpop",
    "agent_app/demo",
    "agent_app/dialer",
    "agent_app/sync",
    "agent_app/his",
    "agent_app/reports",
    "agent_app/supervision",
    "agent_app/netwatch",
    "agent_app/server",
    "agent_app/selftest",
    "agent_app/calls",
]


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


def test_ruff_finds_nothing() -> None:
    done = subprocess.run(
        [_tool("ruff"), "check", "agent_app", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_passes_on_the_core() -> None:
    done = subprocess.run(
        [_tool("mypy"), *CORE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
