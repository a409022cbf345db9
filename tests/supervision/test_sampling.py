"""Spot-check sampling: quotas per stratum, reproducible from the seed, linked L2/L3 tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel, TaskStatus
from agent_app.store.schema import FollowupPlan, FollowupTask, QuestionnaireTemplate, SamplingRun
from agent_app.supervision.errors import SamplingError
from agent_app.supervision.sampling import (
    Quota,
    SamplingPlan,
    draw_sample,
    redraw_run,
    run_sampling,
    sampling_runs,
)
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY, TinyHospital, at

OCT_1, OCT_31 = dt.date(2026, 10, 1), dt.date(2026, 10, 31)


def _more_done_tasks(engine: Engine) -> None:
    """On top of T1, T2 (A, dept 1) and T4 (B, dept 2): 25 more done by A, 8 by B and 4 in
    department 1's pool, all due in October; and 5 done in November."""
    spec = [(1, NURSE_A)] * 25 + [(2, NURSE_B)] * 8 + [(1, None)] * 4
    with Session(engine) as s, s.begin():
        for n, (dept, staff) in enumerate(spec):
            s.add(FollowupTask(patient_id=1 + n % 6, department_id=dept, level=1,
                               due_at=at(10, 1 + n % 28, 9), assigned_staff_id=staff,
                               status=TaskStatus.DONE))  # fmt: skip
        for n in range(5):
            s.add(FollowupTask(patient_id=1, department_id=1, level=1, due_at=at(11, 3 + n),
                               assigned_staff_id=NURSE_A, status=TaskStatus.DONE))  # fmt: skip


def test_quota_is_percent_rounded_up_but_at_least_the_minimum() -> None:
    assert Quota(10, 2).size(27) == 3
    assert Quota(10, 2).size(9) == 2
    assert Quota(10, 5).size(3) == 3  # never more than there is
    assert Quota(0, 0).size(50) == 0
    with pytest.raises(SamplingError, match="not between 0 and 100"):
        Quota(120)


def test_level_2_draws_each_agents_quota_and_creates_linked_tasks(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    _more_done_tasks(store_engine)
    plan = SamplingPlan(CheckLevel.DEPARTMENT, OCT_1, OCT_31, Quota(10, 2))
    result = run_sampling(store_engine, QUALITY, plan, seed=20261101, assign_to=QUALITY)
    sizes = {(s.department_id, s.staff_id): (s.population, s.quota) for s in result.strata}
    assert sizes == {(1, NURSE_A): (27, 3), (2, NURSE_B): (9, 2), (1, None): (4, 2)}
    assert result.picked == 7 and len(result.created) == 7
    with Session(store_engine) as s:
        children = s.scalars(select(FollowupTask).where(FollowupTask.level == 2)).all()
        assert sorted((c.parent_task_id, c.id) for c in children) == sorted(result.created)
        for child in children:
            parent = s.get(FollowupTask, child.parent_task_id)
            assert parent is not None and parent.status is TaskStatus.DONE
            assert (child.patient_id, child.department_id) == (parent.patient_id,
                                                               parent.department_id)  # fmt: skip
            assert child.status is TaskStatus.PENDING and child.assigned_staff_id == QUALITY
        plan_row = s.get(FollowupPlan, children[0].plan_id)
        assert plan_row is not None
        template = s.get(QuestionnaireTemplate, plan_row.template_id)
        assert template is not None and template.code == "spot_check_verification"
        run = s.get(SamplingRun, result.run_id)
        assert run is not None and run.seed == 20261101 and run.created_by_id == QUALITY
        assert run.counts["population"] == 40 and run.counts["created"] == 7
        assert run.quotas["default"] == {"percent": 10, "minimum": 2}


def test_the_same_seed_picks_the_same_tasks_and_a_rerun_creates_none(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    _more_done_tasks(store_engine)
    plan = SamplingPlan(CheckLevel.DEPARTMENT, OCT_1, OCT_31, Quota(10, 2))
    first = draw_sample(store_engine, plan, seed=7)
    assert draw_sample(store_engine, plan, seed=7) == first
    others = {tuple(p for s in draw_sample(store_engine, plan, seed=k) for p in s.picked)
              for k in range(8, 20)}  # fmt: skip
    assert len(others) > 1  # the seed matters
    result = run_sampling(store_engine, QUALITY, plan, seed=7)
    assert tuple(sorted(p for s in first for p in s.picked)) == redraw_run(
        store_engine, result.run_id
    )
    again = run_sampling(store_engine, QUALITY, plan, seed=7)
    assert again.created == () and sorted(again.already_checked) == sorted(
        p for p, _ in result.created
    )
    (latest, earlier) = sampling_runs(store_engine)[:2]
    assert latest.counts["created"] == 0 and earlier.counts["created"] == 7


def test_level_3_samples_each_department_with_overrides(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    _more_done_tasks(store_engine)
    plan = SamplingPlan(CheckLevel.HOSPITAL, OCT_1, OCT_31, Quota(5, 3), {2: Quota(50, 0)})
    result = run_sampling(store_engine, QUALITY, plan, seed=3)
    assert [(s.department_id, s.staff_id, s.population, s.quota) for s in result.strata] == [
        (1, None, 31, 3),
        (2, None, 9, 5),
    ]
    with Session(store_engine) as s:
        levels = s.scalars(
            select(FollowupTask.level).where(FollowupTask.parent_task_id.is_not(None))
        )
        assert set(levels) == {3}
    only_two = SamplingPlan(CheckLevel.HOSPITAL, OCT_1, OCT_31, Quota(100), department_ids=(2,))
    assert [s.department_id for s in draw_sample(store_engine, only_two, 1)] == [2]


def test_sampling_plans_that_make_no_sense_are_refused() -> None:
    with pytest.raises(SamplingError, match="level 2 or level 3"):
        SamplingPlan(CheckLevel.OWN, OCT_1, OCT_31, Quota(10))
    with pytest.raises(SamplingError, match="ends before it starts"):
        SamplingPlan(CheckLevel.DEPARTMENT, OCT_31, OCT_1, Quota(10))


def test_two_follow_ups_of_one_episode_at_one_point_share_a_spot_check(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    """Task 1 (plan 1) and a second done follow-up of the same episode and point under plan
    2: both are picked, one verification call checks them (one task per episode, point and
    level), and each follow-up point still gets its own check."""
    with Session(store_engine) as s, s.begin():
        s.add(FollowupTask(id=60, patient_id=1, episode_id=1, plan_id=2, department_id=1,
                           due_at=at(10, 5, 9), level=1, offset_days=3,
                           assigned_staff_id=NURSE_A, status=TaskStatus.DONE))  # fmt: skip
    plan = SamplingPlan(CheckLevel.DEPARTMENT, OCT_1, OCT_31, Quota(100), department_ids=(1,))
    result = run_sampling(store_engine, QUALITY, plan, seed=3)
    picked = {p for s in result.strata for p in s.picked}
    assert picked == {1, 2, 60}
    with Session(store_engine) as s:
        children = s.scalars(select(FollowupTask).where(FollowupTask.level == 2)).all()
        points = sorted((c.episode_id, c.offset_days) for c in children)
    assert points == [(1, 3), (2, 3)]  # episode 1 at day 3 once, episode 2 at day 3
    shared = dict(result.created)
    assert len(result.created) == 2 and result.already_checked in ((1,), (60,))
    assert shared.keys() | set(result.already_checked) == {1, 2, 60}
