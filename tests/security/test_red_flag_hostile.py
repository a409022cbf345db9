"""Red-flag alerts against hostile staff logins on a real PostgreSQL (migration 0023): reading
and acknowledging across the department line, acknowledging as someone else, altering an
acknowledgement, and escalating twice.

The small hospital: nurse1 is an agent of department 2, nurse4 the supervisor of department 1,
nurse5 hospital quality (department 2), nurse6 the administrator (department 1); doctor11 is a
doctor of department 2, doctor12 of department 1.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from tests.sync.small_hospital import DOCTOR_OF_DEPARTMENT

Connect = Callable[..., Engine]
REFUSED = "permission denied|not_yours|row-level security|violates"
DEPARTMENT = {"nurse1": 2, "nurse4": 1, "nurse5": 2, "nurse6": 1, "doctor11": 2}
STAFF_ID = {"nurse1": 1, "nurse4": 4, "nurse5": 5, "nurse6": 6, "doctor11": 11, "doctor12": 12}
ACKNOWLEDGERS = {"nurse4", "doctor11"}  # a supervisor and a doctor
EVERY_ROLE = sorted(DEPARTMENT)


def _raise_alerts(server: Engine) -> dict[int, uuid.UUID]:
    """One open alert per department, an hour old, raised by an agent of that department for
    the first task of its first patient, naming the department's doctor."""
    alerts: dict[int, uuid.UUID] = {}
    with server.begin() as c:
        for dept, agent in ((1, 2), (2, 1)):
            task_id, patient_id = c.execute(
                text("SELECT id, patient_id FROM followup_task WHERE department_id = :d "
                     "ORDER BY id LIMIT 1"), {"d": dept}
            ).one()  # fmt: skip
            attempt, result, alert = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            c.execute(
                text(
                    "INSERT INTO call_attempt (id, task_id, patient_id, staff_id, direction, "
                    "line, number, started_at, end_reason) VALUES (:a, :t, :p, :s, 'outbound',"
                    " 'fake', '13800000000', now(), '')"
                ),
                {"a": attempt, "t": task_id, "p": patient_id, "s": agent},
            )
            c.execute(
                text(
                    "INSERT INTO followup_result (id, task_id, attempt_id, staff_id, template_id,"
                    " template_version, answers, outcome, vital_status, notes, created_at, "
                    "flagged_reason) VALUES (:r, :t, :a, :s, 1, 1, '{}', 'completed', 'alive',"
                    " '', now(), '')"
                ),
                {"r": result, "t": task_id, "a": attempt, "s": agent},
            )
            c.execute(
                text(
                    "INSERT INTO red_flag_alert (id, result_id, task_id, patient_id, "
                    "department_id, doctor_id, raised_by_id, rule_id, severity, message, "
                    "created_at) VALUES (:i, :r, :t, :p, :d, :doc, :s, 'fever', 'urgent', "
                    "'fever', now() - interval '1 hour')"
                ),
                {"i": alert, "r": result, "t": task_id, "p": patient_id, "d": dept,
                 "doc": DOCTOR_OF_DEPARTMENT[dept], "s": agent},
            )  # fmt: skip
            alerts[dept] = alert
    return alerts


def _alert(server: Engine, alert: uuid.UUID) -> dict[str, Any]:
    with server.connect() as c:
        row = c.execute(text("SELECT * FROM red_flag_alert WHERE id = :i"), {"i": alert}).mappings()
        return dict(row.one())


def _push_ack(engine: Engine, alert: uuid.UUID, **payload: Any) -> tuple[str, str]:
    change = {
        "change_id": str(uuid.uuid4()),
        "table": "red_flag_alert",
        "op": "update",
        "row_id": str(alert),
        "payload": {"id": str(alert), "ack_action": "called_back", "ack_note": "", **payload},
    }
    with engine.begin() as c:
        status, detail = c.execute(
            text("SELECT status, detail FROM sync_push(CAST(:c AS jsonb))"),
            {"c": json.dumps([change])},
        ).one()
    return str(status), str(detail)


