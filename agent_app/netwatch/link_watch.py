"""Polls the clocks and the routes on a thread of its own and reports what changed.

``LinkWatch.check()`` is the whole decision and runs on any thread (tests call it with fake
clocks and probes); ``start()`` calls it every ``interval`` seconds until ``stop()``, and
``poke()`` runs it at once (the OS said the network changed, e.g. Qt's QNetworkInformation).
``on_event`` is called on the watch's thread: ui/ re-emits it on the GUI thread, where the
SIP stack lives.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from agent_app.netwatch.routes import RouteFingerprint, RouteProbe
from agent_app.netwatch.sleep_gap import SleepDetector

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 3.0


class LinkChange(enum.StrEnum):
    RESUMED = "resumed"  # the computer woke from sleep
    NETWORK_CHANGED = "network_changed"  # another address or interface, or the network is back


@dataclass(frozen=True)
class LinkEvent:
    change: LinkChange
    slept: float = 0.0  # seconds, for RESUMED

    @property
    def resumed(self) -> bool:
        return self.change is LinkChange.RESUMED


EventListener = Callable[[LinkEvent], None]


class LinkWatch:
    """Reports a resume, or a network change after which a server has a route again."""

    def __init__(
        self,
        on_event: EventListener,
        *,
        probe: Callable[[], RouteFingerprint] | None = None,
        sleep: SleepDetector | None = None,
        interval: float = DEFAULT_INTERVAL,
    ) -> None:
        self.on_event = on_event
        self.interval = interval
        self._probe = probe or RouteProbe().read
        self._sleep = sleep or SleepDetector(interval)
        self._last: RouteFingerprint | None = None
        self._poked = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> LinkEvent | None:
        """Look once; report (and return) a resume or a network change, else None.

        A network that went away is not reported (nothing can be done without one); its
        return is. A resume is reported even when the addresses look the same: every TCP
        connection from before the sleep is dead by now."""
        slept = self._sleep.check()
        now = self._probe()
        before, self._last = self._last, now
        event: LinkEvent | None = None
        if slept is not None:
            event = LinkEvent(LinkChange.RESUMED, slept)
            log.info("the computer woke up after about %.0f s", slept)
        elif before is not None and now != before:
            if now.reachable:
                event = LinkEvent(LinkChange.NETWORK_CHANGED)
                log.info("the network changed: %s -> %s", before, now)
            else:
                log.info("the network went away (%s)", now)
        if event is not None:
            self.on_event(event)
        return event

    def poke(self) -> None:
        """Check now instead of at the next interval (safe from any thread)."""
        self._poked.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="link-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._poked.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.check()
            except Exception:  # one failed look must not end the watch
                log.exception("network watch failed")
            self._poked.wait(self.interval)
            self._poked.clear()
