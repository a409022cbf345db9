"""Propagation: a follow-up finished on desk A, visible in desk B's local store, while N desks push.

    python -m bench.sync_propagation --samples 100 --others 0,20,50 [--url postgresql+psycopg://...]

Every desk is a real one: its own encrypted local store, its own staff login (an agent), its
own ``build_sync_worker`` (push, pull, leases, uploads) and, with notices on, its own
``ChangeListener``. Desk A finishes a pool task of its department through the desk's path
(``save_call_result``: one local transaction, queued in the outbox; its worker pushes it).
Desk B, in the same department, runs its worker. The figure is the time from the push's
commit on the server (``pg_xact_commit_timestamp``, so the server runs with
``track_commit_timestamp``) to the moment B's worker has stored the finished task (B's page
listener). The N other desks, spread over the departments, each save an answered call every
``--other-pause`` seconds in their own child processes and sync as their workers do.

Rounds: notices on (poll every 120 s) and, as the comparison, notices off polling every 1 s.
Also printed: what one idle sync cycle costs the server, before (ten table reads) and after
(one probe), in transactions and in server CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.synchronize import Event as MpEvent
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role, TaskStatus
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.schema import Department, FollowupTask, Staff
from agent_app.sync.change_listener import ChangeListener
from agent_app.sync.desk_sync import build_sync_worker
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import PULL_TABLES, pull_changes
from agent_app.sync.server_leases import ServerTaskLeases
from agent_app.sync.worker import SyncWorker
from bench.bench_server import bench_server
from tests.sync.desk_actions import save_call_result
from tests.sync.small_hospital import seed_small_hospital

TEMPLATE = "bench_propagation_tpl"
FIRST_STAFF = 100  # bench desks' staff ids start here
DESK_A, DESK_B = FIRST_STAFF, FIRST_STAFF + 1
DEPT_AB = 2


def _admin(admin_url: str, sql: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(sql))
    engine.dispose()


def _username(staff_id: int) -> str:
    return f"desk{staff_id}"


def _make_template(admin_url: str, patients: int, departments: int, desks: int) -> None:
    """A hospital of ``patients`` (two pool tasks each, spread over ``departments``) and
    ``desks`` agents with their logins, migrated once and copied for every round."""
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
    _admin(admin_url, f'CREATE DATABASE "{TEMPLATE}"')
    engine = create_server_engine(make_url(admin_url).set(database=TEMPLATE))
    upgrade_to_head(engine)
    seed_small_hospital(engine, patients=patients)
    with Session(engine) as session, session.begin():
        for dept in range(3, departments + 1):
            session.add(Department(id=dept, code=f"D{dept}", name=f"科室{dept}"))
        session.flush()
        for n in range(desks):
            staff_id = FIRST_STAFF + n
            dept = DEPT_AB if n < 2 else 1 + n % departments
            session.add(
                Staff(id=staff_id, username=_username(staff_id), full_name=f"护士{staff_id}",
                      role=Role.AGENT, department_id=dept)
            )  # fmt: skip
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE episode SET department_id = 1 + patient_id % :d"), {"d": departments}
        )
        connection.execute(
            text(
                "UPDATE followup_task t SET department_id = e.department_id, "
                "assigned_staff_id = NULL FROM episode e WHERE e.id = t.episode_id"
            )
        )
    for n in range(desks):
        provision_staff_login(engine, _username(FIRST_STAFF + n), "pw")
    engine.dispose()


def _round_database(admin_url: str, name: str) -> str:
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@dataclass
class Desk:
    staff_id: int
    local: Engine
    server: Engine
    worker: SyncWorker

    def close(self) -> None:
        self.worker.stop()
        self.local.dispose()
        self.server.dispose()


def _open_desk(url: str, staff_id: int, folder: Path, *, listen: bool, interval: float) -> Desk:
    local = open_local_store(folder / f"desk{staff_id}.sqlite3")
    server = create_server_engine(make_url(url).set(username=_username(staff_id), password="pw"))
    leases = ServerTaskLeases(local, server, staff_id)
    worker = build_sync_worker(local, server, leases=leases, listen=listen, interval=interval)
    worker.run_once()  # the first full sync, before timing starts
    return Desk(staff_id, local, server, worker)


def _open_pool_tasks(desk: Desk, skip: frozenset[int]) -> list[int]:
    with desk.local.connect() as connection:
        ids = connection.execute(
            select(FollowupTask.id).where(
                FollowupTask.status == TaskStatus.PENDING,
                FollowupTask.department_id
                == select(Staff.department_id).where(Staff.id == desk.staff_id).scalar_subquery(),
            )
        ).scalars()
        return [task_id for task_id in ids if task_id not in skip]


def _other_desks(
    url: str, staff_ids: Sequence[int], listen: bool, interval: float, pause: float,
    reserved: frozenset[int], ready: MpEvent, stop: MpEvent,
) -> None:  # fmt: skip
    """A child process: its share of the other desks, each saving an answered call every
    ``pause`` seconds (spread evenly) and syncing through its own worker."""
    with tempfile.TemporaryDirectory() as folder:
        desks = [
            _open_desk(url, staff_id, Path(folder), listen=listen, interval=interval)
            for staff_id in staff_ids
        ]
        tasks = {d.staff_id: _open_pool_tasks(d, reserved) for d in desks}
        for desk in desks:
            desk.worker.start()
        ready.set()
        rng = random.Random(staff_ids[0])
        gap = pause / max(1, len(desks))
        while not stop.is_set():
            for desk in desks:
                if stop.is_set():
                    break
                started = time.monotonic()
                save_call_result(desk.local, rng.choice(tasks[desk.staff_id]), desk.staff_id,
                                 finish_task=False)  # fmt: skip
                if not listen:  # without the listener nothing pushes a save at once
                    desk.worker.sync_now()
                stop.wait(max(0.0, gap - (time.monotonic() - started)))
        for desk in desks:
            desk.close()


class Visibility:
    """Desk B's page listener: when a followup_task page is stored, note whether the task
    being waited for is finished in B's store now."""

    def __init__(self, local: Engine) -> None:
        self.local = local
        self.task_id: int | None = None
        self.seen_at = 0.0
        self.seen = threading.Event()

    def expect(self, task_id: int) -> None:
        self.seen.clear()
        self.task_id = task_id

    def __call__(self, table: str, _rows: int) -> None:
        task_id = self.task_id
        if table != "followup_task" or task_id is None or self.seen.is_set():
            return
        with self.local.connect() as connection:
            status = connection.execute(
                select(FollowupTask.status).where(FollowupTask.id == task_id)
            ).scalar_one_or_none()
        if status is TaskStatus.DONE:
            self.seen_at = time.time()
            self.seen.set()


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _round(
    admin_url: str, listen: bool, others: int, args: argparse.Namespace, reserved: list[int]
) -> list[float]:
    url = _round_database(admin_url, f"bench_propagation_{'listen' if listen else 'poll'}_{others}")
    interval = 30.0 if listen else 1.0
    stop, children, readies = mp.get_context("spawn").Event(), [], []
    other_ids = [FIRST_STAFF + 2 + n for n in range(others)]
    groups = [other_ids[k :: args.procs] for k in range(args.procs)] if others else []
    for group in (g for g in groups if g):
        ready = mp.get_context("spawn").Event()
        child = mp.get_context("spawn").Process(
            target=_other_desks,
            args=(url, group, listen, interval, args.other_pause, frozenset(reserved), ready, stop),
        )
        child.start()
        children.append(child)
        readies.append(ready)
    admin = create_server_engine(url)
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        desk_a = _open_desk(url, DESK_A, Path(folder), listen=listen, interval=interval)
        desk_b = _open_desk(url, DESK_B, Path(folder), listen=listen, interval=interval)
        seen = Visibility(desk_b.local)
        desk_b.worker.add_page_listener(seen)
        for ready in readies:
            ready.wait(600)
        desk_a.worker.start()
        desk_b.worker.start()
        time.sleep(2.0)  # listeners connected, start-up cycles done
        cycles_before = desk_b.worker.status.cycles
        rng = random.Random(7)
        for task_id in reserved[: args.samples]:
            seen.expect(task_id)
            save_call_result(desk_a.local, task_id, DESK_A)
            if not listen:
                desk_a.worker.sync_now()
            if not seen.seen.wait(60):
                print(f"  task {task_id} did not reach desk B in 60 s")
                continue
            with admin.connect() as connection:
                committed = connection.execute(
                    text(
                        "SELECT extract(epoch FROM pg_xact_commit_timestamp(xmin)) "
                        "FROM followup_task WHERE id = :t"
                    ),
                    {"t": task_id},
                ).scalar_one()
            latencies.append(seen.seen_at - float(committed))
            time.sleep(rng.uniform(0.1, 0.3))
        cycles = desk_b.worker.status.cycles - cycles_before
        waits = [
            1000 * w
            for c in desk_b.worker._companions
            if isinstance(c, ChangeListener)
            for w in c.settle_waits
        ]
        stop.set()
        desk_a.close()
        desk_b.close()
    for child in children:
        child.join(60)
    admin.dispose()
    mode = "notices on, poll 120 s" if listen else "notices off, poll 1 s"
    pause = f", each saving every {args.other_pause:g} s" if others else ""
    if latencies:
        ms = [1000 * v for v in latencies]
        print(
            f"{mode:24} others={others:<3}{pause}: n={len(ms)} p50={_percentile(ms, 0.5):.0f} ms "
            f"p90={_percentile(ms, 0.9):.0f} ms p99={_percentile(ms, 0.99):.0f} ms "
            f"max={max(ms):.0f} ms mean={statistics.fmean(ms):.0f} ms; desk B cycles={cycles}"
        )
    if waits:
        print(
            f"{'':24} desk B waited for older transactions to end: "
            f"p50={_percentile(waits, 0.5):.0f} ms p99={_percentile(waits, 0.99):.0f} ms "
            f"max={max(waits):.0f} ms over {len(waits)} wakes"
        )
    return latencies


