"""Follow-up rates, attempts per reach and workload read from the tallies (same figures as
the raw queries in ``followup_stats``, which decides when these answer)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, literal_column, select

from agent_app.reports.filters import StatsFilter
from agent_app.reports.followup_records import (
    AgentWorkload,
    AttemptsPerReach,
    FollowupRate,
    Grouping,
    names_of,
)
from agent_app.reports.tally_filter import current_tally, day_number, tally_conditions
from agent_app.store.schema import (
    Department,
    Staff,
    StatsCallSpan,
    StatsCallTally,
    StatsTaskTally,
    StatsWriterTally,
)

DONE, CANCELLED = 1, 2
WITHIN_7, WITHIN_30 = 1, 2


def _tasks(t: type[StatsTaskTally], flt: StatsFilter) -> list[Any]:
    return [*tally_conditions(t, flt, day="due_day"), t.tasks != 0]


def followup_rates(
    connection: Connection, flt: StatsFilter, grouping: Grouping
) -> list[FollowupRate]:
    t = current_tally(connection, StatsTaskTally)
    key: Any = {
        Grouping.HOSPITAL: literal_column("0"),
        Grouping.DEPARTMENT: t.department_id,
        Grouping.STAFF: t.staff_id,
    }[grouping]
    groups = [t.status_class, t.reach] + ([] if grouping is Grouping.HOSPITAL else [key])
    query = (
        select(key, t.status_class, t.reach, func.sum(t.tasks))
        .where(*_tasks(t, flt), t.status_class != CANCELLED)
        .group_by(*groups)
    )
    figures: dict[Any, list[int]] = {}
    for k, status, reach, count in connection.execute(query):
        n = int(count)
        row = figures.setdefault(k or None, [0, 0, 0, 0])  # staff 0: not assigned
        row[0] += n
        row[1] += n if status == DONE else 0
        row[2] += n if reach == WITHIN_7 else 0
        row[3] += n if reach in (WITHIN_7, WITHIN_30) else 0
    if grouping is Grouping.HOSPITAL:
        return [FollowupRate(None, "全院", *figures[k]) for k in figures]
    names = names_of(connection, grouping)
    return [
        FollowupRate(k, names.get(k, "未分配"), *figures[k])
        for k in sorted(figures, key=lambda k: (k is None, k or 0))
    ]


def attempts_per_reach(connection: Connection, flt: StatsFilter) -> AttemptsPerReach:
    t = current_tally(connection, StatsTaskTally)
    query = (
        select(t.attempts, func.sum(t.tasks))
        .where(*_tasks(t, flt), t.reach != 0)
        .group_by(t.attempts)
        .having(func.sum(t.tasks) > 0)
        .order_by(t.attempts)
    )
    distribution = tuple((int(n), int(c)) for n, c in connection.execute(query))
    return AttemptsPerReach(
        tasks_reached=sum(c for _, c in distribution),
        attempts=sum(n * c for n, c in distribution),
        distribution=distribution,
    )


def agent_workload(connection: Connection, flt: StatsFilter) -> list[AgentWorkload]:
    c = current_tally(connection, StatsCallTally)
    s = current_tally(connection, StatsCallSpan)
    w = current_tally(connection, StatsWriterTally)
    calls = (
        select(c.staff_id, func.sum(c.attempts), func.sum(c.reached), func.sum(c.talk_seconds))
        .where(*tally_conditions(c, flt, by_level=False))
        .group_by(c.staff_id)
        .having(func.sum(c.attempts) > 0)
    )
    sums = {
        int(r[0]): (int(r[1]), int(r[2] or 0), float(r[3] or 0.0))
        for r in connection.execute(calls)
    }
    if not sums:
        return []
    # A task counts once per caller: on its first call day in the period (see StatsCallSpan).
    spans = (
        select(s.staff_id, func.sum(s.pairs))
        .where(*tally_conditions(s, flt, by_level=False), s.prev_day < day_number(flt.start))
        .group_by(s.staff_id)
    )
    tasks = {int(k): int(n or 0) for k, n in connection.execute(spans)}
    written = (
        select(w.staff_id, func.sum(w.results))
        .where(w.day >= day_number(flt.start), w.day <= day_number(flt.end))
        .group_by(w.staff_id)
    )
    results = {int(k): int(n or 0) for k, n in connection.execute(written)}
    people = (
        select(Staff.id, Staff.full_name, Department.name)
        .join(Department, Department.id == Staff.department_id)
        .where(Staff.id.in_(list(sums)))
    )
    known = {int(i): (name, dept) for i, name, dept in connection.execute(people)}
    work = [
        AgentWorkload(
            staff,
            known[staff][0],
            known[staff][1],
            attempts,
            reached,
            tasks.get(staff, 0),
            results.get(staff, 0),
            round(talk, 1) + 0.0,  # + 0.0: never show -0.0 from a sum that fell back to zero
        )
        for staff, (attempts, reached, talk) in sums.items()
        if staff in known
    ]
    return sorted(work, key=lambda w: (-w.attempts, w.staff_id))
