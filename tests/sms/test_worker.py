"""The modem's thread sends what is queued, and goes on after the stick is pulled and back."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.config import SmsSettings
from agent_app.domain.enums import SmsState
from agent_app.sms.worker import SmsWorker
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms_queue import queue_sms
from agent_app.store.schema import SmsMessage
from agent_app.store.schema.base import utcnow
from tests.screenpop.known_hospital import build_known_hospital
from tests.sms.fake_gsm_modem import FakeGsmModem
from tests.sms.send_then_die import never_quiet

NUMBER = "+8613511112222"


def queue(engine: Engine, body: str) -> uuid.UUID:
    sms_id = uuid.uuid4()
    with Session(engine) as session, session.begin():
        session.add(SmsMessage(id=sms_id, number_e164=NUMBER, body=body, sender_id=1))
    return sms_id


def state(engine: Engine, sms_id: uuid.UUID) -> SmsState:
    with Session(engine) as session:
        row = session.get(SmsMessage, sms_id)
        assert row is not None
        return row.state


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_sending_resumes_after_the_modem_is_unplugged_and_plugged_back(tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    staff = build_known_hospital(engine).cardiology_nurse.id
    fake = FakeGsmModem(tmp_path / "ttyGsm")
    states: list[str] = []
    worker = SmsWorker(
        engine, SmsSettings(port=str(fake.link)), staff,
        poll_seconds=0.05, on_state=states.append, quiet=never_quiet,
    )  # fmt: skip
    worker.start()
    try:
        first = queue(engine, "第一条")
        wait_until(lambda: state(engine, first) is SmsState.DELIVERED)
        fake.unplug()
        wait_until(lambda: worker.state == "lost" or "lost" in states)
        second = queue(engine, "第二条")
        fake.replug()
        wait_until(lambda: state(engine, second) is SmsState.DELIVERED)
    finally:
        worker.stop()
        fake.stop()
        engine.dispose()
    assert [text for _, text in fake.messages()] == ["第一条", "第二条"]
    assert states[:2] == ["opening", "ready"] and "lost" in states and states[-1] == "stopped"


def test_what_the_desk_queues_while_its_gateway_runs_is_sent_from_it_and_nothing_after(
    tmp_path: Path,
) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    hospital = build_known_hospital(engine)
    staff = hospital.cardiology_nurse.id
    fake = FakeGsmModem(tmp_path / "ttyGsm")

    def queue_here(body: str) -> SmsMessage:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            return queue_sms(session, number_e164=NUMBER, body=body, purpose="health_education",
                             staff_id=staff, now=utcnow(), patient_id=hospital.wang)  # fmt: skip

    worker = SmsWorker(engine, SmsSettings(port=str(fake.link)), staff, poll_seconds=0.05,
                       quiet=never_quiet)  # fmt: skip
    worker.start()
    try:
        sent = queue_here("饮食清淡")
        assert sent.sender_id == staff
        wait_until(lambda: state(engine, sent.id) is SmsState.DELIVERED)
    finally:
        worker.stop()
        fake.stop()
    waiting = queue_here("复诊提醒")  # no gateway runs here now: the SMS station sends it
    assert waiting.sender_id is None
    engine.dispose()
