"""The layers hold: import-linter's contracts in pyproject.toml ([tool.importlinter]).

domain ← config, credentials, shipped_files ← store ← the services (sync, dialer, screenpop,
his, reports, supervision, netwatch) ← sms ← demo ← selftest ← ui and server ← __main__; only
ui/ imports Qt; no module imports itself through others.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _contract_names() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        contracts = tomllib.load(fh)["tool"]["importlinter"]["contracts"]
    return [contract["name"] for contract in contracts]


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the package under ``root`` with ``root``'s pyproject.toml."""
    local = Path(sys.executable).with_name("lint-imports")
    tool = str(local) if local.exists() else (shutil.which("lint-imports") or "lint-imports")
    return subprocess.run(
        [tool, "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_layer_boundary_and_cycle_contract_is_kept() -> None:
    done = _lint_imports(ROOT)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    names = _contract_names()
    assert len(names) >= 4
    for name in names:
        assert f"{name} KEPT" in report, report
    assert f"Contracts: {len(names)} kept, 0 broken." in report, report


def _add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + f"\n{line}\n", "utf-8")


def test_the_contracts_catch_qt_in_the_core_a_store_reaching_up_and_a_cycle(
    tmp_path: Path,
) -> None:
    """The same contracts, on a copy of the package with three bad imports added."""
    shutil.copytree(
        ROOT / "agent_app",
        tmp_path / "agent_app",
        ignore=shutil.ignore_patterns("*.pyc", "__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "agent_app"
    _add_line(package / "domain" / "enums.py", "from PySide6.QtCore import QObject")
    _add_line(package / "store" / "outbox.py", "from agent_app.sync import push")
    # reports.filters is read by followup_stats; importing that back closes a ring.
    _add_line(package / "reports" / "filters.py", "from agent_app.reports import followup_stats")

    done = _lint_imports(tmp_path)
    report = done.stdout + done.stderr
    assert done.returncode != 0, report
    assert "agent_app.domain.enums -> PySide6" in report, report
    assert "agent_app.store.outbox -> agent_app.sync.push" in report, report
    assert ".filters -> .followup_stats" in report, report
    assert "Contracts: 1 kept, 3 broken." in report, report
