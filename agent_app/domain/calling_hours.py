"""When a hospital may phone its patients: weekdays and time windows in the hospital's zone.

A plan stores its calling hours as JSON, for example::

    {"days": [1, 2, 3, 4, 5, 6], "windows": [["08:30", "11:30"], ["14:00", "20:00"]],
     "zone": "Asia/Shanghai"}

``days`` are ISO weekdays (1 Monday … 7 Sunday). An empty JSON object means the desk's default.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent_app.domain.coded_error import CodedError

DEFAULT_ZONE = "Asia/Shanghai"


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
    """Weekdays and daily windows (start inclusive, end exclusive) in one time zone."""

    days: frozenset[int]
    windows: tuple[tuple[dt.time, dt.time], ...]
    zone: str = DEFAULT_ZONE

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
        return cls(frozenset(days), windows, zone)

    def to_json(self) -> dict[str, Any]:
        return {
            "days": sorted(self.days),
            "windows": [[f"{s:%H:%M}", f"{e:%H:%M}"] for s, e in self.windows],
            "zone": self.zone,
        }

    def allows(self, moment: dt.datetime) -> bool:
        """Whether an aware ``moment`` falls inside the calling hours."""
        local = moment.astimezone(ZoneInfo(self.zone))
        if local.isoweekday() not in self.days:
            return False
        clock = local.time().replace(tzinfo=None)
        return any(start <= clock < end for start, end in self.windows)

    def next_allowed(self, moment: dt.datetime) -> dt.datetime:
        """The first instant at or after an aware ``moment`` inside the calling hours (UTC)."""
        zone = ZoneInfo(self.zone)
        local = moment.astimezone(zone)
        for day_offset in range(8):
            day = local.date() + dt.timedelta(days=day_offset)
            if day.isoweekday() not in self.days:
                continue
            for start, end in self.windows:
                opens = dt.datetime.combine(day, start, zone)
                closes = dt.datetime.combine(day, end, zone)
                if local < closes:
                    return max(opens, local).astimezone(dt.UTC)
        raise AssertionError("a week always holds a calling window")  # days is never empty


DEFAULT_CALLING_HOURS = CallingHours(
    days=frozenset({1, 2, 3, 4, 5, 6}),
    windows=((dt.time(8, 30), dt.time(11, 30)), (dt.time(14, 0), dt.time(20, 0))),
)
