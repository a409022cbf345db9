"""Leases in the desk's own store (demo, no server): one winner per task, expiry, release."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.leases import LocalTaskLeases, TaskTakenError, TaskUnavailableError
from tests.conftest import DEMO_TODAY


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("leases") / "demo.sqlite3"
    engine = open_local_store(path)
    seed_store(engine, 200, seed=5, today=DEMO_TODAY)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def store(seeded_file: Path, tmp_path: Path) -> Iterator[Engine]:
    copy = tmp_path / "desk.sqlite3"
    shutil.copy(seeded_file, copy)
    engine = open_local_store(copy)
    yield engine
    engine.dispose()


def _two_agents(store: Engine) -> tuple[QueueScope, QueueScope]:
    with store.connect() as connection:
        department, first, second = connection.execute(
            text(
                "SELECT department_id, min(id), max(id) FROM staff WHERE role = 'agent'"
                " GROUP BY department_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
    return QueueScope(first, Role.AGENT, department), QueueScope(second, Role.AGENT, department)


def test_two_agents_claiming_from_many_threads_never_share_a_task(store: Engine) -> None:
    scopes = _two_agents(store)
    won: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def claim_all(scope: QueueScope) -> None:
        leases = LocalTaskLeases(store, scope.staff_id)
        try:
            while (lease := leases.claim_next(scope)) is not None:
                with lock:
                    won.append((lease.task_id, lease.owner_id))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=claim_all, args=(s,)) for s in scopes for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    tasks = [task for task, _ in won]
    assert len(tasks) == len(set(tasks)) > 4
    with store.connect() as connection:
        pool = set(
            connection.execute(
                text(
                    "SELECT id FROM followup_task WHERE status IN ('pending', 'in_progress')"
                    " AND department_id = :d AND assigned_staff_id IS NULL"
                ),
                {"d": scopes[0].department_id},
            ).scalars()
        )
    assert pool and pool <= set(tasks)  # every pool task went to exactly one of them


def test_expired_lease_can_be_claimed_and_the_loser_forgets_it(store: Engine) -> None:
    now = [dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)]
    first, second = _two_agents(store)
    mine = LocalTaskLeases(store, first.staff_id, lease_seconds=600, clock=lambda: now[0])
    theirs = LocalTaskLeases(store, second.staff_id, lease_seconds=600, clock=lambda: now[0])
    lease = mine.claim_next(first)
    assert lease is not None
    with pytest.raises(TaskTakenError, match=rf"^Task {lease.task_id} is being worked by "):
        theirs.claim(lease.task_id)
    now[0] += dt.timedelta(minutes=5)
    assert mine.heartbeat()[0].expires_at == now[0] + dt.timedelta(minutes=10)
    now[0] += dt.timedelta(minutes=11)
    assert theirs.claim(lease.task_id).owner_id == second.staff_id
    assert mine.held() == [] and mine.heartbeat() == []


def test_release_frees_the_task_and_closed_tasks_cannot_be_claimed(store: Engine) -> None:
    first, second = _two_agents(store)
    mine, theirs = LocalTaskLeases(store, first.staff_id), LocalTaskLeases(store, second.staff_id)
    lease = mine.claim_next(first)
    assert lease is not None and mine.held() == [lease]
    theirs.release(lease.task_id)  # not theirs to release: nothing happens
    assert mine.held() == [lease]
    mine.release(lease.task_id)
    assert mine.held() == [] and theirs.claim(lease.task_id).owner_id == second.staff_id
    with store.begin() as connection:
        connection.execute(
            text("UPDATE followup_task SET status = 'done' WHERE id = :t"), {"t": lease.task_id}
        )
    assert theirs.heartbeat() == []
    with pytest.raises(TaskUnavailableError, match="is not open any more"):
        mine.claim(lease.task_id)
