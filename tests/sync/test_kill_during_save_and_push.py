"""kill -9 of the desk at random moments while saving and pushing loses and duplicates nothing."""

from __future__ import annotations

import mmap
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from agent_app.domain.enums import OutboxState
from agent_app.store.schema import CallAttempt, FollowupResult, FollowupTask, Outbox
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.save_push_then_die import FAILED, PUSHING, SAVING, STARTING

ROOT = Path(__file__).resolve().parents[2]
KILLS = 120


def _wait_gone(pid: int) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.002)
    raise AssertionError(f"child {pid} survived kill -9")


def _kill_children(
    zygote: subprocess.Popen[str], phase: mmap.mmap, rng: random.Random
) -> Counter[bytes]:
    assert zygote.stdin is not None and zygote.stdout is not None
    landed: Counter[bytes] = Counter()
    for n in range(KILLS):
        phase[0:1] = STARTING
        zygote.stdin.write(f"fork {n}\n")
        zygote.stdin.flush()
        pid = int(zygote.stdout.readline())
        deadline = time.monotonic() + 10
        while phase[0:1] == STARTING:
            assert time.monotonic() < deadline, "the child never started saving"
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 0.12))
        landed[phase[0:1]] += 1
        assert phase[0:1] != FAILED, "the child failed on its own (see its stderr)"
        os.kill(pid, signal.SIGKILL)
        _wait_gone(pid)
    return landed


def test_results_saved_before_kill_9_reach_the_server_exactly_once(
    server: Engine, local: Engine, tmp_path: Path
) -> None:
    pull_changes(local, server)
    local.dispose()
    phase_file = tmp_path / "phase"
    phase_file.write_bytes(STARTING)
    store = local.url.database
    assert store is not None
    url = server.url.render_as_string(hide_password=False)
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.save_push_then_die", store, url, str(phase_file)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert zygote.stdout is not None and zygote.stdout.readline().strip() == "ready"
        with phase_file.open("r+b") as handle:
            phase = mmap.mmap(handle.fileno(), 1)
        landed = _kill_children(zygote, phase, random.Random(6))
    finally:
        zygote.kill()
        zygote.wait(timeout=10)
    print("kills landed:", dict(landed))
    assert landed[SAVING] >= 20 and landed[PUSHING] >= 20, landed

    # The desk restarts and pushes what is left; then both sides must agree exactly.
    final = push_pending(local, server)
    assert final.quarantined == 0
    with local.connect() as mine, server.connect() as remote:
        results = set(mine.execute(select(FollowupResult.id)).scalars())
        print("results:", len(results), "final push:", final)
        assert len(results) >= 150
        assert set(remote.execute(select(FollowupResult.id)).scalars()) == results
        assert remote.execute(select(func.count()).select_from(FollowupResult)).scalar() == len(
            results
        )
        attempts = set(mine.execute(select(CallAttempt.id)).scalars())
        assert set(remote.execute(select(CallAttempt.id)).scalars()) == attempts
        states = Counter(mine.execute(select(Outbox.state)).scalars())
        assert states == {OutboxState.PUSHED: sum(states.values())}
        applied = remote.execute(text("SELECT count(*) FROM applied_change")).scalar_one()
        assert applied == states[OutboxState.PUSHED]
        # Attempt counts only grow, and end as the number of attempts saved for each task.
        per_task = Counter(mine.execute(select(CallAttempt.task_id)).scalars())
        counts = dict(
            remote.execute(
                select(FollowupTask.id, FollowupTask.attempt_count).where(
                    FollowupTask.id.in_(per_task)
                )
            ).all()
        )
        assert counts == dict(per_task)
