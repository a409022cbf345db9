"""China's public holidays and swapped working days (调休), as the State Council publishes them.

The arrangement for a year is published each winter, so ``chinese_calendar`` (PyPI
``chinesecalendar``) only knows the years up to its release; for a later date it raises
``NotImplementedError``. Its own rule for the known range is the span of years in its
``holidays`` table, read here once. Beyond it this module answers ``UNKNOWN`` and the caller
falls back to plain weekdays, while :func:`holiday_data_status` tells the administrator in time
(upgrade ``chinesecalendar`` each December, or add local exceptions meanwhile).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from dataclasses import dataclass

import chinese_calendar

# Warn the administrator this many days before the last known day.
WARN_DAYS_BEFORE_END = 60


class NationalDay(enum.Enum):
    """What the national arrangement says about one date."""

    WORKDAY = "workday"  # an ordinary Monday to Friday
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday
    HOLIDAY = "holiday"  # a public holiday or a day off that belongs to one
    SWAPPED_WORKDAY = "swapped_workday"  # a weekend day worked in exchange (调休上班)
    UNKNOWN = "unknown"  # a year the installed data does not cover yet


@functools.cache
def known_years() -> tuple[int, int]:
    """The first and last year whose arrangement the installed ``chinesecalendar`` holds."""
    years = [day.year for day in chinese_calendar.holidays]
    return min(years), max(years)


def last_known_day() -> dt.date:
    """The last date the national data covers (31 December of its last year)."""
    return dt.date(known_years()[1], 12, 31)


def national_day(day: dt.date) -> NationalDay:
    """The national arrangement for ``day``; ``UNKNOWN`` outside the installed data."""
    first, last = known_years()
    if not first <= day.year <= last:
        return NationalDay.UNKNOWN
    if day in chinese_calendar.workdays:
        return NationalDay.SWAPPED_WORKDAY
    if day in chinese_calendar.holidays:
        return NationalDay.HOLIDAY
    return NationalDay.WEEKEND if day.isoweekday() >= 6 else NationalDay.WORKDAY


def holiday_name(day: dt.date) -> str | None:
    """The English name of the holiday ``day`` belongs to (``"Spring Festival"``), if any;
    for a swapped working day, the holiday it pays for."""
    name = chinese_calendar.holidays.get(day) or chinese_calendar.workdays.get(day)
    return name if isinstance(name, str) else None


class DataState(enum.Enum):
    FINE = "fine"
    ENDS_SOON = "ends_soon"  # the last known day is within WARN_DAYS_BEFORE_END days
    ENDED = "ended"  # today is already past the data


@dataclass(frozen=True)
class HolidayDataStatus:
    """How long the national holiday data lasts, seen from ``today``."""

    first_year: int
    last_year: int
    days_left: int  # days from today to the last known day; negative once it has passed
    state: DataState

    @property
    def needs_warning(self) -> bool:
        return self.state is not DataState.FINE

    @property
    def code(self) -> str:
        """A code for the warning (``holiday_data_ends_soon``/``holiday_data_ended``), or ``""``."""
        return {
            DataState.FINE: "",
            DataState.ENDS_SOON: "holiday_data_ends_soon",
            DataState.ENDED: "holiday_data_ended",
        }[self.state]


def holiday_data_status(today: dt.date) -> HolidayDataStatus:
    """Whether the administrator must be warned that the holiday data runs out."""
    first, last = known_years()
    days_left = (dt.date(last, 12, 31) - today).days
    if days_left < 0:
        state = DataState.ENDED
    elif days_left < WARN_DAYS_BEFORE_END:
        state = DataState.ENDS_SOON
    else:
        state = DataState.FINE
    return HolidayDataStatus(first, last, days_left, state)
