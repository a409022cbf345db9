"""The thread that owns the messaging gateway (the USB modem or the hospital's SMS platform):
opens it, sends and receives, and opens it again when the USB stick comes back after being
pulled or the platform answers again.

One thread for the gateway and the sender, so the modem sees one conversation at a time and the
store's ``sending`` marks are written by the same hand that talks to the gateway.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.config import SmsRoute, SmsSettings
from agent_app.sms.errors import SmsModemError
from agent_app.sms.gateway import SmsGateway
from agent_app.sms.gsm_modem import GsmModem
from agent_app.sms.http_platform import HttpPlatform
from agent_app.sms.modem_gateway import ModemGateway
from agent_app.sms.quiet_hours import is_quiet
from agent_app.sms.sender import SmsSender
from agent_app.store.repositories.sms_queue import desk_sends

log = logging.getLogger(__name__)

#: Waits between attempts to open a modem that is missing or not answering.
REOPEN_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)


class SmsWorker:
    """Runs ``SmsSender`` on its own thread until ``stop``; ``state`` says how the gateway is."""

    def __init__(
        self,
        engine: Engine,
        settings: SmsSettings,
        staff_id: int,
        *,
        region: str = "CN",
        poll_seconds: float = 1.0,
        on_state: Callable[[str], None] | None = None,
        quiet: Callable[[dt.datetime], bool] = is_quiet,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.staff_id = staff_id
        self.region = region
        self.poll_seconds = poll_seconds
        self._on_state = on_state
        self._quiet = quiet
        self.state = "stopped"  # stopped | opening | ready | lost (a code for the screen)
        self.last_error = ""  # the code of what made it ``lost``, for the screen
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start sending; from now on what this desk queues is sent from here."""
        desk_sends(self.engine, self.staff_id)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sms-modem", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
        desk_sends(self.engine, None)

    def _set(self, state: str) -> None:
        self.state = state
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:  # a screen gone away must not stop the sending
                log.warning("text messages: the state %s could not be shown", state, exc_info=True)

    def _gateway(self) -> SmsGateway:
        """The route ``[sms] route`` names."""
        if self.settings.route is SmsRoute.HTTP:
            return HttpPlatform(self.settings.http)
        return ModemGateway(GsmModem(self.settings.port, baudrate=self.settings.baudrate))

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            gateway = self._gateway()
            self._set("opening")
            try:
                gateway.open()
                sender = SmsSender(
                    self.engine,
                    gateway,
                    self.settings,
                    self.staff_id,
                    region=self.region,
                    quiet=self._quiet,
                )
                sender.start()
                failures = 0
                self._set("ready")
                while not self._stop.is_set():
                    sender.run_once(self.poll_seconds)
            except SmsModemError as error:
                log.warning("text messages: %s", error)
                self.last_error = error.code
                self._set("lost")
            finally:
                gateway.close()
            delay = REOPEN_DELAYS[min(failures, len(REOPEN_DELAYS) - 1)]
            failures += 1
            self._stop.wait(delay)
        self._set("stopped")
