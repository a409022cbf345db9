"""The sync loop: push then pull on its own thread, on an interval and on demand.

Each cycle first asks the server whether this desk's version may sync (``sync.version_gate``)
and stops there, sending nothing, when it may not. After a push that changed something the
cycle folds the server's tally deltas (``sync.tally_fold``), in a transaction of its own,
before it pulls.

``SyncWorker`` never touches Qt. It reports through plain callbacks that receive a frozen
``SyncStatus`` (online or not, pending and quarantined counts, last success, last error in
plain words); ui/ re-emits them as signals on the GUI thread. When the server cannot be
reached it waits longer after each failure (doubling, with jitter, up to a ceiling); "sync
now" wakes it at once, and so does ``network_changed`` (the desk woke up or changed network),
which also forgets the back-off and the pooled connections from before.

Extra ``steps`` (lease heartbeat, recording upload, local clean-up) run after push and pull in
the same cycle and thread; a ``SyncError`` from one counts as the cycle's failure. A cycle
woken by ``wake_for_changes`` (the server announced changes) pushes and pulls only; the steps
run on the interval, at start and on ``sync_now``. Companions (``attach``: the change
listener) start and stop with the worker. Pull
progress goes to page listeners (table, rows in that page), e.g. a first-sync dialog, and
``cancel_pull`` stops a long pull after its current page (what was stored stays; the next
cycle continues from there). While progress listeners are attached, the pull also reports
rows done against the server's estimate and when the queue's first page is in the store
(given ``first_page``, the signed-in desk's queue scope, a new desk brings that page in
first).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy import Engine

from agent_app.domain.enums import OutboxState
from agent_app.store.outbox import count_by_state
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.server_errors import ServerCode
from agent_app.sync.cursor import last_success, record_success
from agent_app.sync.errors import SyncError, SyncOfflineError
from agent_app.sync.pull import (
    CHUNK_ROWS,
    PULL_TABLES,
    PageDone,
    ProgressListener,
    PullProgress,
    pull_changes,
)
from agent_app.sync.push import push_pending
from agent_app.sync.tally_fold import fold_tallies
from agent_app.sync.version_gate import check_desk_may_sync

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows; ``online`` is None until the first attempt."""

    online: bool | None = None
    syncing: bool = False
    pending: int = 0
    quarantined: int = 0
    last_success_at: dt.datetime | None = None
    last_error: str = ""  # English, for logs; screens say ``failure`` in their language
    cycles: int = 0
    failure: SyncError | None = None  # the last cycle's coded failure, None after a success


# An idle desk closes its server connections after this many seconds without a cycle.
DEFAULT_RELEASE_IDLE_AFTER = 45.0

StatusListener = Callable[[SyncStatus], None]
SyncStep = Callable[[], object]


class Companion(Protocol):
    """Something that runs beside the worker (e.g. a change listener that wakes it); the
    first cycle waits a little for it to be ready, so nothing it would announce is missed
    between that cycle's look at the server and its start."""

    def start(self) -> None: ...

    def wait_ready(self, timeout: float) -> bool: ...

    def stop(self, timeout: float = ...) -> None: ...


COMPANION_READY_SECONDS = 2.0


class SyncCancelledError(SyncError):
    """The pull was cancelled by the user; what was stored stays."""

    def __init__(self) -> None:
        super().__init__(ServerCode.CANCELLED)


class DeskSyncError(SyncError):
    """The desk's own side of a cycle failed (its store, its disk)."""

    def __init__(self, detail: str) -> None:
        super().__init__(ServerCode.DESK_FAILED, detail=detail)


