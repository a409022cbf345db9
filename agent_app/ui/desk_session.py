"""Everything the desk builds once someone has signed in: the main window with its phone line,
screen-pop, role tools and sync.

Kept apart from app.py so the sign-in shows without importing any of it; app.py loads this
module while the sign-in dialog waits for the password.
"""

from __future__ import annotations

import random

from sqlalchemy import Engine

from agent_app.config import Profile, Settings
from agent_app.dialer.dial_plan import DialPlan
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.lines import open_phone, opens_on_any_thread
from agent_app.domain.enums import LineType
from agent_app.domain.views import StaffAccount
from agent_app.netwatch.desk_targets import desk_targets
from agent_app.sms.plan_schedule import PlanSchedule
from agent_app.sms.planner import Hospital
from agent_app.sms.worker import SmsWorker
from agent_app.store.repositories.contacts import random_contact_number
from agent_app.ui.call_bar import CallBar
from agent_app.ui.call_transfer import CallTransfer
from agent_app.ui.desk_sync import attach_sync, desk_leases, server_engine
from agent_app.ui.desk_tools import add_tools
from agent_app.ui.link_changes import LinkRelay
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import LineState, PhoneBridge
from agent_app.ui.qt import QCoreApplication, QMainWindow, Qt
from agent_app.ui.red_flags.desk_inbox import add_red_flag_inbox, follow_pulled_alerts
from agent_app.ui.screen_pop import ScreenPop
from agent_app.ui.sms_status import SmsStatusLabel


