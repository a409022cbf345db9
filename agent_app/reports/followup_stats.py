"""How the follow-up work went: due vs done vs reached in time, attempts per reach, workload.

"Reached within N days" counts tasks whose first answered call (disposition *reached*) fell
on or before the N-th local day after the patient's discharge (after the due day for tasks
without an episode), the way hospitals report their 7- and 30-day follow-up rates.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, case, func, literal_column, select

from agent_app.domain.enums import Disposition, TaskStatus
from agent_app.reports import tally_followup
from agent_app.reports.filters import (
    StatsFilter,
    clamp_days,
    date_day,
    day_of,
    seconds_between,
)
from agent_app.reports.followup_records import (
    AgentWorkload,
    AttemptsPerReach,
    FollowupRate,
    Grouping,
    names_of,
)
from agent_app.reports.tally_filter import tallies_usable
from agent_app.store.schema import (
    CallAttempt,
    Department,
    Episode,
    FollowupResult,
    FollowupTask,
    Staff,
)

NO_LIMIT = 2**62


def task_conditions(
    flt: StatsFilter, *, by_due: bool = True, by_assignee: bool = True, by_level: bool = True
) -> list[Any]:
    """Conditions on ``followup_task`` (and ``episode`` when a diagnosis is asked) for ``flt``."""
    task = FollowupTask
    conditions: list[Any] = [task.level == flt.level] if by_level else []
    if by_due:
        conditions += [task.due_at >= flt.utc_from, task.due_at < flt.utc_before]
    if flt.department_id is not None:
        conditions.append(task.department_id == flt.department_id)
    if flt.plan_id is not None:
        conditions.append(task.plan_id == flt.plan_id)
    if flt.staff_id is not None and by_assignee:
        conditions.append(task.assigned_staff_id == flt.staff_id)
    if flt.diagnosis_prefix:
        conditions.append(Episode.diagnosis_code.startswith(flt.diagnosis_prefix.strip()))
    return conditions


def _first_reach() -> Any:
    attempt = CallAttempt
    return (
        select(func.min(attempt.started_at))
        .where(attempt.task_id == FollowupTask.id, attempt.disposition == Disposition.REACHED)
        .correlate(FollowupTask)
        .scalar_subquery()
    )


def followup_rates(
    engine: Engine, flt: StatsFilter, grouping: Grouping = Grouping.DEPARTMENT
) -> list[FollowupRate]:
    """Tasks due in the period (cancelled ones left out), done, and reached within 7 and 30
    days of discharge, per hospital, department or assigned staff member."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_followup.followup_rates(connection, flt, grouping)
    task = FollowupTask
    start_day = func.coalesce(date_day(Episode.discharged_on), day_of(task.due_at, flt))
    delay = clamp_days(day_of(_first_reach(), flt) - start_day)
    key: Any = {
        Grouping.HOSPITAL: literal_column("0"),
        Grouping.DEPARTMENT: task.department_id,
        Grouping.STAFF: task.assigned_staff_id,
    }[grouping]
    done = case((task.status == TaskStatus.DONE, 1), else_=0)
    inner = (
        select(key.label("k"), done.label("done"), delay.label("delay"))
        .select_from(task)
        .outerjoin(Episode, Episode.id == task.episode_id)
        .where(*task_conditions(flt), task.status != TaskStatus.CANCELLED)
        # A LIMIT keeps SQLite from flattening this into the grouping query, which would
        # look up each task's first reach twice (once for GROUP BY, once for the output).
        .limit(NO_LIMIT)
        .subquery()
    )
    # A few rows per group (done or not × clamped delay), summed here.
    query = select(inner.c.k, inner.c.done, inner.c.delay, func.count()).group_by(
        inner.c.k, inner.c.done, inner.c.delay
    )
    figures: dict[Any, list[int]] = {}
    with engine.connect() as connection:
        for k, is_done, days, n in connection.execute(query):
            row = figures.setdefault(k, [0, 0, 0, 0])
            row[0] += n
            row[1] += n if is_done else 0
            if days is not None and days <= 7:
                row[2] += n
            if days is not None and days <= 30:
                row[3] += n
        names = names_of(connection, grouping)
    if grouping is Grouping.HOSPITAL:
        return [FollowupRate(None, "全院", *figures[k]) for k in figures]
    return [
        FollowupRate(k, names.get(k, "未分配"), *figures[k])
        for k in sorted(figures, key=lambda k: (k is None, k or 0))
    ]


