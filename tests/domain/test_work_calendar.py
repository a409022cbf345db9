"""The work calendar: China's public holidays and swapped working days (调休), the hospital's
own exceptions, a plan that calls on holidays, and plain weekdays beyond the holiday data."""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest

from agent_app.domain import work_calendar
from agent_app.domain.calling_hours import CallingHours, CallingHoursError
from agent_app.domain.enums import Disposition, TaskStatus
from agent_app.domain.national_holidays import (
    DataState,
    NationalDay,
    holiday_data_status,
    holiday_name,
    known_years,
    last_known_day,
    national_day,
)
from agent_app.domain.retry_rules import RetryPolicy, next_step
from agent_app.domain.work_calendar import (
    CallingCalendar,
    DayKind,
    ExceptionKind,
    LocalException,
    WorkCalendar,
)

SH = ZoneInfo("Asia/Shanghai")
WEEKDAYS = {"days": [1, 2, 3, 4, 5], "windows": [["08:30", "11:30"], ["14:00", "17:30"]]}
HOURS = CallingHours.from_json(WEEKDAYS)
SIX_DAYS = CallingHours.from_json({**WEEKDAYS, "days": [1, 2, 3, 4, 5, 6]})
ON_HOLIDAYS = CallingHours.from_json(
    {**WEEKDAYS, "days": [1, 2, 3, 4, 5, 6], "skip_holidays": False}
)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_the_installed_holiday_data_covers_2026() -> None:
    first, last = known_years()
    assert first <= 2026 <= last
    assert last_known_day() == dt.date(last, 12, 31)


def test_spring_festival_2026_days_are_not_calling_days() -> None:
    calendar = CallingCalendar(SIX_DAYS)
    festival = [day("2026-02-15") + dt.timedelta(days=n) for n in range(9)]  # 15th–23rd
    assert {holiday_name(d) for d in festival} == {"Spring Festival"}
    assert [calendar.is_calling_day(d) for d in festival] == [False] * 9
    # The Monday after is an ordinary working day again.
    assert calendar.is_calling_day(day("2026-02-24"))


@pytest.mark.parametrize("swapped", ["2026-02-14", "2026-02-28", "2026-10-10", "2026-09-20"])
def test_a_swapped_weekend_working_day_is_a_calling_day(swapped: str) -> None:
    date = day(swapped)
    assert date.isoweekday() in (6, 7)
    assert national_day(date) is NationalDay.SWAPPED_WORKDAY
    # A Monday-to-Friday plan calls on it: the centre works that day.
    assert CallingCalendar(HOURS).is_calling_day(date)
    assert CallingCalendar(HOURS).allows(at(f"{swapped} 09:00"))


def test_a_retry_that_falls_into_national_day_moves_to_the_first_working_day_after() -> None:
    policy = RetryPolicy(max_attempts=3, spacing=dt.timedelta(hours=2), hours=HOURS)
    step = next_step(
        Disposition.NO_ANSWER,
        attempts_before=0,
        due_at=at("2026-09-30 09:00"),
        now=at("2026-09-30 17:00"),  # Wednesday; 国庆 runs 1–7 October
        policy=policy,
    )
    assert step.status is TaskStatus.PENDING
    assert step.due_at == at("2026-10-08 08:30")  # Thursday, the first working day


def test_a_local_closure_day_is_skipped() -> None:
    closed = WorkCalendar.from_exceptions(
        [LocalException(day("2026-11-25"), ExceptionKind.CLOSED, "全院停电检修")]
    )
    calendar = CallingCalendar(HOURS, closed)
    assert not calendar.is_calling_day(day("2026-11-25"))
    assert calendar.next_allowed(at("2026-11-24 18:00")) == at("2026-11-26 08:30")
    # Without the exception the same evening moves to the next morning.
    assert CallingCalendar(HOURS).next_allowed(at("2026-11-24 18:00")) == at("2026-11-25 08:30")


def test_a_local_extra_working_day_is_a_calling_day() -> None:
    opened = WorkCalendar.from_exceptions([LocalException(day("2026-11-29"), ExceptionKind.OPEN)])
    assert opened.day_kind(day("2026-11-29")) is DayKind.OPEN
    assert CallingCalendar(HOURS, opened).is_calling_day(day("2026-11-29"))  # a Sunday
    assert not CallingCalendar(HOURS).is_calling_day(day("2026-11-29"))


