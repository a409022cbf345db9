"""A person settles a message whose sending is unknown: it was sent, send it again as a new
message, or drop it; only once, audited. Messages are sent from a desk, so its store is the
one tested."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms_settle import (
    Settlement,
    SmsSettleError,
    settle_message,
    unsettled_count,
    unsettled_messages,
)
from agent_app.store.schema import AuditLog, Outbox, SmsMessage
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital

NOW = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)
TEXT = "您好，请您于本周五上午到心内科门诊复诊。"


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


def _unknown(known: KnownHospital, error: str = "sms_interrupted") -> uuid.UUID:
    sms_id = uuid.uuid4()
    with Session(known.engine) as session, session.begin():
        session.add(
            SmsMessage(
                id=sms_id,
                task_id=known.wang_task,
                number_e164="+8613511112222",
                body=TEXT,
                state=SmsState.UNKNOWN,
                error=error,
                created_at=NOW - dt.timedelta(hours=1),
            )
        )
    return sms_id


def _row(engine: Engine, sms_id: uuid.UUID) -> SmsMessage:
    with Session(engine) as session:
        return session.get_one(SmsMessage, sms_id)


def test_unknown_messages_are_listed_with_their_patient(hospital: KnownHospital) -> None:
    sms_id = _unknown(hospital)
    listed = unsettled_messages(hospital.engine)
    assert [(m.id, m.body, m.error) for m in listed] == [(sms_id, TEXT, "sms_interrupted")]
    assert listed[0].patient_name == "王秀英"
    assert unsettled_count(hospital.engine) == 1


def test_was_sent_counts_it_as_sent_and_audits_who_decided(hospital: KnownHospital) -> None:
    sms_id = _unknown(hospital)
    staff = hospital.quality.id
    assert settle_message(hospital.engine, sms_id, Settlement.WAS_SENT, staff, NOW) is None
    row = _row(hospital.engine, sms_id)
    assert row.state is SmsState.SENT and row.sent_at == NOW and row.error == ""
    with Session(hospital.engine) as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.object_id == str(sms_id))).one()
    assert (audit.action, audit.staff_id, audit.detail) == (
        "sms_settled",
        staff,
        {"settlement": "was_sent"},
    )
    assert unsettled_messages(hospital.engine) == []


def test_send_again_queues_a_new_message_with_a_new_key(hospital: KnownHospital) -> None:
    sms_id = _unknown(hospital)
    new_id = settle_message(
        hospital.engine, sms_id, Settlement.SEND_AGAIN, hospital.quality.id, NOW
    )
    assert new_id is not None and new_id != sms_id
    old, new = _row(hospital.engine, sms_id), _row(hospital.engine, new_id)
    assert (old.state, old.error) == (SmsState.FAILED, "sms_settled_sent_again")
    assert (new.state, new.body, new.task_id, new.attempts) == (
        SmsState.QUEUED,
        TEXT,
        hospital.wang_task,
        0,
    )
    with Session(hospital.engine) as session:  # both go to the server: the old one closed
        assert session.execute(
            select(Outbox.row_id, Outbox.operation, Outbox.payload["state"].as_string())
            .where(Outbox.table_name == "sms_message")
            .order_by(Outbox.seq)
        ).all() == [(str(sms_id), "update", "failed"), (str(new_id), "insert", "queued")]


def test_drop_closes_it_without_a_new_message(hospital: KnownHospital) -> None:
    sms_id = _unknown(hospital)
    assert (
        settle_message(hospital.engine, sms_id, Settlement.DROP, hospital.quality.id, NOW) is None
    )
    assert _row(hospital.engine, sms_id).error == "sms_settled_dropped"
    with Session(hospital.engine) as session:
        assert len(session.scalars(select(SmsMessage.id)).all()) == 1


def test_a_message_is_settled_once_the_second_decision_is_refused(
    hospital: KnownHospital,
) -> None:
    sms_id = _unknown(hospital)
    settle_message(hospital.engine, sms_id, Settlement.SEND_AGAIN, hospital.quality.id, NOW)
    with pytest.raises(SmsSettleError) as refused:
        settle_message(hospital.engine, sms_id, Settlement.SEND_AGAIN, hospital.quality.id, NOW)
    assert refused.value.code == "sms_already_settled"
    with Session(hospital.engine) as session:  # still one new message, not two
        queued = session.scalars(select(SmsMessage.id).where(SmsMessage.state == SmsState.QUEUED))
        assert len(queued.all()) == 1
