"""Text message templates in a store, on both engines: the shipped ones import once and keep a
hospital's edit, who may write which template, and what the wrap-up offers."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.sms_template import SmsTemplateError, SmsTemplateKind, SmsTemplateState
from agent_app.domain.sms_template import SmsTemplateText as Text
from agent_app.store.repositories.sms_templates import (
    education_choices,
    import_shipped,
    load_template,
    read_shipped,
    save_template,
    set_state,
)
from agent_app.store.schema import Department, Staff

SUPERVISOR_CARD, AGENT_CARD, SUPERVISOR_SURG, ADMIN = 1, 2, 3, 4
EDU = SmsTemplateKind.HEALTH_EDUCATION


@pytest.fixture
def engine(store_engine: Engine) -> Engine:
    with Session(store_engine) as session, session.begin():
        session.add_all([Department(id=1, code="CARD", name="心内科"),
                         Department(id=2, code="SURG", name="外科")])  # fmt: skip
        session.flush()
        for staff_id, role, department in (
            (SUPERVISOR_CARD, Role.SUPERVISOR, 1), (AGENT_CARD, Role.AGENT, 1),
            (SUPERVISOR_SURG, Role.SUPERVISOR, 2), (ADMIN, Role.ADMIN, 1),
        ):  # fmt: skip
            session.add(Staff(id=staff_id, username=f"s{staff_id}", full_name=f"员工{staff_id}",
                              role=role, department_id=department))  # fmt: skip
    import_shipped(store_engine)
    return store_engine


def _offered(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [code for code, _title in education_choices(session)]


def test_the_shipped_templates_import_once_and_a_hospitals_edit_is_kept(engine: Engine) -> None:
    shipped = read_shipped()
    assert len(shipped) == 8 and all(t.state is SmsTemplateState.APPROVED for t in shipped)
    assert sum(t.kind is EDU for t in shipped) == 6
    edited = load_template(engine, "edu_diet")
    save_template(engine, Text("edu_diet", EDU, "饮食(本院)", edited.body), staff_id=ADMIN)
    assert import_shipped(engine) == 0
    assert load_template(engine, "edu_diet").title == "饮食(本院)"


def test_who_may_write_which_template(engine: Engine) -> None:
    card = Text("edu_card", EDU, "心内科宣教", "按时复诊。", "CARD")
    with pytest.raises(SmsTemplateError, match="Only a supervisor"):
        save_template(engine, card, staff_id=AGENT_CARD)
    with pytest.raises(SmsTemplateError, match="Only a supervisor"):
        save_template(engine, card, staff_id=SUPERVISOR_SURG)
    save_template(engine, card, staff_id=SUPERVISOR_CARD)
    with pytest.raises(SmsTemplateError, match="Only a supervisor"):  # moving it away
        save_template(
            engine, Text("edu_card", EDU, "t", "按时复诊。", "SURG"), staff_id=SUPERVISOR_SURG
        )
    with pytest.raises(SmsTemplateError, match="Only a supervisor"):  # the hospital's own
        set_state(engine, "edu_diet", SmsTemplateState.RETIRED, staff_id=SUPERVISOR_CARD)
    set_state(engine, "edu_diet", SmsTemplateState.RETIRED, staff_id=ADMIN)
    assert "edu_diet" not in _offered(engine)


def test_a_draft_with_advice_is_refused_too_and_only_approved_texts_are_offered(
    engine: Engine,
) -> None:
    with pytest.raises(SmsTemplateError) as refused:
        save_template(engine, Text("edu_x", EDU, "x", "请勿停药。", "CARD"), staff_id=ADMIN)
    assert refused.value.params["phrase"] == "停药"
    save_template(engine, Text("edu_new", EDU, "新", "按时复诊。", "CARD"), staff_id=ADMIN)
    assert "edu_new" not in _offered(engine)
    set_state(engine, "edu_new", SmsTemplateState.APPROVED, staff_id=SUPERVISOR_CARD)
    assert "edu_new" in _offered(engine)
    assert "pre_call_notice" not in _offered(engine)  # another kind