def attempts_per_reach(engine: Engine, flt: StatsFilter) -> AttemptsPerReach:
    """For tasks due in the period that were reached: how many calls each took."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_followup.attempts_per_reach(connection, flt)
    task, attempt = FollowupTask, CallAttempt
    reached = func.sum(case((attempt.disposition == Disposition.REACHED, 1), else_=0))
    joined = select(task.id, func.count().label("n")).select_from(task)
    joined = joined.join(attempt, attempt.task_id == task.id)
    if flt.diagnosis_prefix:
        joined = joined.outerjoin(Episode, Episode.id == task.episode_id)
    per_task = joined.where(*task_conditions(flt)).group_by(task.id).having(reached > 0).subquery()
    query = select(per_task.c.n, func.count()).group_by(per_task.c.n).order_by(per_task.c.n)
    with engine.connect() as connection:
        distribution = tuple((int(n), int(c)) for n, c in connection.execute(query))
    return AttemptsPerReach(
        tasks_reached=sum(c for _, c in distribution),
        attempts=sum(n * c for n, c in distribution),
        distribution=distribution,
    )


def agent_workload(engine: Engine, flt: StatsFilter) -> list[AgentWorkload]:
    """Calls each agent made in the period (by call start; every level, inbound too), busiest
    first. A department, plan or diagnosis filter keeps the calls of matching tasks only."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_followup.agent_workload(connection, flt)
    attempt, task = CallAttempt, FollowupTask
    is_reached = attempt.disposition == Disposition.REACHED
    talk = case(
        (
            and_(is_reached, attempt.answered_at.is_not(None), attempt.ended_at.is_not(None)),
            seconds_between(attempt.answered_at, attempt.ended_at),
        ),
        else_=0.0,
    )
    conditions: list[Any] = [
        attempt.started_at >= flt.utc_from,
        attempt.started_at < flt.utc_before,
    ]
    if flt.staff_id is not None:
        conditions.append(attempt.staff_id == flt.staff_id)
    calls = select(
        attempt.staff_id.label("staff"),
        func.count().label("attempts"),
        func.sum(case((is_reached, 1), else_=0)).label("reached"),
        func.count(func.distinct(attempt.task_id)).label("tasks"),
        func.sum(talk).label("talk"),
    ).select_from(attempt)
    if flt.department_id is not None or flt.plan_id is not None or flt.diagnosis_prefix:
        # The workload of a staff member is the calls they made, whoever holds the task.
        calls = calls.join(task, task.id == attempt.task_id).outerjoin(
            Episode, Episode.id == task.episode_id
        )
        conditions += task_conditions(flt, by_due=False, by_assignee=False, by_level=False)
    per_staff = calls.where(*conditions).group_by(attempt.staff_id).subquery()
    result = FollowupResult
    written = (
        select(result.staff_id.label("staff"), func.count().label("n"))
        .where(result.created_at >= flt.utc_from, result.created_at < flt.utc_before)
        .group_by(result.staff_id)
        .subquery()
    )
    results = func.coalesce(written.c.n, 0)
    query = (
        select(
            per_staff.c.staff,
            Staff.full_name,
            Department.name,
            per_staff.c.attempts,
            per_staff.c.reached,
            per_staff.c.tasks,
            results,
            per_staff.c.talk,
        )
        .join(Staff, Staff.id == per_staff.c.staff)
        .join(Department, Department.id == Staff.department_id)
        .outerjoin(written, written.c.staff == per_staff.c.staff)
        .order_by(per_staff.c.attempts.desc(), per_staff.c.staff)
    )
    with engine.connect() as connection:
        return [
            AgentWorkload(
                int(r[0]),
                r[1],
                r[2],
                int(r[3]),
                int(r[4] or 0),
                int(r[5]),
                int(r[6]),
                round(float(r[7] or 0.0), 1),
            )
            for r in connection.execute(query)
        ]
