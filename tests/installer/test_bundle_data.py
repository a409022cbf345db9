"""The Linux and Windows specs ship the same files, and the installers name the same version."""

from __future__ import annotations

import ast
import configparser
import re
import subprocess
import sys
from pathlib import Path

import pytest

from agent_app import __version__

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))
import bundle_data  # noqa: E402

SPECS = ("agent-app.spec", "agent-app-windows.spec")


def _keyword_sources(spec: str) -> dict[str, str]:
    """The source text of each keyword argument of the spec's Analysis(...) call."""
    tree = ast.parse((INSTALLER / spec).read_text("utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Analysis"
    ]
    assert len(calls) == 1, spec
    return {kw.arg: ast.unparse(kw.value) for kw in calls[0].keywords if kw.arg}


def test_both_specs_take_data_plugins_and_excludes_from_bundle_data() -> None:
    linux, windows = (_keyword_sources(spec) for spec in SPECS)
    for name in ("datas", "binaries", "excludes", "hiddenimports"):
        assert linux[name] == windows[name], name
    assert linux["datas"].startswith("bundle_data.datas(")
    assert linux["binaries"].startswith("bundle_data.qt_plugin_binaries(")
    assert linux["excludes"] == "list(bundle_data.EXCLUDES)"
    for spec in SPECS:
        text = (INSTALLER / spec).read_text("utf-8")
        assert "collect_submodules(package, filter=bundle_data.is_wanted_module)" in text
        assert "bundle_data.prune(a)" in text


def test_every_resources_folder_is_shipped(tmp_path: Path) -> None:
    # A folder added under resources/ fails here until bundle_data ships it (or says why not).
    font = tmp_path / bundle_data.CJK_FONT_NAME
    font.write_bytes(b"font")
    translations = ROOT / "resources" / "translations"
    if not list(translations.glob("*.qm")):
        pytest.fail("resources/translations/*.qm missing: scripts/setup.sh builds them")
    shipped = {target for _, target in bundle_data.datas(ROOT, font)}
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert {f"resources/{name}" for name in folders} <= shipped | {"resources/translations"}
    assert "resources/translations" in shipped
    assert "resources/fonts" in shipped
    assert "agent_app/store/migrations/versions" in shipped
    assert not any(source.endswith(".ts") for source, _ in bundle_data.datas(ROOT, font))


def test_inno_setup_script_and_desktop_entry_name_the_project_version_and_app() -> None:
    iss = (INSTALLER / "agent-app.iss").read_text("utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', iss))
    assert defines["AppVersion"] == bundle_data.project_version(ROOT) == __version__
    assert defines["AppId"] == bundle_data.APP_NAME
    assert defines["AppName"] == bundle_data.DISPLAY_NAME
    assert defines["AppExe"] == bundle_data.APP_NAME + ".exe"
    assert "PrivilegesRequired=admin" in iss
    # Users' data is in their profile folders; the installer must not delete it.
    assert "{localappdata}" not in iss.lower() and "{userappdata}" not in iss.lower()
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(INSTALLER / "agent-app.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Name"] == bundle_data.DISPLAY_NAME
    assert entry["Exec"] == entry["Icon"] == bundle_data.APP_NAME


def test_left_out_qt_files_spare_the_plugins_the_desk_needs() -> None:
    for needed in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
    ):
        assert not bundle_data.is_left_out(needed), needed
    assert bundle_data.is_left_out("PySide6/Qt/lib/libQt6Pdf.so.6")
    assert bundle_data.is_left_out("libQt6Pdf.so.6")  # the link PyInstaller puts on top
    assert not bundle_data.is_left_out("libqpdf.so.29")  # not Qt's: none of our business
    keyboard = "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll"
    assert bundle_data.is_left_out(keyboard)
    assert not bundle_data.is_wanted_module("alembic.testing.fixtures")
    assert bundle_data.is_wanted_module("alembic.runtime.migration")


def test_man_page_describes_every_command_line_option() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "agent_app", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    options = set(re.findall(r"(--[a-z][a-z-]+)", shown))
    assert {"--version", "--demo", "--self-test", "--offline"} <= options
    manual = (INSTALLER / "agent-app.1").read_text("utf-8").replace("\\-", "-")
    for option in options:
        assert re.search(rf"^\.(B|BI|TP|RB).*{option}\b", manual, re.MULTILINE), option
