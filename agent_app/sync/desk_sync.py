"""The desk's whole sync cycle in one worker: push, pull, lease heartbeat, uploads, clean-up.

``build_sync_worker`` is what the UI's sync controller starts; tests and tools can run the
same worker without Qt.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy import Engine

from agent_app.store.repositories.tasks import QueueScope
from agent_app.sync.leases import TaskLeases
from agent_app.sync.upload import (
    DEFAULT_CHUNK_BYTES,
    DEFAULT_RETENTION_DAYS,
    remove_uploaded_files,
    upload_pending,
)
from agent_app.sync.worker import SyncStep, SyncWorker


def build_sync_worker(
    local: Engine,
    server: Engine,
    *,
    leases: TaskLeases | None = None,
    retention_days: int = DEFAULT_RETENTION_DAYS,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    interval: float = 30.0,
    backoff: tuple[float, float] = (2.0, 300.0),
    first_page: QueueScope | None = None,
) -> SyncWorker:
    """A worker whose cycle pushes, pulls, renews leases (every cycle, so keep ``interval``
    well under the lease time), uploads recordings and removes uploaded files past
    ``retention_days``; on a new desk the first pull brings ``first_page``'s queue page first."""
    steps: list[SyncStep] = []
    if leases is not None:
        steps.append(leases.heartbeat)
    steps.append(partial(upload_pending, local, server, chunk_bytes=chunk_bytes))
    steps.append(partial(remove_uploaded_files, local, retention_days))
    return SyncWorker(
        local, server, interval=interval, backoff=backoff, steps=steps, first_page=first_page
    )
