"""What one desk's connection costs the central database: memory held while idle, and the
time a desk waits to open one (password checked), to size a hospital's server.

    python -m bench.server_connections --desks 300

Each simulated desk signs in with its own staff login (SCRAM password, as on a ward) and runs
a pull page and a queue read, so its server process has loaded the catalog, the row-level
security policies and the plans a real desk's has; then it stays idle. The figures: private
memory per idle server process (from /proc smaps_rollup), the sum for ``--desks``, and the
connect-and-first-query time (p50/p99). The floor is a bare connection of the superuser that
ran ``SELECT 1``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text

from agent_app.store.engine import create_server_engine
from agent_app.store.migrate import upgrade_to_head
from agent_app.sync.logins import provision_staff_login
from tests.pg_server import PASSWORD_CHECKED, running_server
from tests.sync.small_hospital import seed_small_hospital

DESK_QUERIES = (
    "SELECT id, status, due_at FROM followup_task ORDER BY due_at LIMIT 50",
    "SELECT p.id, p.name, c.number_e164 FROM patient p JOIN contact c ON c.patient_id = p.id"
    " LIMIT 50",
    "SELECT count(*) FROM episode",
)


def _private_kib(pid: int) -> int:
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    return sum(
        int(line.split()[1])
        for line in rollup.splitlines()
        if line.startswith(("Private_Clean:", "Private_Dirty:"))
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=300)
    args = parser.parse_args()
    with running_server(max_connections=args.desks + 20) as server:
        admin_url = server.url()
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text('CREATE DATABASE "hospital"'))
            connection.execute(text(f"CREATE ROLE {PASSWORD_CHECKED}"))
        hospital = create_server_engine(server.url("hospital"))
        upgrade_to_head(hospital)
        seed_small_hospital(hospital, patients=2000)
        with hospital.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO staff (id, username, full_name, role, title, department_id,"
                    " password_hash, sip_account, extension, active)"
                    " SELECT 100 + n, 'desk' || n, '护士' || n, 'agent', '', 1 + n % 2,"
                    " '', '', '', true"
                    " FROM generate_series(1, :n) AS n"
                ),
                {"n": args.desks},
            )
        for n in range(1, args.desks + 1):
            provision_staff_login(hospital, f"desk{n}", f"pw-desk{n}")
            with hospital.begin() as connection:
                connection.execute(text(f"GRANT {PASSWORD_CHECKED} TO desk{n}"))
        base = hospital.url.set(drivername="postgresql")
        desks: list[psycopg.Connection] = []
        opened: list[float] = []
        for n in range(1, args.desks + 1):
            dsn = base.set(username=f"desk{n}", password=f"pw-desk{n}")
            started = time.perf_counter()
            connection = psycopg.connect(dsn.render_as_string(hide_password=False))
            connection.execute("SELECT 1")
            opened.append(time.perf_counter() - started)
            for query in DESK_QUERIES:
                connection.execute(query).fetchall()
            connection.rollback()
            desks.append(connection)
        bare: list[float] = []
        for _ in range(50):
            started = time.perf_counter()
            with psycopg.connect(base.set(username="postgres").render_as_string()) as plain:
                plain.execute("SELECT 1")
            bare.append(time.perf_counter() - started)
        pids = [connection.info.backend_pid for connection in desks]
        private = [_private_kib(pid) for pid in pids]
        per_desk = statistics.median(private) / 1024
        print(f"desks={args.desks} (each its own login, SCRAM password, warmed by a pull page)")
        print(
            f"idle server process, private memory: p50 {per_desk:.1f} MiB, "
            f"max {max(private) / 1024:.1f} MiB; all {args.desks}: {sum(private) / 1024:.0f} MiB"
        )
        print(
            f"1,000 desks at this size: {per_desk * 1000 / 1024:.1f} GiB of server memory "
            "(plus shared_buffers)"
        )
        print(
            f"connect + first query: p50 {_percentile(opened, 0.5) * 1000:.1f} ms, "
            f"p99 {_percentile(opened, 0.99) * 1000:.1f} ms; floor (superuser, trust): "
            f"p50 {_percentile(bare, 0.5) * 1000:.1f} ms; "
            f"ratio {_percentile(opened, 0.5) / _percentile(bare, 0.5):.1f}"
        )
        for connection in desks:
            connection.close()
        hospital.dispose()
        admin.dispose()


if __name__ == "__main__":
    main()
