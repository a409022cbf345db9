"""Result pushes under load: N desks saving and pushing at once, against the same run with the
tally triggers off.

    python -m bench.push_concurrency --desks 50 200 --pushes 20 [--procs 4] [--think 0.5]

Each desk is its own staff login (an agent; half the desks in each department) with its own
desk store and server connection. It saves an answered call with its result on a pool task of
its department through the desk's real path (``tests/sync/desk_actions.save_call_result``:
three outbox entries) and pushes it with ``push_pending``, ``--pushes`` times, as fast as it
can (or after a random pause of ``--think`` seconds on average: a paced load, whose latency
shows waiting rather than a saturated machine); after each push that changed the server it
folds the tally deltas as its sync cycle does (``sync.tally_fold``). Pool tasks are counted
under staff 0, so every push adds to the same tally rows. Desks are threads spread over
``--procs`` processes.

Each N runs in three modes, each on a fresh copy of the same database:

* ``deltas``: the triggers as they are (insert-only deltas, folded after pushes);
* ``upsert``: the triggers adding to the tallies inside each push (before migration 0014);
* ``off``: no tally triggers at all: the floor.

Each desk pushes once before the clock starts (a desk keeps its connection). It prints
pushes/s, p50/p99 push latency, lock waits over 100 ms (``still waiting`` lines of the server
log; the server runs with ``log_lock_waits = on``, ``deadlock_timeout = 100ms``), the
fold's p50/p99, and checks that the statistics (tally plus pending deltas, then the
tallies alone after a final fold) equal a recount from the base tables.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import multiprocessing as mp
import random
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.schema import Staff
from agent_app.store.tallies import (
    drop_triggers,
    install_triggers,
    rebuild_tallies,
    set_complete,
)
from agent_app.store.tallies.deltas import DELTA_TABLES, fold_now
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.tally_fold import fold_tallies
from tests.pg_server import PgServer, running_server
from tests.reports.tally_checks import tally_rows
from tests.sync.desk_actions import save_call_result
from tests.sync.small_hospital import seed_small_hospital

MODES = ("deltas", "upsert", "off")
FIRST_DESK = 1000  # staff ids of the benchmark's desks
PASSWORD = "bench-push"
LOCK_LOG = ("log_lock_waits = on", "deadlock_timeout = 100ms")


@dataclasses.dataclass(frozen=True)
class Desk:
    staff_id: int
    task_id: int

    @property
    def username(self) -> str:
        return f"desk{self.staff_id}"


@dataclasses.dataclass(frozen=True)
class Load:
    pushes: int  # results each desk pushes
    think: float  # mean seconds a desk waits before each save (0: as fast as it can)


@dataclasses.dataclass
class DeskRun:
    pushes: list[float] = dataclasses.field(default_factory=list)
    folds: list[float] = dataclasses.field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    error: str = ""


@contextlib.contextmanager
def _server(connections: int) -> Iterator[PgServer]:
    with running_server(conf=LOCK_LOG, max_connections=connections) as server:
        yield server


def _admin(server: PgServer, sql: str) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(sql))
    engine.dispose()


def _copy_database(server: PgServer, template: str, name: str) -> Engine:
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return create_server_engine(server.url(name))


def _seed(server: PgServer, name: str, desks: int) -> list[Desk]:
    """The small hospital with one pool task per desk, and the desks' agents and logins."""
    _admin(server, f'CREATE DATABASE "{name}"')
    engine = create_server_engine(server.url(name))
    upgrade_to_head(engine)
    seed_small_hospital(engine, patients=max(20, desks))
    with engine.begin() as connection:
        fold_now(connection)  # every mode starts with the seed's statistics in the tallies
    with Session(engine) as session, session.begin():
        for n in range(desks):
            staff_id = FIRST_DESK + n
            session.add(
                Staff(id=staff_id, username=f"desk{staff_id}", full_name=f"护士{staff_id}",
                      role=Role.AGENT, department_id=1 + n % 2)
            )  # fmt: skip
    with engine.connect() as connection:
        pool = {
            department: list(ids)
            for department, ids in connection.execute(
                text(
                    "SELECT department_id, array_agg(id ORDER BY id) FROM followup_task "
                    "WHERE assigned_staff_id IS NULL GROUP BY department_id"
                )
            )
        }
    picked = [Desk(FIRST_DESK + n, pool[1 + n % 2][n // 2]) for n in range(desks)]
    for desk in picked:
        provision_staff_login(engine, desk.username, PASSWORD)
    engine.dispose()
    return picked


def _login(server: PgServer, database: str, desk: Desk) -> Engine:
    url = make_url(server.url(database)).set(username=desk.username, password=PASSWORD)
    return create_server_engine(url)


def _pulled_stores(server: PgServer, database: str, desks: list[Desk], folder: Path) -> None:
    """Each desk's store, pulled once as its own login (each mode starts from a copy)."""
    for desk in desks:
        engine = _login(server, database, desk)
        local = open_local_store(folder / f"{desk.username}.sqlite3")
        pull_changes(local, engine)
        local.dispose()
        engine.dispose()


def _desk_loop(
    url: str, store: Path, desk: Desk, load: Load, fold: bool, ready: Any, go: Any
) -> DeskRun:
    run = DeskRun()
    pause = random.Random(desk.staff_id)
    server = create_server_engine(make_url(url))
    local = open_local_store(store)
    try:
        # One push before the clock starts: a desk keeps its connection, so its first push
        # (compiling the server's functions and planning the triggers' statements in that
        # session) is not what its pushes cost.
        for n in range(load.pushes + 1):
            if n == 1:
                ready()
                go.wait()
                run.started = time.monotonic()
            if n and load.think:
                time.sleep(pause.expovariate(1.0 / load.think))
            save_call_result(local, desk.task_id, desk.staff_id, finish_task=False)
            began = time.monotonic()
            report = push_pending(local, server)
            if n:
                run.pushes.append(time.monotonic() - began)
            if fold and report.changed_server:
                began = time.monotonic()
                fold_tallies(server)
                if n:
                    run.folds.append(time.monotonic() - began)
        run.ended = time.monotonic()
    except Exception as exc:  # reported with the figures, never hidden
        run.error = f"{desk.username}: {exc}"
    finally:
        local.dispose()
        server.dispose()
    return run


def _process(jobs: list[tuple[str, str, Desk]], load: Load, fold: bool, ready: Any, go: Any,
             out: Any) -> None:  # fmt: skip
    runs: list[DeskRun] = [DeskRun() for _ in jobs]

    def one(i: int) -> None:
        url, store, desk = jobs[i]
        runs[i] = _desk_loop(url, Path(store), desk, load, fold, ready.release, go)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put([dataclasses.asdict(r) for r in runs])


def _run_desks(urls: list[tuple[str, str, Desk]], procs: int, load: Load, fold: bool,
               log: Path) -> tuple[list[DeskRun], int]:  # fmt: skip
    """The desks' runs, and where the server log stood when their clocks started."""
    context = mp.get_context("fork")
    ready, go, out = context.Semaphore(0), context.Event(), context.Queue()
    workers = [
        context.Process(target=_process, args=(urls[p::procs], load, fold, ready, go, out))
        for p in range(procs)
    ]
    for worker in workers:
        worker.start()
    for _ in urls:
        ready.acquire()
    time.sleep(0.2)  # the warm-up's last log lines
    offset = log.stat().st_size
    go.set()
    runs = [DeskRun(**r) for _ in workers for r in out.get()]
    for worker in workers:
        worker.join()
    return runs, offset


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def _lock_waits(log: Path, offset: int) -> tuple[int, dict[str, int]]:
    """``still waiting`` lines since ``offset``, and the relations they name."""
    with log.open("rb") as fh:
        fh.seek(offset)
        lines = fh.read().decode("utf-8", "replace").splitlines()
    waits = [line for line in lines if "still waiting" in line]
    relations: dict[str, int] = {}
    for line, after in itertools.pairwise(lines):
        if "still waiting" in line and 'relation "' in line + after:
            name = (line + after).split('relation "', 1)[1].split('"', 1)[0]
            relations[name] = relations.get(name, 0) + 1
    return len(waits), relations


def _exact(server: PgServer, database: str, engine: Engine, mode: str) -> str:
    """Whether the statistics equal a recount from the base tables (a rebuild on a copy)."""
    if mode == "off":
        return "n/a (no tallies kept)"
    pending = tally_rows(engine)
    with engine.connect() as connection:
        waiting = sum(
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in DELTA_TABLES
        )
    if mode == "deltas":
        with engine.begin() as connection:
            fold_now(connection)
    folded = tally_rows(engine, folded_only=True)
    engine.dispose()
    recount = _copy_database(server, database, f"{database}_recount")
    with recount.begin() as connection:
        rebuild_tallies(connection)
    expected = tally_rows(recount)
    recount.dispose()
    _admin(server, f'DROP DATABASE "{database}_recount" WITH (FORCE)')
    wrong = sorted({t for t in expected if pending[t] != expected[t] or folded[t] != expected[t]})
    verdict = f"DIFFERENT in {', '.join(wrong)}" if wrong else "exact"
    return f"{verdict} (deltas pending before the last fold: {waiting})"


def _mode(server: PgServer, template: str, desks: list[Desk], stores: Path, mode: str,
          procs: int, load: Load) -> dict[str, Any]:  # fmt: skip
    database = f"push_{len(desks)}_{mode}"
    engine = _copy_database(server, template, database)
    with engine.begin() as connection:
        if mode == "off":
            drop_triggers(connection)
            set_complete(connection, False)
        elif mode == "upsert":
            install_triggers(connection, deltas=False)
    engine.dispose()
    folder = Path(tempfile.mkdtemp(prefix=f"push-{mode}-"))
    jobs = []
    for desk in desks:
        store = folder / f"{desk.username}.sqlite3"
        for part in stores.glob(f"{store.name}*"):  # with its WAL, if one is left
            shutil.copy(part, folder / part.name)
        url = make_url(server.url(database)).set(username=desk.username, password=PASSWORD)
        jobs.append((url.render_as_string(hide_password=False), str(store), desk))
    assert server.log_file is not None
    runs, offset = _run_desks(jobs, procs, load, mode != "upsert", server.log_file)
    time.sleep(0.2)  # the last log lines
    waits, relations = _lock_waits(server.log_file, offset)
    shutil.rmtree(folder, ignore_errors=True)
    errors = [r.error for r in runs if r.error]
    latencies = [x for r in runs for x in r.pushes]
    folds = [x for r in runs for x in r.folds]
    wall = max(r.ended for r in runs) - min(r.started for r in runs)
    exact = _exact(server, database, create_server_engine(server.url(database)), mode)
    _admin(server, f'DROP DATABASE "{database}" WITH (FORCE)')
    return {
        "mode": mode, "pushes": len(latencies), "rate": len(latencies) / wall if wall else 0.0,
        "p50": _percentile(latencies, 0.5), "p99": _percentile(latencies, 0.99),
        "fold_p50": _percentile(folds, 0.5), "fold_p99": _percentile(folds, 0.99),
        "waits": waits, "relations": relations, "errors": errors, "exact": exact,
        "mean": statistics.fmean(latencies) if latencies else 0.0,
    }  # fmt: skip


def _print(desks: int, think: float, figures: dict[str, dict[str, Any]]) -> None:
    for mode, f in figures.items():
        print(
            f"desks={desks} think={think:g}s mode={mode:6} pushes={f['pushes']} "
            f"{f['rate']:,.0f} pushes/s "
            f"p50={f['p50'] * 1000:,.0f} ms p99={f['p99'] * 1000:,.0f} ms "
            f"lock_waits>100ms={f['waits']} fold p50={f['fold_p50'] * 1000:,.1f} ms "
            f"p99={f['fold_p99'] * 1000:,.1f} ms statistics: {f['exact']}"
        )
        if f["relations"]:
            print(f"    waits by relation: {f['relations']}")
        for error in f["errors"][:5]:
            print(f"    error: {error}")
    floor = figures.get("off")
    if not floor or not floor["rate"] or not floor["p99"]:
        return
    for mode in ("deltas", "upsert"):
        if mode in figures:
            f = figures[mode]
            print(
                f"desks={desks} {mode} against the floor: throughput "
                f"{f['rate'] / floor['rate']:.2f}x, p99 {f['p99'] / floor['p99']:.2f}x"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--pushes", type=int, default=20, help="results each desk pushes")
    parser.add_argument("--procs", type=int, default=4, help="processes the desks run in")
    parser.add_argument(
        "--think", type=float, default=0.0,
        help="mean seconds each desk waits before a save (0: every desk pushes flat out)",
    )  # fmt: skip
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    args = parser.parse_args()
    most = max(args.desks)
    load = Load(args.pushes, args.think)
    with _server(most + 30) as server, tempfile.TemporaryDirectory() as folder:
        for n in args.desks:
            template = f"push_template_{n}"
            desks = _seed(server, template, n)
            stores = Path(folder) / f"stores-{n}"
            stores.mkdir()
            _pulled_stores(server, template, desks, stores)
            figures = {
                mode: _mode(server, template, desks, stores, mode, min(args.procs, n), load)
                for mode in args.modes
            }
            _print(n, load.think, figures)


if __name__ == "__main__":
    main()
