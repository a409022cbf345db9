"""Initial sync of a new desk: time to a usable queue, total time and rows/s, against COPY.

    python -m bench.sync_initial --tasks 50000 [--login nurse1] [--cut] [--url ...]
    python -m bench.sync_initial --tasks 1000000 --login nurse5 --cut

Seeds ``--tasks`` follow-ups (each with its patient, contact and episode: four rows) on the
central server, then pulls them into a new, encrypted desk store (``open_local_store``) as
the staff member's own login (row-level security applies; ``nurse1`` is an agent of the
department holding them, ``nurse5`` the hospital's quality nurse). Printed:

- first page usable: seconds until the pull reports the queue's first page stored, checked
  by reading that page from the desk store the way the queue does;
- total seconds and rows/s of the whole pull, with progress against the server's estimate;
- the floor: the same COPY statements as the same login, read into nothing, and parsed
  into tuples a chunk at a time; the ratios of the pull to both.

With ``--cut`` a second new desk pulls until about half the rows are stored, the server
ends its connection (``pg_terminate_backend`` from an admin session, as a failing line or
a server restart would), and the next pull resumes: rows stored before the cut, rows
received after it, and duplicated / missing rows (both must be 0) are printed.
Without ``--url`` a throwaway PostgreSQL is started.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import psycopg
from sqlalchemy import Engine, text

from agent_app.domain.enums import Role
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.repositories.tasks import QueueScope, queue_page
from agent_app.store.schema import Base
from agent_app.sync.copy_stream import copy_statement
from agent_app.sync.cursor import PullCursor
from agent_app.sync.errors import SyncError
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import CHUNK_ROWS, PULL_TABLES, PullProgress, pull_changes
from bench.bench_server import bench_server, fresh_database
from bench.hospital_rows import seed_hospital_rows

DATABASE = "bench_sync_initial"


def _fresh_database(admin_url: str, tasks: int) -> Engine:
    engine = fresh_database(admin_url, DATABASE)
    seed_hospital_rows(engine, tasks)
    return engine


def _scope(server: Engine, login: str) -> QueueScope:
    with server.connect() as connection:
        staff_id, role, department = connection.execute(
            text("SELECT id, role, department_id FROM staff WHERE username = :u"), {"u": login}
        ).one()
    return QueueScope(staff_id, Role(role), department)


def _copy_floor(desk: Engine, parse: bool) -> tuple[float, int]:
    """The pull's own COPY statements as the same login: rows read into nothing, or parsed
    into tuples held a chunk at a time (what the pull does before writing)."""
    dsn = desk.url.set(drivername="postgresql").render_as_string(hide_password=False)
    rows = 0
    with psycopg.connect(dsn) as connection:
        started = time.perf_counter()
        for name in PULL_TABLES:
            statement = copy_statement(Base.metadata.tables[name])
            params = (str(PullCursor().xid), PullCursor().seq)
            with connection.cursor() as cursor, cursor.copy(statement, params) as copy:
                if parse:  # into tuples a chunk at a time, as the pull holds them
                    chunk: list[tuple[object, ...]] = []
                    for row in copy.rows():
                        chunk.append(row)
                        if len(chunk) == CHUNK_ROWS:
                            rows += len(chunk)
                            chunk = []
                    rows += len(chunk)
                else:
                    for _block in copy:
                        rows += 1
            connection.rollback()
        return time.perf_counter() - started, rows


def _count_local(local: Engine) -> int:
    with local.connect() as connection:
        return sum(
            int(connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())
            for name in PULL_TABLES
        )


def _first_sync(desk: Engine, scope: QueueScope, folder: Path) -> tuple[float, int]:
    """A new desk's first pull; (seconds, rows)."""
    local = open_local_store(folder / "desk.sqlite3")
    usable: list[float] = []
    page_rows: list[int] = []
    marks: list[str] = []
    started = time.perf_counter()
    cpu = time.process_time()

    def progress(step: PullProgress) -> None:
        if step.queue_ready and not usable:
            page_rows.append(len(queue_page(local, scope, 0, 50)))
            usable.append(time.perf_counter() - started)
        share = step.rows_done / step.rows_expected if step.rows_expected else 0.0
        if len(marks) < int(share * 4):
            marks.append(
                f"  progress {step.rows_done:,} / ~{step.rows_expected:,} rows expected "
                f"at {time.perf_counter() - started:.2f} s"
            )

    report = pull_changes(local, desk, on_progress=progress, first_page=scope)
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print("\n".join(marks))
    print(
        f"first page usable: {usable[0]:.2f} s ({page_rows[0]} queue lines read from the desk)"
        if usable
        else "first page usable: never reported"
    )
    print(
        f"pull: {report.total:,} rows in {total:.2f} s, {report.total / total:,.0f} rows/s, "
        f"{report.pages} chunks; the desk's own CPU {cpu:.2f} s (both threads)"
    )
    local.dispose()
    return total, report.total


