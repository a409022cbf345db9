"""Transfer, consultation and conference on the simulated line (demo and UI tests)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest

from agent_app.dialer.errors import TransferError, TransferRefusal
from agent_app.dialer.events import (
    Answered,
    ConferenceChanged,
    Ended,
    EndReason,
    HoldChanged,
    PhoneEvent,
    RecordingChanged,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.dialer.fake import FakeOutcome
from tests.dialer.test_fake import Clock, _advance, _phone

E = TypeVar("E", bound=PhoneEvent)


def _of(events: list[PhoneEvent], call_id: str, kind: type[E]) -> list[E]:
    return [e for e in events if e.call_id == call_id and isinstance(e, kind)]


def test_blind_transfer_to_an_answering_target_ends_the_call_transferred(
    tmp_path: Path,
) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER, n2001=FakeOutcome.ANSWER)
    call = phone.dial("111")
    _advance(phone, clock, 2.5)
    phone.start_recording(call, tmp_path / "call.wav")
    phone.transfer_blind(call, "2001")
    _advance(phone, clock, 3.0)
    codes = [e.code for e in _of(events, call, TransferProgress)]
    assert codes == [100, 180, 200]
    assert _of(events, call, TransferDone) == [TransferDone(call, TransferOutcome.ACCEPTED, 200)]
    ended = _of(events, call, Ended)
    assert [e.reason for e in ended] == [EndReason.TRANSFERRED]
    closed = _of(events, call, RecordingChanged)[-1]
    assert closed == RecordingChanged(call, False, False, str(tmp_path / "call.wav"))


def test_blind_transfer_to_a_busy_target_fails_and_keeps_the_call(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER, n2001=FakeOutcome.BUSY)
    call = phone.dial("111")
    _advance(phone, clock, 2.5)
    phone.transfer_blind(call, "2001")
    _advance(phone, clock, 3.0)
    assert _of(events, call, TransferDone) == [TransferDone(call, TransferOutcome.FAILED, 486)]
    assert _of(events, call, Ended) == []
    phone.hangup(call)  # still the agent's call
    phone.pump()
    assert _of(events, call, Ended)[0].reason is EndReason.LOCAL_HANGUP


def test_consult_holds_the_call_and_attended_transfer_ends_both(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER, n2001=FakeOutcome.ANSWER)
    call = phone.dial("111")
    _advance(phone, clock, 2.5)
    consult = phone.consult(call, "2001")
    assert consult != call
    _advance(phone, clock, 2.5)
    assert HoldChanged(call, True) in events
    assert Answered(consult) in events
    phone.transfer_attended(call, consult)
    _advance(phone, clock, 1.0)
    assert _of(events, call, TransferDone) == [TransferDone(call, TransferOutcome.ACCEPTED, 200)]
    for call_id in (call, consult):
        assert [e.reason for e in _of(events, call_id, Ended)] == [EndReason.TRANSFERRED]


def test_conference_resumes_held_calls_and_reports_the_members(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER, n2001=FakeOutcome.ANSWER)
    call = phone.dial("111")
    _advance(phone, clock, 2.5)
    consult = phone.consult(call, "2001")
    _advance(phone, clock, 2.5)
    phone.conference([call, consult])
    phone.pump()
    assert events[-2:] == [HoldChanged(call, False), ConferenceChanged(call, (call, consult))]


def test_transfer_of_an_unanswered_call_or_to_nothing_is_refused_with_a_code(
    tmp_path: Path,
) -> None:
    clock = Clock()
    phone, _ = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER)
    call = phone.dial("111")
    with pytest.raises(TransferError) as early:
        phone.transfer_blind(call, "2001")
    assert early.value.code is TransferRefusal.NOT_ANSWERED
    _advance(phone, clock, 2.5)
    with pytest.raises(TransferError) as empty:
        phone.transfer_blind(call, "  ")
    assert empty.value.code is TransferRefusal.BAD_TARGET
    with pytest.raises(TransferError) as alone:
        phone.conference([call])
    assert alone.value.code is TransferRefusal.SAME_CALL
