"""Simulated desks for the claim benchmark, run as threads inside one worker process.

An app desk has its own store, its own staff login and its own engine, and loops through the
desk's real path: ``ServerTaskLeases.claim_next`` (timed), the follow-up marked done on the
server under the desk's login, then ``release``. A floor desk holds one plain psycopg
connection as the database owner and loops through the least a claim can be: ``SELECT ...
FOR NO KEY UPDATE SKIP LOCKED`` over the same queue and the lease insert in one transaction,
again if the insert finds a lease committed since the pick's snapshot (timed), then the same
"done" update and the lease deleted.
"""

from __future__ import annotations

import resource
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text

import bench  # noqa: F401  (the desk's store key on a machine without a keyring)
from agent_app.domain.enums import Role
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.server_leases import ServerTaskLeases

DONE = (
    "UPDATE followup_task SET status = 'done', updated_at = now() "
    "WHERE id = %(t)s AND status IN ('pending', 'in_progress')"
)
FLOOR_PICK = (
    "SELECT t.id FROM followup_task t WHERE t.status IN ('pending', 'in_progress') "
    "AND (t.assigned_staff_id = %(s)s OR (t.department_id = %(d)s AND t.assigned_staff_id IS NULL))"
    " AND NOT EXISTS (SELECT 1 FROM task_lease l WHERE l.task_id = t.id AND l.expires_at > now())"
    " ORDER BY t.due_at, t.id LIMIT 1 FOR NO KEY UPDATE OF t SKIP LOCKED"
)
FLOOR_LEASE = (
    "INSERT INTO task_lease AS l (task_id, owner_id, expires_at) "
    "VALUES (%(t)s, %(s)s, now() + interval '15 minutes') "
    "ON CONFLICT ON CONSTRAINT task_lease_pkey DO UPDATE SET owner_id = EXCLUDED.owner_id, "
    "expires_at = EXCLUDED.expires_at, claimed_at = now() WHERE l.expires_at <= now() "
    "RETURNING l.task_id"
)


@dataclass(frozen=True)
class DeskSpec:
    staff_id: int
    department_id: int
    username: str
    store: Path | None  # None: a floor desk


@dataclass(frozen=True)
class WorkerSpec:
    kind: str  # "floor" or "app"
    server_url: str  # the database as its owner; app desks swap in their own login
    desks: list[DeskSpec]
    seconds: float


@dataclass
class WorkerReport:
    claims: list[tuple[int, int, float]] = field(default_factory=list)  # task, staff, seconds
    done_twice: int = 0  # a "done" that found the task done already: assigned twice
    ran_dry: int = 0
    errors: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0


class _Desk:
    """One desk's connections, opened before the clock starts."""

    def __init__(self, spec: WorkerSpec, desk: DeskSpec) -> None:
        self.desk = desk
        self.floor: psycopg.Connection[Any] | None = None
        if desk.store is None:
            url = spec.server_url.replace("postgresql+psycopg://", "postgresql://")
            self.floor = psycopg.connect(url, autocommit=True)
            return
        server_url = spec.server_url.replace("postgres@", f"{desk.username}@", 1)
        self.server = create_server_engine(server_url)
        self.local = open_local_store(desk.store)
        self.leases = ServerTaskLeases(self.local, self.server, desk.staff_id)
        self.scope = QueueScope(desk.staff_id, Role.AGENT, desk.department_id)
        self.leases.heartbeat()  # notes the server's clock

    def warm_up(self) -> None:
        """One claim before the clock starts: a desk works for hours, so its server session
        has compiled and planned the lease functions, and its engines their statements (at
        300 desks a five-second window holds about one claim per desk)."""
        task_id = self.claim()
        if task_id is not None:
            self.finish(task_id)

    def claim(self) -> int | None:
        if self.floor is not None:
            params = {"s": self.desk.staff_id, "d": self.desk.department_id}
            while True:
                with self.floor.transaction():
                    row = self.floor.execute(FLOOR_PICK, params).fetchone()
                    if row is None:
                        return None
                    won = self.floor.execute(
                        FLOOR_LEASE, {"t": row[0], "s": self.desk.staff_id}
                    ).fetchone()
                if won is not None:
                    return int(row[0])
                # A lease committed after this snapshot's start holds the task: pick again.
        lease = self.leases.claim_next(self.scope)
        return None if lease is None else lease.task_id

    def finish(self, task_id: int) -> bool:
        """Mark the follow-up done and give the lease back; False if it was done already."""
        if self.floor is not None:
            done = self.floor.execute(DONE, {"t": task_id}).rowcount
            self.floor.execute("DELETE FROM task_lease WHERE task_id = %(t)s", {"t": task_id})
            return done == 1
        with self.server.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            done = c.execute(text(DONE.replace("%(t)s", ":t")), {"t": task_id}).rowcount
        self.leases.release(task_id)
        return bool(done == 1)

    def close(self) -> None:
        if self.floor is not None:
            self.floor.close()
        else:
            self.server.dispose()
            self.local.dispose()


def run_worker(spec: WorkerSpec, steps: Any, start: Any, reports: Any) -> None:
    """Open every desk, meet the others at ``steps`` (a barrier), loop for ``spec.seconds``
    once ``start`` is set, meet again (the server's CPU is read then, before any connection
    closes), meet a last time and put the report on ``reports``."""
    report = WorkerReport()
    lock = threading.Lock()
    desks = [_Desk(spec, desk) for desk in spec.desks]
    for desk in desks:
        desk.warm_up()
    steps.wait()
    start.wait()
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    deadline = time.perf_counter() + spec.seconds

    def loop(desk: _Desk) -> None:
        try:
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                task_id = desk.claim()
                took = time.perf_counter() - began
                if task_id is None:
                    with lock:
                        report.ran_dry += 1
                    return
                finished = desk.finish(task_id)
                with lock:
                    report.claims.append((task_id, desk.desk.staff_id, took))
                    report.done_twice += not finished
        except Exception as exc:  # a failed desk is reported, and the run goes on
            with lock:
                report.errors.append(f"desk {desk.desk.staff_id}: {exc!r}"[:300])

    threads = [threading.Thread(target=loop, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    report.cpu_seconds = (cpu_after.ru_utime - cpu_before.ru_utime) + (
        cpu_after.ru_stime - cpu_before.ru_stime
    )
    steps.wait()  # the window is over
    steps.wait()  # the server's CPU has been read
    for desk in desks:
        desk.close()
    reports.put(report)
