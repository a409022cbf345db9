"""How long the start-up health check and the automatic backup take on a large store.

    python -m agent_app.demo seed --patients 1000000 --no-history --store /tmp/big.sqlite3
    python -m bench.store_health --store /tmp/big.sqlite3

Prints, at the store's size: ``PRAGMA quick_check`` (what the desk runs at start), the floor
(a plain sequential read of every byte of the file, measured in the same run) and the ratio of
the two; then one backup through SQLite's backup API (what the desk takes in the background),
also against the floor. The page cache is warmed by one untimed read first, so the figures are
a desk started twice in a row, not a cold boot. ``--integrity`` adds the full integrity_check
for comparison (slow: it also checks every index against its table).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from agent_app.store.backup import take_backup
from agent_app.store.engine import open_local_store
from agent_app.store.health import quick_check, require_sound_store

CHUNK = 1 << 20


def _read_whole_file(path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb", buffering=0) as fh:
        while fh.read(CHUNK):
            pass
    return time.perf_counter() - started


def _best_of(runs: int, measure: object) -> tuple[float, float]:
    assert callable(measure)
    times = [float(measure()) for _ in range(runs)]
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.store_health")
    parser.add_argument("--store", type=Path, required=True, help="a seeded SQLite store")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--integrity", action="store_true", help="also time integrity_check")
    args = parser.parse_args()
    store: Path = args.store
    engine = open_local_store(store)  # migrated once, untimed; checkpoints the WAL on dispose
    engine.dispose()
    engine = open_local_store(store)
    size = store.stat().st_size
    _read_whole_file(store)  # warm the page cache, untimed

    def timed_quick_check() -> float:
        raw = engine.raw_connection()
        try:
            report = quick_check(raw.driver_connection)
        finally:
            raw.close()
        assert report.sound, report.problems
        return report.seconds

    floor_best, floor_median = _best_of(args.runs, lambda: _read_whole_file(store))
    check_best, check_median = _best_of(args.runs, timed_quick_check)
    print(f"store: {store} ({size / 1e6:,.0f} MB)")
    print(f"floor, plain read of the file: {floor_best:.2f} s (median {floor_median:.2f} s)")
    print(
        f"PRAGMA quick_check:            {check_best:.2f} s (median {check_median:.2f} s), "
        f"{check_best / floor_best:.1f}x the floor"
    )
    if args.integrity:
        raw = engine.raw_connection()
        started = time.perf_counter()
        cursor = raw.cursor()
        cursor.execute("PRAGMA integrity_check")
        cursor.fetchall()
        full = time.perf_counter() - started
        raw.close()
        print(f"PRAGMA integrity_check:        {full:.2f} s, {full / floor_best:.1f}x the floor")
    health = require_sound_store(engine, store)
    with tempfile.TemporaryDirectory(dir=store.parent) as folder:
        started = time.perf_counter()
        backup = take_backup(engine, store, Path(folder), health, keep=1)
        took = time.perf_counter() - started
    print(
        f"backup (SQLite backup API):    {took:.2f} s for {backup.size / 1e6:,.0f} MB, "
        f"{took / floor_best:.1f}x the floor"
    )
    engine.dispose()


if __name__ == "__main__":
    main()
