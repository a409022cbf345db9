"""Calling hours: which moments a plan may call in, and the next one that it may (on ordinary
weeks; holidays and the hospital's exceptions are in test_work_calendar.py)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from agent_app.domain.calling_hours import (
    DEFAULT_CALLING_HOURS,
    CallingHours,
    CallingHoursError,
)
from agent_app.domain.work_calendar import CallingCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOURS = CallingHours.from_json(
    {"days": [1, 2, 3, 4, 5], "windows": [["08:30", "11:30"], ["14:00", "17:30"]]}
)
CALENDAR = CallingCalendar(HOURS)


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        ("2026-11-23 08:29", False),  # Monday, before the first window
        ("2026-11-23 08:30", True),
        ("2026-11-23 11:30", False),  # the end is exclusive
        ("2026-11-23 12:15", False),  # lunch
        ("2026-11-23 17:29", True),
        ("2026-11-28 10:00", False),  # Saturday
    ],
)
def test_allows_only_inside_a_window_on_a_calling_day(moment: str, allowed: bool) -> None:
    assert CALENDAR.allows(local(moment)) is allowed


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-11-23 07:00", "2026-11-23 08:30"),
        ("2026-11-23 09:10", "2026-11-23 09:10"),
        ("2026-11-23 12:00", "2026-11-23 14:00"),
        ("2026-11-23 18:00", "2026-11-24 08:30"),
        ("2026-11-27 18:00", "2026-11-30 08:30"),  # Friday evening → Monday morning
    ],
)
def test_next_allowed_moves_to_the_next_open_window(moment: str, expected: str) -> None:
    result = CALENDAR.next_allowed(local(moment))
    assert result.tzinfo is not None
    assert result == local(expected)


def test_utc_input_is_read_in_the_hospital_zone() -> None:
    # 01:00 UTC is 09:00 in Shanghai.
    assert CALENDAR.allows(dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC))


def test_empty_json_gives_the_default_and_round_trips() -> None:
    assert CallingHours.from_json({}) == DEFAULT_CALLING_HOURS
    assert CallingHours.from_json(HOURS.to_json()) == HOURS


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"days": [0, 1]}, "weekdays 1"),
        ({"days": []}, "weekdays 1"),
        ({"windows": []}, "at least one time window"),
        ({"windows": [["9:00"]]}, "window 1 must be a [start, end] pair"),
        ({"windows": [["09:00", "noon"]]}, "window 1 end"),
        ({"windows": [["12:00", "09:00"]]}, "ends before it starts"),
        ({"windows": [["09:00", "12:00"], ["11:00", "13:00"]]}, "not overlap"),
        ({"zone": "Mars/Olympus"}, "unknown time zone"),
        ({"skip_holidays": "yes"}, "must be true or false"),
    ],
)
def test_bad_calling_hours_are_refused(data: dict[str, object], reason: str) -> None:
    with pytest.raises(CallingHoursError) as caught:
        CallingHours.from_json(data)
    assert reason in str(caught.value)
