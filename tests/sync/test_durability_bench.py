"""The durability benchmark's core, small: kill -9 of a desk mid-save and mid-push, the server
crashed mid-push every 5th round, and nothing acknowledged lost or saved twice.

The seed changes from run to run (so CI tries new kill moments every time) and is printed;
``DURABILITY_SEED=<n>`` repeats a run. No timing is asserted: ``python -m bench.durability``
measures the latencies.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from bench.durability import run_durability, seeded_database
from tests.pg_server import running_server

KILLS = 25


def test_kills_of_desk_and_server_lose_and_duplicate_no_acknowledged_save(
    tmp_path: Path,
) -> None:
    seed = int(os.environ.get("DURABILITY_SEED") or random.SystemRandom().randrange(1 << 20))
    print(f"durability seed {seed} (repeat with DURABILITY_SEED={seed})")
    with running_server(durable=True) as pg:  # fsync on: a crash keeps what it acknowledged
        database = seeded_database(pg, "durability")
        report = run_durability(pg, database, tmp_path, kills=KILLS, seed=seed, crash_every=5)
    print("\n".join(report.lines()))
    assert (report.kills, report.server_crashes) == (KILLS, KILLS // 5)
    assert report.landed["saving"] and report.landed["pushing"], (seed, report.landed)
    assert report.acknowledged >= KILLS, (seed, report.acknowledged)
    assert not report.lost, (seed, sorted(report.lost))
    assert not report.duplicated, (seed, sorted(report.duplicated))
