"""A desk store with one plan that sends the pre-call notice, and patients to plan for."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import PhoneKind, Relation, Role, Sex
from agent_app.store.repositories.sms_templates import import_shipped
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

SHANGHAI = ZoneInfo("Asia/Shanghai")
AGENT = 2
NUMERALS = "零一二三四五六七八九"


def local(*args: int) -> dt.datetime:
    """A moment in the hospital's zone, as UTC."""
    return dt.datetime(*args, tzinfo=SHANGHAI).astimezone(dt.UTC)  # type: ignore[misc]


def seed_plan_hospital(engine: Engine, *, skip_holidays: bool = True) -> None:
    """A department, an agent, the shipped templates and one plan with ``sms_before_call``."""
    with Session(engine) as session, session.begin():
        session.add(Department(id=1, code="CARD", name="心内科"))
        session.flush()
        session.add(Staff(id=AGENT, username="agent", full_name="李护士", role=Role.AGENT,
                          department_id=1))  # fmt: skip
        session.add(QuestionnaireTemplate(id=1, code="g", version=1, title="通用", body={}))
        session.flush()
        session.add(
            FollowupPlan(id=1, name="出院随访", template_id=1, offsets_days=[3],
                         sms_before_call=True, sms_notice_hours=18, revisit_reminder_days=2,
                         calling_hours={"days": [1, 2, 3, 4, 5], "windows": [["08:30", "17:30"]],
                                        "zone": "Asia/Shanghai", "skip_holidays": skip_holidays})
        )  # fmt: skip
    import_shipped(engine)


def add_patient(
    engine: Engine,
    n: int,
    *,
    due_at: dt.datetime,
    revisit_on: dt.date | None = None,
    mobile: bool = True,
) -> None:
    """Patient ``n`` (王一, 王二…, male) with a mobile of their own, an episode and a pending
    task."""
    with Session(engine) as session, session.begin():
        session.add(Patient(id=n, mrn=f"M{n}", name=f"王{NUMERALS[n]}", sex=Sex.MALE,
                            birth_date=dt.date(1960, 1, 1)))  # fmt: skip
        session.flush()
        session.add(
            Contact(id=n, patient_id=n, name=f"王{NUMERALS[n]}", relation=Relation.SELF,
                    kind=PhoneKind.MOBILE if mobile else PhoneKind.LANDLINE,
                    number_raw=number(n), number_e164=f"+86{number(n)}",
                    number_national=number(n))
        )  # fmt: skip
        session.add(
            Episode(id=n, patient_id=n, department_id=1, ward="1", diagnosis_code="I21",
                    diagnosis_name="心肌梗死", admitted_on=dt.date(2026, 9, 1),
                    discharged_on=dt.date(2026, 9, 10), revisit_on=revisit_on)
        )  # fmt: skip
        session.flush()
        session.add(FollowupTask(id=n, patient_id=n, episode_id=n, plan_id=1, department_id=1,
                                 offset_days=3, due_at=due_at))  # fmt: skip


def number(n: int) -> str:
    return f"138{n:08d}"
