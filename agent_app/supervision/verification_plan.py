"""The plan that spot-check tasks follow: the short verification questionnaire and its script.

Spot-check tasks name a plan like every task; the plan points at the verification template
(resources/questionnaires/spot_check_verification.json). Both are added to the store the first
time a sampling needs them.
"""

from __future__ import annotations

import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from agent_app.domain.questionnaire import parse_template
from agent_app.shipped_files import RESOURCES_DIR
from agent_app.store.schema import CallScript, FollowupPlan, QuestionnaireTemplate

RESOURCES = RESOURCES_DIR
VERIFICATION_TEMPLATE = "spot_check_verification"
PLAN_NAME = "质控抽查核实"


def _template(session: Session, code: str) -> QuestionnaireTemplate:
    found = session.scalars(
        select(QuestionnaireTemplate)
        .where(QuestionnaireTemplate.code == code, QuestionnaireTemplate.active.is_(True))
        .order_by(QuestionnaireTemplate.version.desc())
        .limit(1)
    ).first()
    if found is not None:
        return found
    body = json.loads((RESOURCES / "questionnaires" / f"{code}.json").read_text("utf-8"))
    parsed = parse_template(body)  # refuses a broken shipped file before it reaches the store
    row = QuestionnaireTemplate(
        code=code, version=parsed.version, title=parsed.title.zh_CN, body=body, active=True
    )
    session.add(row)
    session.flush()
    return row


def _script(session: Session, code: str) -> CallScript | None:
    found = session.scalars(select(CallScript).where(CallScript.code == code)).first()
    if found is not None:
        return found
    path = RESOURCES / "scripts" / f"{code}.txt"
    if not path.exists():
        return None
    row = CallScript(code=code, title="质控抽查核实话术", body=path.read_text("utf-8"))
    session.add(row)
    session.flush()
    return row


def verification_plan(session: Session, template_code: str = VERIFICATION_TEMPLATE) -> int:
    """The id of the spot-check plan for ``template_code``, created on first use.

    On the central server the shipped plan comes from ``desk_spot_check_plan()`` (migration
    0008): supervisors may not write templates or plans themselves."""
    if template_code == VERIFICATION_TEMPLATE and session.get_bind().dialect.name == "postgresql":
        return int(session.execute(text("SELECT desk_spot_check_plan()")).scalar_one())
    template = _template(session, template_code)
    found = session.scalars(
        select(FollowupPlan).where(
            FollowupPlan.template_id == template.id, FollowupPlan.name == PLAN_NAME
        )
    ).first()
    if found is not None:
        return found.id
    script = _script(session, template_code)
    plan = FollowupPlan(
        name=PLAN_NAME,
        department_id=None,
        template_id=template.id,
        script_id=script.id if script else None,
        rules={"spot_check": True},
        offsets_days=[0],
        max_attempts=3,
        retry_spacing_minutes=120,
        calling_hours={},
        sms_before_call=False,
        active=True,
    )
    session.add(plan)
    session.flush()
    return plan.id


def find_verification_plan(
    session: Session, template_code: str = VERIFICATION_TEMPLATE
) -> int | None:
    """The id of the spot-check plan for ``template_code`` if it is stored yet; reads only."""
    return session.scalars(
        select(FollowupPlan.id)
        .join(QuestionnaireTemplate, FollowupPlan.template_id == QuestionnaireTemplate.id)
        .where(QuestionnaireTemplate.code == template_code, FollowupPlan.name == PLAN_NAME)
        .order_by(FollowupPlan.id)
        .limit(1)
    ).first()
