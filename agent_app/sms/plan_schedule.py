"""Runs the plan's text message planner every few minutes on its own thread, beside the
sender, for as long as the desk sends text messages.

The planner is safe to run anywhere and often (its plan keys make a second run a no-op), so
the schedule is simple: once at start, then every ``every_seconds``. A failed run is logged and
tried again at the next turn; it never stops the sender.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from agent_app.sms.planner import Hospital, PlanReport, plan_messages

log = logging.getLogger(__name__)

#: Five minutes: a notice planned for "within 18 hours" is never more than this late.
EVERY_SECONDS = 300.0


class PlanSchedule:
    """Calls :func:`plan_messages` on a thread until :meth:`stop`."""

    def __init__(
        self,
        engine: Engine,
        hospital: Hospital,
        staff_id: int,
        *,
        every_seconds: float = EVERY_SECONDS,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        on_report: Callable[[PlanReport], None] | None = None,
    ) -> None:
        self.engine, self.hospital, self.staff_id = engine, hospital, staff_id
        self.every_seconds = every_seconds
        self._clock = clock
        self._on_report = on_report
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sms-planner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                report = plan_messages(
                    self.engine, self._clock(), hospital=self.hospital, staff_id=self.staff_id
                )
            except SQLAlchemyError as error:  # the store is busy or gone: try next turn
                log.warning("Text message planning failed: %s", error)
            else:
                if self._on_report is not None:
                    self._on_report(report)
            self._stop.wait(self.every_seconds)
