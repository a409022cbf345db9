"""Dashboard statistics and the monthly PDF over a large store, against raw SQL floors.

    .venv/bin/python -m bench.stats [--attempts 3000000] [--month 2026-10]

The store is made once and cached in ~/.cache/agent-app-bench/: a copy of the 1,000,000-patient
screen-pop store (encrypted and checkpointed by opening it first), or a freshly
seeded one when that is missing, migrated to the current schema, then topped up in SQL with
earlier unanswered calls on reached tasks until it holds ``--attempts`` call attempts, a share
of oncology survival results marked deceased (so Kaplan–Meier has events) and complaints from
dissatisfied patients (with the tally triggers paused, the tallies worked out afterwards).
Each dashboard query runs through ``agent_app.reports`` — which reads the statistics tallies
that migration 0007's triggers keep (``agent_app.store.tallies``) — and as one hand-written raw
SQL statement over the raw SQLCipher connection computing the same aggregate from the rows (the
floor), each best of two runs after a warm-up; the ratio is app time / floor time, so below 1
is what keeping the sums saves. The survival row's app time includes the Kaplan–Meier fits;
its floor is the subject query alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from agent_app.reports import answer_stats, followup_records, followup_stats, survival
from agent_app.reports.charts import (
    answer_chart,
    followup_rate_chart,
    satisfaction_chart,
    satisfaction_trend_chart,
    survival_chart,
    workload_chart,
)
from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.store.encryption import connect_local_store
from agent_app.store.engine import open_local_store
from agent_app.store.tallies import SOURCE_TABLES, paused_tallies, set_complete, tallies_complete

CACHE = Path.home() / ".cache" / "agent-app-bench"
SOURCE = CACHE / "screenpop-1000000.sqlite3"
OFFSET = "'+480 minutes'"


def _log(message: str) -> None:
    print(message, flush=True)


def prepare(target_attempts: int) -> Path:
    """The cached benchmark store, made on first use."""
    final = CACHE / f"stats-{target_attempts}.sqlite3"
    if final.exists():
        _log("opening the cached store (encrypted and migrated on the first open) …")
        open_local_store(final).dispose()
        return final
    CACHE.mkdir(parents=True, exist_ok=True)
    work = final.with_suffix(".building")
    work.unlink(missing_ok=True)
    started = time.perf_counter()
    if SOURCE.exists():
        _log(f"copying {SOURCE.name} …")
        open_local_store(SOURCE).dispose()  # encrypted, current and checkpointed: one file
        shutil.copyfile(SOURCE, work)
    else:
        _log("seeding 1,000,000 patients (no screen-pop store to copy) …")
        subprocess.run(
            [sys.executable, "-m", "agent_app.demo", "seed", "--patients", "1000000",
             "--store", str(work)],
            check=True,
        )  # fmt: skip
    _log(f"  {time.perf_counter() - started:.0f} s; migrating …")
    engine = open_local_store(work)
    # The top-up below writes millions of rows in plain SQL: without the tally triggers, the
    # tallies worked out once afterwards (as any bulk load does).
    with paused_tallies(engine, SOURCE_TABLES):
        _top_up(work, target_attempts)
    engine.dispose()
    db = connect_local_store(work, isolation_level=None)
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    work.rename(final)
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    _log(f"  store ready in {time.perf_counter() - started:.0f} s: {final}")
    return final


def _top_up(work: Path, target_attempts: int) -> None:
    db = connect_local_store(work, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    have = db.execute("SELECT count(*) FROM call_attempt").fetchone()[0]
    reached = db.execute(
        "SELECT count(*) FROM call_attempt WHERE disposition = 'reached'"
    ).fetchone()[0]
    extra = max(0, target_attempts - have)
    per_mille = min(1000, -(-extra * 1000 // max(1, reached)))
    _log(f"  {have:,} attempts; adding about {extra:,} unanswered calls before reaches …")
    db.execute("BEGIN")
    # Deterministic picks (rowid arithmetic) so two builds of the store are the same.
    db.execute(
        f"""INSERT INTO call_attempt (id, task_id, patient_id, contact_id, staff_id, direction,
            line, number, started_at, answered_at, ended_at, disposition, end_reason)
        SELECT lower(hex(randomblob(16))), task_id, patient_id, contact_id, staff_id,
            'outbound', 'sip', number, datetime(started_at, '-150 minutes'), NULL,
            datetime(started_at, '-149 minutes'), 'no_answer', ''
        FROM call_attempt WHERE disposition = 'reached' AND rowid % 1000 < {per_mille}
        LIMIT {extra}"""
    )
    db.execute(
        """UPDATE followup_result SET vital_status = 'deceased',
            death_date = date(created_at, '-5 days')
        WHERE rowid % 100 < 6 AND task_id IN (
            SELECT t.id FROM followup_task t JOIN episode e ON e.id = t.episode_id
            WHERE e.diagnosis_code LIKE 'C%' AND t.offset_days >= 90)"""
    )
    db.execute(
        """INSERT INTO complaint (id, patient_id, attempt_id, department_id, kind, summary,
            state, replies, created_by_id, created_at, closed_at)
        SELECT lower(hex(randomblob(16))), t.patient_id, r.attempt_id, t.department_id,
            CASE WHEN r.rowid % 3 = 0 THEN 'suggestion' ELSE 'complaint' END, '对服务不满意',
            CASE r.rowid % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'assigned' WHEN 2 THEN 'replied'
                ELSE 'closed' END,
            '[]', r.staff_id, r.created_at, NULL
        FROM followup_result r JOIN followup_task t ON t.id = r.task_id
        WHERE r.satisfaction <= 2 AND r.rowid % 10 = 0"""
    )
    db.execute("COMMIT")
    db.close()


def _bounds(flt: StatsFilter) -> tuple[str, str]:
    return (
        flt.utc_from.strftime("%Y-%m-%d %H:%M:%S"),
        flt.utc_before.strftime("%Y-%m-%d %H:%M:%S"),
    )


_REACH = (
    "(SELECT min(a.started_at) FROM call_attempt a WHERE a.task_id = t.id "
    "AND a.disposition = 'reached')"
)
_DELAY = (
    f"CAST(julianday({_REACH}, {OFFSET}) - 2440587.5 AS INTEGER) - "
    "CAST(julianday(e.discharged_on) - 2440587.5 AS INTEGER)"
)


def _rate_sql(group: str) -> str:
    key = group or "0"
    # Grouped by the clamped delay, the inner query fenced by LIMIT so that the correlated
    # reach lookup runs once per task.
    return f"""SELECT k, done, max(min(d, 31), -1) AS b, count(*)
        FROM (SELECT {key} AS k, t.status = 'done' AS done, {_DELAY} AS d
              FROM followup_task t LEFT JOIN episode e ON e.id = t.episode_id
              WHERE t.level = 1 AND t.due_at >= :a AND t.due_at < :b
                AND t.status != 'cancelled' LIMIT -1) GROUP BY k, done, b"""


FLOORS = {
    "followup rate (hospital)": _rate_sql(""),
    "followup rate by department": _rate_sql("t.department_id"),
    "followup rate by staff": _rate_sql("t.assigned_staff_id"),
    "attempts per reach": """SELECT n, count(*) FROM (
            SELECT t.id, count(*) AS n, sum(a.disposition = 'reached') AS r
            FROM followup_task t JOIN call_attempt a ON a.task_id = t.id
            WHERE t.level = 1 AND t.due_at >= :a AND t.due_at < :b GROUP BY t.id)
        WHERE r > 0 GROUP BY n""",
    "workload per agent": """SELECT c.staff_id, c.n, c.reached, c.tasks, c.talk, w.n
        FROM (SELECT a.staff_id, count(*) AS n, sum(a.disposition = 'reached') AS reached,
                count(DISTINCT a.task_id) AS tasks,
                sum(CASE WHEN a.disposition = 'reached'
                    THEN (julianday(a.ended_at) - julianday(a.answered_at)) * 86400 END) AS talk
              FROM call_attempt a WHERE a.started_at >= :a AND a.started_at < :b
              GROUP BY a.staff_id) c
        LEFT JOIN (SELECT staff_id, count(*) AS n FROM followup_result
                   WHERE created_at >= :a AND created_at < :b GROUP BY staff_id) w
          ON w.staff_id = c.staff_id""",
    "satisfaction distribution": """SELECT r.satisfaction, count(*)
        FROM followup_result r JOIN followup_task t ON t.id = r.task_id
        WHERE r.created_at >= :a AND r.created_at < :b AND t.level = 1
          AND r.satisfaction IS NOT NULL GROUP BY r.satisfaction""",
    "satisfaction trend (6 months)": f"""SELECT strftime('%Y-%m', r.created_at, {OFFSET}),
            count(*), avg(r.satisfaction), sum(r.satisfaction >= 4)
        FROM followup_result r JOIN followup_task t ON t.id = r.task_id
        WHERE r.created_at >= :t AND r.created_at < :b AND t.level = 1
          AND r.satisfaction IS NOT NULL GROUP BY 1""",
    "return-visit rate": """SELECT sum(k IS NOT NULL OR d IS NOT NULL), sum(k = 'yes'),
            sum(d IS NOT NULL AND d != '')
        FROM (SELECT coalesce(json_extract(r.answers, '$.answers.revisit_known.value'),
                              json_extract(r.answers, '$.revisit_known')) AS k,
                     coalesce(json_extract(r.answers, '$.answers.revisit_date.value'),
                              json_extract(r.answers, '$.revisit_date')) AS d
              FROM followup_result r JOIN followup_task t ON t.id = r.task_id
              WHERE r.created_at >= :a AND r.created_at < :b AND t.level = 1)""",
    "answer distribution (symptoms)": """SELECT v, count(*) FROM (
            SELECT coalesce(json_extract(r.answers, '$.answers.symptoms.value'),
                            json_extract(r.answers, '$.symptoms')) AS v
            FROM followup_result r JOIN followup_task t ON t.id = r.task_id
            JOIN questionnaire_template q ON q.id = r.template_id
            WHERE r.created_at >= :a AND r.created_at < :b AND t.level = 1
              AND q.code = 'general_discharge') WHERE v IS NOT NULL GROUP BY v""",
    "complaint counts": """SELECT c.department_id, d.name, c.kind, c.state, count(*)
        FROM complaint c LEFT JOIN department d ON d.id = c.department_id
        WHERE c.created_at >= :a AND c.created_at < :b
        GROUP BY c.department_id, d.name, c.kind, c.state""",
    "survival by diagnosis (12 months)": f"""SELECT g, max(coalesce(d, seen) - s, 0) AS days,
            d IS NOT NULL AS died, count(*), min(name)
        FROM (SELECT substr(e.diagnosis_code, 1, 3) AS g, e.diagnosis_name AS name,
                CAST(julianday(e.discharged_on) - 2440587.5 AS INTEGER) AS s,
                min(CASE WHEN r.vital_status = 'deceased' THEN coalesce(
                    CAST(julianday(r.death_date) - 2440587.5 AS INTEGER),
                    CAST(julianday(r.created_at, {OFFSET}) - 2440587.5 AS INTEGER)) END) AS d,
                max(CAST(julianday(r.created_at, {OFFSET}) - 2440587.5 AS INTEGER)) AS seen
            FROM episode e JOIN followup_task t ON t.episode_id = e.id
            JOIN followup_result r ON r.task_id = t.id
            WHERE e.discharged_on >= :ds AND e.discharged_on <= :de
              AND e.discharge_disposition != 'deceased'
            GROUP BY e.id, e.diagnosis_code, e.diagnosis_name, e.discharged_on)
        GROUP BY g, days, died""",
}


def _fetch(raw: Any, sql: str, params: dict[str, str]) -> list[Any]:
    return raw.execute(sql, params).fetchall()


def _time(run: Callable[[], Any], repeat: int = 2) -> tuple[float, Any]:
    result = run()  # warm-up: the page cache holds the month's pages afterwards
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=3_000_000)
    parser.add_argument("--month", default="2026-10")
    parser.add_argument(
        "--raw", action="store_true", help="read the raw rows, as before the tallies (0007)"
    )
    args = parser.parse_args()
    path = prepare(args.attempts)
    engine = open_local_store(path)
    raw = connect_local_store(path)
    counts = {
        t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("patient", "followup_task", "call_attempt", "followup_result", "complaint")
    }
    _log("store: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    with engine.begin() as connection:
        _log(f"statistics tallies complete: {tallies_complete(connection)}")
        if args.raw:
            set_complete(connection, False)  # the reports then read the raw rows
            _log("  --raw: the reports read the raw rows for this run")
    try:
        _run(engine, raw, args.month)
    finally:
        if args.raw:
            with engine.begin() as connection:
                set_complete(connection, True)
        raw.close()
        engine.dispose()


def _run(engine: Engine, raw: Any, month_text: str) -> None:
    year, month = (int(p) for p in month_text.split("-"))
    flt = month_filter(year, month)
    trend = StatsFilter((flt.start - dt.timedelta(days=150)).replace(day=1), flt.end)
    cohort = StatsFilter((flt.start - dt.timedelta(days=330)).replace(day=1), flt.end)
    a, b = _bounds(flt)
    params = {"a": a, "b": b, "t": _bounds(trend)[0], "ds": cohort.start.isoformat(),
              "de": cohort.end.isoformat()}  # fmt: skip
    grouping = followup_records.Grouping
    app: dict[str, Callable[[], Any]] = {
        "followup rate (hospital)": lambda: followup_stats.followup_rates(
            engine, flt, grouping.HOSPITAL
        ),
        "followup rate by department": lambda: followup_stats.followup_rates(engine, flt),
        "followup rate by staff": lambda: followup_stats.followup_rates(
            engine, flt, grouping.STAFF
        ),
        "attempts per reach": lambda: followup_stats.attempts_per_reach(engine, flt),
        "workload per agent": lambda: followup_stats.agent_workload(engine, flt),
        "satisfaction distribution": lambda: answer_stats.satisfaction_distribution(engine, flt),
        "satisfaction trend (6 months)": lambda: answer_stats.satisfaction_trend(engine, trend),
        "return-visit rate": lambda: answer_stats.return_visit_rate(engine, flt),
        "answer distribution (symptoms)": lambda: answer_stats.answer_distribution(
            engine, flt, "general_discharge", "symptoms"
        ),
        "complaint counts": lambda: answer_stats.complaint_counts(engine, flt),
        "survival by diagnosis (12 months)": lambda: survival.survival_by_diagnosis(engine, cohort),
    }
    _log(f"\nmonth {month_text}: query, app s, raw SQL floor s, ratio (best of 2 after a warm-up)")
    total_app = total_raw = 0.0
    results: dict[str, Any] = {}
    for name, run in app.items():
        app_s, results[name] = _time(run)
        raw_s, _ = _time(functools.partial(_fetch, raw, FLOORS[name], params))
        total_app += app_s
        total_raw += raw_s
        _log(f"  {name:36s} {app_s:7.3f} {raw_s:7.3f} {app_s / raw_s:6.2f}")
    _log(f"  {'dashboard queries, all':36s} {total_app:7.3f} {total_raw:7.3f} "
         f"{total_app / total_raw:6.2f}")  # fmt: skip
    charts: list[Callable[[], bytes]] = [
        lambda: followup_rate_chart(results["followup rate by department"]),
        lambda: workload_chart(results["workload per agent"]),
        lambda: satisfaction_chart(results["satisfaction distribution"]),
        lambda: satisfaction_trend_chart(results["satisfaction trend (6 months)"]),
        lambda: answer_chart(results["answer distribution (symptoms)"]),
        lambda: survival_chart(results["survival by diagnosis (12 months)"]),
    ]
    chart_s, _ = _time(lambda: [draw() for draw in charts])
    _log(f"  {'charts (6 PNGs)':36s} {chart_s:7.3f}")
    _log(f"dashboard refresh (queries + charts): {total_app + chart_s:.2f} s (goal <= 2 s)")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "monthly.pdf"
        started = time.perf_counter()
        write_monthly_report(engine, 1, year, month, report)
        pdf_s = time.perf_counter() - started
        size = report.stat().st_size
    _log(
        f"monthly PDF: {pdf_s:.2f} s, {size / 1024:.0f} KiB (goal <= 10 s); "
        f"ratio to its queries' raw floor {pdf_s / total_raw:.2f}"
    )


if __name__ == "__main__":
    main()