# Idle cost ----------------------------------------------------------------------------------
def _server_counts(admin: Engine, login: str) -> tuple[int, float]:
    """Transactions committed or rolled back in the database so far, and the CPU seconds of
    ``login``'s open backends."""
    with admin.connect() as connection:
        connection.execute(text("SELECT pg_stat_clear_snapshot()"))
        xacts = connection.execute(
            text(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                "WHERE datname = current_database()"
            )
        ).scalar_one()
        pids = connection.execute(
            text("SELECT pid FROM pg_stat_activity WHERE usename = :u"), {"u": login}
        ).scalars()
        cpu = 0.0
        for pid in pids:
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                cpu += (int(fields[11]) + int(fields[12])) / 100.0  # utime + stime, in ticks
    return int(xacts), cpu


def _legacy_idle_pull(desk: Desk) -> None:
    """What an idle pull cost before the probe: one page read per table, each in its own
    read-only snapshot (the paged pull that COPY streaming replaced)."""
    from agent_app.store.schema import Base
    from agent_app.sync.cursor import load_cursor
    from agent_app.sync.pull_tables import pulled_columns

    for name in PULL_TABLES:
        with desk.local.connect() as connection:
            cursor = load_cursor(connection, name)
        table = Base.metadata.tables[name]
        page = (
            select(*pulled_columns(table))
            .where(
                text("(change_xid, change_seq) > (CAST(:xid AS xid8), :seq)"),
                text("change_xid < pg_snapshot_xmin(pg_current_snapshot())"),
            )
            .order_by(text("change_xid"), table.c.change_seq)
            .limit(1000)
        )
        with desk.server.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as connection:
            connection.execute(page, {"xid": str(cursor.xid), "seq": cursor.seq}).all()
            connection.rollback()


