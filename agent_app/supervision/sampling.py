"""Spot-check sampling: level 2 (each department checks its agents' completed follow-ups) and
level 3 (the hospital checks each department), as stratified random samples.

Strata are (department, agent who did the follow-up) at level 2 and departments at level 3.
Each stratum draws ``max(minimum, ceil(percent × size))`` tasks (never more than it has) with
its own generator seeded from the run's seed and the stratum's key, over the task ids in
order, so the same seed over the same completed tasks always picks the same tasks, whatever
else changed in other strata. A parent that already has a spot-check at that level is not
given a second one, nor is a parent at a follow-up point of an episode already checked there
(one check per episode, point and level); re-running a sampling therefore creates nothing new.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import secrets
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel, TaskStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.store.schema import FollowupResult, FollowupTask, SamplingRun
from agent_app.store.schema.base import utcnow
from agent_app.supervision.errors import NotFoundError, SamplingError
from agent_app.supervision.sampling_checks import assign_checks
from agent_app.supervision.verification_plan import VERIFICATION_TEMPLATE, verification_plan


@dataclass(frozen=True)
class Quota:
    """Share of a stratum to check (percent, 0–100) and the least number of tasks."""

    percent: float
    minimum: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.percent <= 100:
            raise SamplingError(f"A quota of {self.percent}% is not between 0 and 100.")
        if self.minimum < 0:
            raise SamplingError("The minimum number of tasks to check cannot be negative.")

    def size(self, population: int) -> int:
        wanted = max(self.minimum, math.ceil(population * self.percent / 100 - 1e-9))
        return min(population, wanted)


@dataclass(frozen=True)
class SamplingPlan:
    """What to sample: completed level-1 tasks due in the period (local dates, inclusive)."""

    level: CheckLevel
    period_start: dt.date
    period_end: dt.date
    quota: Quota
    department_quotas: Mapping[int, Quota] = field(default_factory=dict)
    department_ids: tuple[int, ...] | None = None  # None: every department
    tz: dt.tzinfo = HOSPITAL_TZ

    def __post_init__(self) -> None:
        if self.level not in (CheckLevel.DEPARTMENT, CheckLevel.HOSPITAL):
            raise SamplingError("Spot-checks are sampled at level 2 or level 3 only.")
        if self.period_end < self.period_start:
            raise SamplingError("The sampling period ends before it starts; swap the dates.")

    def quota_for(self, department_id: int) -> Quota:
        return self.department_quotas.get(department_id, self.quota)

    def as_json(self) -> dict[str, object]:
        return {
            "default": {"percent": self.quota.percent, "minimum": self.quota.minimum},
            "departments": {
                str(d): {"percent": q.percent, "minimum": q.minimum}
                for d, q in sorted(self.department_quotas.items())
            },
            "department_ids": list(self.department_ids) if self.department_ids else None,
        }


@dataclass(frozen=True)
class Stratum:
    department_id: int
    staff_id: int | None  # level 2: the agent who did the follow-up; level 3: None
    population: int
    quota: int
    picked: tuple[int, ...]  # parent task ids


class StrataTotals:
    """How many follow-ups the strata held and how many were picked (a run or a preview)."""

    strata: tuple[Stratum, ...]

    @property
    def population(self) -> int:
        return sum(s.population for s in self.strata)

    @property
    def picked(self) -> int:
        return sum(len(s.picked) for s in self.strata)


@dataclass(frozen=True)
class SamplingResult(StrataTotals):
    run_id: int
    seed: int
    strata: tuple[Stratum, ...]
    created: tuple[tuple[int, int], ...]  # (parent task id, new spot-check task id)
    already_checked: tuple[int, ...]  # parents that had a spot-check at this level before


def _population(engine: Engine, plan: SamplingPlan) -> dict[tuple[int, int | None], list[int]]:
    task = FollowupTask
    start = dt.datetime.combine(plan.period_start, dt.time(), plan.tz).astimezone(dt.UTC)
    end = dt.datetime.combine(
        plan.period_end + dt.timedelta(days=1), dt.time(), plan.tz
    ).astimezone(dt.UTC)
    who = (
        select(FollowupResult.staff_id)
        .where(FollowupResult.task_id == task.id)
        .order_by(FollowupResult.created_at)
        .limit(1)
        .correlate(task)
        .scalar_subquery()
    )
    query = select(task.id, task.department_id, func.coalesce(who, task.assigned_staff_id)).where(
        task.level == int(CheckLevel.OWN),
        task.status == TaskStatus.DONE,
        task.due_at >= start,
        task.due_at < end,
    )
    if plan.department_ids:
        query = query.where(task.department_id.in_(plan.department_ids))
    strata: dict[tuple[int, int | None], list[int]] = defaultdict(list)
    with engine.connect() as connection:
        for task_id, department_id, staff_id in connection.execute(query):
            key = (department_id, staff_id if plan.level is CheckLevel.DEPARTMENT else None)
            strata[key].append(task_id)
    return strata


def draw_sample(engine: Engine, plan: SamplingPlan, seed: int) -> tuple[Stratum, ...]:
    """The strata and the parent tasks the seed picks; writes nothing."""
    strata = []
    for (department_id, staff_id), ids in sorted(
        _population(engine, plan).items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
    ):
        ids.sort()
        k = plan.quota_for(department_id).size(len(ids))
        # One generator per stratum, seeded by text (Python hashes text seeds with SHA-512,
        # the same on every machine and version), so strata do not disturb one another.
        rng = random.Random(f"{seed}/{int(plan.level)}/{department_id}/{staff_id}")
        picked = tuple(sorted(rng.sample(ids, k)))
        strata.append(Stratum(department_id, staff_id, len(ids), k, picked))
    return tuple(strata)


def run_sampling(
    engine: Engine,
    supervisor_id: int,
    plan: SamplingPlan,
    *,
    seed: int | None = None,
    due_at: dt.datetime | None = None,
    assign_to: int | None = None,
    template_code: str = VERIFICATION_TEMPLATE,
) -> SamplingResult:
    """Draw the sample, create a spot-check task for each pick (linked to its parent, using the
    verification questionnaire) and record the run; all in one transaction.

    Runs on the supervisor's connection (the server when online, the local store in the
    demo) and writes there directly.
    """
    seed = secrets.randbits(48) if seed is None else seed
    strata = draw_sample(engine, plan, seed)
    picks = [p for s in strata for p in s.picked]
    due = due_at or utcnow()
    level = int(plan.level)
    created: list[tuple[int, int]] = []
    with Session(engine) as session, session.begin():
        plan_id = verification_plan(session, template_code)
        assigned = assign_checks(session, plan_id, level, picks)
        for parent_id in assigned.new:
            parent = assigned.parents[parent_id]
            child = FollowupTask(
                patient_id=parent.patient_id,
                episode_id=parent.episode_id,
                plan_id=plan_id,
                department_id=parent.department_id,
                offset_days=parent.offset_days,  # the follow-up point it checks
                due_at=due,
                level=level,
                parent_task_id=parent_id,
                assigned_staff_id=assign_to,
                status=TaskStatus.PENDING,
                attempt_count=0,
                updated_at=utcnow(),
            )
            session.add(child)
            session.flush()
            created.append((parent_id, child.id))
        children = dict(created)
        existing = list(assigned.existing)
        existing += [(parent, children[sharer]) for parent, sharer in assigned.shared]
        run = SamplingRun(
            level=level,
            seed=seed,
            period_start=plan.period_start,
            period_end=plan.period_end,
            department_id=plan.department_ids[0]
            if plan.department_ids and len(plan.department_ids) == 1
            else None,
            quotas=plan.as_json(),
            counts={
                "population": sum(s.population for s in strata),
                "picked": len(picks),
                "created": len(created),
                "already_checked": len(existing),
                "strata": [[s.department_id, s.staff_id, s.population, s.quota] for s in strata],
            },
            picks=[list(p) for p in sorted(created + existing)],
            template_code=template_code,
            created_by_id=supervisor_id,
            created_at=utcnow(),
        )
        session.add(run)
        session.flush()
        run_id = run.id
    return SamplingResult(run_id, seed, strata, tuple(created), tuple(p for p, _ in existing))


@dataclass(frozen=True)
class SamplingRunRecord:
    id: int
    level: CheckLevel
    seed: int
    period_start: dt.date
    period_end: dt.date
    quotas: dict[str, object]
    counts: dict[str, object]
    picks: tuple[tuple[int, int], ...]
    created_by_id: int
    created_at: dt.datetime


def sampling_runs(engine: Engine, limit: int = 50) -> list[SamplingRunRecord]:
    """The latest sampling runs, newest first."""
    with Session(engine) as session:
        rows = session.scalars(
            select(SamplingRun).order_by(SamplingRun.created_at.desc()).limit(limit)
        )
        return [_run_record(r) for r in rows]


def _run_record(r: SamplingRun) -> SamplingRunRecord:
    return SamplingRunRecord(
        r.id,
        CheckLevel(r.level),
        r.seed,
        r.period_start,
        r.period_end,
        dict(r.quotas),
        dict(r.counts),
        tuple((int(a), int(b)) for a, b in r.picks),
        r.created_by_id,
        r.created_at,
    )


def plan_of_run(record: SamplingRunRecord, tz: dt.tzinfo = HOSPITAL_TZ) -> SamplingPlan:
    """The sampling plan a recorded run used, to draw it again."""
    quotas = record.quotas
    default = quotas["default"]
    assert isinstance(default, dict)
    departments = quotas.get("departments") or {}
    assert isinstance(departments, dict)
    ids = quotas.get("department_ids")
    return SamplingPlan(
        record.level,
        record.period_start,
        record.period_end,
        Quota(float(default["percent"]), int(default["minimum"])),
        {int(d): Quota(float(q["percent"]), int(q["minimum"])) for d, q in departments.items()},
        tuple(int(i) for i in ids) if isinstance(ids, list) else None,
        tz,
    )


def redraw_run(engine: Engine, run_id: int) -> tuple[int, ...]:
    """Draw a recorded run again from its seed and quotas: the parent task ids it picks now
    (the same as the run's picks while the completed tasks of its period are unchanged)."""
    with Session(engine) as session:
        row = session.get(SamplingRun, run_id)
        if row is None:
            raise NotFoundError(f"Sampling run {run_id} is not in this store.")
        record = _run_record(row)
    strata = draw_sample(engine, plan_of_run(record), record.seed)
    return tuple(sorted(p for s in strata for p in s.picked))
