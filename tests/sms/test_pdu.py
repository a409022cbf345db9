"""The PDU codec against known PDUs and the shapes the modem needs."""

from __future__ import annotations

from agent_app.sms.pdu import (
    Concatenation,
    IncomingPart,
    StatusReport,
    decode_pdu,
    encode_message,
)
from agent_app.sms.reassembly import Reassembler
from tests.sms.fake_gsm_modem import deliver_pdus, status_report_pdu

# The SMS-DELIVER example used throughout the GSM literature (23.040 layout, 7-bit "hellohello").
HELLO_DELIVER = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37"
# An SMS-STATUS-REPORT with its service centre: reference 0xC5, status 0 (received by the phone).
STATUS_REPORT = "07911326040000F006C50B911326880736F4111011719551401110117195714000"
LONG_CHINESE = (
    "王秀英您好，这里是市第一人民医院随访中心。请您于十二月十日上午到心内科门诊复诊，" * 2
)


def test_a_known_seven_bit_deliver_decodes() -> None:
    part = decode_pdu(HELLO_DELIVER)
    assert isinstance(part, IncomingPart)
    assert part.text == "hellohello"
    assert part.sender == "27838890001"
    assert part.concatenation is None


def test_a_known_status_report_decodes_with_its_reference() -> None:
    report = decode_pdu(STATUS_REPORT)
    assert report == StatusReport(reference=0xC5, recipient="+31628870634", status=0)
    assert report.delivered and not report.failed


def test_a_permanent_error_status_is_a_failure() -> None:
    report = decode_pdu(status_report_pdu(9, "+8613812345678", status=0x41))
    assert isinstance(report, StatusReport)
    assert report.failed and not report.delivered


def test_short_chinese_is_one_ucs2_part_asking_for_a_report() -> None:
    (part,) = encode_message("+8613812345678", "您好，请明天上午复诊。", reference=3)
    pdu = bytes.fromhex(part.pdu_hex)
    assert pdu[0] == 0  # no service centre: the modem's own is used
    assert pdu[1] & 0x03 == 0x01 and pdu[1] & 0x20  # SMS-SUBMIT, status report requested
    assert part.tpdu_length == len(pdu) - 1


def test_long_chinese_is_split_into_concatenated_parts_of_67() -> None:
    assert len(LONG_CHINESE) > 70
    parts = encode_message("+8613812345678", LONG_CHINESE, reference=200)
    assert len(parts) == -(-len(LONG_CHINESE) // 67)
    decoded = [decode_submit(p.pdu_hex) for p in parts]
    assert "".join(text for text, _ in decoded) == LONG_CHINESE
    assert [c for _, c in decoded] == [(200, len(parts), n) for n in range(1, len(parts) + 1)]


def decode_submit(pdu_hex: str) -> tuple[str, tuple[int, int, int]]:
    from gsmmodem import pdu as codec

    fields = codec.decodeSmsPdu(pdu_hex)
    (concat,) = fields["udh"]
    return fields["text"], (concat.reference, concat.parts, concat.number)


def test_incoming_parts_are_reassembled_in_order_whatever_order_they_come() -> None:
    pdus = deliver_pdus("+8613812345678", LONG_CHINESE, reference=77)
    parts = [decode_pdu(p) for p in pdus]
    assert all(isinstance(p, IncomingPart) for p in parts)
    first = parts[0]
    assert isinstance(first, IncomingPart)
    assert first.concatenation == Concatenation(77, len(pdus), 1)
    joiner = Reassembler()
    order = list(reversed(range(len(parts))))
    results = [joiner.add(slot + 10, parts[slot]) for slot in order]  # type: ignore[arg-type]
    assert results[:-1] == [None] * (len(parts) - 1)
    whole = results[-1]
    assert whole is not None and whole.text == LONG_CHINESE
    assert whole.slots == tuple(10 + n for n in range(len(parts)))
    assert joiner.incomplete == 0


def test_parts_of_two_senders_with_one_reference_are_kept_apart() -> None:
    joiner = Reassembler()
    a = [decode_pdu(p) for p in deliver_pdus("+8613800000001", "甲" * 80, reference=5)]
    b = [decode_pdu(p) for p in deliver_pdus("+8613800000002", "乙" * 80, reference=5)]
    assert joiner.add(1, a[0]) is None  # type: ignore[arg-type]
    assert joiner.add(2, b[1]) is None  # type: ignore[arg-type]
    whole = joiner.add(3, a[1])  # type: ignore[arg-type]
    assert whole is not None and whole.text == "甲" * 80 and whole.slots == (1, 3)
    assert joiner.incomplete == 1
