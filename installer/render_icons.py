"""Render installer/agent-app.svg to the PNG sizes of the hicolor theme and a Windows .ico.

    python installer/render_icons.py OUT_DIR

Writes OUT_DIR/<size>x<size>/agent-app.png for each size and OUT_DIR/agent-app.ico, with Qt's
own SVG renderer and ICO writer (both in PySide6), so no image tool is needed at build time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).with_name("agent-app.svg")
SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> None:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    for size in SIZES:
        target = out / f"{size}x{size}" / "agent-app.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            raise SystemExit(f"Could not write {target}")
    # The Windows icon: 256 px is what Explorer shows largest.
    if not render(renderer, 256).save(str(out / "agent-app.ico"), "ICO"):
        raise SystemExit("Could not write agent-app.ico")
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]))
