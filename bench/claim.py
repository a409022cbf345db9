"""Claims under load: desks claiming the next follow-up at once, against a bare SKIP LOCKED floor.

    python -m bench.claim [--desks 10 50 300] [--seconds 5] [--departments 10]
                          [--modes pulled fresh] [--processes 2] [--tasks-per-department 3000]

For each number of desks, three runs on fresh copies of one central database:

- **floor**: each desk a plain psycopg connection (the database owner) that claims with one
  ``SELECT ... FOR NO KEY UPDATE SKIP LOCKED`` over the agent's queue plus the lease insert,
  in one transaction;
- **pulled**: each desk the real thing (its own staff login, engine and encrypted store, already
  holding its department from a full pull) claiming through ``ServerTaskLeases.claim_next``;
- **fresh**: the same with an empty store, so every claimed task comes in with its card.

After each claim the desk marks the follow-up done on the server and gives the lease back
(``release`` for the app desks), so no task is ever due twice: a task claimed twice, or a
"done" that finds the task done already, is a double assignment. Claims per second count
whole loops; latency is the claim alone. The server's CPU per claim is read from /proc for
the backends serving the desks (background processes left out). Desks are threads in
``--processes`` worker processes, all on this machine with the server. The throwaway server
runs with fsync off, as the test harness does.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text

import bench  # noqa: F401  (the desk's store key on a machine without a keyring)
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from bench.claim_desks import (
    DONE,
    FLOOR_LEASE,
    FLOOR_PICK,
    DeskSpec,
    WorkerReport,
    WorkerSpec,
    run_worker,
)
from bench.claim_hospital import ClaimHospital, seed_claim_hospital, username
from tests.pg_server import PgServer, running_server

TEMPLATE_DB = "claim_template"
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class RunFigures:
    desks: int
    kind: str
    claims_per_s: float
    p50_ms: float
    p99_ms: float
    server_cpu_ms: float  # per claim
    desk_cpu_ms: float  # per claim, the simulated desks' own processes
    double: int
    dry: int
    errors: list[str]


def _server_cpu(server: PgServer, database: str) -> float:
    """CPU seconds used so far by the server's live backends of ``database`` (the desks'
    sessions: background processes would weigh on the slower runs' per-claim figure)."""
    postmaster = (server.data_dir / "postmaster.pid").read_text().split()[0]
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            title = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if fields[1] == postmaster and f" {database} " in title:
            total += int(fields[11]) + int(fields[12])
    return total / _TICKS


def _backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _one_connection(server: PgServer, hospital: ClaimHospital, loops: int) -> None:
    """Server CPU of one claim loop on one connection, nothing else running: the floor's
    statements against the desk's claim statement (with the reference rows it holds), each
    followed by the same "done" update and the lease given back."""
    database = "claim_one_connection"
    _admin(server, f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE_DB}"')
    staff_id, department = hospital.desk_staff(1)[0]
    known = json.dumps({"questionnaire_template": [1], "call_script": [1], "followup_plan": [1],
                        "department": list(range(1, hospital.departments + 1))})  # fmt: skip
    figures = {}
    for kind, user in (("floor", server.superuser), ("app", username(staff_id))):
        url = f"host={server.host} port={server.port} dbname={database} user={user}"
        with psycopg.connect(url, autocommit=True) as c:
            pid = c.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
            before = _backend_cpu(pid)
            for _ in range(loops):
                if kind == "floor":
                    with c.transaction():
                        pick = {"s": staff_id, "d": department}
                        task = c.execute(FLOOR_PICK, pick).fetchone()[0]  # type: ignore[index]
                        c.execute(FLOOR_LEASE, {"t": task, "s": staff_id})
                    c.execute(DONE, {"t": task})
                    c.execute("DELETE FROM task_lease WHERE task_id = %(t)s", {"t": task})
                else:
                    task = c.execute(
                        "SELECT task_id FROM lease_claim_next_card(900, NULL, %(k)s)", {"k": known}
                    ).fetchone()[0]  # type: ignore[index]
                    c.execute(DONE, {"t": task})
                    c.execute("SELECT lease_release(%(t)s)", {"t": task})
            figures[kind] = (_backend_cpu(pid) - before) / loops * 1e3
    _admin(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    print(
        f"one connection, {loops} loops: server CPU per claim loop: floor "
        f"{figures['floor']:.2f} ms, desk's lease_claim_next_card {figures['app']:.2f} ms "
        f"({figures['app'] / max(figures['floor'], 1e-9):.2f}x)",
        flush=True,
    )


def _admin(server: PgServer, sql: str) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(sql))
    engine.dispose()


