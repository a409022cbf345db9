"""The follow-up figures (rates, attempts per reach, workload) as the raw queries in
``followup_stats`` and the tally reads in ``tally_followup`` both give them, and the names
their keys stand for."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from agent_app.store.schema import Department, Staff


class Grouping(enum.StrEnum):
    HOSPITAL = "hospital"
    DEPARTMENT = "department"
    STAFF = "staff"


@dataclass(frozen=True)
class FollowupRate:
    """One line of the follow-up rate table (``key`` is None for the hospital or nobody)."""

    key: int | None
    name: str
    due: int
    done: int
    reached_7d: int
    reached_30d: int

    @property
    def done_rate(self) -> float:
        return self.done / self.due if self.due else 0.0

    @property
    def rate_7d(self) -> float:
        return self.reached_7d / self.due if self.due else 0.0

    @property
    def rate_30d(self) -> float:
        return self.reached_30d / self.due if self.due else 0.0


@dataclass(frozen=True)
class AttemptsPerReach:
    tasks_reached: int
    attempts: int
    distribution: tuple[tuple[int, int], ...]  # (attempts made, tasks reached with that many)

    @property
    def mean(self) -> float:
        return self.attempts / self.tasks_reached if self.tasks_reached else 0.0


@dataclass(frozen=True)
class AgentWorkload:
    staff_id: int
    name: str
    department_name: str
    attempts: int
    reached: int
    tasks: int
    results: int
    talk_seconds: float

    @property
    def reach_rate(self) -> float:
        return self.reached / self.attempts if self.attempts else 0.0


def names_of(connection: Any, grouping: Grouping) -> dict[int | None, str]:
    """Department or staff names by id (nothing for the hospital)."""
    if grouping is Grouping.DEPARTMENT:
        return dict(connection.execute(select(Department.id, Department.name)).all())
    if grouping is Grouping.STAFF:
        return dict(connection.execute(select(Staff.id, Staff.full_name)).all())
    return {}
