"""The simulated line: realistic timing and outcomes, driven by a clock the test controls."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from agent_app.dialer.errors import CallStateError
from agent_app.dialer.events import (
    END_TEXT,
    Answered,
    Ended,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    Ringing,
)
from agent_app.dialer.fake import FakeOdds, FakeOutcome, FakePhone
from agent_app.domain.enums import EndReason


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _phone(
    tmp_path: Path, clock: Clock, **outcomes: FakeOutcome
) -> tuple[FakePhone, list[PhoneEvent]]:
    phone = FakePhone(
        ring_seconds=(2.0, 2.0),
        no_answer_seconds=20.0,
        clock=clock,
        outcomes={k.lstrip("n"): v for k, v in outcomes.items()},
        voice_cache=tmp_path / "voices",
    )
    events: list[PhoneEvent] = []
    phone.add_listener(events.append)
    return phone, events


def _advance(phone: FakePhone, clock: Clock, seconds: float) -> None:
    for _ in range(int(seconds * 10)):
        clock.now += 0.1
        phone.pump()


def test_answered_call_rings_then_answers(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n111=FakeOutcome.ANSWER)
    call = phone.dial("111")
    _advance(phone, clock, 1.0)
    assert [type(e) for e in events] == [Ringing]
    _advance(phone, clock, 1.5)
    assert [type(e) for e in events] == [Ringing, Answered]
    phone.hangup(call)
    phone.pump()
    assert events[-1] == Ended(call, EndReason.LOCAL_HANGUP, "You ended the call.")


@pytest.mark.parametrize(
    ("outcome", "reason", "after"),
    [(FakeOutcome.BUSY, EndReason.BUSY, 1.0), (FakeOutcome.NO_ANSWER, EndReason.NO_ANSWER, 21.0)],
)
def test_busy_and_unanswered_calls_end_with_a_reason(
    tmp_path: Path, outcome: FakeOutcome, reason: EndReason, after: float
) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n222=outcome)
    call = phone.dial("222")
    _advance(phone, clock, after)
    ended = [e for e in events if isinstance(e, Ended)]
    assert len(ended) == 1 and ended[0].call_id == call and ended[0].reason is reason
    assert not any(isinstance(e, Answered) for e in events)
    with pytest.raises(CallStateError):
        phone.hangup(call)


def test_odds_decide_outcomes_in_proportion() -> None:
    rng = random.Random(4)
    odds = FakeOdds(answer=0.5, no_answer=0.3, busy=0.2, wrong_number=0.0)
    draws = [odds.draw(rng) for _ in range(4000)]
    share = {o: draws.count(o) / len(draws) for o in FakeOutcome}
    assert abs(share[FakeOutcome.ANSWER] - 0.5) < 0.03
    assert abs(share[FakeOutcome.BUSY] - 0.2) < 0.03
    assert share[FakeOutcome.WRONG_NUMBER] == 0


def test_recording_holds_the_voice_with_the_pause_silenced(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n333=FakeOutcome.ANSWER)
    call = phone.dial("333")
    _advance(phone, clock, 2.5)
    phone.start_recording(call, tmp_path / "call.wav")
    _advance(phone, clock, 2.0)
    phone.pause_recording(call, True)
    _advance(phone, clock, 1.0)
    phone.pause_recording(call, False)
    _advance(phone, clock, 1.0)
    path = phone.stop_recording(call)
    phone.pump()
    assert path == tmp_path / "call.wav"
    audio, rate = sf.read(path, dtype="int16")
    assert abs(len(audio) / rate - 4.0) < 0.15
    assert np.abs(audio[: 2 * rate]).max() > 1000  # the patient talking
    assert np.abs(audio[int(2.05 * rate) : int(2.95 * rate)]).max() == 0  # paused
    recording = [e for e in events if isinstance(e, RecordingChanged)]
    assert [(e.recording, e.paused) for e in recording] == [
        (True, False),
        (True, True),
        (True, False),
        (False, False),
    ]


def test_recording_before_answer_is_refused(tmp_path: Path) -> None:
    clock = Clock()
    phone, _ = _phone(tmp_path, clock, n444=FakeOutcome.ANSWER)
    call = phone.dial("444")
    with pytest.raises(CallStateError, match="when the call is answered"):
        phone.start_recording(call, tmp_path / "x.wav")


def test_incoming_call_reports_the_number_and_can_be_answered(tmp_path: Path) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock)
    call = phone.simulate_incoming("+8613812345678", "王秀英")
    phone.pump()
    assert events == [Incoming(call, "+8613812345678", "王秀英", False)]
    phone.answer(call)
    phone.pump()
    assert isinstance(events[-1], Answered)
    withheld = phone.simulate_incoming("anonymous")
    phone.pump()
    assert events[-1] == Incoming(withheld, "", "", True)
    phone.reject(withheld)
    phone.pump()
    assert isinstance(events[-1], Ended) and events[-1].reason is EndReason.REJECTED


def test_a_failing_listener_does_not_silence_the_others(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    phone, events = _phone(tmp_path, clock, n555=FakeOutcome.BUSY)

    def broken(_: PhoneEvent) -> None:
        raise RuntimeError("listener bug")

    phone.add_listener(broken)
    phone.add_listener(events.append)
    phone.dial("555")
    _advance(phone, clock, 1.0)
    assert events.count(events[-1]) == 2 and isinstance(events[-1], Ended)
    assert "phone listener failed" in caplog.text


def test_an_incoming_call_nobody_answers_ends_as_missed_after_the_ring_time(
    tmp_path: Path,
) -> None:
    clock = Clock()
    phone = FakePhone(voice_cache=tmp_path / "voices", clock=clock, missed_after=30.0)
    events: list[PhoneEvent] = []
    phone.add_listener(events.append)
    rang = phone.simulate_incoming("13812345678")
    answered = phone.simulate_incoming("13912345678")
    phone.answer(answered)
    _advance(phone, clock, 29.5)
    assert not any(isinstance(e, Ended) for e in events)
    _advance(phone, clock, 1.0)
    ends = [e for e in events if isinstance(e, Ended)]
    assert ends == [Ended(rang, EndReason.MISSED, END_TEXT[EndReason.MISSED])]
