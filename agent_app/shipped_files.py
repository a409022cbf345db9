"""Where the files shipped with the desk live: the source tree, or the unpacked bundle.

Run from a checkout or a venv, ``resources/`` sits beside the ``agent_app`` package. Run from
the PyInstaller bundle, the code is inside an archive and the data files are under
``sys._MEIPASS``. Every module that reads a shipped file asks here, so that difference is
known in one place only.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Debian's fonts-wqy-zenhei; the bundle carries its own copy under resources/fonts.
SYSTEM_CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
CJK_FONT_NAME = SYSTEM_CJK_FONT.name


def bundle_root() -> Path | None:
    """The folder a frozen (PyInstaller) desk unpacked to, or None when run from source."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def install_root() -> Path:
    """The folder that holds ``resources/`` and the ``agent_app`` package's data files."""
    return bundle_root() or Path(__file__).resolve().parents[1]


RESOURCES_DIR = install_root() / "resources"


def cjk_font() -> Path:
    """The CJK font the reports embed: the bundle's own copy first, then the system's."""
    bundled = RESOURCES_DIR / "fonts" / CJK_FONT_NAME
    return bundled if bundled.exists() else SYSTEM_CJK_FONT
