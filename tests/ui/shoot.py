"""Drive the real desk under an X server and save screenshots of the screen.

Run as ``python -m tests.ui.shoot OUT_DIR LANGUAGE`` with DISPLAY set (the Xvfb test does
this): it starts the demo store, signs in through the login dialog like a person would, and
grabs the whole X screen at the login, at the queue, and in a follow-up with a red flag.
"""

from __future__ import annotations

import sys
from pathlib import Path

from agent_app.config import load_settings
from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.app import DeskApp, open_store
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QTimer
from agent_app.ui.translations import install_translations
from tests.conftest import DEMO_TODAY


def main(out: Path, language: str) -> int:
    app = QApplication(sys.argv[:1])
    install_translations(app, language)
    settings = load_settings(demo=True)
    engine = open_store(settings).engine
    seed_store(engine, 400, seed=2, today=DEMO_TODAY)
    desk = DeskApp(settings, engine)
    # A cardiology nurse: her queue holds cardiology follow-ups with their red-flag questions.
    nurse = next(
        a
        for a in list_accounts(engine)
        if a.role is Role.AGENT and a.department_name == "心血管内科"
    )

    def grab(name: str) -> None:
        screen = app.primaryScreen()
        assert screen.grabWindow(0).save(str(out / name))

    def at_login() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(100, at_login)
            return
        dialog.user_picker.choose(nurse.username)
        dialog.password_edit.setText("demo")
        app.processEvents()
        grab("login.png")
        dialog.try_sign_in()

    def at_main() -> None:
        window = desk.window
        if window is None or not window.isVisible():
            QTimer.singleShot(100, at_main)
            return
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.window_box.setCurrentIndex(2)
        QTimer.singleShot(700, lambda: (grab("main_window.png"), window.open_next()))
        QTimer.singleShot(900, in_followup)

    def in_followup() -> None:
        window = desk.window
        assert window is not None
        view = window.followup
        if view is None:
            QTimer.singleShot(100, in_followup)
            return
        form = view.form
        for question, choice in (("identity_confirmed", 1), ("chest_pain", 1)):
            form.boxes[question].editor.pick(choice)
        duration = form.boxes["chest_pain_duration"]
        values = duration.editor.values  # type: ignore[attr-defined]
        duration.editor.pick(values.index("over_20") + 1)
        form.boxes["dyspnea"].editor.pick(1)
        form.focus_question("syncope")
        QTimer.singleShot(700, lambda: (grab("followup.png"), app.quit()))

    QTimer.singleShot(600, at_login)
    if not desk.sign_in():
        return 1
    QTimer.singleShot(300, at_main)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en"))
