"""When an SMS may reach a patient's phone, by the hospital's clock and the work calendar.

The rule (for every message the desk sends, notices and reminders alike):

- no SMS before 08:00 or from 21:00 on, any day: a phone buzzing at night wakes a patient who
  is recovering, and China's rules on commercial texts name the same night hours;
- on a rest day (a weekend, a public holiday, the hospital's closure day) no SMS before 09:00
  either: people sleep later on days off;
- a swapped working day (调休上班) and the hospital's extra working day count as working days.

A held message goes out at :meth:`QuietHours.quiet_until`. The calendar's holiday data has the
same range and weekday fallback as calling (``work_calendar``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from agent_app.domain.calling_hours import DEFAULT_ZONE
from agent_app.domain.work_calendar import NATIONAL_ONLY, WorkCalendar

WORKDAY_START = dt.time(8, 0)
REST_DAY_START = dt.time(9, 0)
EVENING_END = dt.time(21, 0)


@dataclass(frozen=True)
class QuietHours:
    """Quiet hours for SMS on the hospital's work calendar, in the hospital's time zone."""

    days: WorkCalendar = NATIONAL_ONLY
    zone: str = DEFAULT_ZONE

    def _opens(self, day: dt.date) -> dt.time:
        return REST_DAY_START if self.days.day_kind(day).is_rest_day else WORKDAY_START

    def is_quiet(self, moment: dt.datetime) -> bool:
        """Whether an SMS must wait at the aware ``moment``."""
        local = moment.astimezone(ZoneInfo(self.zone))
        clock = local.time().replace(tzinfo=None)
        return not self._opens(local.date()) <= clock < EVENING_END

    def quiet_until(self, moment: dt.datetime) -> dt.datetime:
        """The first instant at or after the aware ``moment`` an SMS may be sent (UTC)."""
        zone = ZoneInfo(self.zone)
        local = moment.astimezone(zone)
        if not self.is_quiet(local):
            return local.astimezone(dt.UTC)
        day = local.date()
        if local.time().replace(tzinfo=None) >= EVENING_END:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, self._opens(day), zone).astimezone(dt.UTC)
