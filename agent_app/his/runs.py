"""One import run from start to finish: validate, import in batches, generate tasks, log it.

Every run is a ``his_import_run`` row with its counts (in, created, updated, unchanged,
rejected, tasks created/updated/cancelled); every rejected row is a ``his_rejected_row`` kept
for review with its reason. A later run that imports the same visit marks it resolved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, insert, update

from agent_app.his.importer import import_batch
from agent_app.his.records import DischargeRecord, Rejection, SourceRow
from agent_app.his.reference import Reference, load_reference
from agent_app.his.task_generator import TaskCounts, generate_tasks
from agent_app.his.validate import validate_row
from agent_app.store.schema import HisImportRun, HisRejectedRow
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int], None]

# A big first load into fresh tables leaves PostgreSQL planning with no statistics, and it
# then scans whole tables for each batch's lookups; refresh them as the tables double.
ANALYZE_AFTER = 10_000
_GROWING = ("patient", "contact", "episode", "his_episode_link", "followup_task")


def refresh_statistics(engine: Engine) -> None:
    """ANALYZE the tables an import grows (PostgreSQL; SQLite plans by its indexes anyway)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        connection.exec_driver_sql(f"ANALYZE {', '.join(_GROWING)}")


@dataclass(frozen=True)
class RunReport:
    run_id: int
    source: str
    status: str  # ok | failed
    rows_in: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    tasks_created: int = 0
    tasks_updated: int = 0
    tasks_cancelled: int = 0
    error: str = ""
    skipped_plans: tuple[dict[str, Any], ...] = ()  # plans not applied: {"plan", "code", …}


@dataclass(frozen=True)
class ImportOptions:
    region: str = "CN"
    batch_size: int = 1000
    late_days: int = 7
    now: dt.datetime | None = None  # the generator's clock (tests pin it)
    generate: bool = True


def _batches(rows: Iterable[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def add_batch(report: RunReport, rows: int, result: BatchResult) -> RunReport:
    """The report with one more batch counted in."""
    return dataclasses.replace(
        report,
        rows_in=report.rows_in + rows,
        created=report.created + result.created,
        updated=report.updated + result.updated,
        unchanged=report.unchanged + result.unchanged,
        rejected=report.rejected + len(result.rejections),
    )


def start_run(engine: Engine, source: str, kind: str, trigger: str) -> int:
    with engine.begin() as connection:
        run_id = connection.execute(
            insert(HisImportRun)
            .values(source=source, kind=kind, trigger=trigger, started_at=utcnow())
            .returning(HisImportRun.id)
        ).scalar_one()
    return int(run_id)


def finish_run(engine: Engine, report: RunReport) -> None:
    values = dataclasses.asdict(report)
    del values["run_id"], values["source"]
    values["skipped_plans"] = list(values["skipped_plans"])
    with engine.begin() as connection:
        connection.execute(
            update(HisImportRun)
            .where(HisImportRun.id == report.run_id)
            .values(finished_at=utcnow(), **values)
        )


def store_rejections(connection: Connection, run_id: int, rejections: Sequence[Rejection]) -> None:
    """Keep rejected rows for review: a coded rejection keeps its code as the reason and its
    parameters in ``raw["reason_params"]``, so a screen can say it in the reader's language."""
    if not rejections:
        return
    connection.execute(
        insert(HisRejectedRow),
        [
            {
                "run_id": run_id,
                "source": r.source,
                "row_ref": r.ref[:60],
                "visit_number": r.visit_number[:40],
                "reason": (r.code or r.reason)[:300],
                "raw": dict(r.raw) | ({"reason_params": dict(r.params)} if r.params else {}),
                "resolved": False,
                "created_at": utcnow(),
            }
            for r in rejections
        ],
    )


@dataclass
class BatchResult:
    episode_ids: list[int]
    created: int
    updated: int
    unchanged: int
    rejections: list[Rejection]


def import_rows(
    connection: Connection,
    run_id: int,
    rows: Sequence[SourceRow],
    source: str,
    ref: Reference,
    region: str,
) -> BatchResult:
    """Validate and import one batch inside the caller's transaction; keep the rejections."""
    records: list[DischargeRecord] = []
    rejections: list[Rejection] = []
    for row in rows:
        checked = validate_row(row, source, ref.accepted_departments, region)
        if isinstance(checked, Rejection):
            rejections.append(checked)
        else:
            records.append(checked)
    outcome = import_batch(connection, records, ref)
    store_rejections(connection, run_id, rejections)
    if records:
        visits = sorted({r.visit_number for r in records})
        connection.execute(
            update(HisRejectedRow)
            .where(
                HisRejectedRow.source == source,
                HisRejectedRow.visit_number.in_(visits),
                HisRejectedRow.resolved.is_(False),
            )
            .values(resolved=True)
        )
    return BatchResult(
        outcome.episode_ids, outcome.created, outcome.updated, outcome.unchanged, rejections
    )


def run_import(
    engine: Engine,
    source: str,
    kind: str,
    rows: Iterable[SourceRow],
    *,
    trigger: str = "manual",
    options: ImportOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> RunReport:
    """Import ``rows`` as one logged run and generate their tasks; a failure is logged too.

    Batches already imported stay imported when a later one fails (each batch is its own
    transaction); running the same import again finishes the job without duplicates.
    """
    options = options or ImportOptions()
    run_id = start_run(engine, source, kind, trigger)
    report = RunReport(run_id, source, "running")
    touched: list[int] = []
    try:
        with engine.connect() as connection:
            ref = load_reference(connection)
        done = 0
        analyzed_at = 0
        for batch in _batches(rows, options.batch_size):
            with engine.begin() as connection:
                result = import_rows(connection, run_id, batch, source, ref, options.region)
            touched += result.episode_ids
            done += len(batch)
            report = add_batch(report, len(batch), result)
            if report.created >= max(ANALYZE_AFTER, 2 * analyzed_at):
                refresh_statistics(engine)
                analyzed_at = report.created
            if on_progress is not None:
                on_progress(done)
        tasks = TaskCounts()
        if options.generate and touched:
            tasks = generate_tasks(engine, touched, now=options.now, late_days=options.late_days)
        report = dataclasses.replace(
            report,
            status="ok",
            tasks_created=tasks.created,
            tasks_updated=tasks.updated,
            tasks_cancelled=tasks.cancelled,
            skipped_plans=tuple(tasks.skipped_plans),
        )
    except Exception as exc:
        report = dataclasses.replace(report, status="failed", error=str(exc)[:2000])
        finish_run(engine, report)
        log.error("HIS import run %s from %s failed: %s", run_id, source, exc)
        raise
    finish_run(engine, report)
    log.info(
        "HIS import run %s from %s: %s in, %s created, %s updated, %s unchanged, %s rejected; "
        "tasks %s created, %s updated, %s cancelled",
        run_id,
        source,
        report.rows_in,
        report.created,
        report.updated,
        report.unchanged,
        report.rejected,
        report.tasks_created,
        report.tasks_updated,
        report.tasks_cancelled,
    )
    return report
