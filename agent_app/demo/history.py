"""The demo hospital's past: six months of follow-up work before the present-day patients.

The present-day generator discharges its patients over the last ten weeks. This adds the
patients discharged in the months before, at the same rate, with everything their follow-ups
left behind: tasks closed by the desk's retry rules, call attempts (answered, unanswered,
busy, wrong numbers, refusals, call-backs), results whose answers fit their plan's
questionnaire with answer times, red-flag alerts, deaths that close a patient's follow-ups,
short WAV recordings with answer markers, QA reviews and complaints. Only finished work: the
queue of open follow-ups stays the present-day generator's.

Everything follows from (seed, today): the same pair gives the same past.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from agent_app.demo.history_calls import schedule
from agent_app.demo.history_context import read_context
from agent_app.demo.history_followups import CallRecord, FollowupRows
from agent_app.demo.history_patients import HistoryPatient, make_patient
from agent_app.demo.history_plans import POOL_SIZE, AnswerPlans
from agent_app.demo.history_supervision import (
    add_complaints,
    add_reviews,
    date_back,
    outbox_mark,
)
from agent_app.demo.rows import COLUMNS, HISTORY_COLUMNS, PATIENT_TABLES, uuid_hex
from agent_app.domain.enums import Disposition, UploadState
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.store.bulk import bulk_insert

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

PRESENT_DAYS = 74  # the present-day patients were discharged in the last 74 days
OPEN_ALERTS = 2  # each department's latest red flags still wait in the inbox
FIRST_DAY, LAST_DAY = 200, 75  # the past patients: discharged this many days before today
MAX_PATIENTS = 8000  # a store of a million patients gets a past of demo size, not a million
RECORDINGS = 60
RECORDED_WITHIN_DAYS = 75  # recordings are of recent calls (older ones are archived)
_TABLES = (*PATIENT_TABLES, "red_flag_alert")


@dataclass(frozen=True)
class HistoryReport:
    patients: int
    tasks: int
    attempts: int
    results: int
    alerts: int
    recordings: int
    reviews: int
    complaints: int
    total_rows: int  # every row added, contacts and episodes included


def past_patients(patients: int) -> int:
    """Past patients for a present-day hospital of ``patients``: the same discharges a day."""
    return min(MAX_PATIENTS, round(patients * (FIRST_DAY - LAST_DAY + 1) / PRESENT_DAYS))


def default_recordings(patients: int) -> int:
    """Recorded calls for a present-day hospital of ``patients`` (60 for the usual demo)."""
    return min(RECORDINGS, patients // 50)


def seed_history(
    engine: Engine,
    *,
    today: dt.date,
    patients: int,
    seed: int = 1,
    recordings: int = 0,
    recordings_dir: Path | None = None,
    progress: Progress | None = None,
) -> HistoryReport:
    """Add ``patients`` past patients and their finished follow-ups to a seeded store, with
    ``recordings`` WAV recordings written under ``recordings_dir`` (none without a folder).
    ``progress(done, patients)`` is called as the work advances."""
    context = read_context(engine)
    rng = random.Random(seed * 1_000_003 + today.toordinal())
    ids = dict(context.next_ids)
    first = today - dt.timedelta(days=FIRST_DAY)
    people: list[HistoryPatient] = [
        make_patient(
            rng,
            context,
            ids,
            first + dt.timedelta(days=int(rng.random() * (FIRST_DAY - LAST_DAY + 1))),
        )
        for _ in range(patients)
    ]
    morning = dt.datetime.combine(today, dt.time(9, 0), HOSPITAL_TZ).astimezone(dt.UTC)
    tasks = schedule(
        rng,
        people,
        ids["followup_task"],
        last_due=morning - dt.timedelta(days=7),
        close_by=morning - dt.timedelta(days=1),
    )
    recorded_from = morning - dt.timedelta(days=RECORDED_WITHIN_DAYS)
    candidates = [
        (task.task_id, index)
        for task in tasks
        if task.calls is not None
        for index, call in enumerate(task.calls.calls)
        if call.disposition is Disposition.REACHED and call.started_at >= recorded_from
    ]
    wanted = recordings if recordings_dir is not None else 0
    recorded = set(rng.sample(candidates, min(wanted, len(candidates))))
    pool_size = max(12, min(POOL_SIZE, len(tasks) // 40))
    builder = FollowupRows(rng, AnswerPlans(rng, context.templates, pool_size))
    for n, task in enumerate(tasks, 1):
        builder.add(task, recorded)
        if progress is not None and n % 1000 == 0:
            progress(int(0.8 * patients * n / len(tasks)), patients)
    builder.leave_latest_alerts_open(OPEN_ALERTS)
    rows = builder.rows
    for name in ("patient", "contact", "episode"):
        rows[name] = [row for person in people for row in person.rows[name]]
    with engine.begin() as connection:
        for table in _TABLES:
            columns = COLUMNS.get(table) or HISTORY_COLUMNS[table]
            bulk_insert(connection, table, columns, rows[table])
    if progress is not None:
        progress(int(0.85 * patients), patients)
    files = 0
    if recordings_dir is not None:
        files = _write_recordings(engine, rng, builder.records, recordings_dir)
    if progress is not None:
        progress(int(0.95 * patients), patients)
    mark = outbox_mark(engine)
    reviews = add_reviews(engine, rng, context, builder.records, morning)
    count = max(2, min(30, len(builder.records) // 400))
    complaints = add_complaints(engine, rng, context, builder.records, morning, count)
    date_back(engine, rng, reviews, complaints, mark)
    if progress is not None:
        progress(patients, patients)
    report = HistoryReport(
        patients=patients,
        tasks=len(rows["followup_task"]),
        attempts=len(rows["call_attempt"]),
        results=len(rows["followup_result"]),
        alerts=len(rows["red_flag_alert"]),
        recordings=files,
        reviews=len(reviews),
        complaints=len(complaints),
        total_rows=sum(len(r) for r in rows.values()) + files + len(reviews) + len(complaints),
    )
    log.info("generated the demo's past: %s", report)
    return report


def _write_recordings(
    engine: Engine, rng: random.Random, records: list[CallRecord], folder: Path
) -> int:
    # numpy and soundfile load only when a past with recordings is made.
    from agent_app.demo.call_audio import write_call_recording

    rows = []
    for record in records:
        if not record.recorded:
            continue
        day = record.answered_at.astimezone(HOSPITAL_TZ).date().isoformat()
        seconds = int((record.ended_at - record.answered_at).total_seconds())
        finished = write_call_recording(
            folder / day / f"demo-{record.attempt_id}.wav",
            seconds,
            list(record.markers.values()),
            int(record.attempt_id[:12], 16),
        )
        rows.append(
            (
                uuid_hex(rng),
                record.attempt_id,
                finished.codec,
                finished.duration_ms,
                finished.size_bytes,
                finished.sha256,
                str(finished.path),
                UploadState.LOCAL.value,
                json.dumps(record.markers),
            )
        )
    with engine.begin() as connection:
        bulk_insert(connection, "recording", HISTORY_COLUMNS["recording"], rows)
    return len(rows)
