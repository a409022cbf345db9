"""``python -m agent_app.demo seed --patients N [--seed S] [--store PATH | --url URL]
[--no-history | --recordings N [--recordings-dir DIR]]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from agent_app.config import ConfigError, ensure_data_dir, load_settings
from agent_app.demo.history_context import HistoryUnavailableError
from agent_app.demo.seed import StoreNotEmptyError, seed_store
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.errors import StoreError
from agent_app.store.migrate import upgrade_to_head


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agent_app.demo")
    sub = parser.add_subparsers(dest="command", required=True)
    seed = sub.add_parser("seed", help="fill an empty store with a generated hospital")
    seed.add_argument("--patients", type=int, default=2000)
    seed.add_argument("--seed", type=int, default=1)
    seed.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date the hospital is generated around (default: today)",
    )
    where = seed.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, help="SQLite file (default: the demo store)")
    where.add_argument("--url", help="SQLAlchemy URL of a PostgreSQL database")
    seed.add_argument(
        "--no-history",
        action="store_true",
        help="only the present-day hospital, without its past six months of follow-ups",
    )
    seed.add_argument(
        "--recordings",
        type=int,
        default=None,
        help="recorded past calls to write as WAV files (default: 60 for 3,000 patients)",
    )
    seed.add_argument(
        "--recordings-dir",
        type=Path,
        default=None,
        help="folder for the recordings (default: 'recordings' beside the SQLite store)",
    )
    args = parser.parse_args(argv)
    if args.patients < 1:
        parser.error("--patients must be at least 1")
    if args.recordings is not None and args.recordings < 0:
        parser.error("--recordings cannot be negative")
    try:
        if args.url:
            engine = create_server_engine(args.url)
            upgrade_to_head(engine)
        else:
            path = args.store
            if path is None:
                settings = load_settings(demo=True)
                ensure_data_dir(settings)
                path = settings.store_path
            engine = open_local_store(path)
        started = time.perf_counter()
        report = seed_store(
            engine,
            args.patients,
            seed=args.seed,
            today=args.today,
            progress=_print_progress,
            history=not args.no_history,
            recordings=args.recordings,
            recordings_dir=args.recordings_dir,
        )
    except (ConfigError, StoreError, StoreNotEmptyError, HistoryUnavailableError) as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    sys.stderr.write("\n")
    past = report.history
    rows = report.total_rows + (past.total_rows if past else 0)
    print(
        f"seeded {report.patients} patients, {rows} rows in {seconds:.1f} s "
        f"({rows / seconds:,.0f} rows/s)"
    )
    if past is not None:
        print(
            f"with a past of {past.patients:,} patients: {past.tasks:,} follow-ups, "
            f"{past.attempts:,} calls, {past.results:,} results, {past.alerts:,} red flags, "
            f"{past.recordings} recordings, {past.reviews} QA reviews, "
            f"{past.complaints} complaints"
        )
    return 0


def _print_progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{done:,}/{total:,} patients")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
