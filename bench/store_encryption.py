"""What encrypting the local store costs: queue pages and saves, encrypted against plaintext.

    python -m bench.store_encryption --patients 100000 --pages 300 --saves 100

One generated hospital is written once as a plaintext store (cached), then copied twice: one
copy stays plaintext (the floor, rewritten with VACUUM INTO and opened as the versions before
encryption did), the other is encrypted the way a desk upgrading from such a version does it at
first start (the time is printed). Both are then measured in the same run, steps interleaved
so the machine's noise falls on both alike: reading queue pages (a quality nurse's
whole-hospital queue, 50 rows a page, random pages by key seek, as the scroll bar does) and
saving a follow-up's wrap-up (one durable transaction with its outbox rows, synchronous=FULL
as on the desk).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, select

from agent_app.domain.enums import Disposition, Role, TaskStatus
from agent_app.store.encrypt_existing import encrypt_plaintext_store
from agent_app.store.engine import create_sqlite_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.repositories.followups import WrapUp, load_followup, save_wrapup
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope, queue_page, queue_page_keys
from agent_app.store.schema import FollowupTask
from agent_app.store.store_key import store_key

PAGE = 50


def plaintext_source(patients: int) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "agent-app-bench"
    source = cache / f"plaintext-{patients}.sqlite3"
    if not source.exists():
        from agent_app.demo.seed import seed_store

        cache.mkdir(parents=True, exist_ok=True)
        partial = source.with_suffix(".partial")
        engine = create_sqlite_engine(partial)
        upgrade_to_head(engine)
        started = time.perf_counter()
        seed_store(engine, patients, seed=11, history=False)
        engine.dispose()
        os.replace(partial, source)
        print(f"seeded {patients:,} patients in {time.perf_counter() - started:.0f} s")
    return source


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return f"p50 {statistics.median(values):6.2f} ms  p95 {p95(values):6.2f} ms"


def timed(fn: object, *args: object) -> float:
    started = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    source = plaintext_source(args.patients)
    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as folder:
        plain_path, secret_path = Path(folder) / "plain.sqlite3", Path(folder) / "secret.sqlite3"
        # Both copies are rewritten whole (VACUUM INTO, sqlcipher_export), so both have the
        # same fresh page layout and only encryption differs between them.
        with sqlite3.connect(source) as db:
            db.execute("VACUUM INTO ?", (str(plain_path),))
        shutil.copyfile(source, secret_path)
        started = time.perf_counter()
        encrypt_plaintext_store(secret_path, store_key())
        migrated = time.perf_counter() - started
        size_mb = source.stat().st_size / 1e6
        print(f"store: {args.patients:,} patients, {size_mb:.0f} MB; encrypted at first start in "
              f"{migrated:.1f} s")  # fmt: skip
        plain = create_sqlite_engine(plain_path)
        secret = open_local_store(secret_path)
        measure(plain, secret, args)
        plain.dispose()
        secret.dispose()


def measure(plain: Engine, secret: Engine, args: argparse.Namespace) -> None:
    engines = {"plaintext": plain, "encrypted": secret}
    nurse = next(a for a in list_accounts(plain) if a.role is Role.QUALITY)
    scope = QueueScope.for_account(nurse)
    for engine in engines.values():  # warm-up: first connection, compiled queries
        queue_page_keys(engine, scope, PAGE)
    walked: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(3):
        for name, engine in engines.items():
            walked[name].append(timed(queue_page_keys, engine, scope, PAGE))
    walks = {name: statistics.median(times) for name, times in walked.items()}
    keys = queue_page_keys(plain, scope, PAGE)
    rng = random.Random(args.seed)
    pages: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(args.pages):
        number = rng.randrange(len(keys))
        for name, engine in engines.items():
            pages[name].append(timed(queue_page, engine, scope, number * PAGE, PAGE, keys[number]))
    with plain.connect() as connection:
        task_ids = connection.execute(
            select(FollowupTask.id)
            .where(FollowupTask.status == TaskStatus.PENDING)
            .order_by(FollowupTask.id)
            .limit(args.saves)
        ).scalars().all()  # fmt: skip
    saves: dict[str, list[float]] = {name: [] for name in engines}
    for task_id in task_ids:
        for name, engine in engines.items():
            work = load_followup(engine, task_id)
            wrap = WrapUp(task_id, nurse.id, Disposition.NO_ANSWER, notes="bench")
            saves[name].append(timed(save_wrapup, engine, work, wrap))
    print(f"queue of {len(keys) * PAGE:,} rows (about), {args.pages} random pages of {PAGE}; "
          f"{len(task_ids)} saves")  # fmt: skip
    for name in engines:
        print(f"{name:>9}: page keys walked in {walks[name]:7.1f} ms (median of 3); "
              f"page {summary(pages[name])}; save {summary(saves[name])}")  # fmt: skip
    for label, series in (("page", pages), ("save", saves)):
        ratio = statistics.median(series["encrypted"]) / statistics.median(series["plaintext"])
        print(f"encrypted / plaintext, {label} p50: {ratio:.2f}x")
    print(f"encrypted / plaintext, page-key walk: {walks['encrypted'] / walks['plaintext']:.2f}x")


if __name__ == "__main__":
    main()
