"""Agreement between the level-1 follow-up and its spot-check, with discrepancies flagged."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel, Outcome
from agent_app.store.schema import FollowupResult, FollowupTask, SamplingRun
from agent_app.supervision.agreement import level_agreement
from agent_app.supervision.sampling import Quota, SamplingPlan, run_sampling
from tests.reports.tiny_hospital import QUALITY, TinyHospital, at, sheet

OCT_1, OCT_31 = dt.date(2026, 10, 1), dt.date(2026, 10, 31)


def _check_results(engine: Engine, answers: dict[int, tuple[int | None, dict[str, Any]]]) -> None:
    plan = SamplingPlan(CheckLevel.DEPARTMENT, OCT_1, OCT_31, Quota(100))
    result = run_sampling(engine, QUALITY, plan, seed=1, due_at=at(10, 28))
    child_of = dict(result.created)
    with Session(engine) as s, s.begin():
        for parent, (score, given) in answers.items():
            s.add(FollowupResult(
                id=uuid.uuid4(), task_id=child_of[parent], staff_id=QUALITY, template_id=1,
                template_version=1, answers=sheet(at(10, 28), given), satisfaction=score,
                outcome=Outcome.COMPLETED, created_at=at(10, 28, 11),
            ))  # fmt: skip


def test_agreement_rate_and_discrepancies_between_levels(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    # L1: T1 self/5, T2 family/3 (flat answers), T4 self/4.
    _check_results(store_engine, {
        1: (5, {"identity_confirmed": "self", "followup_received": "yes", "satisfaction": 5}),
        2: (1, {"identity_confirmed": "family", "followup_received": "yes", "satisfaction": 1}),
        4: (4, {"identity_confirmed": "self", "followup_received": "no", "satisfaction": 4}),
    })  # fmt: skip
    report = level_agreement(store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31)
    assert report.pairs == 3
    sat = report.question("satisfaction")
    assert sat is not None and (sat.pairs, sat.agreeing) == (3, 2)
    assert sat.rate == pytest.approx(2 / 3)
    identity = report.question("identity_confirmed")
    assert identity is not None and (identity.pairs, identity.agreeing) == (3, 3)
    found = sorted((d.parent_task_id, d.question_id, d.parent_answer, d.check_answer)
                   for d in report.discrepancies)  # fmt: skip
    assert found == [(2, "satisfaction", "3", "1"), (4, "followup_received", "yes", "no")]
    assert {d.agent_name for d in report.discrepancies} == {"护士甲", "护士乙"}
    assert report.flagged_pairs == 2


def test_a_tolerance_accepts_near_scores_and_filters_narrow(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    _check_results(store_engine, {2: (1, {"satisfaction": 1}), 4: (5, {"satisfaction": 5})})
    loose = level_agreement(store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31, tolerance=2)
    sat = loose.question("satisfaction")
    assert sat is not None and (sat.pairs, sat.agreeing) == (2, 2)
    dept2 = level_agreement(store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31, department_id=2)
    assert dept2.pairs == 1
    assert level_agreement(store_engine, CheckLevel.HOSPITAL, OCT_1, OCT_31).pairs == 0


def test_a_runs_spot_checks_are_compared_wherever_they_are_due_now(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    """A supervisor looks back at one run: its checks only, even those moved to another day."""
    _check_results(store_engine, {2: (1, {"satisfaction": 1}), 4: (4, {"satisfaction": 4})})
    with Session(store_engine) as s:
        run = s.scalars(select(SamplingRun)).one()
        child_of = {parent: child for parent, child in run.picks}
        checks = [child_of[2], child_of[4]]  # the answered ones
        moved = s.get(FollowupTask, child_of[2])
        assert moved is not None
        moved.due_at = at(12, 20)  # re-scheduled past the period
        s.commit()
    by_period = level_agreement(store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31)
    by_run = level_agreement(store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31, check_ids=checks)
    only_one = level_agreement(
        store_engine, CheckLevel.DEPARTMENT, OCT_1, OCT_31, check_ids=checks[1:]
    )
    answered = 2
    assert by_period.pairs == answered - 1  # the moved check is outside the dates
    assert by_run.pairs == answered  # the run's checks wherever they are due
    assert only_one.pairs == answered - 1
