"""The red-flag inbox on the desk's store: who sees an alert, the answers and recording behind
it, and the acknowledgement written with its outbox entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.answer_text import answer_lines
from agent_app.domain.enums import Role
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.domain.red_flags import AckAction, AckError, EscalationStage
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.red_flags import (
    acknowledge_alert,
    alert_result,
    open_alerts,
    patient_numbers,
)
from agent_app.store.schema import Outbox, RedFlagAlert
from tests.conftest import DEMO_TODAY
from tests.store.red_flag_alerts import NOW, account, raise_chest_pain_alert, staff_of


@pytest.fixture
def hospital(tmp_path: Path) -> Engine:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    seed_store(engine, 40, seed=5, today=DEMO_TODAY, history=False)
    return engine


def test_the_attending_doctor_and_the_departments_supervisor_see_the_alert(
    hospital: Engine,
) -> None:
    raised = raise_chest_pain_alert(hospital)
    doctor = account(hospital, raised.doctor_id)
    assert doctor.role is Role.DOCTOR  # the demo's attending doctors are doctors
    supervisor = account(hospital, staff_of(hospital, Role.SUPERVISOR, raised.department_id))
    for viewer in (doctor, supervisor):
        rows = open_alerts(hospital, viewer)
        assert [r.id for r in rows] == [raised.alert_id]
        assert rows[0].stage is EscalationStage.DOCTOR and rows[0].may_acknowledge
    assert rows[0].patient_name and rows[0].doctor_name == doctor.full_name
    others = (
        account(hospital, staff_of(hospital, Role.AGENT, raised.department_id)),
        account(hospital, staff_of(hospital, Role.DOCTOR, raised.department_id, other=True)),
        account(hospital, staff_of(hospital, Role.SUPERVISOR, raised.department_id, other=True)),
    )
    for viewer in others:
        assert open_alerts(hospital, viewer) == []


def test_an_escalated_alert_comes_first_and_says_so(hospital: Engine) -> None:
    first = raise_chest_pain_alert(hospital, "CARD")
    second = raise_chest_pain_alert(hospital, "CARD")
    with Session(hospital) as session, session.begin():
        session.get_one(RedFlagAlert, second.alert_id).escalated_at = NOW
    supervisor = account(hospital, staff_of(hospital, Role.SUPERVISOR, first.department_id))
    rows = open_alerts(hospital, supervisor)
    assert [(r.id, r.stage) for r in rows] == [
        (second.alert_id, EscalationStage.SUPERVISOR),
        (first.alert_id, EscalationStage.DOCTOR),
    ]


def test_the_answers_that_raised_it_read_as_question_and_answer(hospital: Engine) -> None:
    raised = raise_chest_pain_alert(hospital)
    found = alert_result(hospital, raised.alert_id)
    assert found is not None
    flagged = [
        (line.question, line.answer)
        for line in answer_lines(parse_template(found.body), found.answers, "zh_CN")
        if line.red_flag
    ]
    assert flagged == [("每次胸痛持续多长时间?", "超过 20 分钟或含服硝酸甘油不缓解")]
    assert patient_numbers(hospital, raised.patient_id)


def test_an_acknowledgement_is_stored_with_its_outbox_entry_and_leaves_the_inbox(
    hospital: Engine,
) -> None:
    raised = raise_chest_pain_alert(hospital)
    doctor = account(hospital, raised.doctor_id)
    later = NOW + dt.timedelta(minutes=30)
    acknowledge_alert(
        hospital, doctor, raised.alert_id, AckAction.TOLD_TO_COME_IN, "明早复诊", later
    )
    with Session(hospital) as session:
        alert = session.get_one(RedFlagAlert, raised.alert_id)
        assert (alert.acknowledged_by_id, alert.ack_action, alert.ack_note) == (
            doctor.id,
            AckAction.TOLD_TO_COME_IN,
            "明早复诊",
        )
        entry = session.scalars(select(Outbox).order_by(Outbox.seq.desc())).first()
        assert entry is not None
        assert (entry.table_name, entry.operation) == ("red_flag_alert", "update")
        assert entry.payload["ack_action"] == "told_to_come_in"
    assert open_alerts(hospital, doctor) == []


def test_a_second_acknowledgement_and_a_stranger_are_refused(hospital: Engine) -> None:
    raised = raise_chest_pain_alert(hospital)
    stranger = account(
        hospital, staff_of(hospital, Role.SUPERVISOR, raised.department_id, other=True)
    )
    agent = account(hospital, staff_of(hospital, Role.AGENT, raised.department_id))
    for viewer in (stranger, agent):
        with pytest.raises(AckError) as refused:
            acknowledge_alert(hospital, viewer, raised.alert_id, AckAction.CALLED_BACK, "", NOW)
        assert refused.value.code == "not_yours"
    doctor = account(hospital, raised.doctor_id)
    with pytest.raises(AckError) as empty:
        acknowledge_alert(hospital, doctor, raised.alert_id, AckAction.NOTED, " ", NOW)
    assert empty.value.code == "note_required"
    acknowledge_alert(hospital, doctor, raised.alert_id, AckAction.CALLED_BACK, "", NOW)
    with pytest.raises(AckError) as again:
        acknowledge_alert(hospital, doctor, raised.alert_id, AckAction.NOTED, "改主意", NOW)
    assert again.value.code == "already_acknowledged"
