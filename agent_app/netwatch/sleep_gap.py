"""A resume from sleep, seen from the clocks alone (no logind, no Windows power messages).

While a computer sleeps, Linux's monotonic clock stands still and the wall clock goes on, so
after a resume the wall clock has moved much further than the monotonic one. On Windows
Python's monotonic clock counts the sleep too; there a check that was due every few seconds
simply finds a long gap since the last one. Either shape over ``threshold`` seconds is a
resume. A wall clock set back, or forward by a few seconds (NTP), is not.

A long freeze of the process (a debugger, a machine swapping hard) looks like sleep on
Windows; the cost of that false alarm is one registration and one sync cycle.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]

#: Gaps shorter than this are scheduling noise or clock slewing, not sleep.
DEFAULT_THRESHOLD = 15.0


class SleepDetector:
    """Call ``check()`` about every ``interval`` seconds; it returns the seconds slept."""

    def __init__(
        self,
        interval: float,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        wall: Clock = time.time,
        monotonic: Clock = time.monotonic,
    ) -> None:
        self.interval = interval
        self.threshold = threshold
        self._wall = wall
        self._monotonic = monotonic
        self._last = (wall(), monotonic())

    def check(self) -> float | None:
        """Seconds the computer (most likely) slept since the last check, or None."""
        wall, mono = self._wall(), self._monotonic()
        last_wall, last_mono = self._last
        self._last = (wall, mono)
        walked, ticked = wall - last_wall, mono - last_mono
        if walked - ticked > self.threshold:  # monotonic stood still (Linux, macOS)
            return walked - ticked
        if ticked - self.interval > self.threshold and walked > self.threshold:
            return ticked - self.interval  # both moved, but the check was long overdue
        return None
