"""Architecture rules the code must keep: a Qt-free core, lint- and type-clean."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "agent_app"
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


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}]
    return found


def test_only_the_ui_package_imports_pyside6() -> None:
    offenders = {
        str(path.relative_to(ROOT)): hits
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and (hits := _qt_imports(path))
    }
    assert offenders == {}


def test_the_check_itself_sees_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", "utf-8")
    assert _qt_imports(sample) == ["PySide6.QtCore"]


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