def _idle_cost(admin_url: str, cycles: int) -> None:
    url = _round_database(admin_url, "bench_propagation_idle")
    admin = create_server_engine(url)
    with tempfile.TemporaryDirectory() as folder:
        desk = _open_desk(url, DESK_B, Path(folder), listen=False, interval=30.0)
        kinds = {
            "idle pull, before (ten table reads)": lambda: _legacy_idle_pull(desk),
            "idle pull, after (one probe)": lambda: pull_changes(desk.local, desk.server),
            "idle poll cycle, after (push, probe, heartbeat, uploads)": desk.worker.run_once,
        }
        for label, run in kinds.items():
            run()
            desk.server.dispose()  # the backends end and report their transactions
            time.sleep(1.5)
            xacts0, _ = _server_counts(admin, _username(DESK_B))
            run()  # the connections it keeps are open from here on
            _, cpu0 = _server_counts(admin, _username(DESK_B))
            started = time.perf_counter()
            for _ in range(cycles):
                run()
            wall = time.perf_counter() - started
            _, cpu1 = _server_counts(admin, _username(DESK_B))
            desk.server.dispose()
            time.sleep(1.5)
            xacts1, _ = _server_counts(admin, _username(DESK_B))
            per = (xacts1 - xacts0) / (cycles + 1)
            print(
                f"{label}: {per:.1f} server transactions, "
                f"{1000 * (cpu1 - cpu0) / cycles:.2f} ms server CPU, "
                f"{1000 * wall / cycles:.1f} ms wall per cycle (n={cycles})"
            )
        desk.close()
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--others", default="0,20,50", help="comma-separated counts of desks")
    parser.add_argument("--other-pause", type=float, default=2.0, help="seconds between saves")
    parser.add_argument("--departments", type=int, default=2)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--procs", type=int, default=2, help="processes for the other desks")
    parser.add_argument("--modes", default="listen,poll")
    parser.add_argument("--idle-cycles", type=int, default=200)
    parser.add_argument("--url", help="an existing server as a SQLAlchemy URL (superuser)")
    args = parser.parse_args()
    counts = [int(n) for n in args.others.split(",")]
    with bench_server(args.url, ["track_commit_timestamp = on"]) as admin_url:
        _make_template(admin_url, args.patients, args.departments, 2 + max(counts))
        probe = create_server_engine(make_url(admin_url).set(database=TEMPLATE))
        with probe.connect() as connection:
            reserved = list(
                connection.execute(
                    text(
                        "SELECT id FROM followup_task WHERE department_id = :d ORDER BY id LIMIT :n"
                    ),
                    {"d": DEPT_AB, "n": args.samples},
                ).scalars()
            )
        probe.dispose()
        print(
            f"desks A and B in department {DEPT_AB} of {args.departments}; "
            f"{args.patients} patients, {2 * args.patients} tasks; {args.samples} samples each"
        )
        _idle_cost(admin_url, args.idle_cycles)
        for mode in args.modes.split(","):
            for others in counts:
                _round(admin_url, mode == "listen", others, args, reserved)


if __name__ == "__main__":
    main()
