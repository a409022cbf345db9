"""Push throughput: results per second through the outbox, against a raw batched INSERT.

    python -m bench.sync_push --results 3000 --batch 200 [--url postgresql+psycopg://...]

Saves ``--results`` answered calls on a desk store (each an attempt, a result and a task
update: three outbox entries), then times ``push_pending`` into the central database. The floor
is the same rows written in the same batches to a second database on the same server with the
same schema and triggers: plain executemany INSERTs of attempts and results plus the task
UPDATEs, one transaction per batch. Without ``--url`` a throwaway PostgreSQL is started.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, select, text

from agent_app.store.engine import open_local_store
from agent_app.store.schema import CallAttempt, FollowupResult, FollowupTask
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from bench.bench_server import bench_server, fresh_database
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.small_hospital import seed_small_hospital


def _fresh_database(admin_url: str, name: str) -> Engine:
    engine = fresh_database(admin_url, name)
    seed_small_hospital(engine, patients=200)
    return engine


def _rows(local: Engine) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    with local.connect() as connection:
        attempts = [dict(r._mapping) for r in connection.execute(select(CallAttempt))]
        results = [dict(r._mapping) for r in connection.execute(select(FollowupResult))]
        tasks = [
            {"id": r.id, "attempt_count": r.attempt_count, "status": r.status.value}
            for r in connection.execute(
                select(FollowupTask.id, FollowupTask.attempt_count, FollowupTask.status)
            )
        ]
    return attempts, results, tasks


def _raw_floor(engine: Engine, local: Engine, batch: int) -> float:
    attempts, results, tasks = _rows(local)
    by_task = {t["id"]: t for t in tasks}
    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    a_cols = list(attempts[0])
    r_cols = list(results[0])
    insert_a = _insert_sql("call_attempt", a_cols)
    insert_r = _insert_sql("followup_result", r_cols)
    update_t = (
        "UPDATE followup_task SET attempt_count = %s, status = %s, updated_at = now() WHERE id = %s"
    )
    per_batch = max(1, batch // 3)  # push batches count entries: three per saved call
    with psycopg.connect(dsn) as connection:
        started = time.perf_counter()
        for start in range(0, len(results), per_batch):
            chunk = results[start : start + per_batch]
            chunk_a = attempts[start : start + per_batch]
            with connection.transaction(), connection.cursor() as cursor:
                cursor.executemany(insert_a, [_encode(a, a_cols) for a in chunk_a])
                cursor.executemany(insert_r, [_encode(r, r_cols) for r in chunk])
                cursor.executemany(
                    update_t,
                    [
                        (by_task[r["task_id"]]["attempt_count"], "pending", r["task_id"])
                        for r in chunk
                    ],
                )
        return time.perf_counter() - started


def _insert_sql(table: str, columns: list[str]) -> str:
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _encode(row: dict[str, Any], columns: list[str]) -> tuple[Any, ...]:
    from psycopg.types.json import Jsonb

    return tuple(
        Jsonb(row[c]) if isinstance(row[c], dict) else getattr(row[c], "value", row[c])
        for c in columns
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=200, help="outbox entries per push batch")
    parser.add_argument("--url", help="an existing server as a SQLAlchemy URL (admin role)")
    args = parser.parse_args()
    with bench_server(args.url) as admin_url, tempfile.TemporaryDirectory() as folder:
        server = _fresh_database(admin_url, "bench_sync_push")
        floor_db = _fresh_database(admin_url, "bench_sync_floor")
        local = open_local_store(Path(folder) / "desk.sqlite3")
        pull_changes(local, server)
        tasks = open_tasks(local)
        for n in range(args.results):
            task_id, staff_id = tasks[n % len(tasks)]
            save_call_result(local, task_id, staff_id, finish_task=False)
        started = time.perf_counter()
        report = push_pending(local, server, batch_size=args.batch)
        push_seconds = time.perf_counter() - started
        assert report.pushed == 3 * args.results and report.quarantined == 0, report
        raw_seconds = _raw_floor(floor_db, local, args.batch)
        with floor_db.connect() as connection:
            copied = connection.execute(text("SELECT count(*) FROM followup_result")).scalar()
        assert copied == args.results, copied
        print(f"results={args.results:,} outbox_entries={report.pushed:,} batches={report.batches}")
        print(
            f"push_pending: {push_seconds:.2f} s, {args.results / push_seconds:,.0f} results/s, "
            f"{report.pushed / push_seconds:,.0f} entries/s"
        )
        print(
            f"raw batched INSERT: {raw_seconds:.2f} s, {args.results / raw_seconds:,.0f} results/s"
        )
        print(
            f"sync_push results_per_s={args.results / push_seconds:,.0f} "
            f"ratio_to_raw={push_seconds / raw_seconds:.2f}"
        )
        for engine in (server, floor_db, local):
            engine.dispose()


if __name__ == "__main__":
    main()
