"""The desk's one store writer: a single worker thread that runs writes in the order given.

A call's rows must land in the order things happened (attempt, answered, ended, recording,
wrap-up) although no write may run on the thread that pumps the phone. One thread and one
first-in-first-out queue give both. ``submit`` never waits; ``flush`` waits until every write
queued before it has run (tests, shutdown).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

Job = Callable[[], Any]
Done = Callable[[Any, BaseException | None], None]


class WriterClosedError(RuntimeError):
    """A write was submitted after the writer was closed."""


class StoreWriter:
    """Runs submitted jobs one at a time, first in first out, on its own thread.

    ``done(result, error)`` is called on the writer's thread after each job (``error`` None
    when it succeeded); it must only hand the outcome over (to a queue, a Qt signal), never
    touch widgets or the phone.
    """

    def __init__(self, name: str = "store-writer") -> None:
        self._jobs: queue.SimpleQueue[tuple[Job, Done | None] | None] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._pending = 0
        self.completed = 0  # jobs run so far, failed ones included
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Job, done: Done | None = None) -> None:
        """Queue ``job``; returns at once."""
        with self._idle:
            if self._closed:
                raise WriterClosedError("The store writer is closed.")
            self._pending += 1
        self._jobs.put((job, done))

    def flush(self, timeout: float | None = 30.0) -> bool:
        """Wait until every job queued so far has run; False on time-out."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    @property
    def pending(self) -> int:
        """Jobs queued or running."""
        with self._idle:
            return self._pending

    def close(self, timeout: float | None = 30.0) -> bool:
        """Run what is queued, then stop the thread; False when it did not finish in time."""
        with self._idle:
            if self._closed:
                return not self._thread.is_alive()
            self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, done = item
            result: Any = None
            error: BaseException | None = None
            try:
                result = job()
            except Exception as exc:  # reported to ``done``, or logged: never lost silently
                error = exc
                if done is None:
                    log.error("a store write failed: %s", exc, exc_info=exc)
            if done is not None:
                try:
                    done(result, error)
                except Exception:
                    log.exception("a store write's report failed")
            with self._idle:
                self.completed += 1
                self._pending -= 1
                if self._pending == 0:
                    self._idle.notify_all()


@cache
def desk_writer() -> StoreWriter:
    """The one writer of this desk process, alive as long as the process: the call model and
    the screens' saves share it, so a wrap-up is never written before its call's attempt."""
    return StoreWriter("desk-store-writer")
