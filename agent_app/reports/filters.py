"""The dashboard's filter and the few SQL pieces that differ between SQLite and PostgreSQL.

Periods are whole days in the hospital's time zone; stored times are UTC, so a period becomes
a half-open UTC range and day and month buckets are taken after shifting to local time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Integer, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Float, String

from agent_app.domain.enums import Role
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.reports.errors import FilterError

Progress = Callable[[int, int, str], None]
"""``(done, total, label)``: how far a long query or report is, for a progress bar."""


@dataclass(frozen=True)
class StatsFilter:
    """Which follow-ups a statistic covers. ``start``/``end`` are inclusive local dates."""

    start: dt.date
    end: dt.date
    department_id: int | None = None
    plan_id: int | None = None
    diagnosis_prefix: str | None = None  # ICD-10 code start, e.g. "I21" or "C"
    staff_id: int | None = None
    level: int = 1
    tz: dt.tzinfo = HOSPITAL_TZ

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise FilterError(
                f"The period ends ({self.end}) before it starts ({self.start}); swap the dates."
            )
        if self.level not in (1, 2, 3):
            raise FilterError(f"Check level {self.level} does not exist; use 1, 2 or 3.")
        if self.diagnosis_prefix is not None and not self.diagnosis_prefix.strip():
            raise FilterError("The diagnosis filter is empty; leave it unset to include all.")

    @property
    def utc_from(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), self.tz).astimezone(dt.UTC)

    @property
    def utc_before(self) -> dt.datetime:
        next_day = self.end + dt.timedelta(days=1)
        return dt.datetime.combine(next_day, dt.time(), self.tz).astimezone(dt.UTC)

    @property
    def offset_minutes(self) -> int:
        offset = self.tz.utcoffset(dt.datetime.combine(self.start, dt.time()))
        return int((offset or dt.timedelta()).total_seconds() // 60)

    def describe(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def month_filter(year: int, month: int, **kwargs: Any) -> StatsFilter:
    """A filter covering one calendar month."""
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return StatsFilter(first, last, **kwargs)


def restrict_to_account(flt: StatsFilter, account: StaffAccount) -> StatsFilter:
    """The filter narrowed to the rows the account may see: an agent their own work, a
    supervisor their department; quality staff and admins see the whole hospital."""
    if account.role is Role.AGENT:
        return replace(flt, staff_id=account.id)
    if account.role is Role.SUPERVISOR:
        return replace(flt, department_id=account.department_id)
    return flt


# Dialect-specific expressions ------------------------------------------------------------


class local_day(FunctionElement[int]):
    """Days since 1970-01-01 of a UTC timestamp's local date (``offset`` minutes east)."""

    type = Integer()
    inherit_cache = True


class date_day(FunctionElement[int]):
    """Days since 1970-01-01 of a DATE column."""

    type = Integer()
    inherit_cache = True


class local_month(FunctionElement[str]):
    """``YYYY-MM`` of a UTC timestamp in local time."""

    type = String()
    inherit_cache = True


class seconds_between(FunctionElement[float]):
    """Seconds from the first timestamp to the second."""

    type = Float()
    inherit_cache = True


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


def _minutes(element: FunctionElement[Any]) -> int:
    # A literal column, not a bound value: its text is part of SQLAlchemy's statement cache
    # key, so two time zones never share one compiled statement.
    return int(element.clauses.clauses[1].name)


@compiles(local_day, "sqlite")
def _local_day_sqlite(element: local_day, compiler: SQLCompiler, **kw: Any) -> str:
    ts = compiler.process(element.clauses.clauses[0], **kw)
    return f"CAST(julianday({ts}, '{_minutes(element):+d} minutes') - 2440587.5 AS INTEGER)"


@compiles(local_day, "postgresql")
def _local_day_pg(element: local_day, compiler: SQLCompiler, **kw: Any) -> str:
    ts = compiler.process(element.clauses.clauses[0], **kw)
    return f"CAST(FLOOR((EXTRACT(EPOCH FROM {ts}) + {_minutes(element) * 60}) / 86400) AS INTEGER)"


@compiles(date_day, "sqlite")
def _date_day_sqlite(element: date_day, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"CAST(julianday({day}) - 2440587.5 AS INTEGER)"


@compiles(date_day, "postgresql")
def _date_day_pg(element: date_day, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"({day} - DATE '1970-01-01')"


@compiles(local_month, "sqlite")
def _local_month_sqlite(element: local_month, compiler: SQLCompiler, **kw: Any) -> str:
    ts = compiler.process(element.clauses.clauses[0], **kw)
    return f"strftime('%Y-%m', {ts}, '{_minutes(element):+d} minutes')"


@compiles(local_month, "postgresql")
def _local_month_pg(element: local_month, compiler: SQLCompiler, **kw: Any) -> str:
    ts = compiler.process(element.clauses.clauses[0], **kw)
    shift = f"INTERVAL '{_minutes(element)} minutes'"
    return f"to_char(({ts} AT TIME ZONE 'UTC') + {shift}, 'YYYY-MM')"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = _args(element, compiler, **kw)
    return f"((julianday({second}) - julianday({first})) * 86400.0)"


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = _args(element, compiler, **kw)
    return f"EXTRACT(EPOCH FROM ({second} - {first}))"


def day_of(ts: Any, flt: StatsFilter) -> local_day:
    return local_day(ts, literal_column(str(flt.offset_minutes)))


def month_of(ts: Any, flt: StatsFilter) -> local_month:
    return local_month(ts, literal_column(str(flt.offset_minutes)))


class clamp_days(FunctionElement[int]):
    """A day count clamped to -1 … 31; NULL (never happened) stays NULL or becomes 31.

    Grouping by the clamped delay evaluates the (correlated) delay once per row, where
    summing two conditions on it would evaluate it twice.
    """

    type = Integer()
    inherit_cache = True


@compiles(clamp_days, "sqlite")
def _clamp_sqlite(element: clamp_days, compiler: SQLCompiler, **kw: Any) -> str:
    (days,) = _args(element, compiler, **kw)
    return f"max(min({days}, 31), -1)"


@compiles(clamp_days, "postgresql")
def _clamp_pg(element: clamp_days, compiler: SQLCompiler, **kw: Any) -> str:
    (days,) = _args(element, compiler, **kw)
    return f"GREATEST(LEAST({days}, 31), -1)"  # LEAST ignores NULL: never reached → 31
