"""SMS quiet hours: 08:00–21:00 on working days, 09:00–21:00 on rest days (weekends, public
holidays, the hospital's closures); swapped working days (调休) count as working days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from agent_app.domain.sms_quiet_hours import QuietHours
from agent_app.domain.work_calendar import ExceptionKind, LocalException, WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours()


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


@pytest.mark.parametrize(
    ("moment", "until"),
    [
        ("2026-11-24 07:59", "2026-11-24 08:00"),  # Tuesday morning
        ("2026-11-24 08:00", "2026-11-24 08:00"),  # open: sent at once
        ("2026-11-24 20:59", "2026-11-24 20:59"),
        ("2026-11-24 21:00", "2026-11-25 08:00"),  # evening: the next working morning
        ("2026-11-27 22:30", "2026-11-28 09:00"),  # Friday night → Saturday 09:00
        ("2026-11-28 08:30", "2026-11-28 09:00"),  # Saturday: rest day
        ("2026-10-01 08:30", "2026-10-01 09:00"),  # 国庆, a Thursday
        ("2026-10-10 08:30", "2026-10-10 08:30"),  # swapped working Saturday
        ("2026-10-09 23:00", "2026-10-10 08:00"),
        ("2026-11-24 00:30", "2026-11-24 08:00"),  # after midnight: the same morning
    ],
)
def test_quiet_until_gives_the_first_moment_an_sms_may_go(moment: str, until: str) -> None:
    assert QUIET.quiet_until(at(moment)) == at(until)
    assert QUIET.is_quiet(at(moment)) is (moment != until)


def test_the_hospitals_exceptions_change_the_morning() -> None:
    days = WorkCalendar.from_exceptions(
        [
            LocalException(dt.date(2026, 11, 25), ExceptionKind.CLOSED),
            LocalException(dt.date(2026, 11, 29), ExceptionKind.OPEN),  # a Sunday
        ]
    )
    quiet = QuietHours(days)
    assert quiet.is_quiet(at("2026-11-25 08:30"))
    assert quiet.quiet_until(at("2026-11-25 08:30")) == at("2026-11-25 09:00")
    assert not quiet.is_quiet(at("2026-11-29 08:30"))
    assert QUIET.is_quiet(at("2026-11-29 08:30"))


def test_quiet_until_answers_in_utc() -> None:
    result = QUIET.quiet_until(dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.UTC))  # 06:00 local
    assert result.tzinfo == dt.UTC
    assert result == at("2026-11-24 08:00")
