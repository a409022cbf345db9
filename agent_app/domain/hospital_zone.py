"""The hospital's clock: the one place its time zone is named.

``HOSPITAL_ZONE`` is the zone calling hours, quiet hours and the discharge import default to;
``HOSPITAL_TZ`` is the same clock as a fixed offset, in which statistics, samples, agreement and
the statistics tallies (``store/tallies``, kept in SQL by trigger) count days. A fixed offset is
exact only for a zone without daylight saving, which the import checks.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

#: China Standard Time: one offset all year, so a day of work begins at local midnight.
HOSPITAL_ZONE = "Asia/Shanghai"


def _fixed_offset(zone: str) -> dt.timezone:
    info = ZoneInfo(zone)
    winter = info.utcoffset(dt.datetime(2026, 1, 15))
    summer = info.utcoffset(dt.datetime(2026, 7, 15))
    if winter is None or winter != summer:
        raise ValueError(f"{zone} changes its offset during the year; days need a fixed one")
    return dt.timezone(winter)


HOSPITAL_TZ = _fixed_offset(HOSPITAL_ZONE)
#: The same offset in minutes east of UTC, as the tallies' SQL writes it.
HOSPITAL_OFFSET_MINUTES = int(HOSPITAL_TZ.utcoffset(None).total_seconds()) // 60
