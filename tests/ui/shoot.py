"""Drive the real desk under an X server and save screenshots of the screen.

Run as ``python -m tests.ui.shoot OUT_DIR`` with DISPLAY set (the Xvfb test does this): it
starts the demo store, signs in through the login dialog like a person would, and grabs the
whole X screen at the login and at the main window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from agent_app.config import load_settings
from agent_app.demo.seed import seed_store
from agent_app.ui.app import DeskApp, open_store
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QTimer
from tests.conftest import DEMO_TODAY


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    settings = load_settings(demo=True)
    engine = open_store(settings)
    seed_store(engine, 400, seed=2, today=DEMO_TODAY)
    desk = DeskApp(settings, engine)

    def grab(name: str) -> None:
        screen = app.primaryScreen()
        assert screen.grabWindow(0).save(str(out / name))

    def at_login() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(100, at_login)
            return
        # Sign in as hospital quality staff, whose queue spans every department.
        quality = next(
            i for i in range(dialog.user_box.count()) if "Quality" in dialog.user_box.itemText(i)
        )
        dialog.user_box.setCurrentIndex(quality)
        dialog.password_edit.setText("demo")
        app.processEvents()
        grab("login.png")
        dialog.try_sign_in()

    def at_main() -> None:
        if desk.window is None or not desk.window.isVisible():
            QTimer.singleShot(100, at_main)
            return
        desk.window.setGeometry(app.primaryScreen().availableGeometry())
        desk.window.window_box.setCurrentIndex(2)
        QTimer.singleShot(700, lambda: (grab("main_window.png"), app.quit()))

    QTimer.singleShot(600, at_login)
    if not desk.sign_in():
        return 1
    QTimer.singleShot(300, at_main)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
