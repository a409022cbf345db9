"""When the statistics may read the tallies instead of the raw rows, and the filter as
conditions on a tally.

The tallies (``store.schema.tallies``) hold every row in hospital time, so they answer any
filter in that time zone; otherwise — another time zone, a diagnosis pattern with ``%`` (it
could match the tallies' empty code for "no episode"), a session under row-level security
(it may see only part of what the tallies sum), tallies paused for a bulk load — the raw
queries answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, column, text
from sqlalchemy.orm import aliased

from agent_app.reports.filters import StatsFilter
from agent_app.store.tallies import OFFSET_MINUTES, tallies_complete
from agent_app.store.tallies.deltas import summed_sql

_Tally = TypeVar("_Tally")

_EPOCH = dt.date(1970, 1, 1)
# Row-level security hides rows the tallies count, except from hospital quality staff, whose
# policies show every task, call, result, episode and staff member (migration 0003).
_PARTIAL_VIEW = text(
    "SELECT (row_security_active('followup_task') OR row_security_active('call_attempt')) "
    "AND NOT COALESCE((SELECT pg_has_role(oid, 'MEMBER') FROM pg_roles "
    "WHERE rolname = 'desk_quality'), false)"
)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01, as the tallies key days."""
    return (day - _EPOCH).days


def date_of(day: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=day)


def tallies_usable(connection: Connection, flt: StatsFilter) -> bool:
    """Whether the tallies answer ``flt`` exactly as the raw rows would."""
    if not isinstance(flt.tz, dt.timezone) or flt.offset_minutes != OFFSET_MINUTES:
        return False
    if flt.diagnosis_prefix is not None and "%" in flt.diagnosis_prefix:
        return False
    # Ids are never 0; the tallies use 0 for "none", which a raw filter would not match.
    if 0 in (flt.department_id, flt.plan_id, flt.staff_id):
        return False
    if connection.dialect.name == "postgresql" and connection.execute(_PARTIAL_VIEW).scalar():
        return False
    return tallies_complete(connection)


def current_tally(connection: Connection, tally: type[_Tally]) -> type[_Tally]:
    """``tally`` as it counts now: on the server its rows plus the pending deltas summed by
    key (``store.tallies.deltas``), which reads like the table; on a desk the table."""
    if connection.dialect.name != "postgresql":
        return tally
    table = tally.__table__  # type: ignore[attr-defined]
    columns = [column(c.name, c.type) for c in table.columns]
    summed = text(summed_sql(table.name)).columns(*columns).subquery(table.name)
    return cast(type[_Tally], aliased(tally, summed, adapt_on_names=True))


def tally_conditions(
    table: Any, flt: StatsFilter, *, by_level: bool = True, day: str = "day"
) -> list[Any]:
    """``flt`` as conditions on a tally keyed by ``day`` (and level, department, staff,
    plan and diagnosis code, those it has)."""
    column = getattr(table, day)
    conditions: list[Any] = [
        column >= day_number(flt.start),
        column <= day_number(flt.end),
    ]
    if by_level:
        conditions.append(table.level == flt.level)
    if flt.department_id is not None:
        conditions.append(table.department_id == flt.department_id)
    if flt.plan_id is not None:
        conditions.append(table.plan_id == flt.plan_id)
    if flt.staff_id is not None:
        conditions.append(table.staff_id == flt.staff_id)
    if flt.diagnosis_prefix:
        conditions.append(table.diagnosis_code.startswith(flt.diagnosis_prefix.strip()))
    return conditions
