"""The modem adapter against a GSM modem played on a pty."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_app.sms.errors import NotSentError, OutcomeUnknownError
from agent_app.sms.gsm_modem import GsmModem, ReportPdu, StoredMessage
from agent_app.sms.pdu import IncomingPart, StatusReport, decode_pdu, encode_message
from tests.sms.fake_gsm_modem import FakeGsmModem, status_report_pdu

LONG = "李娜您好：您母亲王秀英的复诊时间已改到十二月十日上午九点，地点心血管内科二楼三诊室。" * 2
NUMBER = "+8613812345678"


@pytest.fixture
def fake(tmp_path: Path) -> Iterator[FakeGsmModem]:
    modem = FakeGsmModem(tmp_path / "ttyGsm")
    yield modem
    modem.stop()


@pytest.fixture
def modem(fake: FakeGsmModem) -> Iterator[GsmModem]:
    opened = GsmModem(str(fake.link), command_timeout=2.0, send_timeout=3.0)
    opened.open()
    yield opened
    opened.close()


def wait_events(modem: GsmModem, count: int, timeout: float = 3.0) -> list[object]:
    events: list[object] = []
    deadline = time.monotonic() + timeout
    while len(events) < count and time.monotonic() < deadline:
        events += modem.poll(0.1)
    return events


def test_open_sets_pdu_mode_and_asks_for_new_message_and_report_notices(
    modem: GsmModem, fake: FakeGsmModem
) -> None:
    assert fake.settings["CMGF"] == "0"
    assert fake.settings["CSMS"] == "0"
    assert fake.settings["CNMI"] == "2,1,0,1,0"  # +CMTI for messages, +CDS for reports


def test_long_chinese_goes_in_parts_the_phone_puts_back_together(
    modem: GsmModem, fake: FakeGsmModem
) -> None:
    parts = encode_message(NUMBER, LONG, reference=42)
    refs = [modem.send_part(p) for p in parts]
    assert len(parts) == 2 and refs == [0, 1]
    assert fake.messages() == [(NUMBER, LONG)]


def test_each_part_brings_a_status_report_with_its_reference(
    modem: GsmModem, fake: FakeGsmModem
) -> None:
    (part,) = encode_message(NUMBER, "请明天复诊", reference=1)
    ref = modem.send_part(part)
    (event,) = wait_events(modem, 1)
    assert isinstance(event, ReportPdu)
    report = decode_pdu(event.pdu_hex)
    assert isinstance(report, StatusReport) and report.reference == ref and report.delivered


def test_an_incoming_message_is_announced_read_and_deleted(
    modem: GsmModem, fake: FakeGsmModem
) -> None:
    (slot,) = fake.receive(NUMBER, "退订")
    assert wait_events(modem, 1) == [StoredMessage(slot)]
    part = decode_pdu(modem.read_slot(slot))
    assert isinstance(part, IncomingPart) and part.text == "退订" and part.sender == NUMBER
    modem.delete_slot(slot)
    assert fake.stored == {}


def test_messages_stored_while_away_are_listed(modem: GsmModem, fake: FakeGsmModem) -> None:
    slots = fake.store_quietly(NUMBER, LONG)
    listed = modem.list_stored()
    assert [slot for slot, _ in listed] == slots
    assert "".join(decode_pdu(p).text for _, p in listed) == LONG  # type: ignore[union-attr]


def test_a_refused_message_is_not_sent_and_may_be_tried_again(
    modem: GsmModem, fake: FakeGsmModem
) -> None:
    fake.script_refusals(["+CMS ERROR: 500"])
    (part,) = encode_message(NUMBER, "您好", reference=1)
    with pytest.raises(NotSentError) as refused:
        modem.send_part(part)
    assert refused.value.code == "sms_refused"
    assert modem.send_part(part) == 0
    assert fake.messages() == [(NUMBER, "您好")]


def test_no_prompt_is_not_sent_and_leaves_text_entry(modem: GsmModem, fake: FakeGsmModem) -> None:
    fake.silent_prompts = 1
    (part,) = encode_message(NUMBER, "您好", reference=1)
    with pytest.raises(NotSentError) as silent:
        modem.send_part(part)
    assert silent.value.code == "sms_no_prompt"
    assert fake.pdus_received == 0


def test_unplugged_after_the_pdu_left_means_the_outcome_is_unknown(
    tmp_path: Path,
) -> None:
    fake = FakeGsmModem(tmp_path / "ttyGsm", pace=(5.0, 5.0))
    modem = GsmModem(str(fake.link), command_timeout=2.0, send_timeout=10.0)
    modem.open()
    try:
        pulled = threading.Timer(0.3, fake.unplug)
        pulled.start()
        (part,) = encode_message(NUMBER, "您好", reference=1)
        with pytest.raises(OutcomeUnknownError) as unknown:
            modem.send_part(part)
        pulled.join()
        assert unknown.value.code == "sms_port_lost"
        assert fake.pdus_received == 1 and not modem.is_open
    finally:
        modem.close()
        fake.stop()


def test_unplugged_before_sending_is_not_sent(modem: GsmModem, fake: FakeGsmModem) -> None:
    fake.unplug()
    (part,) = encode_message(NUMBER, "您好", reference=1)
    with pytest.raises(NotSentError) as lost:
        modem.send_part(part)
    assert lost.value.code == "sms_port_lost"


def test_opening_skips_stale_answers_but_keeps_a_late_status_report(
    fake: FakeGsmModem,
) -> None:
    """What a killed sender leaves behind: the answer to its last part and that part's report
    arrive while the next sender opens the port (pyserial empties the port only at open)."""
    report = status_report_pdu(7, NUMBER)
    late = ["+CMGS: 7", "OK", f"+CDS: {len(report) // 2 - 1}", report]
    arriving = threading.Timer(0.1, fake.send_lines, args=(late,))
    arriving.start()
    modem = GsmModem(str(fake.link), command_timeout=2.0)
    modem.open()
    arriving.join()
    try:
        assert fake.settings["CNMI"] == "2,1,0,1,0"  # every command got its own answer
        (event,) = modem.poll(0.1)
        assert isinstance(event, ReportPdu) and decode_pdu(event.pdu_hex).reference == 7  # type: ignore[union-attr]
    finally:
        modem.close()
