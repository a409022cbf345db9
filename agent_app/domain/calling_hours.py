"""When a hospital may phone its patients: weekdays and time windows in the hospital's zone.

A plan stores its calling hours as JSON, for example::

    {"days": [1, 2, 3, 4, 5, 6], "windows": [["08:30", "11:30"], ["14:00", "20:00"]],
     "zone": "Asia/Shanghai"}

``days`` are ISO weekdays (1 Monday … 7 Sunday). An empty JSON object means the desk's default.
``"skip_holidays"`` (default true) keeps the plan's calls off China's public holidays; a plan
whose calls must go out whatever the day (a call the day after an operation) sets it false.
``"best_time"`` (default false) sends a retry after no answer to the patient's best hour on
another calling day, as learnt from the call history (``reach_model``), instead of a fixed
spacing later the same day.
Which days are holidays, swapped working days or the hospital's own closures is the work
calendar's business (``work_calendar.CallingCalendar``, which applies these hours to days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent_app.domain.coded_error import CodedError
from agent_app.domain.hospital_zone import HOSPITAL_ZONE

DEFAULT_ZONE = HOSPITAL_ZONE


class CallingHoursError(CodedError, ValueError):
    """Calling hours that cannot be used; the code names the bad part."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "hours_bad_time": 'window {window} {end}: "{text}" is not a time like "08:30"',
        "hours_bad_days": "calling days must be weekdays 1 (Monday) to 7 (Sunday)",
        "hours_no_window": "calling hours need at least one time window",
        "hours_window_reversed": "the window {start}–{stop} ends before it starts",
        "hours_windows_overlap": "calling windows must be in order and not overlap",
        "hours_bad_zone": 'unknown time zone "{zone}"',
        "hours_bad_window": "window {window} must be a [start, end] pair",
        "hours_bad_windows": '"windows" must be a list of [start, end] pairs',
        "hours_bad_holidays": '"skip_holidays" must be true or false',
        "hours_bad_best_time": '"best_time" must be true or false',
        "hours_no_calling_day": "no calling day in the next {days} days (every day is closed)",
    }


def _parse_time(text: object, window: int, end: str) -> dt.time:
    try:
        if isinstance(text, str):
            return dt.time.fromisoformat(text)
    except ValueError:
        pass
    raise CallingHoursError("hours_bad_time", window=window, end=end, text=text)


@dataclass(frozen=True)
class CallingHours:
    """Weekdays and daily windows (start inclusive, end exclusive) in one time zone, and
    whether public holidays are skipped."""

    days: frozenset[int]
    windows: tuple[tuple[dt.time, dt.time], ...]
    zone: str = DEFAULT_ZONE
    skip_holidays: bool = True
    best_time: bool = False

    def __post_init__(self) -> None:
        if not self.days or not self.days <= frozenset(range(1, 8)):
            raise CallingHoursError("hours_bad_days")
        if not self.windows:
            raise CallingHoursError("hours_no_window")
        previous_end: dt.time | None = None
        for start, end in self.windows:
            if start >= end:
                raise CallingHoursError(
                    "hours_window_reversed", start=f"{start:%H:%M}", stop=f"{end:%H:%M}"
                )
            if previous_end is not None and start < previous_end:
                raise CallingHoursError("hours_windows_overlap")
            previous_end = end
        try:
            ZoneInfo(self.zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise CallingHoursError("hours_bad_zone", zone=self.zone) from None

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> CallingHours:
        """Read a plan's calling hours; an empty object gives the default hours."""
        if not data:
            return DEFAULT_CALLING_HOURS
        days = data.get("days", sorted(DEFAULT_CALLING_HOURS.days))
        if not isinstance(days, list) or not all(isinstance(d, int) for d in days):
            raise CallingHoursError("hours_bad_days")
        raw_windows = data.get("windows")
        if raw_windows is None:
            windows = DEFAULT_CALLING_HOURS.windows
        else:
            if not isinstance(raw_windows, list):
                raise CallingHoursError("hours_bad_windows")
            parsed = []
            for index, pair in enumerate(raw_windows, start=1):
                if not isinstance(pair, list) or len(pair) != 2:
                    raise CallingHoursError("hours_bad_window", window=index)
                parsed.append(
                    (
                        _parse_time(pair[0], index, "start"),
                        _parse_time(pair[1], index, "end"),
                    )
                )
            windows = tuple(parsed)
        zone = data.get("zone", DEFAULT_ZONE)
        if not isinstance(zone, str):
            raise CallingHoursError("hours_bad_zone", zone=zone)
        skip_holidays = data.get("skip_holidays", True)
        if not isinstance(skip_holidays, bool):
            raise CallingHoursError("hours_bad_holidays")
        best_time = data.get("best_time", False)
        if not isinstance(best_time, bool):
            raise CallingHoursError("hours_bad_best_time")
        return cls(frozenset(days), windows, zone, skip_holidays, best_time)

    def to_json(self) -> dict[str, Any]:
        return {
            "days": sorted(self.days),
            "windows": [[f"{s:%H:%M}", f"{e:%H:%M}"] for s, e in self.windows],
            "zone": self.zone,
            "skip_holidays": self.skip_holidays,
            "best_time": self.best_time,
        }

    def window_at(self, clock: dt.time) -> bool:
        """Whether a wall-clock time (in the plan's zone) falls inside a window."""
        return any(start <= clock < end for start, end in self.windows)


DEFAULT_CALLING_HOURS = CallingHours(
    days=frozenset({1, 2, 3, 4, 5, 6}),
    windows=((dt.time(8, 30), dt.time(11, 30)), (dt.time(14, 0), dt.time(20, 0))),
)