def _acknowledge(engine: Engine, alert: uuid.UUID, action: str = "called_back") -> Any:
    with engine.begin() as c:
        return c.execute(
            text("SELECT red_flag_acknowledge(:i, :a, 'rang the patient')"),
            {"i": alert, "a": action},
        ).scalar_one()


@pytest.mark.parametrize("login", EVERY_ROLE)
def test_another_departments_alert_stays_out_of_sight(
    server: Engine, as_staff: Connect, login: str
) -> None:
    alerts = _raise_alerts(server)
    own, foreign = alerts[DEPARTMENT[login]], alerts[3 - DEPARTMENT[login]]
    with as_staff(login).connect() as c:
        seen = set(c.execute(text("SELECT id FROM red_flag_alert")).scalars())
    if login == "nurse5":  # hospital quality reads every alert (0006), and acts on none
        assert seen == {own, foreign}
    elif login == "nurse6":  # the administrator reads no patient's alert
        assert seen == set()
    else:
        assert seen == {own}


@pytest.mark.parametrize("login", EVERY_ROLE)
def test_another_departments_alert_cannot_be_acknowledged(
    server: Engine, as_staff: Connect, login: str
) -> None:
    foreign = _raise_alerts(server)[3 - DEPARTMENT[login]]
    hostile = as_staff(login)
    with pytest.raises(DBAPIError, match=REFUSED):
        _acknowledge(hostile, foreign)
    status, _ = _push_ack(hostile, foreign)
    assert status == "refused"
    with pytest.raises(DBAPIError, match=REFUSED), hostile.begin() as c:
        c.execute(
            text("UPDATE red_flag_alert SET acknowledged_at = now(), acknowledged_by_id = :s "
                 "WHERE id = :i"), {"s": STAFF_ID[login], "i": foreign}
        )  # fmt: skip
    assert _alert(server, foreign)["acknowledged_at"] is None


@pytest.mark.parametrize("login", ["nurse1", "nurse5", "nurse6"])
def test_agents_quality_staff_and_administrators_acknowledge_no_alert(
    server: Engine, as_staff: Connect, login: str
) -> None:
    own = _raise_alerts(server)[DEPARTMENT[login]]
    with pytest.raises(DBAPIError, match="permission denied"):
        _acknowledge(as_staff(login), own)
    assert _push_ack(as_staff(login), own)[0] == "refused"
    assert _alert(server, own)["acknowledged_at"] is None


def test_a_doctor_of_another_department_named_on_no_alert_acknowledges_none(
    server: Engine, as_staff: Connect
) -> None:
    alerts = _raise_alerts(server)
    with pytest.raises(DBAPIError, match="not_yours"):
        _acknowledge(as_staff("doctor12"), alerts[2])


@pytest.mark.parametrize("login", sorted(ACKNOWLEDGERS))
def test_an_acknowledgement_names_the_caller_and_the_servers_time(
    server: Engine, as_staff: Connect, login: str
) -> None:
    own = _raise_alerts(server)[DEPARTMENT[login]]
    with server.connect() as c:
        before = c.execute(text("SELECT now()")).scalar_one()
    status, _ = _push_ack(  # a desk that claims someone else did it, long ago
        as_staff(login), own, acknowledged_by_id=6, acknowledged_at="2020-01-01T00:00:00+00:00"
    )
    assert status == "applied"
    row = _alert(server, own)
    assert row["acknowledged_by_id"] == STAFF_ID[login]
    assert row["acknowledged_at"] >= before
    assert row["ack_action"] == "called_back"


def test_an_acknowledgement_is_never_altered(server: Engine, as_staff: Connect) -> None:
    own = _raise_alerts(server)[2]
    doctor = as_staff("doctor11")
    _acknowledge(doctor, own, "told_to_come_in")
    first = _alert(server, own)
    with pytest.raises(DBAPIError, match="already_acknowledged"):
        _acknowledge(doctor, own, "referred_to_emergency")
    assert _push_ack(doctor, own, ack_action="noted", ack_note="changed my mind") == (
        "stale",
        "already_acknowledged",
    )
    with pytest.raises(DBAPIError, match="permission denied"), doctor.begin() as c:
        c.execute(text("UPDATE red_flag_alert SET ack_note = 'x' WHERE id = :i"), {"i": own})
    assert _alert(server, own) == first


