"""Which days the follow-up centre calls on, and the next moment a plan may call.

Three sources decide a day, the most local first:

1. the hospital's own exceptions, set by an administrator: a closure day (``CLOSED``: nobody
   calls, whatever the plan) or an extra working day (``OPEN``: calls as on a working day);
2. China's national arrangement (``national_holidays``): public holidays, and weekend days
   worked in exchange (调休上班), which are working days;
3. the plan's calling weekdays, for every ordinary day.

A plan that does not skip holidays (``CallingHours.skip_holidays`` false) treats a public
holiday as the ordinary weekday it falls on; a local closure still stops it (the centre is shut).
For a year the installed holiday data does not know, days are plain weekdays, and the fallback
is logged once per year; ``national_holidays.holiday_data_status`` warns the administrator.

The queue needs nothing more: a task is callable once its due time has passed, and every due
time (first call, retry, "call back later" without a time) comes from :meth:`next_allowed`.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from agent_app.domain.calling_hours import CallingHours, CallingHoursError
from agent_app.domain.national_holidays import NationalDay, national_day

log = logging.getLogger(__name__)

# Holidays, closures and weekends together never close a centre for this long; a calendar that
# does is a mistake the administrator must see.
SEARCH_DAYS = 120
_warned_years: set[int] = set()


class ExceptionKind(enum.Enum):
    CLOSED = "closed"  # the hospital's own closure day
    OPEN = "open"  # an extra working day


class DayKind(enum.Enum):
    """A day as the calling rules see it."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    SWAPPED_WORKDAY = "swapped_workday"
    CLOSED = "closed"
    OPEN = "open"

    @property
    def is_rest_day(self) -> bool:
        """A day most people are off work (for SMS quiet hours)."""
        return self in (DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.CLOSED)


@dataclass(frozen=True)
class LocalException:
    """One day an administrator set apart from the national calendar."""

    day: dt.date
    kind: ExceptionKind
    reason: str = ""


@dataclass(frozen=True)
class WorkCalendar:
    """The national calendar with the hospital's exceptions on top."""

    closed: frozenset[dt.date] = field(default_factory=frozenset)
    opened: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def from_exceptions(cls, exceptions: Iterable[LocalException]) -> WorkCalendar:
        kept = list(exceptions)
        return cls(
            frozenset(e.day for e in kept if e.kind is ExceptionKind.CLOSED),
            frozenset(e.day for e in kept if e.kind is ExceptionKind.OPEN),
        )

    def day_kind(self, day: dt.date) -> DayKind:
        """What ``day`` is: a local exception first, then the national arrangement."""
        if day in self.closed:
            return DayKind.CLOSED
        if day in self.opened:
            return DayKind.OPEN
        national = national_day(day)
        if national is NationalDay.UNKNOWN:
            _warn_fallback(day.year)
            return DayKind.WEEKEND if day.isoweekday() >= 6 else DayKind.WORKDAY
        return DayKind(national.value)


def _warn_fallback(year: int) -> None:
    if year not in _warned_years:
        _warned_years.add(year)
        log.warning(
            "No public holiday data for %s: calling on plain weekdays until chinesecalendar "
            "is upgraded",
            year,
        )


NATIONAL_ONLY = WorkCalendar()


@dataclass(frozen=True)
class CallingCalendar:
    """A plan's calling hours applied to the work calendar: the one answer to "may we call"."""

    hours: CallingHours
    days: WorkCalendar = NATIONAL_ONLY

    def is_calling_day(self, day: dt.date) -> bool:
        """Whether the plan calls at all on ``day`` (a date in the plan's zone)."""
        kind = self.days.day_kind(day)
        if kind is DayKind.CLOSED:
            return False
        if kind in (DayKind.OPEN, DayKind.SWAPPED_WORKDAY):
            return True
        if kind is DayKind.HOLIDAY and self.hours.skip_holidays:
            return False
        return day.isoweekday() in self.hours.days

    def allows(self, moment: dt.datetime) -> bool:
        """Whether an aware ``moment`` falls inside the calling hours of a calling day."""
        local = moment.astimezone(ZoneInfo(self.hours.zone))
        return self.is_calling_day(local.date()) and self.hours.window_at(
            local.time().replace(tzinfo=None)
        )

    def next_allowed(self, moment: dt.datetime) -> dt.datetime:
        """The first instant at or after an aware ``moment`` that the plan may call (UTC)."""
        zone = ZoneInfo(self.hours.zone)
        local = moment.astimezone(zone)
        for day_offset in range(SEARCH_DAYS):
            day = local.date() + dt.timedelta(days=day_offset)
            if not self.is_calling_day(day):
                continue
            for start, end in self.hours.windows:
                opens = dt.datetime.combine(day, start, zone)
                closes = dt.datetime.combine(day, end, zone)
                if local < closes:
                    return max(opens, local).astimezone(dt.UTC)
        raise CallingHoursError("hours_no_calling_day", days=SEARCH_DAYS)
