"""Start the desktop: open the store (seeding the demo hospital), sign in, show the queue.

Only what the sign-in needs is imported up front; desk_session builds the rest."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select

from agent_app.config import ConfigError, Profile, Settings
from agent_app.store.errors import StoreError
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Patient
from agent_app.ui.background import run_in_background
from agent_app.ui.fatal import show_fatal
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QDialog, QObject, QProgressDialog, Qt, QTimer, Signal
from agent_app.ui.store_opening import open_desk_store, store_error_text
from agent_app.ui.translations import install_translations, preferred_language

if TYPE_CHECKING:
    from agent_app.ui.desk_session import DeskSession
    from agent_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class _SeedProgress(QObject):
    sig_progress = Signal(int, int)  # done, total; emitted on the worker, shown on the GUI thread


class DeskApp:
    """Owns the store engine and walks the agent from sign-in to the main window."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.window: MainWindow | None = None
        self._last_user = ""
        self._session: DeskSession | None = None

    @property
    def session(self) -> DeskSession:
        """What builds the signed-in desk (its modules load on first use)."""
        if self._session is None:
            from agent_app.ui.desk_session import DeskSession

            self._session = DeskSession(self.settings, self.engine)
        return self._session

    def sign_in(self) -> bool:
        dialog = LoginDialog(self.engine, list_accounts(self.engine), self._last_user)
        # The desk's own modules load once the sign-in is on screen, while the agent types.
        QTimer.singleShot(0, lambda: self.session)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return False
        self._last_user = dialog.account.username
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.window = self.session.open_window(dialog.account, dialog.password_edit.text() or None)
        self.window.sig_switch_user.connect(self._switch_user)
        return True

    def _switch_user(self) -> None:
        if self.window is not None:
            self.window.hide()
        if not self.sign_in():
            QApplication.quit()


def open_store(settings: Settings) -> Engine:
    """The desk's encrypted store (see ui/store_opening for an old or unreadable one)."""
    return open_desk_store(settings)


def seed_demo_if_empty(
    app: QApplication, engine: Engine, patients: int, recordings_dir: Path | None = None
) -> None:
    """Generate the demo hospital on first start, with a progress dialog; its recorded calls
    go to ``recordings_dir`` (default: beside the store)."""
    with engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Patient)).scalar_one():
            return
    progress = QProgressDialog(
        app.translate("DeskApp", "Generating the demo hospital…"), "", 0, patients
    )
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.setAutoReset(False)  # full bar while the last rows and recordings are written
    progress.setAutoClose(False)
    outcome: dict[str, BaseException | None] = {}

    def done(_: object) -> None:
        outcome["error"] = None
        progress.close()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        progress.close()

    from agent_app.demo.seed import seed_store  # only a first demo start needs the generator

    def advanced(count: int, total: int) -> None:
        progress.setMaximum(total)  # the past's patients are counted too
        progress.setValue(count)

    relay = _SeedProgress()
    relay.sig_progress.connect(advanced)
    run_in_background(
        lambda: seed_store(
            engine, patients, progress=relay.sig_progress.emit, recordings_dir=recordings_dir
        ),
        done,
        failed,
    )
    progress.exec()
    while "error" not in outcome:
        app.processEvents()
    if outcome["error"] is not None:
        raise outcome["error"]


def run(settings: Settings, demo_patients: int) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translations(app, preferred_language(settings.language))
    app.setApplicationName("agent-app")
    app.setApplicationDisplayName(app.translate("DeskApp", "Follow-up Desk"))
    try:
        engine = open_store(settings)
        if settings.profile is Profile.DEMO:
            seed_demo_if_empty(app, engine, demo_patients, settings.recordings_dir)
    except ConfigError as exc:
        show_fatal(str(exc))
        return 2
    except StoreError as exc:
        show_fatal(store_error_text(exc))
        return 2
    desk = DeskApp(settings, engine)
    if not desk.sign_in():
        return 0
    return app.exec()