class DeskSession:
    """Builds a main window per sign-in; the phone line stays open across sign-ins."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.bridge: PhoneBridge | None = None
        self._rng = random.Random()
        self._links: LinkRelay | None = None
        self._sms: SmsWorker | None = None
        self._sms_plan: PlanSchedule | None = None

    @property
    def demo(self) -> bool:
        return self.settings.profile is Profile.DEMO

    @property
    def line(self) -> LineType:
        return LineType.FAKE if self.demo else LineType(self.settings.line.value)

    def line_description(self) -> str:
        if self.demo:
            return QCoreApplication.translate("DeskSession", "Line: simulated (demo)")
        return QCoreApplication.translate("DeskSession", "Line: {0}").format(
            self.settings.line.value
        )

    def _open_line(self) -> PhoneBridge:
        """The desk's line, kept across sign-ins. One that cannot be opened leaves the desk
        working without calls: the status bar says why in red and offers Retry. The serial box
        opens on a worker (it waits for the modem); the others here, since they do not wait."""
        if self.bridge is None:
            settings = self.settings
            anywhere = opens_on_any_thread(settings)
            self.bridge = PhoneBridge(
                None,
                opener=lambda: open_phone(settings),
                open_anywhere=anywhere,
                line=self.line,
            )
            self.bridge.calls.waiting = settings.phone.call_waiting
            app = QCoreApplication.instance()
            if app is not None:
                # Calls still open when the desk quits are closed as desk_stopped, and every
                # write of the desk lands before the process ends.
                app.aboutToQuit.connect(self.bridge.calls.shutdown)
            if anywhere and self.line is LineType.MODEM:
                self.bridge.retry()
            else:
                self.bridge.open_now()
        return self.bridge

    def _link_relay(self) -> LinkRelay | None:
        """Watches for sleep and network changes, from the first window to the exit (not in
        the demo, whose simulated line and local store have nothing to reconnect)."""
        if self.demo:
            return None
        if self._links is None:
            self._links = LinkRelay(desk_targets(self.settings))
            self._links.start()
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self._links.stop)
            if self.bridge is not None:
                self._links.follow_line(self.bridge)
        return self._links

    def _call_bar(self) -> CallBar:
        bridge = self._open_line()
        plan = DialPlan.from_settings(self.settings, sip_line=self.line is LineType.SIP)
        return CallBar(bridge, self.settings.recordings_dir, dial_plan=plan)

    def _screen_pop(self, account: StaffAccount, window: MainWindow) -> ScreenPop:
        assert self.bridge is not None
        prefixes = (self.settings.pbx_prefix,) if self.settings.pbx_prefix else ()
        return ScreenPop(
            self.bridge,
            self.engine,
            account,
            self.settings.screenpop,
            line=self.line,
            region=self.settings.region,
            pbx_prefixes=prefixes,
            host=window,
        )

    def _demo_callback(self, phone: FakePhone) -> None:
        number = random_contact_number(self.engine, self._rng)
        if number is not None:
            phone.simulate_incoming(number)

    def _add_self_test(self, window: MainWindow, server: Engine | None) -> None:
        """Help → Self-test, lent this desk's store, line and server login."""

        def show() -> None:
            from agent_app.ui.selftest_dialog import desk_self_test

            phone = self.bridge.phone if self.bridge is not None else None
            dialog = desk_self_test(self.settings, self.engine, server, phone, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
            dialog.start()

        window.menus.add(
            window.menus.help,
            QCoreApplication.translate("DeskSession", "&Self-test…"),
            show,
        )

    def _start_sms(self, account: StaffAccount, window: QMainWindow) -> None:
        """Send and receive text messages through the modem at ``[sms] port`` or the platform
        at ``[sms.http] url`` (``[sms] route``), if set; the messages are audited as the
        signed-in agent's, so each sign-in has its own. The status bar says how it goes."""
        if self._sms is not None:
            self._sms.stop()
            self._sms = None
        if self.settings.sms.enabled and not self.demo:
            worker = SmsWorker(
                self.engine, self.settings.sms, account.id, region=self.settings.region
            )
            window.statusBar().addPermanentWidget(SmsStatusLabel(worker, window))
            self._sms = worker
            worker.start()

    def _start_sms_plan(self, account: StaffAccount) -> None:
        """Beside the desk that sends text messages, the planner that queues the plan's
        pre-call notices and re-visit reminders (as the signed-in agent's)."""
        if self._sms_plan is not None:
            self._sms_plan.stop()
            self._sms_plan = None
        if self._sms is not None:
            hospital = Hospital(self.settings.hospital_name, self.settings.hospital_phone)
            self._sms_plan = PlanSchedule(self.engine, hospital, account.id)
            self._sms_plan.start()

    def open_window(self, account: StaffAccount, password: str | None) -> MainWindow:
        """The signed-in desk, shown, with an unfinished follow-up reopened and sync started."""
        settings = self.settings
        server = server_engine(settings, account, password)
        leases = desk_leases(settings, self.engine, server, account)
        window = MainWindow(
            self.engine,
            account,
            self.line_description(),
            self._call_bar(),
            drafts_dir=settings.data_dir / "drafts",
            line=self.line,
            hospital=(settings.hospital_name, settings.hospital_phone),
            lock_after_minutes=settings.lock_after_minutes,
            leases=leases,
            sign_in_rules=settings.sign_in,
        )
        add_tools(window, server, settings)
        inbox = add_red_flag_inbox(window, server, settings.data_dir / "recording-cache")
        self._add_self_test(window, server)
        if window.call_bar is not None and settings.headset.device != "none":
            from agent_app.ui.headset_bridge import attach_headset

            attach_headset(window, window.call_bar, settings.headset.device)
        transfer = (
            CallTransfer(window.call_bar, self.engine, window)
            if window.call_bar is not None
            else None
        )
        if self.bridge is not None:
            pop = self._screen_pop(account, window)
            window.attach_screen_pop(pop)
            if transfer is not None:
                pop.sig_transfer_asked.connect(lambda target_id: transfer.ask(target_id))
            phone = self.bridge.phone
            if isinstance(phone, FakePhone):
                window.add_demo_callback(lambda: self._demo_callback(phone))
            elif self.bridge.state is LineState.MISSING:
                window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "DeskSession", "The phone line could not be opened: {0}"
                    ).format(self.bridge.detail),
                    30_000,
                )
        window.show()
        window.restore_unfinished()
        self._start_sms(account, window)
        self._start_sms_plan(account)
        links = self._link_relay()
        if links is not None:
            links.follow_status(window)
        if server is not None:
            controller = attach_sync(window, settings, server, leases)
            if inbox is not None:
                follow_pulled_alerts(inbox, controller)
            if links is not None:
                links.follow_sync(controller)
        return window
