"""The desk's writes to its local store, off the GUI thread and strictly in order.

A call's rows are written in the order things happened (attempt, answered, ended, wrap-up)
even though each write runs on a worker thread: one thread, first in, first out. Results come
back on the GUI thread like ``run_in_background``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from agent_app.ui.background import Job, Relay
from agent_app.ui.qt import QObject, QThreadPool

log = logging.getLogger(__name__)


def _log_failure(error: BaseException) -> None:
    log.error("a background store write failed: %s", error)


class SerialWriter(QObject):
    """Runs submitted jobs one at a time, in submission order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: set[Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] = _log_failure,
    ) -> None:
        relay = Relay()
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            if callback is not None:
                callback(value)

        relay.sig_done.connect(lambda value: finish(on_done, value))
        relay.sig_failed.connect(lambda exc: finish(on_error, exc))
        self.pool.start(Job(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every queued write ran (at shutdown); False on time-out."""
        return self.pool.waitForDone(msecs)
