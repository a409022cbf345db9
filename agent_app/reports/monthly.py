"""The figures of the monthly follow-up analysis report, gathered with progress callbacks.

Gathering (queries) is separate from rendering (PDF), so the dashboard can reuse the same
figures and a worker thread can report each step to a progress bar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import Engine

from agent_app.reports.answer_records import (
    ComplaintCount,
    MonthlySatisfaction,
    ReturnVisitStats,
    SatisfactionStats,
)
from agent_app.reports.answer_stats import (
    complaint_counts,
    return_visit_rate,
    satisfaction_distribution,
    satisfaction_trend,
)
from agent_app.reports.filters import Progress, StatsFilter, month_filter
from agent_app.reports.followup_records import (
    AgentWorkload,
    AttemptsPerReach,
    FollowupRate,
    Grouping,
)
from agent_app.reports.followup_stats import agent_workload, attempts_per_reach, followup_rates
from agent_app.reports.red_flag_stats import AckTime, time_to_acknowledge
from agent_app.reports.survival import survival_by_diagnosis
from agent_app.reports.survival_records import KmCurve

TREND_MONTHS = 6
SURVIVAL_MONTHS = 12


@dataclass(frozen=True)
class MonthlyFigures:
    year: int
    month: int
    filter: StatsFilter
    hospital: FollowupRate | None
    departments: tuple[FollowupRate, ...]
    attempts: AttemptsPerReach
    workload: tuple[AgentWorkload, ...]
    satisfaction: SatisfactionStats
    trend: tuple[MonthlySatisfaction, ...]
    return_visits: ReturnVisitStats
    complaints: tuple[ComplaintCount, ...]
    survival: tuple[KmCurve, ...]
    ack_times: tuple[AckTime, ...] = ()  # red-flag alerts, by department then the hospital

    @property
    def title(self) -> str:
        return f"{self.year}年{self.month}月随访工作月度分析报告"


def _months_back(flt: StatsFilter, months: int) -> StatsFilter:
    first = flt.start
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return replace(flt, start=first)


def gather_monthly(
    engine: Engine,
    year: int,
    month: int,
    *,
    department_id: int | None = None,
    progress: Progress | None = None,
) -> MonthlyFigures:
    """Run every query of the monthly report for one calendar month (hospital or one
    department); the satisfaction trend covers the last 6 months, survival the discharges of
    the last 12."""
    flt = month_filter(year, month, department_id=department_id)
    steps = 10

    def step(done: int, label: str) -> None:
        if progress is not None:
            progress(done, steps, label)

    step(0, "follow-up rate")
    hospital = followup_rates(engine, flt, Grouping.HOSPITAL)
    step(1, "follow-up rate by department")
    departments = followup_rates(engine, flt, Grouping.DEPARTMENT)
    step(2, "attempts per reach")
    attempts = attempts_per_reach(engine, flt)
    step(3, "workload")
    workload = agent_workload(engine, flt)
    step(4, "satisfaction")
    satisfaction = satisfaction_distribution(engine, flt)
    step(5, "satisfaction trend")
    trend = satisfaction_trend(engine, _months_back(flt, TREND_MONTHS))
    step(6, "return visits")
    visits = return_visit_rate(engine, flt)
    step(7, "complaints")
    complaints = complaint_counts(engine, flt)
    step(8, "survival")
    survival = survival_by_diagnosis(engine, _months_back(flt, SURVIVAL_MONTHS))
    step(9, "red-flag response")
    ack_times = time_to_acknowledge(engine, flt)
    step(10, "done")
    return MonthlyFigures(
        year,
        month,
        flt,
        hospital[0] if hospital else None,
        tuple(departments),
        attempts,
        tuple(workload),
        satisfaction,
        tuple(trend),
        visits,
        tuple(complaints),
        tuple(survival),
        tuple(ack_times),
    )
