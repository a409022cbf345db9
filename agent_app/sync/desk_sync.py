"""The desk's whole sync cycle in one worker: push, pull, lease heartbeat, uploads, clean-up,
woken by the server's change notices.

``build_sync_worker`` is what the UI's sync controller starts; tests and tools can run the
same worker without Qt. With ``listen`` a ``ChangeListener`` starts and stops with the worker:
while it listens, a change another desk commits wakes this desk's cycle at once and the worker
polls only every ``listening_interval`` seconds (the safety net: heartbeats, uploads, anything
a notice could not announce); when the line drops it polls every ``interval`` again. Work
saved at this desk (a commit that queued outbox entries) starts a cycle at once.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy import Engine

from agent_app.store.outbox import unwatch_commits, watch_commits
from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.change_listener import ChangeListener
from agent_app.sync.leases import TaskLeases
from agent_app.sync.red_flag_sync import escalate_red_flags
from agent_app.sync.sms_station import claim_for_station
from agent_app.sync.upload import (
    DEFAULT_CHUNK_BYTES,
    DEFAULT_RETENTION_DAYS,
    remove_uploaded_files,
    upload_pending,
)
from agent_app.sync.worker import SyncStep, SyncWorker

# With notices flowing a poll only catches what they cannot say; keep it well under the lease
# time, since the heartbeat and uploads ride on it (a notice wakes only push and pull).
LISTENING_INTERVAL = 120.0


class PushOnSave:
    """While the worker runs, every local commit that queued outbox entries starts a cycle."""

    def __init__(self, local: Engine, worker: SyncWorker) -> None:
        self.local = local
        self.worker = worker

    def start(self) -> None:
        watch_commits(self.local, self.worker.sync_now)

    def wait_ready(self, timeout: float) -> bool:
        return True

    def stop(self, timeout: float = 0.0) -> None:
        unwatch_commits(self.local, self.worker.sync_now)


def _poll_while(worker: SyncWorker, polling: float, listening: float, up: bool) -> None:
    """The listener started (``up``) or stopped listening: poll less or more. After a drop or
    a reconnect pull at once, since notices may have been missed; not at the first start,
    when the worker's first cycle is still waiting for the listener."""
    worker.interval = listening if up else polling
    status = worker.status
    if up and status.cycles == 0 and not status.syncing:
        return
    worker.wake_for_changes()


def build_sync_worker(
    local: Engine,
    server: Engine,
    *,
    leases: TaskLeases | None = None,
    retention_days: int = DEFAULT_RETENTION_DAYS,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    interval: float = 30.0,
    backoff: tuple[float, float] = (2.0, 300.0),
    listen: bool = True,
    listening_interval: float = LISTENING_INTERVAL,
    first_page: QueueScope | None = None,
    escalate_as: int | None = None,
    sends_texts: bool = False,
    sms_station: bool = False,
) -> SyncWorker:
    """A worker whose cycle pushes, pulls, renews leases (so keep ``interval`` and
    ``listening_interval`` well under the lease time), uploads recordings and removes uploaded
    files past ``retention_days``; with ``listen``, a change notice wakes a push and pull; on a
    new desk the first pull brings ``first_page``'s queue page first. With ``escalate_as`` (the
    signed-in staff id) each cycle also asks the server to escalate unacknowledged red-flag
    alerts and, on a desk that ``sends_texts``, queues the on-duty texts it hands this desk;
    an ``sms_station`` claims the hospital's queued text messages for its sender after every
    pull (a message queued anywhere is announced to every desk, so the station claims it at
    once)."""
    steps: list[SyncStep] = []
    if leases is not None:
        steps.append(leases.heartbeat)
    steps.append(partial(upload_pending, local, server, chunk_bytes=chunk_bytes))
    steps.append(partial(remove_uploaded_files, local, retention_days))
    if escalate_as is not None:
        steps.append(partial(escalate_red_flags, local, server, escalate_as, texts=sends_texts))
    every_cycle: list[SyncStep] = []
    if sms_station:
        every_cycle.append(partial(claim_for_station, local, server))
    worker = SyncWorker(
        local,
        server,
        interval=interval,
        backoff=backoff,
        steps=steps,
        every_cycle=every_cycle,
        first_page=first_page,
    )
    if listen:
        on_state = partial(_poll_while, worker, interval, max(interval, listening_interval))
        worker.attach(ChangeListener(server, worker.wake_for_changes, on_state=on_state))
        # Polling less must not hold the desk's own work back: a save is pushed at once.
        worker.attach(PushOnSave(local, worker))
    return worker
