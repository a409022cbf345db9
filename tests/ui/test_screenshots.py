"""Real windows on a real X server (Xvfb), in Chinese and English: sign-in, the queue, and a
follow-up with a red flag raised, the supervisor's screens and the monthly report.

The pictures are taken and checked in a temp folder, so a test run leaves the checkout as it
was. With ``DOCS_OUT`` set (scripts/refresh_docs.sh sets it to docs/), the checked pictures are
also copied to ``$DOCS_OUT/screenshots/<language>/`` and the report to ``$DOCS_OUT/samples/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
DOCS_OUT = "DOCS_OUT"


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; run scripts/setup.sh test")
    for number in range(91, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield display
    server.terminate()
    server.wait(timeout=10)


def _distinct_colours(image: QImage) -> int:
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    )


def _publish(checked: Path, *folder: str) -> None:
    """Copy a checked picture or sample into the documentation, when asked to refresh it."""
    docs = os.environ.get(DOCS_OUT)
    if not docs:
        return
    target = Path(docs).joinpath(*folder)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(checked, target / checked.name)


def _shoot(module: str, display: str, folder: Path, *args: str, timeout: int) -> None:
    """Run a screenshot script as the desk runs: its own process on the X screen."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        AGENT_APP_NO_DIALOGS="1",
        AGENT_APP_DATA_DIR=str(folder / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-m", module, str(folder), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_sign_in_queue_and_follow_up_on_a_real_x_screen(
    xvfb_display: str, tmp_path: Path, language: str
) -> None:
    _shoot("tests.ui.shoot", xvfb_display, tmp_path, language, timeout=120)
    for name in ("login.png", "main_window.png", "followup.png"):
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1280, 800)
        assert _distinct_colours(image) > 20, f"{name} looks blank"
        _publish(tmp_path / name, "screenshots", language)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_supervisor_screens_and_the_monthly_report_on_a_real_x_screen(
    xvfb_display: str, tmp_path: Path, language: str
) -> None:
    pdf = tmp_path / "monthly_report.pdf"
    _shoot("tests.ui.shoot_supervisor", xvfb_display, tmp_path, language, str(pdf), timeout=300)
    for name in ("recordings.png", "dashboard.png", "sampling.png"):
        image = QImage(str(tmp_path / name))
        assert image.width() >= 1000 and image.height() >= 600, name
        assert _distinct_colours(image) > 20, f"{name} looks blank"
        _publish(tmp_path / name, "screenshots", language)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "随访" in text and "满意度" in text
    _publish(pdf, "samples")
