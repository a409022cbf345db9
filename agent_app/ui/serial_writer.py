"""The desk's writes to its local store, off the GUI thread and strictly in order.

A call's rows are written in the order things happened (attempt, answered, ended, wrap-up)
even though each write runs on a worker thread: the screens' saves go to the same single
writer thread as the call model's (agent_app/calls/writer.py), first in, first out. Results
come back on the GUI thread like ``run_in_background``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6

from agent_app.calls.writer import desk_writer
from agent_app.ui.background import Relay
from agent_app.ui.qt import QObject

log = logging.getLogger(__name__)

_live: set[Relay] = set()  # relays waiting for their write, kept alive until it reports


def _log_failure(error: BaseException) -> None:
    log.error("a background store write failed: %s", error)


def _ignore(_result: object) -> None:
    pass


class SerialWriter(QObject):
    """Runs submitted jobs one at a time, in submission order; callbacks are skipped once the
    writer (with its window) is gone, but the writes themselves always finish."""

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] = _ignore,
        on_error: Callable[[BaseException], None] = _log_failure,
    ) -> None:
        relay = Relay()  # created on the GUI thread, so its signals are delivered there
        _live.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            _live.discard(relay)
            if shiboken6.isValid(self):
                callback(value)
            else:
                log.debug("store write result dropped: its window was closed")

        relay.sig_done.connect(lambda value: finish(on_done, value))
        relay.sig_failed.connect(lambda exc: finish(on_error, exc))

        def hand_back(result: Any, error: BaseException | None) -> None:
            if not shiboken6.isValid(relay):
                return  # the desk is closing
            try:
                if error is None:
                    relay.sig_done.emit(result)
                else:
                    relay.sig_failed.emit(error)
            except RuntimeError:
                log.debug("store write result dropped: the desk is closing", exc_info=True)

        desk_writer().submit(fn, hand_back)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every queued write ran (at shutdown); False on time-out."""
        return desk_writer().flush(msecs / 1000)
