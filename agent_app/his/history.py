"""What the admin screens show: import runs, rejected rows waiting for review, the plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from agent_app.his.errors import PlanRuleError
from agent_app.his.plan_rules import PlanSpec
from agent_app.store.schema import FollowupPlan, HisImportRun, HisRejectedRow, QuestionnaireTemplate


@dataclass(frozen=True)
class RunView:
    id: int
    source: str
    kind: str
    trigger: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    rows_in: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    tasks_created: int
    tasks_updated: int
    tasks_cancelled: int
    error: str
    skipped_plans: list[dict[str, Any]]  # {"plan", "code", "params"}: plans the run left out


@dataclass(frozen=True)
class RejectedView:
    id: int
    run_id: int
    source: str
    row_ref: str
    visit_number: str
    reason: str  # a code (see ``errors.RowRefused``/``MessageRefused``) or an older sentence
    created_at: dt.datetime
    params: dict[str, Any]  # the code's parameters


@dataclass(frozen=True)
class PlanView:
    id: int
    name: str
    active: bool
    template: str
    offsets_days: tuple[int, ...]
    max_attempts: int
    retry_spacing_minutes: int
    sms_before_call: bool
    rules: dict[str, object]
    calling_hours: dict[str, object]
    problem: dict[str, Any] | None  # why the plan cannot be used: {"code", "params"}
    spot_check: bool = False  # a sampling plan: the import never applies it


def recent_runs(engine: Engine, limit: int = 100) -> list[RunView]:
    """The newest runs first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(HisImportRun)
            .order_by(HisImportRun.started_at.desc(), HisImportRun.id.desc())
            .limit(limit)
        )
        return [RunView(**row._asdict()) for row in rows]


def open_rejections(engine: Engine, limit: int = 1000) -> list[RejectedView]:
    """Rejected rows not yet resolved by a later import, newest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                HisRejectedRow.id,
                HisRejectedRow.run_id,
                HisRejectedRow.source,
                HisRejectedRow.row_ref,
                HisRejectedRow.visit_number,
                HisRejectedRow.reason,
                HisRejectedRow.created_at,
                HisRejectedRow.raw,
            )
            .where(HisRejectedRow.resolved.is_(False))
            .order_by(HisRejectedRow.id.desc())
            .limit(limit)
        )
        return [
            RejectedView(
                row.id,
                row.run_id,
                row.source,
                row.row_ref,
                row.visit_number,
                row.reason,
                row.created_at,
                dict((row.raw or {}).get("reason_params") or {}),
            )
            for row in rows
        ]


def plan_overview(engine: Engine) -> list[PlanView]:
    """Every plan with its settings, and the reason when the engine cannot use it."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(FollowupPlan, QuestionnaireTemplate.title)
            .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupPlan.template_id)
            .order_by(FollowupPlan.id)
        ).all()
    views = []
    for row in rows:
        plan = row._mapping
        problem = None
        spot_check = False
        try:
            spec = PlanSpec.from_row(
                plan["id"], plan["name"], plan["rules"], plan["offsets_days"], plan["calling_hours"]
            )
            spot_check = spec.rules.spot_check
        except PlanRuleError as exc:
            problem = exc.as_json()
        offsets = plan["offsets_days"] if isinstance(plan["offsets_days"], list) else []
        views.append(
            PlanView(
                id=plan["id"],
                name=plan["name"],
                active=bool(plan["active"]),
                template=plan["title"],
                offsets_days=tuple(int(o) for o in offsets),
                max_attempts=plan["max_attempts"],
                retry_spacing_minutes=plan["retry_spacing_minutes"],
                sms_before_call=bool(plan["sms_before_call"]),
                rules=dict(plan["rules"] or {}),
                calling_hours=dict(plan["calling_hours"] or {}),
                problem=problem,
                spot_check=spot_check,
            )
        )
    return views
