"""Shipped files are found beside the package from source, and under sys._MEIPASS when frozen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from agent_app import shipped_files

ROOT = Path(__file__).resolve().parents[1]


def _frozen_resources(bundle: Path) -> list[str]:
    """RESOURCES_DIR and the font path as a fresh interpreter sees them with _MEIPASS set."""
    code = (
        "import sys; sys._MEIPASS = sys.argv[1]\n"
        "from agent_app import shipped_files as s\n"
        "from agent_app.supervision import qa_criteria\n"
        "print(s.RESOURCES_DIR); print(s.cjk_font()); print(qa_criteria.CRITERIA_FILE)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(bundle)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.splitlines()


def test_from_source_resources_are_the_repository_folder() -> None:
    assert shipped_files.bundle_root() is None
    assert shipped_files.RESOURCES_DIR == ROOT / "resources"
    assert (shipped_files.RESOURCES_DIR / "qa" / "criteria.json").is_file()


def test_frozen_desk_reads_resources_and_font_from_the_bundle(tmp_path: Path) -> None:
    font = tmp_path / "resources" / "fonts" / shipped_files.CJK_FONT_NAME
    font.parent.mkdir(parents=True)
    font.write_bytes(b"font")
    resources, found_font, criteria = _frozen_resources(tmp_path)
    assert Path(resources) == tmp_path / "resources"
    assert Path(found_font) == font
    assert Path(criteria) == tmp_path / "resources" / "qa" / "criteria.json"


def test_frozen_desk_without_its_own_font_falls_back_to_the_system_one(tmp_path: Path) -> None:
    _, found_font, _ = _frozen_resources(tmp_path)
    assert Path(found_font) == shipped_files.SYSTEM_CJK_FONT
