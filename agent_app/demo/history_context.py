"""What the demo's past is built on, read back from the seeded store: departments and their
teams, the follow-up plans with their questionnaires, and where new ids start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from agent_app.demo import catalog
from agent_app.domain.calling_hours import CallingHours
from agent_app.domain.enums import Role
from agent_app.domain.questionnaire import Template, parse_template
from agent_app.domain.retry_rules import RetryPolicy
from agent_app.store.schema import (
    Contact,
    Department,
    Episode,
    FollowupPlan,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
    Staff,
)


class HistoryUnavailableError(Exception):
    """The store lacks what the demo's past is generated from (staff, plans, templates)."""


@dataclass(frozen=True)
class PlanInfo:
    id: int
    template_id: int
    offsets: tuple[int, ...]
    policy: RetryPolicy


@dataclass(frozen=True)
class Team:
    """A clinical department with its follow-up plan and the people who work it."""

    spec: catalog.DepartmentSpec
    department_id: int
    doctors: tuple[int, ...]
    nurses: tuple[int, ...]
    supervisor: int | None
    plan: PlanInfo


@dataclass(frozen=True)
class StoreContext:
    teams: tuple[Team, ...]
    quality: tuple[int, ...]  # quality staff, who run the hospital-level checks
    templates: dict[int, Template]
    next_ids: dict[str, int]  # table → first free integer id


def read_context(engine: Engine) -> StoreContext:
    """Read departments, staff, active plans and their templates; raises
    HistoryUnavailableError when no clinical department has staff and a plan."""
    specs = {spec.code: spec for spec in catalog.DEPARTMENTS}
    with engine.connect() as connection:
        departments = connection.execute(
            select(Department.id, Department.code).order_by(Department.id)
        ).all()
        staff = connection.execute(
            select(Staff.id, Staff.role, Staff.title, Staff.department_id)
            .where(Staff.active.is_(True))
            .order_by(Staff.id)
        ).all()
        plans = connection.execute(
            select(
                FollowupPlan.id,
                FollowupPlan.department_id,
                FollowupPlan.template_id,
                FollowupPlan.offsets_days,
                FollowupPlan.max_attempts,
                FollowupPlan.retry_spacing_minutes,
                FollowupPlan.calling_hours,
            )
            .where(FollowupPlan.active.is_(True))
            .order_by(FollowupPlan.id)
        ).all()
        plan_by_department: dict[int, PlanInfo] = {}
        for row in plans:
            if row.department_id is None or row.department_id in plan_by_department:
                continue
            policy = RetryPolicy(
                max_attempts=row.max_attempts,
                spacing=dt.timedelta(minutes=row.retry_spacing_minutes),
                hours=CallingHours.from_json(row.calling_hours),
            )
            offsets = tuple(sorted(int(d) for d in row.offsets_days))
            plan_by_department[row.department_id] = PlanInfo(
                row.id, row.template_id, offsets, policy
            )
        templates = {
            row.id: parse_template(row.body)
            for row in connection.execute(
                select(QuestionnaireTemplate.id, QuestionnaireTemplate.body)
            )
        }
        next_ids = {
            table.__tablename__: int(
                connection.execute(select(func.coalesce(func.max(table.id), 0))).scalar_one()
            )
            + 1
            for table in (Patient, Contact, Episode, FollowupTask)
        }
    teams = []
    for department_id, code in departments:
        plan = plan_by_department.get(department_id)
        spec = specs.get(code)
        members = [s for s in staff if s.department_id == department_id]
        agents = [s for s in members if s.role is Role.AGENT]
        if plan is None or spec is None or not agents or plan.template_id not in templates:
            continue
        doctors = tuple(s.id for s in members if s.role is Role.DOCTOR) or (agents[0].id,)
        nurses = tuple(s.id for s in agents if s.id not in doctors) or doctors
        supervisor = next((s.id for s in members if s.role is Role.SUPERVISOR), None)
        teams.append(Team(spec, department_id, doctors, nurses, supervisor, plan))
    if not teams:
        raise HistoryUnavailableError(
            "The store has no department with follow-up staff and an active plan, so there "
            "is no past to generate; seed the demo hospital first."
        )
    quality = tuple(s.id for s in staff if s.role is Role.QUALITY)
    return StoreContext(tuple(teams), quality, templates, next_ids)
