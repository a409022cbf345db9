"""The server's tallies under concurrent pushes: pushes append deltas without waiting on each
other, the statistics (tally plus pending deltas) equal a recount from the base tables before
and after a fold, and the fold is idempotent and never waits for another fold."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from agent_app.domain.enums import TaskStatus
from agent_app.store.engine import open_local_store
from agent_app.store.outbox import next_pending
from agent_app.store.schema import FollowupTask, Staff
from agent_app.store.tallies import paused_tallies
from agent_app.store.tallies.deltas import DELTA_TABLES, SUM_TABLES
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import PUSH_SQL, push_pending
from agent_app.sync.tally_fold import fold_tallies
from agent_app.sync.worker import SyncWorker
from tests.reports.tally_checks import Rows, recount_rows, tally_rows
from tests.sync.desk_actions import save_call_result

Connect = Callable[..., Engine]
# Agents: nurse1 and nurse3 work department 2's pool, nurse2 department 1's.
DESKS = ("nurse1", "nurse2", "nurse3")


class Desk:
    """One agent's desk: its own login, its own store, pool tasks of its department."""

    def __init__(self, username: str, as_staff: Connect, folder: Path, via: URL | None) -> None:
        self.lane = 0  # desks of one department take turns in its pool: never one task
        self.server = as_staff(username, via=via)
        self.local = open_local_store(folder / f"{username}.sqlite3")
        pull_changes(self.local, self.server)
        with Session(self.local) as session:
            me = session.scalars(select(Staff).where(Staff.username == username)).one()
            self.staff_id, self.department_id = me.id, me.department_id
            self.pool = list(
                session.scalars(
                    select(FollowupTask.id)
                    .where(
                        FollowupTask.assigned_staff_id.is_(None),
                        FollowupTask.department_id == me.department_id,
                        FollowupTask.status == TaskStatus.PENDING,
                    )
                    .order_by(FollowupTask.id)
                )
            )

    def save(self, n: int) -> None:
        """An answered call with its result on this desk's n-th pool task (ending it every
        other time)."""
        task = self.pool[(2 * n + self.lane) % len(self.pool)]
        save_call_result(self.local, task, self.staff_id, finish_task=n % 2 == 1, note="好")


def _desks(
    as_staff: Connect, folder: Path, names: tuple[str, ...] = DESKS, via: URL | None = None
) -> list[Desk]:
    desks: list[Desk] = []
    for name in names:
        desk = Desk(name, as_staff, folder, via)
        desk.lane = sum(d.department_id == desk.department_id for d in desks)
        desks.append(desk)
    return desks


def _sums(rows: Rows) -> Rows:
    """The tallies' counts, without the facts (which a push changes in place)."""
    return {table: rows[table] for table in SUM_TABLES}


def _pending_deltas(server: Engine) -> int:
    with server.connect() as connection:
        return sum(
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in DELTA_TABLES
        )


def _push_together(desks: list[Desk], rounds: int, *, fold: bool) -> None:
    """Every desk saves and pushes ``rounds`` results at the same time as the others (and
    folds after each push, as its sync cycle does, with ``fold``)."""
    start = threading.Barrier(len(desks))
    failures: list[BaseException] = []

    def work(desk: Desk) -> None:
        try:
            start.wait()
            for n in range(rounds):
                desk.save(n)
                report = push_pending(desk.local, desk.server)
                assert report.quarantined == 0, report
                if fold:
                    fold_tallies(desk.server)
        except BaseException as exc:  # handed to the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_a_push_adds_deltas_and_leaves_the_tally_rows_alone(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    (desk,) = _desks(as_staff, tmp_path, ("nurse1",))
    before = _sums(tally_rows(server, folded_only=True))
    desk.save(0)
    push_pending(desk.local, desk.server)
    assert _pending_deltas(server) > 0
    assert _sums(tally_rows(server, folded_only=True)) == before
    assert _sums(tally_rows(server)) != before
    assert tally_rows(server) == recount_rows(server)


