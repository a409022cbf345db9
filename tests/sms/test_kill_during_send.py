"""kill -9 of the sender while the modem holds a part never sends a message twice."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.schema import SmsMessage
from tests.screenpop.known_hospital import build_known_hospital
from tests.sms.fake_gsm_modem import FakeGsmModem
from tests.sms.send_then_die import SenderProcess

LONG = "您好，这里是市第一人民医院随访中心，请您按时到门诊复诊，如有不适请及时就医。" * 2


def states(store: Path) -> dict[str, SmsState]:
    engine = open_local_store(store)
    try:
        with Session(engine) as session:
            rows = session.execute(select(SmsMessage.body, SmsMessage.state)).all()
            return {body: state for body, state in rows}
    finally:
        engine.dispose()


def test_kill_9_while_sending_never_sends_a_message_twice(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    engine = open_local_store(store)
    staff = build_known_hospital(engine).cardiology_nurse.id
    bodies = [f"{n}号 {LONG if n % 2 else '请明天复诊'}" for n in range(8)]
    with Session(engine) as session, session.begin():
        for body in bodies:
            session.add(
                SmsMessage(id=uuid.uuid4(), number_e164="+8613511112222", body=body, sender_id=1)
            )
            time.sleep(0.002)
    engine.dispose()
    fake = FakeGsmModem(tmp_path / "ttyGsm", pace=(0.3, 0.4))
    sender = SenderProcess(store, fake.link, staff)
    try:
        for _ in range(3):
            sender.start()
            sender.kill_while_sending(fake)
        sender.start()
        deadline = time.monotonic() + 60
        while any(s in (SmsState.QUEUED, SmsState.SENDING) for s in states(store).values()):
            assert time.monotonic() < deadline, "the queue did not drain"
            time.sleep(0.2)
    finally:
        sender.kill()
        fake.stop()
    final = states(store)
    received = Counter(text for _, text in fake.messages())
    assert max(received.values()) == 1, "a message reached the phone twice"
    assert list(final.values()).count(SmsState.UNKNOWN) == 3  # one per kill, left to a person
    for body, state in final.items():
        assert state in (SmsState.SENT, SmsState.DELIVERED, SmsState.UNKNOWN)
        if state is not SmsState.UNKNOWN:
            assert received[body] == 1
