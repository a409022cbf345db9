"""Take HL7 ADT messages one at a time and answer each: AA, or AE/AR with the reason.

Messages of one day share one ``his_import_run`` row whose counts grow with each message, so
the run history shows a line a day for the listener rather than one per discharge. Every
message that cannot be taken, for whatever reason, is kept as a ``his_rejected_row`` of that
run (its code, parameters and the message text), so nothing the HIS sent is lost unseen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from agent_app.his.errors import HisError, MessageRefused
from agent_app.his.hl7_adt import (
    Discharge,
    DischargeCancelled,
    PatientsMerged,
    PatientUpdated,
    read_event,
)
from agent_app.his.hl7_message import Hl7Message, ack, control_id_of, parse_message
from agent_app.his.mapping import Hl7Mapping
from agent_app.his.patient_changes import (
    cancel_discharge,
    merge_patients,
    reopen_discharge,
    update_patient,
)
from agent_app.his.records import Rejection, SourceRow
from agent_app.his.reference import load_reference
from agent_app.his.runs import (
    BatchResult,
    RunReport,
    add_batch,
    finish_run,
    import_rows,
    start_run,
    store_rejections,
)
from agent_app.his.task_generator import generate_for_batch, load_plans
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)
RAW_LIMIT = 8000  # characters of a refused message kept for review (a discharge is a few kB)


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
        mapping: Hl7Mapping | None = None,
    ) -> None:
        self._store = store
        self._source = source
        self._region = region
        self._late_days = late_days
        self._lock = lock or threading.Lock()
        self._clock = clock
        self._mapping = mapping or Hl7Mapping()
        self._report: RunReport | None = None
        self._day: dt.date | None = None

    def handle(self, text: str) -> str:
        """The ACK for one message's text. Never raises: whatever fails is answered and kept."""
        try:
            return self._handle(text)
        except Exception:  # even keeping the refusal failed: still answer, never drop the line
            log.exception("HL7 message %s: no answer could be built", control_id_of(text))
            reason = MessageRefused("hl7_unreadable", error="internal")
            return ack(None, "AR", str(reason), control=control_id_of(text))

    def _handle(self, text: str) -> str:
        message: Hl7Message | None = None
        try:
            message = parse_message(text)
            return self._take(message)
        except MessageRefused as exc:
            log.info("HL7 message %s refused: %s", control_id_of(text), exc)
            return self._refuse(text, message, exc)
        except SQLAlchemyError as exc:
            log.error("HL7 message %s not stored: %s", control_id_of(text), exc)
            return self._refuse(
                text, message, MessageRefused("hl7_not_stored", error=type(exc).__name__)
            )
        except Exception as exc:  # a message whose fields break our reading: answer and keep
            log.exception("HL7 message %s unreadable", control_id_of(text))
            return self._refuse(
                text, message, MessageRefused("hl7_unreadable", error=type(exc).__name__)
            )

    def refuse_block(self, text: str, reason: MessageRefused) -> str:
        """The answer to a block the listener could not turn into text (kept like the rest)."""
        return self._refuse(text, None, reason)

    def _refuse(self, text: str, message: Hl7Message | None, reason: MessageRefused) -> str:
        control = message.control_id if message is not None else control_id_of(text)
        rejection = Rejection(
            self._source,
            f"message {control}"[:60],
            "",
            str(reason),
            {"message": text[:RAW_LIMIT]},
            reason.code,
            reason.params,
        )
        try:
            with self._lock:
                report = self._current_run(self._clock())
                with self._store.begin() as connection:
                    store_rejections(connection, report.run_id, [rejection])
                self._report = dataclasses.replace(
                    report, rows_in=report.rows_in + 1, rejected=report.rejected + 1
                )
                finish_run(self._store, self._report)
        except (SQLAlchemyError, HisError) as exc:  # the store is down: the sender resends
            log.error("HL7 message %s: the refusal could not be kept: %s", control, exc)
        return ack(message, reason.ack_code, str(reason), control=control)

    def _take(self, message: Hl7Message) -> str:
        event = read_event(message, self._mapping)
        if isinstance(event, Discharge):
            reason = self._import(event.row)
            return ack(message, "AE", reason) if reason else ack(message, "AA")
        with self._lock:
            now = self._clock()
            report = self._current_run(now)
            with self._store.begin() as connection:
                cancelled = self._apply(connection, event, now)
            self._report = dataclasses.replace(
                report,
                rows_in=report.rows_in + 1,
                tasks_cancelled=report.tasks_cancelled + cancelled,
            )
            finish_run(self._store, self._report)
        return ack(message, "AA")

    def _apply(
        self,
        connection: Connection,
        event: DischargeCancelled | PatientUpdated | PatientsMerged,
        now: dt.datetime,
    ) -> int:
        """Apply a non-discharge event; return how many tasks it cancelled."""
        if isinstance(event, DischargeCancelled):
            outcome = cancel_discharge(connection, self._source, event.visit_number, now)
            return outcome.tasks_cancelled
        if isinstance(event, PatientUpdated):
            update_patient(connection, event.mrn, event.row, self._region)
        else:
            merge_patients(connection, event.mrn, event.prior_mrn, event.row, self._region)
        return 0

    def _import(self, row: SourceRow) -> str:
        with self._lock:
            now = self._clock()
            report = self._current_run(now)
            with self._store.begin() as connection:
                reopen_discharge(connection, self._source, row.get("visit_number"))
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
        return _reason(result)

    def _current_run(self, now: dt.datetime) -> RunReport:
        if self._report is None or self._day != now.date():
            run_id = start_run(self._store, self._source, "hl7", "mllp")
            self._report = RunReport(run_id, self._source, "ok")
            self._day = now.date()
        return self._report


def _reason(result: BatchResult) -> str:
    return result.rejections[0].reason if result.rejections else ""
