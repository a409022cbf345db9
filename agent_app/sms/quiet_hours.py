"""When no text message may go out: 21:00–08:00 on the patient's clock.

One function, so a calendar of holidays or a department's own hours can replace it later
without the sender changing.
"""

from __future__ import annotations

import datetime as dt

QUIET_FROM = dt.time(21, 0)
QUIET_UNTIL = dt.time(8, 0)


def is_quiet(moment: dt.datetime) -> bool:
    """True when ``moment`` (a local, timezone-aware time) falls in the quiet hours."""
    clock = moment.timetz().replace(tzinfo=None)
    return clock >= QUIET_FROM or clock < QUIET_UNTIL


def quiet_until(moment: dt.datetime) -> dt.datetime:
    """When the quiet hours around ``moment`` end (``moment`` itself if they do not apply)."""
    if not is_quiet(moment):
        return moment
    day = (
        moment.date()
        if moment.timetz().replace(tzinfo=None) < QUIET_UNTIL
        else (moment.date() + dt.timedelta(days=1))
    )
    return dt.datetime.combine(day, QUIET_UNTIL, tzinfo=moment.tzinfo)
