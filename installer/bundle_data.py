"""What the desk's PyInstaller bundle carries besides its code, for Linux and Windows alike.

Both spec files (agent-app.spec, agent-app-windows.spec) build their lists here, so the two
platforms cannot drift apart: a data folder added for one is added for the other.
Paths are relative to the repository root; each pair is (source, folder inside the bundle).
The folders inside the bundle mirror the source tree, because agent_app.shipped_files finds
``resources/`` and the migrations at the same relative places in both.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

APP_NAME = "agent-app"
DISPLAY_NAME = "Follow-up Desk"
ENTRY_SCRIPT = "installer/launch.py"

# resources/ subfolders read at run time (questionnaires, call scripts, QA criteria, HIS mapping,
# the knowledge base's shipped articles, the text message templates).
RESOURCE_FOLDERS = ("questionnaires", "scripts", "qa", "his", "knowledge", "sms_templates")
# Alembic reads the migrations as files (script_location), not from the code archive.
MIGRATIONS = "agent_app/store/migrations"
CJK_FONT_NAME = "wqy-zenhei.ttc"

# Packages imported by name at run time (alembic's env.py and revisions, lazily imported
# screens), so the import scan alone would miss some of their modules.
HIDDEN_PACKAGES = ("agent_app", "alembic")

# Qt plugin folders the desk needs: windows (xcb, Wayland, offscreen for the self-test;
# windows on Windows), call audio (FFmpeg backend), icons and images, printing, TLS.
QT_PLUGIN_FOLDERS = (
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "xcbglintegrations",
    "wayland-shell-integration",
    "wayland-graphics-integration-client",
    "wayland-decoration-client",
    "egldeviceintegrations",
    "multimedia",
    "imageformats",
    "iconengines",
    "printsupport",
    "tls",
)

# Qt files that would drag in what the desk does not use (virtual keyboard, PDF viewer, GTK)
# or drive screens a desk never has (framebuffer, KMS, VNC); matched on the file name and
# dropped from the bundle after the scan. (Qt Quick stays: the FFmpeg media plugin links it.)
QT_FILES_LEFT_OUT = (
    "qtvirtualkeyboardplugin",
    "Qt6VirtualKeyboard",
    "qgtk3",
    "qpdf",
    "Qt6Pdf",
    "qeglfs",
    "Qt6EglFS",
    "Qt6EglFsKms",
    "qlinuxfb",
    "qvnc",
    "qvkkhrdisplay",
    "qminimalegl",
)

# What the desk never imports but its dependencies may pull in: test runners, other GUI
# toolkits, the Qt modules for web pages, 3D, QML and charts.
EXCLUDES = (
    "tkinter",
    "alembic.testing",
    # Build tools (cffi names them for compiling, which a desk never does).
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "_tkinter",
    "pytest",
    "pytestqt",
    "IPython",
    "jedi",
    "notebook",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "mypy",
    "ruff",
    "matplotlib.backends.backend_tkagg",
    "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_qt5agg",
    "matplotlib.tests",
    "numpy.tests",
    "pandas.tests",
    "scipy.tests",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtQuick3D",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtTextToSpeech",
    "PySide6.QtScxml",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtHelp",
    "PySide6.QtRemoteObjects",
    "PySide6.QtHttpServer",
    "PySide6.QtSpatialAudio",
)

# System packages the Linux bundle still loads from the machine (``ldd`` of the bundle lists
# them as not found inside it): the GL/EGL driver, libxcb itself, Wayland's client libraries,
# and fontconfig's settings for the bundled libfontconfig. The C library's minimum version is
# read from the bundle at build time (scripts/build_deb.sh), it follows the build machine.
DEB_DEPENDS = (
    "libegl1",
    "libgl1",
    "libdrm2",
    "libxcb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "fontconfig-config",
)


def project_version(repo: Path) -> str:
    """The version in pyproject.toml: the one the installers and ``--version`` show."""
    with (repo / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    assert isinstance(version, str)
    return version


def cjk_font(default: Path) -> Path:
    """The CJK font file to ship: ``AGENT_APP_CJK_FONT`` if set, else the platform's."""
    return Path(os.environ.get("AGENT_APP_CJK_FONT") or default)


def datas(repo: Path, font: Path) -> list[tuple[str, str]]:
    """Every data file or folder of the bundle as (source path, folder in the bundle)."""
    translations = sorted((repo / "resources" / "translations").glob("*.qm"))
    if not translations:
        raise SystemExit("No compiled translations: run pyside6-lrelease (scripts/setup.sh).")
    if not font.exists():
        raise SystemExit(f"The CJK font {font} is missing (set AGENT_APP_CJK_FONT).")
    pairs = [(str(repo / "resources" / name), f"resources/{name}") for name in RESOURCE_FOLDERS]
    pairs += [(str(path), "resources/translations") for path in translations]
    pairs.append((str(font), "resources/fonts"))
    pairs += [
        (str(path), str(path.parent.relative_to(repo)).replace(os.sep, "/"))
        for path in sorted((repo / MIGRATIONS).rglob("*"))
        if path.is_file() and path.suffix in {".py", ".mako"}
    ]
    return pairs


def is_left_out(bundle_name: str) -> bool:
    """Whether a collected file (its path inside the bundle) is one of QT_FILES_LEFT_OUT."""
    path = bundle_name.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    # Qt's libraries are also linked from the bundle's top folder (libQt6Pdf.so.6 -> PySide6/…).
    if not (path.startswith("PySide6/") or name.startswith(("libQt6", "Qt6"))):
        return False
    return any(left_out in name for left_out in QT_FILES_LEFT_OUT)


def prune(analysis: Any) -> None:
    """Drop QT_FILES_LEFT_OUT from a PyInstaller Analysis: its binaries and its links.

    PyInstaller lists the top-level links to Qt's libraries (``libQt6Pdf.so.6`` ->
    ``PySide6/Qt/lib/...``) among the data entries, so both lists are filtered.
    """
    analysis.binaries = [entry for entry in analysis.binaries if not is_left_out(entry[0])]
    analysis.datas = [entry for entry in analysis.datas if not is_left_out(entry[0])]


def is_wanted_module(name: str) -> bool:
    """Whether a submodule of HIDDEN_PACKAGES belongs in the bundle (not one in EXCLUDES)."""
    return not any(name == gone or name.startswith(gone + ".") for gone in EXCLUDES)


def qt_plugin_binaries(pyside: Path) -> list[tuple[str, str]]:
    """The Qt plugin files the desk needs, at the place PySide6 looks for them in a bundle.

    ``pyside`` is the PySide6 package folder: its plugins are in ``Qt/plugins`` on Linux and
    in ``plugins`` on Windows, and keep that place inside the bundle.
    """
    plugins = pyside / "Qt" / "plugins"
    if not plugins.is_dir():
        plugins = pyside / "plugins"
    prefix = "PySide6/" + plugins.relative_to(pyside).as_posix()
    pairs: list[tuple[str, str]] = []
    for folder in QT_PLUGIN_FOLDERS:
        for plugin in sorted((plugins / folder).glob("*")):
            target = f"{prefix}/{folder}"
            if plugin.suffix in {".so", ".dll"} and not is_left_out(f"{target}/{plugin.name}"):
                pairs.append((str(plugin), target))
    return pairs
