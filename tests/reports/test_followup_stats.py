"""Follow-up rates, attempts per reach and workload against the hand-computed tiny hospital."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.reports.errors import FilterError
from agent_app.reports.filters import StatsFilter, month_filter, restrict_to_account
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import agent_workload, attempts_per_reach, followup_rates
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, TinyHospital

OCTOBER = month_filter(2026, 10)


def _figures(rate: object) -> tuple[int, int, int, int]:
    return (rate.due, rate.done, rate.reached_7d, rate.reached_30d)  # type: ignore[attr-defined]


def test_hospital_rate_counts_due_done_and_reached_within_7_and_30_days(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    (hospital,) = followup_rates(store_engine, OCTOBER, Grouping.HOSPITAL)
    assert _figures(hospital) == (5, 3, 2, 3)
    assert hospital.done_rate == pytest.approx(0.6)
    assert hospital.rate_7d == pytest.approx(0.4)


def test_rates_by_department_and_by_staff(store_engine: Engine, tiny: TinyHospital) -> None:
    departments = followup_rates(store_engine, OCTOBER, Grouping.DEPARTMENT)
    assert [(r.name, *_figures(r)) for r in departments] == [
        ("心内科", 3, 2, 1, 2),
        ("外科", 2, 1, 1, 1),
    ]
    staff = {r.key: _figures(r) for r in followup_rates(store_engine, OCTOBER, Grouping.STAFF)}
    assert staff == {None: (1, 0, 0, 0), NURSE_A: (3, 2, 1, 2), NURSE_B: (1, 1, 1, 1)}


def test_filters_narrow_by_department_diagnosis_plan_and_period(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    def hospital(flt: StatsFilter) -> tuple[int, int, int, int]:
        rows = followup_rates(store_engine, flt, Grouping.HOSPITAL)
        return _figures(rows[0]) if rows else (0, 0, 0, 0)

    assert hospital(month_filter(2026, 10, department_id=2)) == (2, 1, 1, 1)
    assert hospital(month_filter(2026, 10, diagnosis_prefix="I21")) == (2, 2, 1, 2)
    assert hospital(month_filter(2026, 10, plan_id=1)) == (3, 2, 1, 2)
    assert hospital(StatsFilter(dt.date(2026, 10, 1), dt.date(2026, 10, 9))) == (2, 2, 2, 2)
    assert hospital(month_filter(2026, 11)) == (1, 0, 0, 0)
    assert hospital(month_filter(2026, 9)) == (0, 0, 0, 0)


def test_attempts_per_reach_counts_calls_of_each_reached_task(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    stats = attempts_per_reach(store_engine, OCTOBER)
    assert stats.distribution == ((1, 2), (2, 1))
    assert stats.tasks_reached == 3
    assert stats.mean == pytest.approx(4 / 3)


def test_workload_counts_each_agents_calls_reaches_and_talk_time(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    rows = agent_workload(store_engine, OCTOBER)
    assert [(w.staff_id, w.attempts, w.reached, w.tasks, w.results) for w in rows] == [
        (NURSE_A, 6, 2, 3, 2),
        (NURSE_B, 1, 1, 1, 1),
    ]
    assert rows[0].talk_seconds == pytest.approx(420, abs=0.5)
    assert rows[1].talk_seconds == pytest.approx(200, abs=0.5)


def test_an_agent_sees_only_their_own_work(store_engine: Engine, tiny: TinyHospital) -> None:
    agent = StaffAccount(NURSE_B, "b", "护士乙", Role.AGENT, 2, "外科")
    mine = restrict_to_account(OCTOBER, agent)
    assert [w.staff_id for w in agent_workload(store_engine, mine)] == [NURSE_B]
    (rate,) = followup_rates(store_engine, mine, Grouping.HOSPITAL)
    assert _figures(rate) == (1, 1, 1, 1)
    supervisor = StaffAccount(9, "s", "护士长", Role.SUPERVISOR, 1, "心内科")
    assert restrict_to_account(OCTOBER, supervisor).department_id == 1


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(FilterError, match="before it starts"):
        StatsFilter(dt.date(2026, 10, 31), dt.date(2026, 10, 1))
