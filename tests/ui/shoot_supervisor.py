"""Drive the supervisor's screens under an X server and save screenshots, plus a sample PDF.

Run as ``python -m tests.ui.shoot_supervisor OUT_DIR LANGUAGE [PDF]`` with DISPLAY set (the
Xvfb test does this): the demo hospital with its past six months, a quality nurse's
recordings screen playing a call with its answer moments, the statistics dashboard after a
refresh, and the spot-check sampling preview. With PDF, the monthly report of the last full
month is written there too.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from agent_app.config import load_settings
from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.app import open_store
from agent_app.ui.qt import QApplication, QTimer, QWidget
from agent_app.ui.reports.dashboard import StatsDashboard
from agent_app.ui.supervisor.recordings_screen import RecordingsScreen
from agent_app.ui.supervisor.sampling_screen import SamplingScreen
from agent_app.ui.translations import install_translations
from tests.conftest import DEMO_TODAY


def main(out: Path, language: str, pdf: Path | None) -> int:
    app = QApplication(sys.argv[:1])
    install_translations(app, language)
    settings = load_settings(demo=True)
    engine = open_store(settings).engine
    seed_store(engine, 600, seed=2, today=DEMO_TODAY, recordings_dir=settings.recordings_dir)
    quality = next(a for a in list_accounts(engine) if a.role is Role.QUALITY)
    if pdf is not None:
        first = DEMO_TODAY.replace(day=1) - dt.timedelta(days=1)
        write_monthly_report(engine, quality.id, first.year, first.month, pdf)
    geometry = app.primaryScreen().availableGeometry()
    screens: list[QWidget] = []

    def grab(widget: QWidget, name: str) -> None:
        assert widget.grab().save(str(out / name))

    def show(widget: QWidget) -> None:
        screens.append(widget)
        widget.setGeometry(geometry)
        widget.show()

    def recordings() -> None:
        screen = RecordingsScreen(engine, quality)
        show(screen)

        def when_listed() -> None:
            if screen.browser.model.rowCount() == 0:
                QTimer.singleShot(100, when_listed)
                return
            screen.browser.select_row(0)
            screen.browser.open_current()
            QTimer.singleShot(2500, lambda: (grab(screen, "recordings.png"), dashboard()))

        when_listed()

    def dashboard() -> None:
        screen = StatsDashboard(engine, quality, today=lambda: DEMO_TODAY)
        show(screen)
        screen.sig_refreshed.connect(
            lambda: QTimer.singleShot(500, lambda: (grab(screen, "dashboard.png"), sampling()))
        )

    def sampling() -> None:
        screen = SamplingScreen(engine, quality)
        show(screen)
        QTimer.singleShot(800, screen.preview)
        QTimer.singleShot(3000, lambda: (grab(screen, "sampling.png"), app.quit()))

    QTimer.singleShot(100, recordings)
    return app.exec()


if __name__ == "__main__":
    sys.exit(
        main(
            Path(sys.argv[1]),
            sys.argv[2] if len(sys.argv) > 2 else "en",
            Path(sys.argv[3]) if len(sys.argv) > 3 else None,
        )
    )
