"""The sender: at most once, retries, rate, quiet hours, reports, replies and unsubscribing."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.config import SmsSettings
from agent_app.domain.enums import BlacklistKind, SmsDirection, SmsState
from agent_app.domain.phone_numbers import normalize_number
from agent_app.screenpop.lookup import blacklist_reason
from agent_app.sms.errors import SmsModemError
from agent_app.sms.gsm_modem import GsmModem
from agent_app.sms.modem_gateway import ModemGateway
from agent_app.sms.quiet_hours import is_quiet, quiet_until
from agent_app.sms.sender import SmsSender, is_unsubscribe
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms import messages_for_patient
from agent_app.store.schema import AuditLog, Blacklist, SmsMessage
from tests.screenpop.known_hospital import (
    BLOCKED,
    WANG_MOBILE,
    KnownHospital,
    build_known_hospital,
)
from tests.sms.fake_gsm_modem import FakeGsmModem, status_report_pdu
from tests.sms.store_rows import message_row, queue_message

WANG = normalize_number(WANG_MOBILE).e164
OTHER = "+8613511112222"
LONG = "王秀英您好，这里是市第一人民医院随访中心。请您于十二月十日上午到心血管内科门诊复诊。" * 2
MORNING = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai
LEFT = (SmsState.SENT, SmsState.DELIVERED)
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@dataclass
class Clock:
    now: dt.datetime = MORNING

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Desk:
    hospital: KnownHospital
    fake: FakeGsmModem
    modem: GsmModem
    clock: Clock
    settings: SmsSettings = field(default_factory=SmsSettings)

    @property
    def engine(self) -> Engine:
        return self.hospital.engine

    def sender(self, **changes: object) -> SmsSender:
        settings = SmsSettings(**{**self.settings.__dict__, **changes})  # type: ignore[arg-type]
        staff = self.hospital.cardiology_nurse.id
        gateway = ModemGateway(self.modem)
        return SmsSender(self.engine, gateway, settings, staff, clock=self.clock)

    def queue(self, number: str, body: str, task_id: int | None = None) -> uuid.UUID:
        sms_id = queue_message(self.engine, number, body, self.clock(), task_id)
        self.clock.advance(0.001)
        return sms_id

    def row(self, sms_id: uuid.UUID) -> SmsMessage:
        return message_row(self.engine, sms_id)

    def audit(self, sms_id: uuid.UUID) -> list[str]:
        with Session(self.engine) as session:
            return list(
                session.scalars(
                    select(AuditLog.action)
                    .where(AuditLog.object_id == str(sms_id))
                    .order_by(AuditLog.at)
                )
            )

    def pump(self, sender: SmsSender, until: object, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sender.receive(0.05)
            if until():  # type: ignore[operator]
                return
        raise AssertionError("timed out")


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    hospital = build_known_hospital(engine)
    fake = FakeGsmModem(tmp_path / "ttyGsm")
    modem = GsmModem(str(fake.link), command_timeout=1.0, send_timeout=3.0)
    modem.open()
    yield Desk(hospital, fake, modem, Clock())
    modem.close()
    fake.stop()
    engine.dispose()


def test_a_queued_long_message_is_sent_in_parts_then_delivered_by_both_reports(
    desk: Desk,
) -> None:
    sms_id = desk.queue(WANG, LONG, desk.hospital.wang_task)
    sender = desk.sender()
    assert sender.send_due() == 1
    sent = desk.row(sms_id)
    assert sent.state in LEFT and sent.part_refs == [0, 1] and sent.attempts == 1
    assert desk.fake.messages() == [(WANG, LONG)]
    desk.pump(sender, lambda: desk.row(sms_id).state is SmsState.DELIVERED)
    assert sorted(desk.row(sms_id).delivered_refs) == [0, 1]
    assert desk.audit(sms_id) == ["sms_sending", "sms_sent"]


def test_one_report_of_two_parts_is_not_yet_delivered(desk: Desk) -> None:
    desk.fake.reports = False
    sms_id = desk.queue(WANG, LONG)
    sender = desk.sender()
    sender.send_due()
    desk.fake.reports = True
    report = status_report_pdu(1, WANG)
    desk.fake.send_lines(
        [f"+CDS: {len(report) // 2 - 1}", report, f"+CDS: {len(report) // 2 - 1}", report]
    )
    desk.pump(sender, lambda: desk.row(sms_id).delivered_refs == [1])
    assert desk.row(sms_id).state is SmsState.SENT


def test_a_report_for_another_number_with_the_same_reference_is_not_applied(
    desk: Desk,
) -> None:
    desk.fake.reports = False
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    sender.send_due()
    (ref,) = desk.row(sms_id).part_refs
    for number in (OTHER, WANG):
        report = status_report_pdu(ref, number)
        desk.fake.send_lines([f"+CDS: {len(report) // 2 - 1}", report])
        sender.receive(0.5)
        delivered = desk.row(sms_id).state is SmsState.DELIVERED
        assert delivered is (number == WANG)


def test_sending_is_committed_before_the_modem_gets_the_message(desk: Desk) -> None:
    desk.fake.pace = (1.0, 1.0)
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    seen: list[SmsState] = []

    def look() -> None:
        while desk.fake.pdus_received == 0:
            time.sleep(0.01)
        seen.append(desk.row(sms_id).state)

    watcher = threading.Thread(target=look)
    watcher.start()
    sender.send_due()
    watcher.join()
    assert seen == [SmsState.SENDING]
    assert desk.row(sms_id).state in LEFT


def test_a_message_left_sending_by_a_crash_is_unknown_and_never_resent(desk: Desk) -> None:
    sms_id = desk.queue(WANG, "请明天复诊")
    with Session(desk.engine) as session, session.begin():
        session.get(SmsMessage, sms_id).state = SmsState.SENDING  # type: ignore[union-attr]
    sender = desk.sender()
    assert sender.start() == [sms_id]
    assert sender.send_due() == 0
    assert desk.row(sms_id).state is SmsState.UNKNOWN
    assert desk.row(sms_id).error == "sms_interrupted"
    assert desk.fake.parts == []


def test_a_refused_message_is_retried_later_with_a_growing_wait_then_failed(desk: Desk) -> None:
    desk.fake.script_refusals(["+CMS ERROR: 500"] * 3)
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender(retry_seconds=60.0, max_attempts=3)
    tried_at = desk.clock()
    assert sender.send_due() == 0
    first = desk.row(sms_id)
    assert first.state is SmsState.QUEUED and first.error == "sms_refused"
    assert first.next_try_at == tried_at + dt.timedelta(seconds=60)
    assert sender.send_due() == 0 and desk.fake.pdus_received == 1  # not before its time
    desk.clock.advance(61)
    sender.send_due()
    assert desk.row(sms_id).next_try_at == desk.clock() + dt.timedelta(seconds=120)
    desk.clock.advance(121)
    sender.send_due()
    assert desk.row(sms_id).state is SmsState.FAILED
    assert desk.audit(sms_id) == ["sms_sending", "sms_retry"] * 2 + ["sms_sending", "sms_failed"]
    assert desk.fake.parts == []


def test_a_refusal_after_a_first_part_left_is_unknown_not_retried(desk: Desk) -> None:
    sms_id = desk.queue(WANG, LONG)
    sender = desk.sender()
    real_send = desk.modem.send_part
    calls: list[int] = []

    def refuse_second(part: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            desk.fake.script_refusals(["+CMS ERROR: 38"])
        return real_send(part)  # type: ignore[arg-type]

    desk.modem.send_part = refuse_second  # type: ignore[method-assign]
    sender.send_due()
    row = desk.row(sms_id)
    assert row.state is SmsState.UNKNOWN and row.error == "sms_partly_sent"
    assert row.part_refs == [0]
    desk.clock.advance(3600)
    assert sender.send_due() == 0 and len(desk.fake.parts) == 1


def test_unplugged_mid_send_is_unknown_and_stops_the_round(tmp_path: Path, desk: Desk) -> None:
    desk.fake.pace = (5.0, 5.0)
    first = desk.queue(WANG, "请明天复诊")
    second = desk.queue(OTHER, "请后天复诊")
    pulled = threading.Timer(0.3, desk.fake.unplug)
    pulled.start()
    with pytest.raises(SmsModemError):
        desk.sender().send_due()
    pulled.join()
    assert desk.row(first).state is SmsState.UNKNOWN
    assert desk.row(first).error == "sms_port_lost"
    assert desk.row(second).state is SmsState.QUEUED and desk.row(second).attempts == 0


def test_the_rate_limit_holds_messages_to_the_next_minute(desk: Desk) -> None:
    ids = [desk.queue(OTHER, f"第{n}条") for n in range(5)]
    sender = desk.sender(per_minute=2)
    assert sender.send_due() == 2
    assert sender.send_due() == 0
    desk.clock.advance(61)
    assert sender.send_due() == 2
    assert sum(desk.row(i).state in LEFT for i in ids) == 4


def test_nothing_is_sent_in_quiet_hours(desk: Desk) -> None:
    desk.clock.now = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)  # 22:00 in Shanghai
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    assert sender.send_due() == 0
    assert desk.row(sms_id).state is SmsState.QUEUED and desk.fake.pdus_received == 0
    desk.clock.now = dt.datetime(2026, 12, 4, 0, 0, tzinfo=dt.UTC)  # 08:00
    assert sender.send_due() == 1


def test_quiet_hours_run_from_nine_at_night_to_eight_in_the_morning() -> None:
    at = lambda h, m: dt.datetime(2026, 12, 3, h, m, tzinfo=SHANGHAI)  # noqa: E731
    assert not is_quiet(at(8, 0)) and not is_quiet(at(20, 59))
    assert is_quiet(at(21, 0)) and is_quiet(at(23, 59)) and is_quiet(at(7, 59))
    assert quiet_until(at(22, 0)) == dt.datetime(2026, 12, 4, 8, 0, tzinfo=SHANGHAI)
    assert quiet_until(at(6, 0)) == at(8, 0)
    assert quiet_until(at(12, 0)) == at(12, 0)


def test_a_blacklisted_number_gets_no_message(desk: Desk) -> None:
    sms_id = desk.queue(normalize_number(BLOCKED).e164, "您好")
    assert desk.sender().send_due() == 0
    assert desk.row(sms_id).state is SmsState.BLOCKED
    assert desk.fake.pdus_received == 0


def test_a_reply_lands_on_the_patients_card(desk: Desk) -> None:
    sent = desk.queue(WANG, "请明天复诊", desk.hospital.wang_task)
    sender = desk.sender()
    sender.send_due()
    desk.fake.receive(WANG, "好的，我明天上午去。")
    desk.pump(sender, lambda: bool(sender.received))
    (reply,) = sender.received
    assert reply.patient_id == desk.hospital.wang and not reply.unsubscribed
    card = messages_for_patient(desk.engine, desk.hospital.wang)
    assert [(m.direction, m.body) for m in card] == [
        (SmsDirection.IN, "好的，我明天上午去。"),
        (SmsDirection.OUT, "请明天复诊"),
    ]
    assert card[1].id == sent
    assert desk.fake.stored == {}  # read, then deleted from the modem


def test_a_long_reply_stored_while_away_is_put_together_at_start(desk: Desk) -> None:
    desk.fake.store_quietly(WANG, LONG)
    sender = desk.sender()
    sender.start()
    (reply,) = sender.received
    assert reply.patient_id == desk.hospital.wang
    (message,) = messages_for_patient(desk.engine, desk.hospital.wang)
    assert message.body == LONG and message.state is SmsState.RECEIVED
    assert desk.fake.stored == {}


@pytest.mark.parametrize("word", ["TD", "td", "退订", "T", "取消", " 退订。"])
def test_unsubscribe_words_are_recognised(word: str) -> None:
    assert is_unsubscribe(word)


@pytest.mark.parametrize("word", ["好的", "TDK", "取消预约可以吗", "退订了吗？我还要复诊"])
def test_other_replies_do_not_unsubscribe(word: str) -> None:
    assert not is_unsubscribe(word)


def test_td_puts_the_number_on_the_sms_blacklist_at_once(desk: Desk) -> None:
    sender = desk.sender()
    desk.fake.receive(WANG, "TD")
    desk.pump(sender, lambda: bool(sender.received))
    assert sender.received[0].unsubscribed
    with Session(desk.engine) as session:
        row = session.scalars(select(Blacklist).where(Blacklist.number_e164 == WANG)).one()
        assert row.kind is BlacklistKind.SMS and row.id < 0
    later = desk.queue(WANG, "复诊提醒")
    assert sender.send_due() == 0
    assert desk.row(later).state is SmsState.BLOCKED
    assert blacklist_reason(desk.engine, WANG) is None  # calls from the patient are welcome