def _prepare(server: PgServer, args: argparse.Namespace, folder: Path) -> ClaimHospital:
    """The template database with its logins, a pulled store per department and an empty one."""
    _admin(server, f'CREATE DATABASE "{TEMPLATE_DB}"')
    engine = create_server_engine(server.url(TEMPLATE_DB))
    upgrade_to_head(engine)
    most = max(args.desks)
    hospital = seed_claim_hospital(
        engine,
        departments=args.departments,
        agents_per_department=-(-most // args.departments),
        tasks_per_department=args.tasks_per_department,
    )
    for staff_id, _ in hospital.desk_staff(most):
        provision_staff_login(engine, username(staff_id), None)
    empty = open_local_store(folder / "empty.sqlite3")
    empty.dispose()
    if "pulled" in args.modes:
        for department in range(1, args.departments + 1):
            login = engine.url.set(username=username(hospital.agents[department][0]))
            desk_server = create_server_engine(login)
            store = open_local_store(folder / f"pulled-{department}.sqlite3")
            pull_changes(store, desk_server)
            store.dispose()
            desk_server.dispose()
    engine.dispose()
    return hospital


def _stores(folder: Path, kind: str, desks: list[tuple[int, int]]) -> Iterator[Path | None]:
    for staff_id, department in desks:
        if kind == "floor":
            yield None
            continue
        source = folder / ("empty.sqlite3" if kind == "fresh" else f"pulled-{department}.sqlite3")
        target = folder / "desks" / f"{staff_id}.sqlite3"
        target.parent.mkdir(exist_ok=True)
        for leftover in target.parent.glob(f"{staff_id}.sqlite3*"):
            leftover.unlink()
        shutil.copyfile(source, target)
        yield target


def _run(
    server: PgServer, hospital: ClaimHospital, args: argparse.Namespace, folder: Path,
    desks: int, kind: str,
) -> RunFigures:  # fmt: skip
    database = f"claim_{kind}_{desks}"
    _admin(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    _admin(server, f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE_DB}"')
    staff = hospital.desk_staff(desks)
    specs = [
        DeskSpec(staff_id, department, username(staff_id), store)
        for (staff_id, department), store in zip(staff, _stores(folder, kind, staff), strict=True)
    ]
    processes = max(1, min(args.processes, desks))
    context = multiprocessing.get_context("spawn")
    steps = context.Barrier(processes + 1)
    start = context.Event()
    reports = context.Queue()
    workers = [
        context.Process(
            target=run_worker,
            args=(
                WorkerSpec(kind, server.url(database), specs[n::processes], args.seconds),
                steps,
                start,
                reports,
            ),
        )
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    steps.wait(timeout=600)  # every desk is open
    cpu_before = _server_cpu(server, database)
    start.set()
    steps.wait(timeout=600 + args.seconds)
    server_cpu = _server_cpu(server, database) - cpu_before
    steps.wait()
    merged = WorkerReport()
    for _ in workers:
        report: WorkerReport = reports.get(timeout=600)
        merged.claims += report.claims
        merged.done_twice += report.done_twice
        merged.ran_dry += report.ran_dry
        merged.errors += report.errors
        merged.cpu_seconds += report.cpu_seconds
    for worker in workers:
        worker.join()
    _admin(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    claimed_twice = sum(n - 1 for n in Counter(t for t, _, _ in merged.claims).values() if n > 1)
    took = sorted(seconds for _, _, seconds in merged.claims) or [0.0]
    count = max(1, len(merged.claims))
    return RunFigures(
        desks=desks,
        kind=kind,
        claims_per_s=len(merged.claims) / args.seconds,
        p50_ms=statistics.median(took) * 1e3,
        p99_ms=took[min(len(took) - 1, int(len(took) * 0.99))] * 1e3,
        server_cpu_ms=server_cpu / count * 1e3,
        desk_cpu_ms=merged.cpu_seconds / count * 1e3,
        double=claimed_twice + merged.done_twice,
        dry=merged.ran_dry,
        errors=merged.errors,
    )


def _print(figures: RunFigures, floor: RunFigures | None) -> None:
    ratio = ""
    if floor is not None and figures is not floor and figures.claims_per_s:
        ratio = (
            f"  floor/app throughput {floor.claims_per_s / figures.claims_per_s:.2f}x"
            f"  p99 {figures.p99_ms / max(floor.p99_ms, 1e-9):.2f}x of floor"
            f"  server CPU {figures.server_cpu_ms / max(floor.server_cpu_ms, 1e-9):.2f}x"
        )
    print(
        f"{figures.desks:>5} {figures.kind:<7} {figures.claims_per_s:>9,.0f}/s "
        f"p50 {figures.p50_ms:>7.1f} ms  p99 {figures.p99_ms:>7.1f} ms  "
        f"server CPU {figures.server_cpu_ms:.2f} ms/claim  desks' CPU "
        f"{figures.desk_cpu_ms:.2f} ms/claim  double assignments {figures.double}"
        f"{f'  ran dry {figures.dry}' if figures.dry else ''}{ratio}",
        flush=True,
    )
    for error in figures.errors[:5]:
        print(f"      error: {error}")
    if len(figures.errors) > 5:
        print(f"      ... {len(figures.errors) - 5} more errors")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, nargs="+", default=[10, 50, 300])
    parser.add_argument("--seconds", type=float, default=5.0, help="timed window per run")
    parser.add_argument("--departments", type=int, default=10)
    parser.add_argument("--tasks-per-department", type=int, default=3000)
    parser.add_argument("--processes", type=int, default=2, help="desk worker processes")
    parser.add_argument("--loops", type=int, default=500, help="claims on one connection")
    parser.add_argument(
        "--modes", nargs="+", default=["pulled", "fresh"], choices=["pulled", "fresh"]
    )
    args = parser.parse_args()
    slots = max(args.desks) + 50
    with (
        running_server(max_connections=slots) as server,
        tempfile.TemporaryDirectory() as scratch,
    ):
        folder = Path(scratch)
        began = time.perf_counter()
        hospital = _prepare(server, args, folder)
        print(
            f"claim benchmark: {args.departments} departments, "
            f"{hospital.tasks:,} due tasks, {args.seconds:g} s per run, desks as threads in "
            f"{args.processes} processes on {os.cpu_count()} cores shared with the server "
            f"(fsync off); prepared in {time.perf_counter() - began:.0f} s",
            flush=True,
        )
        _one_connection(server, hospital, args.loops)
        for desks in args.desks:
            floor = _run(server, hospital, args, folder, desks, "floor")
            _print(floor, None)
            for mode in args.modes:
                _print(_run(server, hospital, args, folder, desks, mode), floor)


if __name__ == "__main__":
    main()
