"""The sync worker: push then pull on its own thread, backing off while offline, on demand."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, text

from agent_app.sync.pull import pull_changes
from agent_app.sync.worker import SyncStatus, SyncWorker
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.tcp_proxy import TcpProxy


class Recorder:
    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self.threads: set[str] = set()
        self._changed = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self.threads.add(threading.current_thread().name)
            self._changed.notify_all()

    def wait_for(self, check: Callable[[SyncStatus], bool], timeout: float = 10) -> SyncStatus:
        with self._changed:
            found = self._changed.wait_for(
                lambda: bool(self.statuses) and check(self.statuses[-1]), timeout
            )
            assert found, self.statuses[-1:] or "no status at all"
            return self.statuses[-1]


def test_worker_backs_off_offline_and_recovers_when_the_line_returns(
    server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    line.cut()
    worker = SyncWorker(local, server_via_line, interval=0.2, backoff=(0.1, 0.4))
    seen = Recorder()
    worker.add_listener(seen)
    worker.start()
    try:
        offline = seen.wait_for(lambda s: s.cycles >= 4 and not s.syncing)
        assert offline.online is False and offline.pending == 3
        assert offline.last_error.startswith("Cannot reach the central database at 127.0.0.1:")
        assert offline.last_error.endswith("working offline.") and "\n" not in offline.last_error
        assert offline.last_success_at is None
        assert 0.4 * 0.8 <= worker.next_delay() <= 0.4 * 1.2  # the back-off reached its ceiling
        line.restore()
        back = seen.wait_for(lambda s: s.online is True)
        assert (back.pending, back.last_error) == (0, "")
        assert back.last_success_at is not None
    finally:
        worker.stop()
    assert seen.threads == {"sync-worker"}
    with server.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM followup_result")).scalar_one() == 1


def test_sync_now_runs_a_cycle_at_once(server: Engine, local: Engine) -> None:
    worker = SyncWorker(local, server, interval=600)
    seen = Recorder()
    worker.add_listener(seen)
    worker.start()
    try:
        first = seen.wait_for(lambda s: s.cycles == 1 and not s.syncing)
        assert first.online is True and first.last_success_at is not None
        task_id, staff_id = open_tasks(local)[0]  # the first cycle pulled the queue
        save_call_result(local, task_id, staff_id)
        started = time.monotonic()
        worker.sync_now()
        second = seen.wait_for(lambda s: s.cycles == 2 and not s.syncing)
        assert time.monotonic() - started < 5
        assert second.pending == 0 and second.last_success_at is not None
        assert first.last_success_at < second.last_success_at
    finally:
        worker.stop()
    # The last success is kept in the store for the next start.
    assert SyncWorker(local, server).status.last_success_at == second.last_success_at


def test_stop_ends_the_thread_while_it_waits(server: Engine, local: Engine) -> None:
    worker = SyncWorker(local, server, interval=600)
    seen = Recorder()
    worker.add_listener(seen)
    worker.start()
    seen.wait_for(lambda s: s.cycles == 1 and not s.syncing)
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 1
    assert not any(t.name == "sync-worker" for t in threading.enumerate())


def test_a_change_notice_wakes_push_and_pull_but_the_steps_keep_their_pace(
    server: Engine, local: Engine
) -> None:
    ran: list[str] = []
    worker = SyncWorker(local, server, interval=600, steps=[lambda: ran.append("step")])
    seen = Recorder()
    worker.add_listener(seen)
    worker.start()
    try:
        seen.wait_for(lambda s: s.cycles == 1 and not s.syncing)
        assert ran == ["step"]
        worker.wake_for_changes()
        seen.wait_for(lambda s: s.cycles == 2 and not s.syncing)
        assert ran == ["step"]  # the heartbeat and uploads wait for their interval
        worker.sync_now()  # the agent asked: everything
        seen.wait_for(lambda s: s.cycles == 3 and not s.syncing)
        assert ran == ["step", "step"]
    finally:
        worker.stop()


def test_a_network_change_runs_a_cycle_at_once_and_forgets_the_back_off(
    server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    worker = SyncWorker(local, server_via_line, interval=600, backoff=(600.0, 600.0))
    seen = Recorder()
    worker.add_listener(seen)
    worker.start()
    try:
        assert seen.wait_for(lambda s: s.cycles == 1 and not s.syncing).online is True
        line.cut()  # the desk's network goes away
        worker.sync_now()
        assert seen.wait_for(lambda s: s.cycles == 2 and not s.syncing).online is False
        assert worker.next_delay() >= 600 * 0.8  # left alone it would wait ten minutes
        line.restore()
        connections = line.connections
        started = time.monotonic()
        worker.network_changed()
        back = seen.wait_for(lambda s: s.cycles == 3 and not s.syncing)
        assert time.monotonic() - started < 5
        assert back.online is True and back.failure is None
        assert line.connections > connections  # over new connections
        assert worker.next_delay() == 600  # the old network's back-off is forgotten
    finally:
        worker.stop()
