"""The hospital's wall-clock offset, in which statistics, samples and agreement count days."""

from __future__ import annotations

import datetime as dt

#: China Standard Time (no daylight saving): a day of work begins at local midnight here.
HOSPITAL_TZ = dt.timezone(dt.timedelta(hours=8))