def _cut_and_resume(admin: Engine, desk: Engine, login: str, folder: Path, expected: int) -> None:
    local = open_local_store(folder / "cut.sqlite3")
    stored = 0
    cut = threading.Event()

    def cut_halfway(_table: str, rows: int) -> None:
        nonlocal stored
        stored += rows
        if stored >= expected // 2 and not cut.is_set():
            # Only a connection in the middle of a table's COPY (sending, or sent and not
            # yet ended): a dead idle one the pool would quietly replace.
            with admin.connect() as connection:
                killed = connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE usename = :u AND query LIKE 'COPY%' "
                        "AND state IN ('active', 'idle in transaction')"
                    ),
                    {"u": login},
                ).scalar_one()
                connection.commit()
            if killed:
                cut.set()

    # The reader runs up to three chunks ahead of the writer: with tables not much larger
    # than that, their COPY would be over before the cut; smaller chunks then.
    chunk = min(CHUNK_ROWS, max(1000, expected // 40))
    started = time.perf_counter()
    try:
        pull_changes(local, desk, page_size=chunk, on_page=cut_halfway)
        raise SystemExit("the cut did not stop the pull")
    except SyncError as exc:
        print(f"cut after {time.perf_counter() - started:.2f} s ({chunk:,}-row chunks): {exc}")
    before = _count_local(local)
    progress_seen: list[PullProgress] = []
    resumed = pull_changes(local, desk, page_size=chunk, on_progress=progress_seen.append)
    after = _count_local(local)
    duplicated = before + resumed.total - after
    first = progress_seen[0] if progress_seen else None
    print(
        f"resume: rows stored before the cut {before:,}, received after it {resumed.total:,}, "
        f"stored in the end {after:,} of {expected:,}; duplicated {duplicated}, "
        f"missing {expected - after}"
    )
    if first is not None:
        print(f"  resumed progress starts at ~{first.rows_expected:,} rows expected")
    local.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--login", default="nurse1", help="nurse1 (agent) or nurse5 (quality)")
    parser.add_argument("--cut", action="store_true", help="also cut a pull and resume it")
    parser.add_argument("--url", help="an existing server as a SQLAlchemy URL (admin role)")
    args = parser.parse_args()
    with bench_server(args.url) as admin_url, tempfile.TemporaryDirectory() as folder:
        seeding = time.perf_counter()
        admin = _fresh_database(admin_url, args.tasks)
        print(f"seeded {args.tasks:,} tasks in {time.perf_counter() - seeding:.1f} s")
        password = "pw-" + args.login
        provision_staff_login(admin, args.login, password)
        desk = create_server_engine(admin.url.set(username=args.login, password=password))
        scope = _scope(admin, args.login)
        empty_floor, rows = _copy_floor(desk, parse=False)
        parsed_floor, _ = _copy_floor(desk, parse=True)
        print(f"tasks={args.tasks:,} login={args.login} rows={rows:,}")
        print(
            f"floor: COPY into nothing {empty_floor:.2f} s, parsed into tuples {parsed_floor:.2f} s"
        )
        pull, pulled = _first_sync(desk, scope, Path(folder))
        print(
            f"sync_initial rows_per_s={pulled / pull:,.0f} "
            f"ratio_to_parsed_copy={pull / parsed_floor:.2f} "
            f"ratio_to_copy={pull / empty_floor:.2f}"
        )
        if args.cut:
            _cut_and_resume(admin, desk, args.login, Path(folder), rows)
        desk.dispose()
        admin.dispose()


if __name__ == "__main__":
    main()
