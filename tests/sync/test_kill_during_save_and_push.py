"""kill -9 of the desk at random moments while saving and pushing loses and duplicates nothing."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from agent_app.domain.enums import OutboxState
from agent_app.store.schema import CallAttempt, FollowupResult, FollowupTask, Outbox
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.save_push_then_die import PUSHING, SAVING, DeskZygote, read_acknowledged

KILLS = 120


def test_results_saved_before_kill_9_reach_the_server_exactly_once(
    server: Engine, local: Engine, tmp_path: Path
) -> None:
    pull_changes(local, server)
    local.dispose()
    store = local.url.database
    assert store is not None
    url = server.url.render_as_string(hide_password=False)
    rng = random.Random(6)
    landed: Counter[bytes] = Counter()
    with DeskZygote.started(Path(store), url, tmp_path) as zygote:
        for n in range(KILLS):
            landed[zygote.kill_at_random(zygote.fork(n), rng, 0.12)] += 1
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
        acknowledged = {line.result_id for line in read_acknowledged(zygote.ack_log)}
        assert acknowledged <= {str(result) for result in results}
        states = Counter(mine.execute(select(Outbox.state)).scalars())
        assert states == {OutboxState.PUSHED: sum(states.values())}
        applied = remote.execute(text("SELECT count(*) FROM applied_change")).scalar_one()
        assert applied == states[OutboxState.PUSHED]
        # Attempt counts only grow, and both sides end with the same count for each task.
        mine_counts = dict(mine.execute(select(FollowupTask.id, FollowupTask.attempt_count)).all())
        counts = dict(remote.execute(select(FollowupTask.id, FollowupTask.attempt_count)).all())
        assert counts == mine_counts
        assert sum(counts.values()) >= len(acknowledged)
