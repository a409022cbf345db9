"""The desk's writes to its local store, off the GUI thread and strictly in order.

A call's rows are written in the order things happened (attempt, answered, ended, wrap-up)
even though each write runs on a worker thread: one thread, first in, first out. Results come
back on the GUI thread like ``run_in_background``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Any

from agent_app.ui.background import run_in_background
from agent_app.ui.qt import QObject, QThreadPool

log = logging.getLogger(__name__)


def _log_failure(error: BaseException) -> None:
    log.error("a background store write failed: %s", error)


def _ignore(_result: object) -> None:
    pass


@cache
def _serial_pool() -> QThreadPool:
    """One thread for all of the desk's writes, alive as long as the process: a pool owned by
    a window would be destroyed with it, and its destructor waits for running writes."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class SerialWriter(QObject):
    """Runs submitted jobs one at a time, in submission order; callbacks are skipped once the
    writer (with its window) is gone, but the writes themselves always finish."""

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] = _ignore,
        on_error: Callable[[BaseException], None] = _log_failure,
    ) -> None:
        run_in_background(fn, on_done, on_error, owner=self, pool=_serial_pool())

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every queued write ran (at shutdown); False on time-out."""
        return _serial_pool().waitForDone(msecs)
