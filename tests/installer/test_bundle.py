"""The one-folder bundle runs on its own: copied away from the build, no venv, no source tree."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from agent_app import __version__
from tests.installer.conftest import clean_run

# The checks the offline self-test must pass from the bundle: each needs a file the bundle has
# to carry (store: migrations; translations: .qm; qt_*: Qt plugins; sign_in: resources/).
BUNDLE_CHECKS = (
    "store",
    "sqlcipher3",
    "pjsua2",
    "translations",
    "qt_platform",
    "qt_multimedia",
    "sign_in",
)


def assert_offline_self_test_passes(program: str | Path, home: Path) -> None:
    """``--self-test --offline --demo`` exits 0 with every bundled piece reported OK."""
    done = clean_run(program, "--self-test", "--offline", "--demo", home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    ok = {line.split()[1] for line in done.stdout.splitlines() if line.startswith("OK ")}
    assert set(BUNDLE_CHECKS) <= ok, done.stdout
    assert "0 failed" in done.stdout


def assert_xcb_self_test_passes(program: Path, home: Path) -> None:
    """Under a real X server (Xvfb) the bundle's xcb platform and its X libraries load."""
    script = (
        'exec env -i PATH=/usr/bin:/bin HOME="$1" QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY" '
        'XAUTHORITY="$XAUTHORITY" "$2" --self-test --offline --demo'
    )
    done = subprocess.run(
        ["xvfb-run", "-a", "sh", "-c", script, "sh", str(home), str(program)],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The window system (xcb) works." in done.stdout, done.stdout


def assert_version(program: str | Path, home: Path) -> None:
    done = clean_run(program, "--version", home=home, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"agent-app {__version__}"


@pytest.mark.slow
def test_bundle_copied_to_a_bare_folder_starts_and_passes_its_offline_self_test(
    bundle_dist: Path, tmp_path: Path
) -> None:
    home = tmp_path / "desk"
    home.mkdir()
    copy = home / "agent-app"
    shutil.copytree(bundle_dist / "agent-app", copy, symlinks=True)
    program = copy / "agent-app"

    assert_version(program, home)
    assert_offline_self_test_passes(program, home)
    assert_xcb_self_test_passes(program, home)
    # The demo store was made and migrated inside the user's data folder, not the bundle.
    assert list((home / ".local" / "share" / "agent-app").glob("*.sqlite3"))


@pytest.mark.slow
def test_bundle_carries_the_report_font_and_leaves_out_unused_parts(bundle_dist: Path) -> None:
    internal = bundle_dist / "agent-app" / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-zenhei.ttc").is_file()
    assert (internal / "resources" / "translations" / "agent_app_zh_CN.qm").is_file()
    assert (internal / "agent_app" / "store" / "migrations" / "env.py").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "multimedia/libffmpegmediaplugin.so",
        "tls/libqopensslbackend.so",
        "imageformats/libqsvg.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    names = {path.name for path in internal.rglob("*")}
    dangling = [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]
    assert not dangling
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Pdf.so.6", "_tkinter", "pytest"):
        assert not any(name.startswith(unused) for name in names), unused
