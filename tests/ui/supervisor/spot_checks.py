"""The tiny hospital of tests/reports/tiny_hospital.py in a desk store, for the spot-check and
complaint screens, with what those screens need on top:

- staff 4, 护士长丁, supervises department 2 (外科); staff 3 (质控丙) is hospital quality;
- 25 more October follow-ups done by nurse A (department 1), 8 by nurse B (department 2) and
  4 from department 1's pool, so October's level-2 strata are (1, A) 27, (1, pool) 4 and
  (2, B) 9;
- ``checked_october``: every October follow-up spot-checked at level 2 (seed 1, due 10-28),
  with results for T1, T2 and T4 where T2's patient now says satisfaction 1 (L1 said 3).

Each test module makes its fixture from ``tiny_store`` (a fixture imported by name would be
an "unused import" to the linter)::

    @pytest.fixture
    def store(tmp_path: Path) -> Iterator[Engine]:
        yield from tiny_store(tmp_path)
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel, Outcome, Role, TaskStatus
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import CallAttempt, FollowupResult, FollowupTask, Staff
from agent_app.supervision.sampling import Quota, SamplingPlan, SamplingResult, run_sampling
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY, at, build, sheet

SUPERVISOR = 4  # of department 2
OCT_1, OCT_31 = dt.date(2026, 10, 1), dt.date(2026, 10, 31)


def tiny_store(folder: Path) -> Iterator[Engine]:
    """A desk store (SQLite) in ``folder`` holding the tiny hospital, its department-2
    supervisor and October's extra done follow-ups; for a fixture to ``yield from``."""
    engine = open_local_store(folder / "desk.sqlite3")
    build(engine)
    with Session(engine) as s, s.begin():
        s.add(Staff(id=SUPERVISOR, username="d", full_name="护士长丁", role=Role.SUPERVISOR,
                    department_id=2))  # fmt: skip
        spec = [(1, NURSE_A)] * 25 + [(2, NURSE_B)] * 8 + [(1, None)] * 4
        for n, (dept, staff) in enumerate(spec):
            s.add(FollowupTask(patient_id=1 + n % 6, department_id=dept, level=1,
                               due_at=at(10, 1 + n % 28, 9), assigned_staff_id=staff,
                               status=TaskStatus.DONE))  # fmt: skip
    yield engine
    engine.dispose()


def account(engine: Engine, staff_id: int) -> StaffAccount:
    return next(a for a in list_accounts(engine) if a.id == staff_id)


def call_of_task(engine: Engine, task_id: int) -> uuid.UUID:
    """The latest call made for a task (T4 has one: "t4", reached)."""
    with Session(engine) as s:
        query = (
            select(CallAttempt.id)
            .where(CallAttempt.task_id == task_id)
            .order_by(CallAttempt.started_at.desc())
        )
        return s.scalars(query).first()  # type: ignore[return-value]


def october_plan(level: CheckLevel = CheckLevel.DEPARTMENT, percent: float = 10) -> SamplingPlan:
    return SamplingPlan(level, OCT_1, OCT_31, Quota(percent, 2))


def checked_october(engine: Engine) -> SamplingResult:
    """Spot-check every October follow-up at level 2 and record three spot-check results;
    T2's disagrees on satisfaction (3 at L1, 1 now)."""
    plan = SamplingPlan(CheckLevel.DEPARTMENT, OCT_1, OCT_31, Quota(100))
    result = run_sampling(engine, QUALITY, plan, seed=1, due_at=at(10, 28))
    child_of = dict(result.created)
    answers = {
        1: (5, {"identity_confirmed": "self", "followup_received": "yes", "satisfaction": 5}),
        2: (1, {"identity_confirmed": "family", "followup_received": "yes", "satisfaction": 1}),
        4: (4, {"identity_confirmed": "self", "followup_received": "yes", "satisfaction": 4}),
    }
    with Session(engine) as s, s.begin():
        for parent, (score, given) in answers.items():
            s.add(FollowupResult(
                id=uuid.uuid4(), task_id=child_of[parent], staff_id=QUALITY, template_id=1,
                template_version=1, answers=sheet(at(10, 28), given), satisfaction=score,
                outcome=Outcome.COMPLETED, created_at=at(10, 28, 11),
            ))  # fmt: skip
    return result
