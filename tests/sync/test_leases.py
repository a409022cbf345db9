"""Task leases on the real server: claimed by one desk only, renewed, released, expiring."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import Contact, FollowupTask, Patient
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.leases import Lease, TaskTakenError, TaskUnavailableError
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.server_leases import ServerTaskLeases
from tests.sync.desk_actions import save_call_result
from tests.sync.tcp_proxy import TcpProxy

Connect = Callable[..., Engine]
# nurse1 and nurse3 are agents of department 2; nurse2 works in department 1.
SCOPE_1 = QueueScope(1, Role.AGENT, 2)
SCOPE_3 = QueueScope(3, Role.AGENT, 2)


def _queue_of(server: Engine, staff_id: int, department_id: int) -> set[int]:
    with server.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id FROM followup_task WHERE status IN ('pending', 'in_progress') AND "
                "(assigned_staff_id = :s OR (department_id = :d AND assigned_staff_id IS NULL))"
            ),
            {"s": staff_id, "d": department_id},
        )
        return set(rows.scalars())


def _leases_on_server(server: Engine) -> dict[int, int]:
    with server.connect() as connection:
        return dict(connection.execute(text("SELECT task_id, owner_id FROM task_lease")).all())


@pytest.mark.slow
def test_two_agents_claiming_from_many_threads_never_get_the_same_task(
    server: Engine, as_staff: Connect, tmp_path: Path
) -> None:
    won: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    desks = []
    for staff_id, scope in ((1, SCOPE_1), (3, SCOPE_3)):
        local = open_local_store(tmp_path / f"desk{staff_id}.sqlite3")
        desks.append((ServerTaskLeases(local, as_staff(f"nurse{staff_id}"), staff_id), scope))

    def claim_all(leases: ServerTaskLeases, scope: QueueScope) -> None:
        try:
            while (lease := leases.claim_next(scope)) is not None:
                with lock:
                    won.append((lease.task_id, lease.owner_id))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=claim_all, args=desk) for desk in desks for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    tasks = [task for task, _ in won]
    assert len(tasks) == len(set(tasks))  # no task was won twice
    shared_pool = _queue_of(server, 1, 2) & _queue_of(server, 3, 2)
    assert shared_pool and shared_pool <= set(tasks)
    assert set(tasks) == _queue_of(server, 1, 2) | _queue_of(server, 3, 2)
    assert {1, 3} == {owner for _, owner in won}  # both desks got work
    assert _leases_on_server(server) == dict(won)


def test_a_held_task_is_refused_to_another_agent_until_the_lease_expires(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    with server.begin() as connection:  # the hospital allows leases this short (0009)
        connection.execute(
            text("UPDATE desk_server_setting SET value = 1 WHERE name = 'lease_min_seconds'")
        )
    mine = ServerTaskLeases(local, as_staff("nurse1"), 1, lease_seconds=1)
    other_local = open_local_store(tmp_path / "other.sqlite3")
    theirs = ServerTaskLeases(other_local, as_staff("nurse3"), 3)
    lease = mine.claim_next(SCOPE_1)
    assert lease is not None and lease.owner_id == 1
    with pytest.raises(TaskTakenError, match=rf"^Task {lease.task_id} is being worked by 护士1 "):
        theirs.claim(lease.task_id)
    time.sleep(1.2)
    taken = theirs.claim(lease.task_id)
    assert taken.owner_id == 3 and taken.task_id == lease.task_id
    assert mine.heartbeat() == []  # the lapsed lease was lost to nurse3, and forgotten here
    with local.connect() as connection:
        owner = connection.execute(
            select(FollowupTask.lease_owner_id).where(FollowupTask.id == lease.task_id)
        ).scalar_one()
    assert owner is None


def test_heartbeat_renews_and_release_lets_another_agent_claim(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    mine = ServerTaskLeases(local, as_staff("nurse1"), 1, lease_seconds=60)
    theirs = ServerTaskLeases(open_local_store(tmp_path / "o.sqlite3"), as_staff("nurse3"), 3)
    first = mine.claim_next(SCOPE_1)
    second = mine.claim_next(SCOPE_1)
    assert first is not None and second is not None and first.task_id != second.task_id
    renewed = mine.heartbeat()
    assert [lease.task_id for lease in renewed] == sorted([first.task_id, second.task_id])
    assert all(lease.expires_at >= first.expires_at for lease in renewed)
    mine.release(first.task_id)
    assert [lease.task_id for lease in mine.held()] == [second.task_id]
    assert theirs.claim(first.task_id).owner_id == 3


def test_release_waits_until_the_finished_task_is_pushed(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse1 = as_staff("nurse1")
    mine = ServerTaskLeases(local, nurse1, 1)
    theirs = ServerTaskLeases(open_local_store(tmp_path / "o.sqlite3"), as_staff("nurse3"), 3)
    lease = mine.claim_next(SCOPE_1)
    assert lease is not None
    save_call_result(local, lease.task_id, 1)  # done here; the server still has it open
    mine.release(lease.task_id)
    with pytest.raises(TaskTakenError):
        theirs.claim(lease.task_id)  # nobody else may call the patient again meanwhile
    push_pending(local, nurse1)
    mine.heartbeat()
    assert lease.task_id not in _leases_on_server(server)
    with pytest.raises(TaskUnavailableError, match="is not open or not in your queue"):
        theirs.claim(lease.task_id)


def test_claimed_task_is_brought_into_an_empty_store_and_kept_by_the_pull(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    lease = ServerTaskLeases(local, nurse1, 1).claim_next(SCOPE_1)
    assert lease is not None
    with local.connect() as connection:
        task = connection.execute(
            select(
                FollowupTask.patient_id, FollowupTask.lease_owner_id, FollowupTask.lease_expires_at
            ).where(FollowupTask.id == lease.task_id)
        ).one()
        assert task.lease_owner_id == 1 and task.lease_expires_at == lease.expires_at
        assert connection.execute(select(Patient.id).where(Patient.id == task.patient_id)).one()
        assert connection.execute(
            select(Contact.id).where(Contact.patient_id == task.patient_id)
        ).all()
    pull_changes(local, nurse1)  # the full pull does not blank the desk's own lease
    with local.connect() as connection:
        owner = connection.execute(
            select(FollowupTask.lease_owner_id).where(FollowupTask.id == lease.task_id)
        ).scalar_one()
    assert owner == 1


def test_task_outside_the_agents_queue_cannot_be_claimed(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    foreign = next(iter(_queue_of(server, 2, 1) - _queue_of(server, 1, 2)))
    leases = ServerTaskLeases(local, as_staff("nurse1"), 1)
    with pytest.raises(TaskUnavailableError, match=rf"^Task {foreign} is not open or not in your"):
        leases.claim(foreign)


def test_offline_desk_keeps_working_its_leases_until_they_expire(
    server: Engine, server_via_line: Engine, line: TcpProxy, as_staff: Connect, local: Engine
) -> None:
    now = [dt.datetime.now(dt.UTC)]
    leases = ServerTaskLeases(
        local, as_staff("nurse1", via=server_via_line.url), 1, lease_seconds=600,
        clock=lambda: now[0],
    )  # fmt: skip
    lease = leases.claim_next(SCOPE_1)
    assert lease is not None
    line.cut()
    assert leases.heartbeat() == [lease]
    assert leases.claim(lease.task_id) == lease
    with pytest.raises(SyncOfflineError):
        leases.claim_next(SCOPE_1)
    leases.release(lease.task_id)  # queued while offline
    assert leases.held() == []
    assert lease.task_id in _leases_on_server(server)
    line.restore()
    leases.heartbeat()
    assert lease.task_id not in _leases_on_server(server)


def test_offline_lease_lapses_locally_at_its_expiry(
    server: Engine, server_via_line: Engine, line: TcpProxy, as_staff: Connect, local: Engine
) -> None:
    now = [dt.datetime.now(dt.UTC)]
    leases = ServerTaskLeases(
        local, as_staff("nurse1", via=server_via_line.url), 1, lease_seconds=600,
        clock=lambda: now[0],
    )  # fmt: skip
    lease = leases.claim_next(SCOPE_1)
    assert isinstance(lease, Lease)
    line.cut()
    now[0] = lease.expires_at + dt.timedelta(seconds=1)
    assert leases.heartbeat() == []
    with pytest.raises(SyncOfflineError):
        leases.claim(lease.task_id)


def test_a_desk_clock_20_minutes_slow_keeps_no_lease_past_the_servers_expiry(
    server: Engine, server_via_line: Engine, line: TcpProxy, as_staff: Connect, local: Engine,
    tmp_path: Path,
) -> None:  # fmt: skip
    """The finding: a desk whose clock ran 20 minutes slow kept, offline, a lease the server
    had already given to another agent, and both results were stored unflagged."""
    with server.begin() as connection:  # the hospital allows short leases (0009)
        connection.execute(
            text("UPDATE desk_server_setting SET value = 1 WHERE name = 'lease_min_seconds'")
        )
    slow = dt.timedelta(minutes=20)
    mine = ServerTaskLeases(
        local, as_staff("nurse1", via=server_via_line.url), 1, lease_seconds=2,
        clock=lambda: dt.datetime.now(dt.UTC) - slow,
    )  # fmt: skip
    pull_changes(local, server)
    lease = mine.claim_next(SCOPE_1)
    assert lease is not None
    assert abs(mine.server_now() - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)
    line.cut()
    time.sleep(2.5)  # past the lease by the server's clock; 20 minutes short of it by the desk's
    assert mine.held() == []
    with pytest.raises(SyncOfflineError):
        mine.claim(lease.task_id)
    # Meanwhile a colleague takes the follow-up and finishes it; this desk saves its own later.
    theirs_local = open_local_store(tmp_path / "theirs.sqlite3")
    pull_changes(theirs_local, server)
    theirs = ServerTaskLeases(theirs_local, as_staff("nurse3"), 3, lease_seconds=600)
    assert theirs.claim(lease.task_id).owner_id == 3
    mine_result = save_call_result(local, lease.task_id, 1)
    line.restore()
    push_pending(local, as_staff("nurse1", via=server_via_line.url))
    with server.connect() as connection:
        flag = connection.execute(
            text("SELECT flagged_reason FROM followup_result WHERE id = :r"),
            {"r": mine_result.result_id},
        ).scalar_one()
    assert flag == "lease_lost:3"
    # Restarted offline, the desk still judges by the server's clock it measured.
    again = ServerTaskLeases(
        local, server_via_line, 1, clock=lambda: dt.datetime.now(dt.UTC) - slow
    )
    assert again.server_now() - dt.datetime.now(dt.UTC) < dt.timedelta(seconds=5)
