"""The red-flag inbox across desks on a real PostgreSQL: an alert raised and pushed on one desk
reaches the attending doctor's desk with the pull, with its answers brought from the server;
the doctor's acknowledgement flows back with the server's time; the escalation a desk's cycle
asks for queues the on-duty text once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from agent_app.domain.enums import RedFlagSeverity
from agent_app.domain.red_flags import AckAction, EscalationStage
from agent_app.store.engine import open_local_store
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.red_flags import acknowledge_alert, alert_result, open_alerts
from agent_app.store.schema import RedFlagAlert, SmsMessage
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.red_flag_sync import bring_alert_details, escalate_red_flags
from tests.store.red_flag_alerts import account
from tests.sync.desk_actions import save_call_result
from tests.sync.small_hospital import DOCTOR_OF_DEPARTMENT
from tests.sync.test_push_as_staff import _own_open_tasks, _quarantined

Connect = Callable[..., Engine]
AGENT = 1  # nurse1, department 2


@pytest.fixture
def doctor_desk(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "doctor-desk.sqlite3")
    yield engine
    engine.dispose()


def _raise_on(local: Engine, desk: Engine) -> uuid.UUID:
    """nurse1 saves a result with a red flag for the department's doctor and pushes it."""
    pull_changes(local, desk)
    task_id = _own_open_tasks(local, AGENT)[0]
    saved = save_call_result(local, task_id, AGENT)
    alert_id = uuid.uuid4()
    with Session(local) as session, session.begin():
        patient_id, department_id = session.execute(
            text("SELECT patient_id, department_id FROM followup_task WHERE id = :t"),
            {"t": task_id},
        ).one()
        alert = RedFlagAlert(
            id=alert_id,
            result_id=saved.result_id,
            task_id=task_id,
            patient_id=patient_id,
            department_id=department_id,
            doctor_id=DOCTOR_OF_DEPARTMENT[department_id],
            raised_by_id=AGENT,
            rule_id="fever",
            severity=RedFlagSeverity.URGENT,
            message="体温 39.2℃,请今日回电",
            created_at=dt.datetime.now(dt.UTC),
        )
        session.add(alert)
        enqueue(session, alert)
    report = push_pending(local, desk)
    assert report.quarantined == 0, _quarantined(local)
    return alert_id


def test_an_alert_from_one_desk_is_acknowledged_on_the_doctors_desk_and_flows_back(
    server: Engine, as_staff: Connect, local: Engine, doctor_desk: Engine
) -> None:
    nurse = as_staff("nurse1")
    alert_id = _raise_on(local, nurse)
    doctor = as_staff("doctor11")  # department 2's attending doctor
    pull_changes(doctor_desk, doctor)
    me = account(doctor_desk, 11)
    rows = open_alerts(doctor_desk, me)
    assert [(r.id, r.stage, r.may_acknowledge) for r in rows] == [
        (alert_id, EscalationStage.DOCTOR, True)
    ]
    assert rows[0].patient_name  # the patient behind the alert came with the pull
    assert alert_result(doctor_desk, alert_id) is None  # results are not pulled...
    assert bring_alert_details(doctor_desk, doctor, alert_id)  # ...but brought on opening
    found = alert_result(doctor_desk, alert_id)
    assert found is not None and found.answers["q1"] == "fine"

    desk_clock = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # a desk clock far behind
    acknowledge_alert(doctor_desk, me, alert_id, AckAction.CALLED_BACK, "已回电", desk_clock)
    report = push_pending(doctor_desk, doctor)
    assert (report.applied, report.quarantined) == (1, 0), _quarantined(doctor_desk)

    pull_changes(local, nurse)
    with Session(local) as session:
        alert = session.get_one(RedFlagAlert, alert_id)
        assert (alert.acknowledged_by_id, alert.ack_action, alert.ack_note) == (
            11,
            AckAction.CALLED_BACK,
            "已回电",
        )
        assert alert.acknowledged_at is not None and alert.acknowledged_at > desk_clock
    pull_changes(doctor_desk, doctor)
    assert open_alerts(doctor_desk, me) == []


def test_the_supervisor_sees_an_escalated_alert_and_one_desk_queues_the_text(
    server: Engine, as_staff: Connect, local: Engine, doctor_desk: Engine
) -> None:
    nurse = as_staff("nurse1")
    alert_id = _raise_on(local, nurse)
    with server.begin() as connection:
        connection.execute(
            text("UPDATE desk_server_setting SET value = 0 WHERE name LIKE 'red_flag_%'")
        )
        connection.execute(
            text("UPDATE department SET on_duty_phone = '+8613900000002' WHERE id = 2")
        )
    doctor = as_staff("doctor11")
    pull_changes(doctor_desk, doctor)
    texted = escalate_red_flags(local, nurse, AGENT, texts=True)
    assert [t.alert_id for t in texted] == [alert_id]
    assert escalate_red_flags(doctor_desk, doctor, 11, texts=True) == []  # decided once
    with Session(local) as session:
        message = session.scalars(select(SmsMessage)).one()
        assert (message.number_e164, message.purpose) == ("+8613900000002", "red_flag_on_duty")
        assert message.patient_id is None
        assert "外科" in message.body
    assert push_pending(local, nurse).quarantined == 0, _quarantined(local)
    pull_changes(doctor_desk, doctor)
    rows = open_alerts(doctor_desk, account(doctor_desk, 11))
    assert [r.stage for r in rows] == [EscalationStage.ON_DUTY_SMS]
