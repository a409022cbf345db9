"""Run blocking work off the GUI thread and get the outcome back on it.

``run_in_background(fn, on_done, on_error)`` is the single way ui/ does slow work (database,
hashing, files): ``fn`` runs on the global thread pool, then exactly one of the callbacks runs
on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6

from agent_app.ui.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Relay(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)


class Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread, never dropped
            log.debug("background job failed", exc_info=True)
            self._hand_back(self._relay.sig_failed, exc)
        else:
            self._hand_back(self._relay.sig_done, result)

    def _hand_back(self, signal: Any, value: object) -> None:
        # The application may be shutting down (its objects destroyed) while a job finishes.
        if not shiboken6.isValid(self._relay):
            log.debug("background result dropped: the desk is closing")
            return
        try:
            signal.emit(value)
        except RuntimeError:
            log.debug("background result dropped: the desk is closing", exc_info=True)


_live: set[Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
    priority: int = 0,
) -> None:
    """``owner``: a widget the callbacks touch; if it is gone by then, they are skipped.
    ``pool``: where ``fn`` runs (the global pool by default). A pool must outlive its jobs:
    destroying one waits for them, and a job that is handing its result back needs the
    interpreter the destroying thread holds. ``priority``: a queued job of a higher one starts
    first."""
    relay = Relay()  # created on the GUI thread, so its signals are delivered there
    _live.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(relay)
        if owner is not None and not shiboken6.isValid(owner):
            log.debug("background result dropped: its window was closed")
            return
        callback(value)

    relay.sig_done.connect(lambda value: finish(on_done, value))
    relay.sig_failed.connect(lambda exc: finish(on_error, exc))
    (pool or QThreadPool.globalInstance()).start(Job(fn, relay), priority)