class SyncWorker:
    """Runs ``push_pending`` then ``pull_changes`` until stopped."""

    def __init__(
        self,
        local: Engine,
        server: Engine,
        *,
        interval: float = 30.0,
        backoff: tuple[float, float] = (2.0, 300.0),
        batch_size: int = 200,
        page_size: int = CHUNK_ROWS,
        tables: Sequence[str] = PULL_TABLES,
        steps: Sequence[SyncStep] = (),
        every_cycle: Sequence[SyncStep] = (),
        release_idle_after: float | None = DEFAULT_RELEASE_IDLE_AFTER,
        first_page: QueueScope | None = None,
    ) -> None:
        self.local = local
        self.release_idle_after = release_idle_after
        self.server = server
        self.interval = interval
        self.backoff = backoff
        self.batch_size = batch_size
        self.page_size = page_size
        self.tables = tuple(tables)
        self.steps = list(steps)
        self.every_cycle = list(every_cycle)  # after each pull, woken or not
        self.first_page = first_page
        self._listeners: list[StatusListener] = []
        self._page_listeners: list[PageDone] = []
        self._progress_listeners: list[ProgressListener] = []
        self._cancel_pull = threading.Event()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._full = threading.Event()  # the next cycle runs the steps too
        self._stale = threading.Event()  # the network changed: fresh connections, no back-off
        self._last_full = 0.0  # time.monotonic() of the last cycle that ran the steps
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._companions: list[Companion] = []
        self._failures = 0
        self._status = SyncStatus(last_success_at=last_success(local))

    # Listeners ------------------------------------------------------------------------------
    def add_listener(self, listener: StatusListener) -> None:
        """Call ``listener`` (on the worker's thread) with every new status."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: StatusListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def add_page_listener(self, listener: PageDone) -> None:
        """Call ``listener(table, rows)`` (on the worker's thread) after each pulled page."""
        with self._lock:
            self._page_listeners.append(listener)

    def remove_page_listener(self, listener: PageDone) -> None:
        with self._lock:
            if listener in self._page_listeners:
                self._page_listeners.remove(listener)

    def add_progress_listener(self, listener: ProgressListener) -> None:
        """Call ``listener(PullProgress)`` (on the worker's thread) as the pull goes; while any
        is attached, each pull first asks the server for an estimate of its rows."""
        with self._lock:
            self._progress_listeners.append(listener)

    def remove_progress_listener(self, listener: ProgressListener) -> None:
        with self._lock:
            if listener in self._progress_listeners:
                self._progress_listeners.remove(listener)

    def _on_progress(self, progress: PullProgress) -> None:
        with self._lock:
            listeners = list(self._progress_listeners)
        for listener in listeners:
            try:
                listener(progress)
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync progress listener failed")

    def _on_page(self, table: str, rows: int) -> None:
        with self._lock:
            listeners = list(self._page_listeners)
        for listener in listeners:
            try:
                listener(table, rows)
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync page listener failed")
        if self._cancel_pull.is_set():
            raise SyncCancelledError()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _publish(self, **changes: object) -> SyncStatus:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status, listeners = self._status, list(self._listeners)
        for listener in listeners:
            try:
                listener(status)
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync status listener failed")
        return status

    # Control --------------------------------------------------------------------------------
    def attach(self, companion: Companion) -> None:
        """Start and stop ``companion`` together with the worker's thread."""
        self._companions.append(companion)

    def start(self) -> None:
        """Start the thread (and the companions); the first cycle runs at once."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._full.set()
        self._wake.set()
        for companion in self._companions:
            companion.start()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Run a cycle as soon as the current one (if any) ends."""
        self._full.set()
        self._wake.set()

    def wake_for_changes(self) -> None:
        """Push and pull as soon as the current cycle (if any) ends: the server announced
        changes. The steps (heartbeat, uploads) keep their own pace, once an interval."""
        self._wake.set()

    def network_changed(self) -> None:
        """The desk woke up or its network changed or came back: a full cycle at once, on
        fresh connections, instead of waiting out the interval or a back-off that measured
        the old network. Pooled connections from before are likely dead (a sleeping
        desk's server closed them long ago), so they are given back first."""
        self._stale.set()
        self.sync_now()

    def cancel_pull(self) -> None:
        """Stop the running pull after its current page (once; the next cycle pulls again)."""
        self._cancel_pull.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the companions, then the thread after the current cycle; waits up to
        ``timeout`` seconds for each."""
        for companion in self._companions:
            companion.stop(timeout)
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def next_delay(self) -> float:
        """Seconds until the next cycle: the interval, or the back-off after failures."""
        if not self._failures:
            return self.interval
        first, ceiling = self.backoff
        delay = min(ceiling, first * 2.0 ** (self._failures - 1))
        return float(delay * random.uniform(0.8, 1.2))

    def _run(self) -> None:
        for companion in self._companions:
            companion.wait_ready(COMPANION_READY_SECONDS)
        while not self._stopping.is_set():
            woken = self._wait(self.next_delay())
            if self._stopping.is_set():
                break
            self._wake.clear()
            if self._stale.is_set():
                self._stale.clear()
                self._failures = 0
                self.release_connections()
            due = time.monotonic() - self._last_full >= self.interval
            steps = not woken or due or self._full.is_set()
            self._full.clear()
            self.run_once(steps=steps)

    def _wait(self, delay: float) -> bool:
        """Sleep until the next cycle or a wake-up (True when woken); a desk idle for
        ``release_idle_after`` seconds gives its server connections back first, so a
        hospital's idle desks hold only their change listener's (the next cycle opens one
        again)."""
        release = self.release_idle_after
        if release is not None and delay > release:
            if self._wake.wait(release):
                return True
            self.release_connections()
            delay -= release
        return self._wake.wait(delay)

    def release_connections(self) -> None:
        """Close the pooled server connections nobody is using (one in use, e.g. a claim on
        another thread, is closed when it is given back)."""
        self.server.dispose()
        log.debug("idle: server connections given back")

    # One cycle ------------------------------------------------------------------------------
    def _counts(self) -> dict[str, int]:
        counts = count_by_state(self.local)
        return {
            "pending": counts[OutboxState.PENDING],
            "quarantined": counts[OutboxState.QUARANTINED],
        }

    def run_once(self, *, steps: bool = True) -> SyncStatus:
        """Push then pull once (then the steps, unless ``steps`` is False), on the calling
        thread; returns the status after it."""
        cycles = self.status.cycles + 1
        self._publish(syncing=True, **self._counts())
        self._cancel_pull.clear()
        try:
            # Nothing is sent to a server that no longer takes this desk's version: the
            # outbox keeps every change until the desk is updated.
            check_desk_may_sync(self.server)
            pushed = push_pending(self.local, self.server, batch_size=self.batch_size)
            if pushed.changed_server:
                fold_tallies(self.server)  # the push left its statistics as deltas
            with self._lock:
                watched = bool(self._progress_listeners)
            pull_changes(
                self.local,
                self.server,
                tables=self.tables,
                page_size=self.page_size,
                on_page=self._on_page,
                on_progress=self._on_progress if watched else None,
                first_page=self.first_page,
            )
            for step in self.every_cycle:
                step()
            if steps:
                for step in self.steps:
                    step()
                self._last_full = time.monotonic()
        except SyncError as exc:
            self._failures += 0 if isinstance(exc, SyncCancelledError) else 1
            log.info("sync failed: %s", exc)
            online = not isinstance(exc, SyncOfflineError)
            return self._publish(
                online=online,
                syncing=False,
                last_error=str(exc),
                failure=exc,
                cycles=cycles,
                **self._counts(),
            )
        except Exception as exc:  # a local store failure: reported, and the loop lives on
            self._failures += 1
            log.exception("sync failed on the desk's side")
            failure = DeskSyncError(str(exc))
            return self._publish(
                syncing=False, last_error=str(failure), failure=failure, cycles=cycles
            )
        self._failures = 0
        now = dt.datetime.now(dt.UTC)
        record_success(self.local, now)
        return self._publish(
            online=True,
            syncing=False,
            last_success_at=now,
            last_error="",
            failure=None,
            cycles=cycles,
            **self._counts(),
        )
