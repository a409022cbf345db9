"""How fast red-flag alerts are acknowledged: per department and for the hospital, the alerts
raised in the period, how many were acknowledged, the median and 90th-percentile minutes from
the wrap-up that raised one to its acknowledgement (the server's time), and how many had to be
escalated first."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select

from agent_app.domain.red_flags import minutes_to_acknowledge
from agent_app.reports.filters import StatsFilter
from agent_app.store.schema import Department, RedFlagAlert

HOSPITAL = "全院"


@dataclass(frozen=True)
class AckTime:
    """``median_minutes`` and ``p90_minutes`` are None when nothing was acknowledged."""

    name: str
    raised: int
    acknowledged: int
    escalated: int
    median_minutes: float | None
    p90_minutes: float | None


def _percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile (a value that occurred: "9 in 10 within N minutes")."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(math.ceil(share * len(ordered)) - 1, 0)], 1)


def _summary(name: str, rows: Sequence[tuple[float | None, bool]]) -> AckTime:
    waits = [wait for wait, _ in rows if wait is not None]
    return AckTime(
        name,
        len(rows),
        len(waits),
        sum(1 for _, escalated in rows if escalated),
        _percentile(waits, 0.5),
        _percentile(waits, 0.9),
    )


def time_to_acknowledge(engine: Engine, flt: StatsFilter) -> list[AckTime]:
    """One row per department with alerts raised in the filter's period, then the hospital
    (only the filter's period and department apply: alerts have no plan or check level)."""
    a = RedFlagAlert
    query = (
        select(Department.name, a.created_at, a.acknowledged_at, a.escalated_at)
        .join(Department, Department.id == a.department_id)
        .where(a.created_at >= flt.utc_from, a.created_at < flt.utc_before)
        .order_by(a.department_id)
    )
    if flt.department_id is not None:
        query = query.where(a.department_id == flt.department_id)
    by_department: dict[str, list[tuple[float | None, bool]]] = {}
    with engine.connect() as connection:
        for name, raised, acknowledged, escalated in connection.execute(query):
            wait = minutes_to_acknowledge(raised, acknowledged) if acknowledged else None
            by_department.setdefault(name, []).append((wait, escalated is not None))
    rows = [_summary(name, waits) for name, waits in by_department.items()]
    if rows:
        rows.append(_summary(HOSPITAL, [w for waits in by_department.values() for w in waits]))
    return rows
