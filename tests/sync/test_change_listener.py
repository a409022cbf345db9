"""Change notices: another desk's work reaches this desk without waiting for its poll, the
listener comes back after its connection is killed, and other departments' notices (or
forged ones) do not make the desk pull.

The small hospital: patient n is in department 1 + n % 2; nurse1 and nurse3 are agents of
department 2, nurse2 an agent of department 1.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, select, text

from agent_app.domain.enums import TaskStatus
from agent_app.store.engine import open_local_store
from agent_app.store.schema import FollowupTask
from agent_app.sync.change_listener import (
    CHANNEL,
    ChangeListener,
    ChangeNotice,
    DeskScope,
    parse_notice,
)
from agent_app.sync.desk_sync import build_sync_worker
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.worker import SyncWorker
from tests.sync.desk_actions import save_call_result

Connect = Callable[..., Engine]
POLL = 60.0  # far longer than any wait below: only a notice can bring the change in time


def _until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def _task_status(local: Engine, task_id: int) -> TaskStatus | None:
    with local.connect() as connection:
        return connection.execute(
            select(FollowupTask.status).where(FollowupTask.id == task_id)
        ).scalar_one_or_none()


def _pool_task(server: Engine, department: int) -> int:
    """An open pool task of ``department`` whose patient has no task or episode elsewhere."""
    with server.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT t.id FROM followup_task t WHERE t.department_id = :d "
                    "AND t.assigned_staff_id IS NULL AND t.status = 'pending' "
                    "AND NOT EXISTS (SELECT 1 FROM followup_task o WHERE "
                    "o.patient_id = t.patient_id AND o.department_id <> :d) "
                    "ORDER BY t.id LIMIT 1"
                ),
                {"d": department},
            ).scalar_one()
        )


def _cycles_settle(worker: SyncWorker, listener: ChangeListener) -> int:
    """Wait for the first cycle (which waits for the listener) to end; the cycle count."""
    assert listener.wait_ready(10)
    assert _until(lambda: worker.status.cycles >= 1 and not worker.status.syncing)
    time.sleep(0.3)
    assert not worker.status.syncing
    return worker.status.cycles


def _listener(worker: SyncWorker) -> ChangeListener:
    listeners = [c for c in worker._companions if isinstance(c, ChangeListener)]
    assert len(listeners) == 1
    return listeners[0]


@pytest.fixture
def other_desk(tmp_path: Path) -> Engine:
    return open_local_store(tmp_path / "other-desk.sqlite3")


def test_a_change_pushed_by_another_login_reaches_the_desk_long_before_its_poll(
    server: Engine, local: Engine, other_desk: Engine, as_staff: Connect
) -> None:
    nurse1, nurse3 = as_staff("nurse1"), as_staff("nurse3")
    pull_changes(other_desk, nurse3)
    task_id = _pool_task(server, 2)
    worker = build_sync_worker(local, nurse1, interval=POLL, listening_interval=POLL)
    worker.start()
    try:
        listener = _listener(worker)
        _cycles_settle(worker, listener)
        assert _task_status(local, task_id) is TaskStatus.PENDING
        save_call_result(other_desk, task_id, 3)
        push_pending(other_desk, nurse3)  # committed on the server now
        assert _until(lambda: _task_status(local, task_id) is TaskStatus.DONE)
        assert listener.wakes >= 1
    finally:
        worker.stop()
    assert not any(t.name in ("change-listener", "sync-worker") for t in threading.enumerate())


def test_a_save_at_a_listening_desk_is_pushed_at_once_not_at_the_next_poll(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    worker = build_sync_worker(local, as_staff("nurse1"), interval=POLL, listening_interval=POLL)
    worker.start()
    try:
        _cycles_settle(worker, _listener(worker))
        task_id = _pool_task(server, 2)
        save_call_result(local, task_id, 1)

        def on_server() -> bool:
            with server.connect() as connection:
                status = connection.execute(
                    text("SELECT status FROM followup_task WHERE id = :t"), {"t": task_id}
                ).scalar_one()
            return bool(status == "done")

        assert _until(on_server)
    finally:
        worker.stop()


def test_the_listener_reconnects_after_its_connection_is_terminated(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    states: list[bool] = []
    wakes = threading.Event()
    listener = ChangeListener(
        as_staff("nurse1"), wakes.set, on_state=states.append, backoff=(0.1, 0.5)
    )
    listener.start()
    try:
        assert listener.wait_ready(10)
        first = listener.backend_pid
        with server.connect() as connection:
            killed = connection.execute(
                text("SELECT pg_terminate_backend(:p)"), {"p": first}
            ).scalar_one()
        assert killed is True
        assert _until(lambda: listener.connected and listener.backend_pid not in (None, first))
        assert states[:3] == [True, False, True]
        with server.begin() as connection:  # a department-2 task: nurse1's department
            connection.execute(
                text("UPDATE followup_task SET due_at = due_at WHERE id = :t"),
                {"t": _pool_task(server, 2)},
            )
        assert wakes.wait(10)
    finally:
        listener.stop()
    assert not listener.connected and states[-1] is False


def test_a_notice_for_another_department_does_not_make_the_desk_pull(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    worker = build_sync_worker(local, as_staff("nurse1"), interval=POLL, listening_interval=POLL)
    worker.start()
    try:
        listener = _listener(worker)
        cycles = _cycles_settle(worker, listener)
        assert listener.scope == DeskScope("agent", 2)
        ignored, wakes = listener.ignored, listener.wakes
        with server.begin() as connection:
            connection.execute(
                text("UPDATE followup_task SET due_at = due_at WHERE id = :t"),
                {"t": _pool_task(server, 1)},
            )
        assert _until(lambda: listener.ignored > ignored)  # it was heard, and let go
        time.sleep(0.3)
        assert (worker.status.cycles, listener.wakes) == (cycles, wakes)
        with server.begin() as connection:
            connection.execute(
                text("UPDATE followup_task SET due_at = due_at WHERE id = :t"),
                {"t": _pool_task(server, 2)},
            )
        assert _until(lambda: worker.status.cycles > cycles)
        assert listener.wakes == wakes + 1
    finally:
        worker.stop()


def _payloads(server: Engine, change: str) -> list[str]:
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as ear:
        ear.execute(f"LISTEN {CHANNEL}")
        with server.begin() as connection:
            connection.execute(text(change))
        return [n.payload for n in ear.notifies(timeout=1.0)]


def test_a_notice_names_table_transaction_and_departments_never_patient_data(
    server: Engine,
) -> None:
    payloads = _payloads(
        server,
        "UPDATE patient SET name = '王秘密', id_number = '110101195001011234' WHERE id IN (1, 2)",
    )
    assert payloads, "no notice for a patient update"
    notices = [parse_notice(p) for p in payloads]
    assert all(n is not None for n in notices), payloads
    assert {(n.table, n.departments) for n in notices if n} == {("patient", frozenset({1, 2}))}
    assert not any("秘密" in p or "1234" in p.split(":", 2)[2] for p in payloads)


def test_one_statement_over_many_rows_is_one_notice(server: Engine) -> None:
    payloads = _payloads(server, "UPDATE followup_task SET due_at = due_at")
    assert len(payloads) == 1
    notice = parse_notice(payloads[0])
    assert notice is not None and notice.departments == frozenset({1, 2})


def test_a_reference_table_change_is_for_every_desk(server: Engine) -> None:
    payloads = _payloads(server, "UPDATE blacklist SET reason = reason")
    assert payloads == []  # no rows touched: nothing to announce
    payloads = _payloads(
        server, "INSERT INTO blacklist (number_e164, reason, added_at) VALUES ('+1', 'x', now())"
    )
    assert [parse_notice(p).departments for p in payloads] == [None]  # type: ignore[union-attr]


# Hostile ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "payload",
    [
        "",
        "followup_task",
        "followup_task:1",
        "followup_task:-1:2",
        "followup_task:1:2:3",
        "followup_task:1:2,",
        "followup_task:1:,2",
        "followup_task:x:2",
        "Followup_task:1:2",
        "followup_task:1:*,2",
        "followup_task:1: 2",
        "followup_task:123456789012345678901:2",
        "patient'; DROP TABLE patient; --:1:2",
        "a" * 64 + ":1:2",
        "followup_task:1:2\n",
        "患者:1:2",
    ],
)
def test_a_payload_not_in_the_servers_format_is_ignored(payload: str) -> None:
    assert parse_notice(payload) is None


def test_scope_keeps_other_departments_and_unknown_tables_out() -> None:
    agent = DeskScope("agent", 2)
    assert agent.wants(ChangeNotice("followup_task", 5, frozenset({2, 3})))
    assert not agent.wants(ChangeNotice("followup_task", 5, frozenset({1})))
    assert not agent.wants(ChangeNotice("patient", 5, frozenset()))  # hospital-wide desks only
    assert agent.wants(ChangeNotice("blacklist", 5, None))
    assert not agent.wants(ChangeNotice("audit_log", 5, None))  # not a pulled table
    assert DeskScope("quality", None).wants(ChangeNotice("patient", 5, frozenset()))
    assert not DeskScope("agent", None).wants(ChangeNotice("episode", 5, frozenset({1})))


def test_forged_notices_from_a_desk_login_cost_at_most_one_pull_and_never_stall(
    server: Engine, as_staff: Connect
) -> None:
    woken: list[float] = []
    listener = ChangeListener(as_staff("nurse1"), lambda: woken.append(time.monotonic()))
    listener.start()
    try:
        assert listener.wait_ready(10)
        ignored = listener.ignored
        hostile = as_staff("nurse2")  # department 1: anyone may NOTIFY any channel
        with hostile.begin() as connection:
            for payload in ("junk", "patient:1:1", "x" * 7000, "followup_task:1:2:1"):
                connection.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})
            connection.execute(text("NOTIFY other_channel, 'followup_task:1:2'"))
        assert _until(lambda: listener.ignored >= ignored + 4)
        time.sleep(0.3)
        assert woken == []
        # A transaction id the server never handed out, for this desk's department: one
        # wake, at once, not a wait for a horizon that will not come in time.
        sent = time.monotonic()
        with hostile.begin() as connection:
            connection.execute(
                text("SELECT pg_notify(:c, :p)"),
                {"c": CHANNEL, "p": "followup_task:99999999999999:2"},
            )
        assert _until(lambda: len(woken) == 1, timeout=5)
        assert woken[0] - sent < 2.0
        time.sleep(0.3)
        assert len(woken) == 1 and listener.connected
    finally:
        listener.stop()
