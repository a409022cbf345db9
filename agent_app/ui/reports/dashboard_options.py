"""What the dashboard's filter bar offers: departments, plans, templates and their questions.

Qt-free, so it runs on a worker thread; the account decides which departments and plans are
offered (a supervisor sees their own department only).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, or_, select

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.reports.answer_stats import choice_questions
from agent_app.store.schema import Department, FollowupPlan, QuestionnaireTemplate


@dataclass(frozen=True)
class DepartmentChoice:
    id: int
    name: str
    name_en: str


@dataclass(frozen=True)
class PlanChoice:
    id: int
    name: str
    department_id: int | None


@dataclass(frozen=True)
class QuestionChoice:
    id: str
    text_zh: str
    text_en: str


@dataclass(frozen=True)
class TemplateChoice:
    code: str
    title_zh: str
    title_en: str
    questions: tuple[QuestionChoice, ...]


@dataclass(frozen=True)
class DashboardOptions:
    departments: tuple[DepartmentChoice, ...]
    plans: tuple[PlanChoice, ...]
    templates: tuple[TemplateChoice, ...]


def fixed_department(account: StaffAccount) -> int | None:
    """The department a role is held to in statistics, None when it may pick any."""
    return account.department_id if account.role is Role.SUPERVISOR else None


def load_options(engine: Engine, account: StaffAccount) -> DashboardOptions:
    """The choices the filter bar offers ``account``."""
    only = fixed_department(account)
    departments = select(Department.id, Department.name, Department.name_en).order_by(
        Department.code
    )
    plans = select(FollowupPlan.id, FollowupPlan.name, FollowupPlan.department_id).order_by(
        FollowupPlan.name, FollowupPlan.id
    )
    if only is not None:
        departments = departments.where(Department.id == only)
        plans = plans.where(
            or_(FollowupPlan.department_id == only, FollowupPlan.department_id.is_(None))
        )
    templates = select(
        QuestionnaireTemplate.code, QuestionnaireTemplate.title, QuestionnaireTemplate.body
    ).order_by(QuestionnaireTemplate.code, QuestionnaireTemplate.version)
    with engine.connect() as connection:
        found_departments = tuple(
            DepartmentChoice(int(i), str(name), str(name_en or ""))
            for i, name, name_en in connection.execute(departments)
        )
        found_plans = tuple(
            PlanChoice(int(i), str(name), None if d is None else int(d))
            for i, name, d in connection.execute(plans)
        )
        latest: dict[str, tuple[str, str]] = {}  # later versions overwrite earlier ones
        for code, title, body in connection.execute(templates):
            names = body.get("title") if isinstance(body, dict) else None
            names = names if isinstance(names, dict) else {}
            latest[code] = (str(names.get("zh_CN") or title), str(names.get("en") or title))
    return DashboardOptions(
        found_departments,
        found_plans,
        tuple(
            TemplateChoice(
                code,
                zh,
                en,
                tuple(QuestionChoice(*q) for q in choice_questions(engine, code)),
            )
            for code, (zh, en) in latest.items()
        ),
    )
