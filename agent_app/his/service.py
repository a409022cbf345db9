"""The headless discharge service: a daily scheduled import, imports on demand, HL7 listener.

``serve`` runs until ``stop`` is set: it imports from the HIS view every day at ``daily_at``
(hospital time) and whenever ``request_run`` is called (the CLI wires SIGUSR1 to it, so
``systemctl reload agent-app-his`` imports now), while the MLLP listener takes ADT^A03
messages. Scheduled imports and HL7 messages share one lock, so they never interleave.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from agent_app.his.errors import HisError
from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mapping import ColumnMapping
from agent_app.his.mllp_listener import MllpListener
from agent_app.his.mllp_security import parse_senders, server_tls_context
from agent_app.his.runs import ImportOptions, RunReport
from agent_app.his.settings import HisSettings
from agent_app.his.sql_source import SqlViewSource, run_sql_import
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)


def next_run_at(now: dt.datetime, at: dt.time, zone: str) -> dt.datetime:
    """The next moment strictly after ``now`` that the clock in ``zone`` shows ``at`` (UTC)."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    candidate = dt.datetime.combine(local.date(), at, tz)
    if candidate <= local:
        candidate = dt.datetime.combine(local.date() + dt.timedelta(days=1), at, tz)
    return candidate.astimezone(dt.UTC)


class HisService:
    def __init__(
        self,
        settings: HisSettings,
        store: Engine,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.store = store
        self._clock = clock
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._listener: MllpListener | None = None

    def options(self) -> ImportOptions:
        return ImportOptions(
            region=self.settings.region,
            batch_size=self.settings.batch_size,
            late_days=self.settings.late_days,
        )

    def sql_source(self) -> SqlViewSource | None:
        sql = self.settings.sql
        if sql is None:
            return None
        mapping = ColumnMapping.load(Path(sql.mapping))
        return SqlViewSource(
            sql.source, sql.url, sql.query, sql.watermark_column, mapping, sql.since
        )

    def run_now(self, trigger: str = "manual") -> RunReport | None:
        """Import from the HIS view now (None when no view is configured)."""
        source = self.sql_source()
        if source is None:
            log.info("no [his.sql] source configured; nothing to import on schedule")
            return None
        with self._lock:
            return run_sql_import(self.store, source, trigger=trigger, options=self.options())

    def request_run(self) -> None:
        """Ask a running ``serve`` to import now (safe from a signal handler)."""
        self._wake.set()

    def start_listener(self) -> int | None:
        mllp = self.settings.mllp
        if not mllp.enabled:
            return None
        intake = Hl7Intake(
            self.store,
            mllp.source,
            region=self.settings.region,
            late_days=self.settings.late_days,
            lock=self._lock,
            mapping=mllp.hl7_mapping(),
        )
        self._listener = MllpListener(
            intake.handle,
            mllp.host,
            mllp.port,
            mllp.encoding,
            allowed=parse_senders(mllp.allowed_senders),
            tls=server_tls_context(mllp.tls_cert, mllp.tls_key, mllp.tls_client_ca),
            refuse=intake.refuse_block,
        )
        return self._listener.start()

    def serve(self, stop: threading.Event) -> None:
        """Run the schedule (and the listener) until ``stop`` is set."""
        self.start_listener()
        try:
            while not stop.is_set():
                due = next_run_at(self._clock(), self.settings.daily_time, self.settings.zone)
                log.info("next scheduled HIS import at %s", due.isoformat())
                trigger = "schedule"
                while not stop.is_set():
                    wait = (due - self._clock()).total_seconds()
                    if wait <= 0:
                        break
                    if self._wake.wait(timeout=min(wait, 60.0)):
                        self._wake.clear()
                        trigger = "on_demand"
                        break
                if stop.is_set():
                    break
                self._safe_run(trigger)
        finally:
            if self._listener is not None:
                self._listener.stop()

    def _safe_run(self, trigger: str) -> None:
        try:
            self.run_now(trigger)
        except HisError as exc:  # logged in the run history too; the service keeps going
            log.error("HIS import failed: %s", exc)
        except Exception:
            log.exception("HIS import failed unexpectedly")