def test_a_plan_that_calls_on_holidays_calls_on_its_weekdays_through_them() -> None:
    calendar = CallingCalendar(ON_HOLIDAYS)
    assert calendar.is_calling_day(day("2026-10-02"))  # Friday of 国庆
    assert calendar.is_calling_day(day("2026-10-03"))  # Saturday: one of the plan's days
    assert not calendar.is_calling_day(day("2026-10-04"))  # Sunday: not one of them
    assert calendar.next_allowed(at("2026-09-30 18:00")) == at("2026-10-01 08:30")
    # A closure of the centre still stops it.
    shut = WorkCalendar.from_exceptions([LocalException(day("2026-10-01"), ExceptionKind.CLOSED)])
    assert CallingCalendar(ON_HOLIDAYS, shut).next_allowed(at("2026-09-30 18:00")) == at(
        "2026-10-02 08:30"
    )
    # The default plan skips them.
    assert not CallingCalendar(SIX_DAYS).is_calling_day(day("2026-10-02"))


def test_the_holiday_flag_round_trips_through_the_plan_json() -> None:
    assert ON_HOLIDAYS.to_json()["skip_holidays"] is False
    assert CallingHours.from_json(ON_HOLIDAYS.to_json()) == ON_HOLIDAYS
    assert CallingHours.from_json(WEEKDAYS).skip_holidays is True


def test_beyond_the_holiday_data_days_are_plain_weekdays_and_a_warning_is_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(work_calendar, "_warned_years", set())  # warned once per process
    year = known_years()[1] + 1
    assert national_day(dt.date(year, 1, 1)) is NationalDay.UNKNOWN
    calendar = CallingCalendar(HOURS)
    first_monday = next(
        dt.date(year, 2, d) for d in range(1, 8) if dt.date(year, 2, d).isoweekday() == 1
    )
    with caplog.at_level(logging.WARNING, "agent_app.domain.work_calendar"):
        # New Year's Day of an unknown year is whatever weekday it falls on.
        assert calendar.is_calling_day(first_monday)
        assert not calendar.is_calling_day(first_monday + dt.timedelta(days=5))  # Saturday
        assert calendar.next_allowed(
            dt.datetime.combine(first_monday - dt.timedelta(days=1), dt.time(12), SH)
        ) == dt.datetime.combine(first_monday, dt.time(8, 30), SH)
    assert f"No public holiday data for {year}" in caplog.text


def test_the_data_range_warning_comes_60_days_before_the_data_ends_and_after() -> None:
    end = last_known_day()
    fine = holiday_data_status(end - dt.timedelta(days=61))
    assert fine.state is DataState.FINE and fine.code == "" and not fine.needs_warning
    soon = holiday_data_status(end - dt.timedelta(days=28))
    assert soon.state is DataState.ENDS_SOON and soon.code == "holiday_data_ends_soon"
    assert soon.days_left == 28 and soon.last_year == end.year
    ended = holiday_data_status(end + dt.timedelta(days=1))
    assert ended.state is DataState.ENDED and ended.code == "holiday_data_ended"


def test_a_calendar_with_no_calling_day_is_refused_with_a_code() -> None:
    start = day("2026-11-02")
    every_day = WorkCalendar.from_exceptions(
        LocalException(start + dt.timedelta(days=n), ExceptionKind.CLOSED) for n in range(200)
    )
    with pytest.raises(CallingHoursError) as caught:
        CallingCalendar(HOURS, every_day).next_allowed(at("2026-11-02 09:00"))
    assert caught.value.code == "hours_no_calling_day"


def test_calling_hours_alone_answer_on_the_national_calendar() -> None:
    # Callers without a store (benchmarks, simulations) still skip public holidays.
    assert not CallingCalendar(SIX_DAYS).allows(at("2026-10-02 09:00"))
    assert CallingCalendar(SIX_DAYS).next_allowed(at("2026-09-30 21:00")) == at("2026-10-08 08:30")
    assert CallingCalendar(HOURS).allows(at("2026-02-28 09:00"))  # a swapped working Saturday