def test_a_desk_cannot_insert_an_alert_already_acknowledged_or_escalated(
    server: Engine, as_staff: Connect
) -> None:
    alerts = _raise_alerts(server)
    with server.connect() as c:
        source = dict(
            c.execute(text("SELECT * FROM red_flag_alert WHERE id = :i"), {"i": alerts[2]})
            .mappings()
            .one()
        )
    for stamp in ("escalated_at", "acknowledged_at"):
        payload = {k: v for k, v in source.items() if k not in ("change_xid",)}
        payload |= {"id": str(uuid.uuid4()), "raised_by_id": 1, stamp: dt.datetime.now(dt.UTC)}
        change = {
            "change_id": str(uuid.uuid4()),
            "table": "red_flag_alert",
            "op": "insert",
            "row_id": payload["id"],
            "payload": payload,
        }
        with as_staff("nurse1").begin() as c:
            status = c.execute(
                text("SELECT status FROM sync_push(CAST(:c AS jsonb))"),
                {"c": json.dumps([change], default=str)},
            ).scalar_one()
        assert status == "refused", stamp


def _escalate(engine: Engine, texts: bool = True) -> list[tuple[Any, ...]]:
    with engine.begin() as c:
        rows = c.execute(text("SELECT * FROM red_flag_escalate(:t)"), {"t": texts})
        return [tuple(row) for row in rows]


def _escalate_now(server: Engine) -> None:
    with server.begin() as c:
        c.execute(text("UPDATE desk_server_setting SET value = 0 WHERE name LIKE 'red_flag_%'"))
        c.execute(text("UPDATE department SET on_duty_phone = '+8613900000002' WHERE id = 2"))


def test_escalation_is_decided_once_however_many_desks_ask(
    server: Engine, as_staff: Connect
) -> None:
    alerts = _raise_alerts(server)
    _escalate_now(server)
    agent, doctor = as_staff("nurse1"), as_staff("doctor11")
    # Two desks at once (both delays 0: supervisor and text in one cycle): the first holds
    # the row until it commits, the second then finds it stamped and gets nothing.
    answers: list[list[tuple[Any, ...]]] = []
    with agent.begin() as first:
        rows = first.execute(text("SELECT * FROM red_flag_escalate(true)"))
        answers.append([tuple(r) for r in rows])
        second = threading.Thread(target=lambda: answers.append(_escalate(doctor)))
        second.start()
        second.join(timeout=1)
        assert second.is_alive()  # waiting on the row lock
    second.join(timeout=10)
    assert [len(a) for a in answers] == [1, 0]
    alert, department, phone, _minutes = answers[0][0]  # no patient: the text names none
    assert (alert, department, phone) == (alerts[2], 2, "+8613900000002")
    escalated = _alert(server, alerts[2])
    assert escalated["escalated_at"] is not None and escalated["on_duty_sms_at"] is not None
    assert _escalate(agent) == [] and _escalate(doctor) == []
    assert _alert(server, alerts[2]) == escalated
    assert _alert(server, alerts[1])["escalated_at"] is not None  # no number: supervisor only


def test_an_acknowledged_alert_never_escalates(server: Engine, as_staff: Connect) -> None:
    alerts = _raise_alerts(server)
    _acknowledge(as_staff("doctor11"), alerts[2])
    _escalate_now(server)
    assert _escalate(as_staff("nurse1")) == []
    assert _alert(server, alerts[2])["escalated_at"] is None


def test_a_desk_that_sends_no_texts_escalates_but_claims_no_text(
    server: Engine, as_staff: Connect
) -> None:
    alerts = _raise_alerts(server)
    _escalate_now(server)
    assert _escalate(as_staff("nurse4"), texts=False) == []
    assert _alert(server, alerts[2])["escalated_at"] is not None
    assert _alert(server, alerts[2])["on_duty_sms_at"] is None
    (claimed,) = _escalate(as_staff("nurse1"))  # department 1 keeps no on-duty number
    assert claimed[:3] == (alerts[2], 2, "+8613900000002")