def test_a_push_does_not_wait_for_another_push_into_the_same_tally_rows(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    # One department's pool; a push that waits on a lock for 2 s fails.
    impatient = server.url.update_query_dict({"options": "-c lock_timeout=2000"})
    first, second = _desks(as_staff, tmp_path, ("nurse1", "nurse3"), impatient)
    first.save(0)
    second.save(1)
    with first.server.connect() as open_push:
        open_push.begin()
        changes = [e.envelope() for e in next_pending(first.local, 50)]
        open_push.execute(PUSH_SQL, {"changes": json.dumps(changes, ensure_ascii=False)})
        # The first push holds its transaction open; with the tallies in the push's lock
        # path the second would wait on the pool's shared tally rows until it commits.
        report = push_pending(second.local, second.server)
        assert report.applied + report.flagged == 3, report
        open_push.commit()
    assert tally_rows(server) == recount_rows(server)


def test_statistics_equal_a_recount_under_concurrent_pushes_before_and_after_a_fold(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    desks = _desks(as_staff, tmp_path)
    _push_together(desks, 4, fold=False)
    assert _pending_deltas(server) > 0
    pending = tally_rows(server)
    assert pending == recount_rows(server)

    assert fold_tallies(desks[0].server) is True
    assert _pending_deltas(server) == 0
    assert tally_rows(server, folded_only=True) == pending

    _push_together(desks, 4, fold=True)  # folds racing the other desks' pushes
    assert tally_rows(server) == recount_rows(server)
    fold_tallies(desks[0].server)
    assert _pending_deltas(server) == 0
    assert tally_rows(server, folded_only=True) == recount_rows(server)


def test_a_second_fold_changes_nothing(server: Engine, as_staff: Connect, tmp_path: Path) -> None:
    (desk,) = _desks(as_staff, tmp_path, ("nurse2",))
    desk.save(0)
    push_pending(desk.local, desk.server)
    assert fold_tallies(desk.server) is True
    folded = tally_rows(server, folded_only=True)
    assert fold_tallies(desk.server) is True
    assert tally_rows(server, folded_only=True) == folded == recount_rows(server)


def test_a_fold_while_another_runs_returns_at_once_and_both_leave_the_sums_exact(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    first, second = _desks(as_staff, tmp_path, ("nurse1", "nurse2"))
    for desk in (first, second):
        desk.save(0)
        push_pending(desk.local, desk.server)
    exact = recount_rows(server)
    with first.server.connect() as running:
        running.begin()
        assert running.execute(text("SELECT stats_fold_deltas()")).scalar_one() is True
        with second.server.connect() as other:
            other.execute(text("SET statement_timeout = '2s'"))  # waiting would fail here
            assert other.execute(text("SELECT stats_fold_deltas()")).scalar_one() is False
            other.commit()
        assert _pending_deltas(server) > 0  # the running fold has not committed yet
        assert tally_rows(server) == exact
        running.commit()
    assert _pending_deltas(server) == 0
    assert tally_rows(server, folded_only=True) == exact


def test_the_sync_cycle_folds_after_a_push(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    (desk,) = _desks(as_staff, tmp_path, ("nurse3",))
    desk.save(0)
    SyncWorker(desk.local, desk.server, interval=600).run_once()
    assert _pending_deltas(server) == 0
    assert tally_rows(server, folded_only=True) == recount_rows(server)


def _bulk_load(server: Engine, *, fails: bool) -> None:
    with paused_tallies(server, ["followup_task"]):
        with server.begin() as connection:
            connection.execute(text("UPDATE followup_task SET status = 'cancelled' WHERE id = 4"))
        if fails:
            raise RuntimeError("the load failed")


@pytest.mark.parametrize("fails", [False, True])
def test_a_bulk_load_on_the_server_rebuilds_once_and_empties_the_deltas(
    server: Engine, as_staff: Connect, tmp_path: Path, fails: bool
) -> None:
    (desk,) = _desks(as_staff, tmp_path, ("nurse1",))
    desk.save(0)
    push_pending(desk.local, desk.server)
    assert _pending_deltas(server) > 0
    if fails:
        with pytest.raises(RuntimeError):
            _bulk_load(server, fails=True)
    else:
        _bulk_load(server, fails=False)
    assert _pending_deltas(server) == 0
    assert tally_rows(server, folded_only=True) == recount_rows(server)
    desk.save(1)
    push_pending(desk.local, desk.server)  # the triggers are back, writing deltas
    assert _pending_deltas(server) > 0
    assert tally_rows(server) == recount_rows(server)
