"""``python -m agent_app.demo seed --patients N [--seed S] [--store PATH | --url URL]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from agent_app.config import ConfigError, ensure_data_dir, load_settings
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
    args = parser.parse_args(argv)
    if args.patients < 1:
        parser.error("--patients must be at least 1")
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
            engine, args.patients, seed=args.seed, today=args.today, progress=_print_progress
        )
    except (ConfigError, StoreError, StoreNotEmptyError) as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    sys.stderr.write("\n")
    print(
        f"seeded {report.patients} patients, {report.total_rows} rows in {seconds:.1f} s "
        f"({report.total_rows / seconds:,.0f} rows/s)"
    )
    return 0


def _print_progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{done:,}/{total:,} patients")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
