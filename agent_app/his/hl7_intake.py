"""Import ADT^A03 messages one at a time and say AA or AE (with the reason) for each.

Messages of one day share one ``his_import_run`` row whose counts grow with each message, so
the run history shows a line a day for the listener rather than one per discharge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from agent_app.his.errors import HisError
from agent_app.his.hl7_adt import MessageRefused, ack, adt_a03_row, control_id, parse_message
from agent_app.his.records import SourceRow
from agent_app.his.reference import load_reference
from agent_app.his.runs import RunReport, add_batch, finish_run, import_rows, start_run
from agent_app.his.task_generator import generate_for_batch, load_plans
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)


class Hl7Intake:
    """Thread-safe: ``lock`` is shared with scheduled imports so they never interleave."""

    def __init__(
        self,
        store: Engine,
        source: str = "his",
        *,
        region: str = "CN",
        late_days: int = 7,
        lock: threading.Lock | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._store = store
        self._source = source
        self._region = region
        self._late_days = late_days
        self._lock = lock or threading.Lock()
        self._clock = clock
        self._report: RunReport | None = None
        self._day: dt.date | None = None

    def handle(self, text: str) -> str:
        """The ACK for one message's text (never raises)."""
        try:
            message = parse_message(text)
        except MessageRefused as exc:
            log.warning("HL7 message refused: %s", exc)
            return ack(None, "AE", str(exc))
        try:
            row = adt_a03_row(message)
        except MessageRefused as exc:
            log.info("HL7 message %s refused: %s", control_id(message), exc)
            return ack(message, "AE", str(exc))
        except Exception as exc:  # a message the parser took but whose fields break our reading
            log.warning("HL7 message %s unreadable: %s", control_id(message), exc)
            return ack(message, "AE", f"The message could not be read: {exc}.")
        try:
            reason = self._import(row)
        except SQLAlchemyError as exc:
            log.error("HL7 message %s not stored: %s", control_id(message), exc)
            return ack(message, "AE", "The follow-up store could not save the message; resend it.")
        except HisError as exc:  # e.g. a plan that cannot be used: nothing was stored
            log.error("HL7 message %s not stored: %s", control_id(message), exc)
            return ack(message, "AE", str(exc))
        return ack(message, "AE", reason) if reason else ack(message, "AA")

    def _import(self, row: SourceRow) -> str:
        with self._lock:
            now = self._clock()
            report = self._current_run(now)
            with self._store.begin() as connection:
                ref = load_reference(connection)
                result = import_rows(
                    connection, report.run_id, [row], self._source, ref, self._region
                )
                tasks = None
                if result.episode_ids:
                    plans = load_plans(connection)
                    tasks = generate_for_batch(
                        connection, result.episode_ids, plans.plans, now, self._late_days
                    )
                    tasks.skipped_plans = plans.skipped_json()
            report = add_batch(report, 1, result)
            if tasks is not None:
                report = dataclasses.replace(
                    report,
                    tasks_created=report.tasks_created + tasks.created,
                    tasks_updated=report.tasks_updated + tasks.updated,
                    tasks_cancelled=report.tasks_cancelled + tasks.cancelled,
                    skipped_plans=report.skipped_plans
                    + tuple(p for p in tasks.skipped_plans if p not in report.skipped_plans),
                )
            self._report = report
            finish_run(self._store, report)
        return result.rejections[0].reason if result.rejections else ""

    def _current_run(self, now: dt.datetime) -> RunReport:
        if self._report is None or self._day != now.date():
            run_id = start_run(self._store, self._source, "hl7", "mllp")
            self._report = RunReport(run_id, self._source, "ok")
            self._day = now.date()
        return self._report
