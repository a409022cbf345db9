"""Durability, measured: kill -9 of a desk while it saves and pushes, and crashes of the server.

    python -m bench.durability --kills 1000 --seed 17 [--crash-every 5] [--max-delay 0.25]

A desk process (tests/sync/save_push_then_die.py) wraps up answered follow-ups through the
desk's own save path and pushes them to a central PostgreSQL that runs with fsync on; after
each save returns it appends the save to an fsync'd acknowledged-save log, which is what the
agent was told was saved. Each round forks a fresh desk, lets it work for a random moment and
kills it with SIGKILL; every ``--crash-every``-th round the server is crashed too
(``pg_ctl -m immediate``) while the desk pushes, and started again. Then the desk restarts,
pushes everything and the server is checked:

- lost: acknowledged saves missing on the server after that push (must be 0);
- duplicated: a save present more than once on the server (must be 0).

Save-to-durable latency is the save call's duration (the local commit, fsync'd, is what makes
it durable): p50 and p99 against a goal of p99 <= 20 ms, and against the floor measured in the
same run on the same disk between the rounds: a one-row commit to an encrypted store with the
desk's settings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from agent_app.store.engine import create_server_engine, create_sqlite_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.store_key import existing_store_key
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.pg_server import PgServer, running_server, start_server, stop_server
from tests.sync.save_push_then_die import PUSHING, DeskZygote, read_acknowledged
from tests.sync.small_hospital import seed_small_hospital

GOAL_P99_SECONDS = 0.020


@dataclass
class DurabilityReport:
    """What the kills did and what the server held after each restart."""

    seed: int
    kills: int = 0
    server_crashes: int = 0
    landed: Counter[str] = field(default_factory=Counter)
    acknowledged: int = 0
    lost: set[str] = field(default_factory=set)
    duplicated: set[str] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"seed {self.seed}",
            f"kills {self.kills} (landed while saving {self.landed['saving']}, while pushing "
            f"{self.landed['pushing']}), server crashes mid-push {self.server_crashes}",
            f"acknowledged saves {self.acknowledged}, lost {len(self.lost)}, "
            f"duplicated {len(self.duplicated)}",
        ]
        if self.latencies:
            p50, p99 = _percentile(self.latencies, 50), _percentile(self.latencies, 99)
            verdict = "met" if p99 <= GOAL_P99_SECONDS else "NOT met"
            out.append(
                f"save-to-durable latency p50 {p50 * 1e3:.1f} ms, p99 {p99 * 1e3:.1f} ms, "
                f"max {max(self.latencies) * 1e3:.1f} ms (goal p99 <= "
                f"{GOAL_P99_SECONDS * 1e3:.0f} ms: {verdict})"
            )
        if self.floor and self.latencies:
            f50, f99 = _percentile(self.floor, 50), _percentile(self.floor, 99)
            out.append(
                f"floor (one-row fsync'd commit, same store settings) p50 {f50 * 1e3:.1f} ms, "
                f"p99 {f99 * 1e3:.1f} ms; ratio p50 "
                f"{_percentile(self.latencies, 50) / f50:.1f}x, p99 "
                f"{_percentile(self.latencies, 99) / f99:.1f}x"
            )
        return out


def _percentile(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _check(server: Engine, report: DurabilityReport, ack_log: Path) -> None:
    """Count acknowledged saves missing on the server and saves present more than once."""
    acknowledged = read_acknowledged(ack_log)
    report.acknowledged = len(acknowledged)
    with server.connect() as connection:
        present = set(
            connection.execute(text("SELECT CAST(id AS text) FROM followup_result")).scalars()
        )
        doubles = connection.execute(
            text("SELECT notes FROM followup_result GROUP BY notes HAVING count(*) > 1")
        ).scalars()
        report.duplicated.update(doubles)
    report.lost.update(a.note for a in acknowledged if a.result_id not in present)


def _restart_and_push(store: Path, server: Engine) -> None:
    """The desk starts again (a new connection recovers the store after the kill) and pushes
    everything left."""
    local = create_sqlite_engine(store, existing_store_key())
    try:
        push_pending(local, server)
    finally:
        local.dispose()


def run_durability(
    pg: PgServer,
    database: str,
    folder: Path,
    *,
    kills: int,
    seed: int,
    crash_every: int = 5,
    max_delay: float = 0.25,
) -> DurabilityReport:
    """Kill a desk ``kills`` times on the seeded ``database`` of ``pg`` (crashing the server
    every ``crash_every``-th round, 0 for never) and check the server after each restart."""
    report = DurabilityReport(seed)
    rng = random.Random(seed)
    server = create_server_engine(pg.url(database), connect_timeout=2)
    store = folder / "desk.sqlite3"
    local = open_local_store(store)
    pull_changes(local, server)
    local.dispose()
    floor = _FloorStore(folder / "floor.sqlite3")
    try:
        with DeskZygote.started(store, pg.url(database), folder) as zygote:
            for n in range(kills):
                pid = zygote.fork(seed * 100_000 + n)  # distinct per round: notes stay unique
                crash = crash_every > 0 and (n + 1) % crash_every == 0
                if crash:
                    zygote.wait_for(lambda phase: phase == PUSHING, "the desk never pushed", 30)
                    time.sleep(rng.uniform(0.0, 0.005))
                    stop_server(pg, "immediate")
                    landed = zygote.kill(pid)
                else:
                    landed = zygote.kill_at_random(pid, rng, max_delay)
                report.landed["pushing" if landed == PUSHING else "saving"] += 1
                if crash:
                    start_server(pg)
                    report.server_crashes += 1
                report.kills += 1
                _restart_and_push(store, server)
                _check(server, report, zygote.ack_log)
                report.floor += [floor.commit(), floor.commit()]
            report.latencies = [a.seconds for a in read_acknowledged(zygote.ack_log)]
    finally:
        server.dispose()
        floor.engine.dispose()
    return report


class _FloorStore:
    """One-row commits to an encrypted store with the desk's settings (WAL, synchronous=FULL),
    taken between the rounds so that the floor sees the same disk and load as the saves."""

    def __init__(self, path: Path) -> None:
        self.engine = create_sqlite_engine(path, existing_store_key())
        with self.engine.begin() as connection:
            connection.execute(text("CREATE TABLE IF NOT EXISTS floor (n INTEGER)"))

    def commit(self) -> float:
        started = time.perf_counter()
        with self.engine.begin() as connection:
            connection.execute(text("INSERT INTO floor VALUES (1)"))
        return time.perf_counter() - started


def seeded_database(pg: PgServer, name: str) -> str:
    """A database on ``pg`` at the current schema holding the small hospital."""
    admin = create_engine(pg.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = create_server_engine(pg.url(name))
    upgrade_to_head(engine)
    seed_small_hospital(engine)
    engine.dispose()
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(1 << 20))
    parser.add_argument("--crash-every", type=int, default=5, help="0: never crash the server")
    parser.add_argument("--max-delay", type=float, default=0.25, help="seconds before a kill")
    args = parser.parse_args()
    print(f"seed {args.seed} (rerun with --seed {args.seed})", flush=True)
    started = time.monotonic()
    with running_server(durable=True) as pg, tempfile.TemporaryDirectory() as folder:
        database = seeded_database(pg, "durability")
        report = run_durability(
            pg, database, Path(folder), kills=args.kills, seed=args.seed,
            crash_every=args.crash_every, max_delay=args.max_delay,
        )  # fmt: skip
    for line in report.lines():
        print(line)
    print(f"took {time.monotonic() - started:.0f} s")
    if report.lost or report.duplicated:
        lost, duplicated = sorted(report.lost)[:5], sorted(report.duplicated)[:5]
        raise SystemExit(f"lost {lost}, duplicated {duplicated}")


if __name__ == "__main__":
    main()
