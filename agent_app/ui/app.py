"""Start the desktop: open the store (seeding the demo hospital), sign in, show the queue.

Only what the sign-in needs is imported up front; desk_session builds the rest."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select

from agent_app.config import ConfigError, Profile, Settings, ensure_data_dir
from agent_app.domain.views import StaffAccount
from agent_app.store.desk_store import DeskStore
from agent_app.store.engine import create_server_engine, server_url
from agent_app.store.errors import StoreError
from agent_app.store.health_errors import StoreDamagedError
from agent_app.store.repositories.staff import authenticate, list_accounts
from agent_app.store.schema import Patient
from agent_app.sync.sign_in import verify_with_server
from agent_app.ui.background import run_in_background
from agent_app.ui.fatal import show_fatal
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QDialog, QObject, QProgressDialog, Qt, QTimer, Signal
from agent_app.ui.store_care import StoreCare, damaged_at_start
from agent_app.ui.store_messages import store_error_text
from agent_app.ui.store_opening import open_desk_store
from agent_app.ui.translations import install_translations, preferred_language
from agent_app.ui.window_curtain import hide_other_windows

if TYPE_CHECKING:
    from agent_app.ui.desk_session import DeskSession
    from agent_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class _SeedProgress(QObject):
    sig_progress = Signal(int, int)  # done, total; emitted on the worker, shown on the GUI thread


class DeskApp:
    """Owns the store engine and walks the agent from sign-in to the main window."""

    def __init__(self, settings: Settings, engine: Engine, care: StoreCare | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self.window: MainWindow | None = None
        self._last_user: str | None = None  # None: the one remembered on this computer
        self._session: DeskSession | None = None
        self.care = care  # the store's check, backup and restore; None in tests of the screens
        self.exit_code = 0
        self._care_started = False
        if care is not None:
            care.sig_damaged.connect(self._store_damaged)
            care.sig_restored.connect(self._store_replaced)

    @property
    def session(self) -> DeskSession:
        """What builds the signed-in desk (its modules load on first use)."""
        if self._session is None:
            from agent_app.ui.desk_session import DeskSession

            self._session = DeskSession(self.settings, self.engine)
        return self._session

    def _verify(self, engine: Engine, username: str, password: str) -> StaffAccount:
        """With a central server, the server checks the password (it keeps the hashes)."""
        server = self.settings.server
        if not server.configured:
            return authenticate(engine, username, password)
        return verify_with_server(
            engine,
            lambda user, secret: create_server_engine(server_url(server, user, secret)),
            username,
            password,
        )

    def sign_in(self, *, typed_only: bool = False) -> bool:
        """Show the sign-in and open the desk of whoever signs in; False when cancelled.

        ``typed_only``: a remembered password is not offered (switching user, also from the
        lock screen): the remembered password only starts the desk."""
        care = self.care
        dialog = LoginDialog(
            self.engine,
            list_accounts(self.engine),
            self._last_user,
            typed_only=typed_only,
            rules=self.settings.sign_in,
            verify=self._verify,
            restore_backup=(lambda: care.offer_restore(dialog)) if care is not None else None,
        )
        # The desk's own modules load once the sign-in is on screen, while the agent types,
        # and a large store gets its health check and backup then too.
        QTimer.singleShot(0, lambda: self.session)
        if care is not None and not self._care_started:
            self._care_started = True
            QTimer.singleShot(0, care.start)
        # The restore callback holds the dialog in a cycle: delete it, or a hidden sign-in
        # lingers as a top-level window until the garbage collector runs.
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        account, password = dialog.account, dialog.password_edit.text()
        dialog.deleteLater()
        if not accepted or account is None:
            return False
        self._last_user = account.username
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.window = self.session.open_window(account, password or None)
        self.window.sig_switch_user.connect(self._switch_user)
        return True

    def _store_damaged(self, text: str) -> None:
        assert self.care is not None
        self.exit_code = 2
        self.care.tell_damaged(text, QApplication.activeWindow())
        QApplication.exit(self.exit_code)  # also ends the sign-in's own event loop

    def _store_replaced(self) -> None:
        # Every open screen holds rows of the store that was put aside: start afresh.
        self.exit_code = 0
        QApplication.exit(self.exit_code)

    def _switch_user(self) -> None:
        # The tools of the one leaving are windows of their own: hiding the main window
        # alone would leave them to whoever signs in next.
        hide_other_windows()
        if not self.sign_in(typed_only=True):
            QApplication.quit()


def open_store(settings: Settings) -> DeskStore:
    """The desk's store: local disk, this desk's alone, checked, encrypted (an old plaintext
    or an unreadable one is handled in ui/store_opening)."""
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
        if settings.profile is Profile.DEMO:
            from agent_app.demo.demo_keyring import use_demo_keys_without_a_keyring

            ensure_data_dir(settings)
            use_demo_keys_without_a_keyring(settings.data_dir)
        store = open_store(settings)
        if settings.profile is Profile.DEMO:
            seed_demo_if_empty(app, store.engine, demo_patients, settings.recordings_dir)
    except StoreDamagedError as exc:
        return damaged_at_start(settings, exc)
    except (ConfigError, StoreError) as exc:
        show_fatal(store_error_text(exc))
        return 2
    desk = DeskApp(settings, store.engine, StoreCare(settings, store))
    if not desk.sign_in():
        return desk.exit_code
    return app.exec() or desk.exit_code
