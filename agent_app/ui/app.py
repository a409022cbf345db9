"""Start the desktop: open the store (seeding the demo hospital), sign in, show the queue."""

from __future__ import annotations

import logging
import random
import sys

from sqlalchemy import Engine, func, select

from agent_app.config import ConfigError, Profile, Settings, ensure_data_dir
from agent_app.demo.seed import seed_store
from agent_app.dialer.errors import DialerError
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.lines import open_phone
from agent_app.domain.enums import LineType
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import open_local_store
from agent_app.store.errors import StoreError
from agent_app.store.repositories.contacts import random_contact_number
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Patient
from agent_app.ui.background import run_in_background
from agent_app.ui.call_bar import CallBar
from agent_app.ui.desk_sync import attach_sync, desk_leases, server_engine
from agent_app.ui.desk_tools import add_tools
from agent_app.ui.fatal import show_fatal
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QApplication, QDialog, QProgressDialog, Qt
from agent_app.ui.screen_pop import ScreenPop
from agent_app.ui.translations import install_translations, preferred_language

log = logging.getLogger(__name__)


class DeskApp:
    """Owns the store engine and walks the agent from sign-in to the main window."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.window: MainWindow | None = None
        self._last_user = ""
        self.bridge: PhoneBridge | None = None
        self._rng = random.Random()

    def line_description(self) -> str:
        if self.settings.profile is Profile.DEMO:
            return QApplication.translate("DeskApp", "Line: simulated (demo)")
        return QApplication.translate("DeskApp", "Line: {0}").format(self.settings.line.value)

    def _call_bar(self) -> CallBar | None:
        if self.bridge is None:
            try:
                self.bridge = PhoneBridge(open_phone(self.settings))
            except DialerError as exc:
                show_fatal(str(exc), exit_app=False)
                return None
        return CallBar(self.bridge, self.settings.recordings_dir)

    def _screen_pop(self, account: StaffAccount, window: MainWindow) -> ScreenPop:
        assert self.bridge is not None
        demo = self.settings.profile is Profile.DEMO
        line = LineType.FAKE if demo else LineType(self.settings.line.value)
        prefixes = (self.settings.pbx_prefix,) if self.settings.pbx_prefix else ()
        return ScreenPop(
            self.bridge,
            self.engine,
            account,
            self.settings.screenpop,
            line=line,
            region=self.settings.region,
            pbx_prefixes=prefixes,
            host=window,
        )

    def _demo_callback(self, phone: FakePhone) -> None:
        number = random_contact_number(self.engine, self._rng)
        if number is not None:
            phone.simulate_incoming(number)

    def sign_in(self) -> bool:
        dialog = LoginDialog(self.engine, list_accounts(self.engine), self._last_user)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return False
        self._last_user = dialog.account.username
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        demo = self.settings.profile is Profile.DEMO
        account = dialog.account
        server = server_engine(self.settings, account, dialog.password_edit.text() or None)
        leases = desk_leases(self.settings, self.engine, server, account)
        self.window = MainWindow(
            self.engine,
            dialog.account,
            self.line_description(),
            self._call_bar(),
            drafts_dir=self.settings.data_dir / "drafts",
            line=LineType.FAKE if demo else LineType(self.settings.line.value),
            hospital=(self.settings.hospital_name, self.settings.hospital_phone),
            lock_after_minutes=self.settings.lock_after_minutes,
            leases=leases,
        )
        self.window.sig_switch_user.connect(self._switch_user)
        add_tools(self.window)
        if self.bridge is not None:
            self.window.attach_screen_pop(self._screen_pop(dialog.account, self.window))
            phone = self.bridge.phone
            if isinstance(phone, FakePhone):
                self.window.add_demo_callback(lambda: self._demo_callback(phone))
        self.window.show()
        self.window.restore_unfinished()
        if server is not None:
            attach_sync(self.window, self.settings, server, leases)
        return True

    def _switch_user(self) -> None:
        if self.window is not None:
            self.window.hide()
        if not self.sign_in():
            QApplication.quit()


def open_store(settings: Settings) -> Engine:
    ensure_data_dir(settings)
    return open_local_store(settings.store_path)


def seed_demo_if_empty(app: QApplication, engine: Engine, patients: int) -> None:
    """Generate the demo hospital on first start, with a progress dialog."""
    with engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Patient)).scalar_one():
            return
    progress = QProgressDialog(
        app.translate("DeskApp", "Generating the demo hospital…"), "", 0, patients
    )
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    outcome: dict[str, BaseException | None] = {}

    def done(_: object) -> None:
        outcome["error"] = None
        progress.close()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        progress.close()

    run_in_background(lambda: seed_store(engine, patients), done, failed)
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
            seed_demo_if_empty(app, engine, demo_patients)
    except (ConfigError, StoreError) as exc:
        show_fatal(str(exc))
        return 2
    desk = DeskApp(settings, engine)
    if not desk.sign_in():
        return 0
    return app.exec()
