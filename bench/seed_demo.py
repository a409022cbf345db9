"""Seed the demo hospital and compare with a raw executemany of the same rows.

    python bench/seed_demo.py --patients 1000000

Prints rows per second for ``seed_store`` (generation + loading through the store layer) and
for the floor: the identical rows, generated beforehand, inserted with plain ``sqlite3``
executemany into a store with the same schema and pragmas, timing only the inserts. Also prints
peak memory of the seeding phase and the store's size on disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import resource
import tempfile
import time
from pathlib import Path

from agent_app.demo.hospital import DemoHospital
from agent_app.demo.rows import COLUMNS, PATIENT_TABLES
from agent_app.demo.seed import hash_demo_password, seed_store
from agent_app.store.encryption import connect_local_store
from agent_app.store.engine import open_local_store


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def _raw_floor(path: Path, patients: int, seed: int, today: dt.date) -> tuple[float, int]:
    open_local_store(path).dispose()  # same schema and indexes, created by the migrations
    db = connect_local_store(path, isolation_level=None)  # encrypted, as the seeded store
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    hospital = DemoHospital(patients, seed=seed, today=today, password_hash=hash_demo_password())
    statements = {
        t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
        for t, c in COLUMNS.items()
    }
    elapsed, rows = 0.0, 0
    # Generation happens between the timed regions; only the inserts are on the clock.
    for batch in itertools.chain([hospital.reference_rows()], hospital.patient_batches()):
        started = time.perf_counter()
        db.execute("BEGIN")
        for table in (
            *[t for t in batch if t not in PATIENT_TABLES],
            *[t for t in PATIENT_TABLES if t in batch],
        ):
            db.executemany(statements[table], batch[table])
            rows += len(batch[table])
        db.execute("COMMIT")
        elapsed += time.perf_counter() - started
    db.close()
    return elapsed, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    today = dt.date(2026, 11, 23)
    with tempfile.TemporaryDirectory(prefix="seed-bench-") as folder:
        store = Path(folder) / "seeded.sqlite3"
        engine = open_local_store(store)
        started = time.perf_counter()
        report = seed_store(engine, args.patients, seed=args.seed, today=today, history=False)
        seed_seconds = time.perf_counter() - started
        engine.dispose()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size_mb = _size(store) / 1e6
        print(f"patients={args.patients:,} rows={report.total_rows:,}")
        for table, count in sorted(report.rows.items()):
            print(f"  {table:24s} {count:>12,}")
        print(
            f"seed_store: {seed_seconds:.1f} s, {report.total_rows / seed_seconds:,.0f} rows/s, "
            f"peak RSS {peak_mb:,.0f} MB, store {size_mb:,.0f} MB on disk"
        )
        raw_seconds, raw_rows = _raw_floor(
            Path(folder) / "raw.sqlite3", args.patients, args.seed, today
        )
        assert raw_rows == report.total_rows, (raw_rows, report.total_rows)
        print(
            f"raw executemany (inserts only): {raw_seconds:.1f} s, "
            f"{raw_rows / raw_seconds:,.0f} rows/s"
        )
        print(
            f"seed_demo rows_per_s={report.total_rows / seed_seconds:,.0f} "
            f"ratio_to_raw={seed_seconds / raw_seconds:.2f} peak_rss_mb={peak_mb:,.0f} "
            f"store_mb={size_mb:,.0f}"
        )


if __name__ == "__main__":
    main()
