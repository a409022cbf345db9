"""A simulated phone line for the demo and the UI tests.

It behaves like a real line in time: the far end rings for a while, then answers, is busy,
never answers, or is a wrong number, with configurable odds (or a fixed outcome per number).
Answered calls "speak" a generated voice, which is what gets recorded.
"""

from __future__ import annotations

import enum
import itertools
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from agent_app.dialer.errors import CallStateError, TransferError, TransferRefusal
from agent_app.dialer.events import (
    END_TEXT,
    Answered,
    ConferenceChanged,
    DeviceLost,
    Ended,
    HoldChanged,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    Ringing,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.dialer.phone import Phone
from agent_app.dialer.voice import voice_pcm
from agent_app.dialer.wav import SAMPLE_RATE, SAMPLE_WIDTH, WavWriter
from agent_app.domain.enums import EndReason

log = logging.getLogger(__name__)


class FakeOutcome(enum.StrEnum):
    ANSWER = "answer"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"


@dataclass(frozen=True)
class FakeOdds:
    answer: float = 0.7
    no_answer: float = 0.15
    busy: float = 0.1
    wrong_number: float = 0.05

    def draw(self, rng: random.Random) -> FakeOutcome:
        weights = (self.answer, self.no_answer, self.busy, self.wrong_number)
        return rng.choices(list(FakeOutcome), weights=weights)[0]


@dataclass
class _Call:
    number: str
    outcome: FakeOutcome
    incoming: bool = False
    answered_at: float | None = None
    ended: bool = False
    on_hold: bool = False
    muted: bool = False
    schedule: list[tuple[float, PhoneEvent]] = field(default_factory=list)
    recorder: WavWriter | None = None
    recorded_until: float = 0.0
    voice: bytes = b""
    voice_pos: int = 0
    transferring: bool = False


class FakePhone(Phone):
    description = "Simulated line"

    def __init__(
        self,
        odds: FakeOdds | None = None,
        *,
        seed: int | None = None,
        ring_seconds: tuple[float, float] = (1.5, 4.0),
        no_answer_seconds: float = 25.0,
        missed_after: float = 45.0,
        outcomes: dict[str, FakeOutcome] | None = None,
        voice_cache: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        can_hold: bool = True,
    ) -> None:
        """``can_hold`` False simulates a line without hold, like the phone-line box."""
        super().__init__()
        self.supports_hold = can_hold
        self.odds = odds or FakeOdds()
        self.outcomes = dict(outcomes or {})
        self.ring_seconds = ring_seconds
        self.no_answer_seconds = no_answer_seconds
        self.missed_after = missed_after  # an incoming call nobody answers ends MISSED
        self._rng = random.Random(seed)
        self._clock = clock
        self._voice_cache = voice_cache or Path.home() / ".cache" / "agent-app"
        self._calls: dict[str, _Call] = {}
        self._ids = itertools.count(1)

    # Simulation ------------------------------------------------------------------------
    def poll(self) -> None:
        now = self._clock()
        for call_id, call in list(self._calls.items()):
            due = [item for item in call.schedule if item[0] <= now]
            call.schedule = [item for item in call.schedule if item[0] > now]
            for _, event in due:
                if isinstance(event, Answered):
                    call.answered_at = now
                    call.recorded_until = now
                if isinstance(event, Ended):
                    if call.recorder is not None:
                        self.stop_recording(call_id)
                    self._finish(call)
                if isinstance(event, TransferDone):
                    call.transferring = False
                self.post(event)
            if call.recorder is not None:
                self._feed_recorder(call, now)
            if call.ended:
                del self._calls[call_id]

    def simulate_incoming(self, number: str, display_name: str = "") -> str:
        """Pretend someone calls in from ``number`` (demo "callback" and screen-pop tests)."""
        call_id = f"fake-{next(self._ids)}"
        withheld = number.strip().lower() in {"", "anonymous", "p"}
        call = _Call(number, FakeOutcome.ANSWER, incoming=True)
        missed = Ended(call_id, EndReason.MISSED, END_TEXT[EndReason.MISSED])
        call.schedule = [(self._clock() + self.missed_after, missed)]
        self._calls[call_id] = call
        self.post(Incoming(call_id, "" if withheld else number, display_name, withheld))
        return call_id

    def simulate_device_lost(self, reason: str = "The simulated line was unplugged.") -> None:
        """Pretend the line's device vanished, as a modem does when unplugged: every open
        call ends as DEVICE_LOST, then DeviceLost is posted."""
        for call_id, call in list(self._calls.items()):
            if not call.ended:
                self._end(call_id, EndReason.DEVICE_LOST)
        self.post(DeviceLost("", reason))

    def _feed_recorder(self, call: _Call, now: float) -> None:
        assert call.recorder is not None
        samples = int((now - call.recorded_until) * SAMPLE_RATE)
        if samples <= 0:
            return
        call.recorded_until += samples / SAMPLE_RATE
        need = samples * SAMPLE_WIDTH
        chunk = bytearray()
        while len(chunk) < need and call.voice and not call.on_hold:
            # The voice, then two seconds of line quiet, over and over.
            cycle = len(call.voice) + 2 * SAMPLE_RATE * SAMPLE_WIDTH
            pos = call.voice_pos % cycle
            take = min(need - len(chunk), cycle - pos)
            if pos < len(call.voice):
                take = min(take, len(call.voice) - pos)
                chunk += call.voice[pos : pos + take]
            else:
                chunk += bytes(take)
            call.voice_pos += take
        chunk += bytes(need - len(chunk))
        call.recorder.write(bytes(chunk))

    def _finish(self, call: _Call) -> None:
        call.ended = True
        call.schedule.clear()

    def _call(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None or call.ended:
            raise CallStateError("That call has already ended.")
        return call

    def _end(self, call_id: str, reason: EndReason) -> None:
        call = self._call(call_id)
        self._finish(call)
        self.post(Ended(call_id, reason, END_TEXT[reason]))

    # Phone -----------------------------------------------------------------------------
    def dial(self, number: str) -> str:
        call_id = f"fake-{next(self._ids)}"
        outcome = self.outcomes.get(number) or self.odds.draw(self._rng)
        now = self._clock()
        ring = self._rng.uniform(*self.ring_seconds)
        call = _Call(number, outcome)
        if outcome is FakeOutcome.BUSY:
            call.schedule = [
                (now + 0.8, Ended(call_id, EndReason.BUSY, END_TEXT[EndReason.BUSY], 486))
            ]
        else:
            call.schedule = [(now + 0.3, Ringing(call_id))]
            if outcome is FakeOutcome.NO_ANSWER:
                call.schedule.append(
                    (
                        now + self.no_answer_seconds,
                        Ended(call_id, EndReason.NO_ANSWER, END_TEXT[EndReason.NO_ANSWER], 480),
                    )
                )
            else:
                call.schedule.append((now + ring, Answered(call_id)))
                kind = "wrong_number" if outcome is FakeOutcome.WRONG_NUMBER else "answer"
                call.voice = voice_pcm(kind, self._voice_cache)
        self._calls[call_id] = call
        log.info("simulated call %s: %s", call_id, outcome.value)
        return call_id

    def answer(self, call_id: str) -> None:
        call = self._call(call_id)
        if not call.incoming or call.answered_at is not None:
            raise CallStateError("Only a ringing incoming call can be answered.")
        call.voice = voice_pcm("callback", self._voice_cache)
        call.schedule = [(self._clock(), Answered(call_id))]  # no longer missed

    def reject(self, call_id: str) -> None:
        self._end(call_id, EndReason.REJECTED)

    def hangup(self, call_id: str) -> None:
        call = self._call(call_id)
        reason = EndReason.LOCAL_HANGUP if call.answered_at is not None else EndReason.CANCELLED
        self.stop_recording(call_id)
        self._end(call_id, reason)

    def hold(self, call_id: str, on_hold: bool) -> None:
        call = self._call(call_id)
        if not self.supports_hold:
            raise CallStateError("This simulated line has no hold.")
        call.on_hold = on_hold
        self.post(HoldChanged(call_id, on_hold))

    def mute(self, call_id: str, muted: bool) -> None:
        self._call(call_id).muted = muted

    def send_dtmf(self, call_id: str, digits: str) -> None:
        self._call(call_id)
        log.debug("simulated DTMF %s on %s", digits, call_id)

    # Transfer and conference ---------------------------------------------------------
    def _answered(self, call_id: str) -> _Call:
        call = self._call(call_id)
        if call.answered_at is None:
            raise TransferError(
                TransferRefusal.NOT_ANSWERED, "Only an answered call can be transferred.", call_id
            )
        return call

    def transfer_blind(self, call_id: str, target: str) -> None:
        """The target's outcome follows ``outcomes`` (answer unless set): an answering
        target takes the call (100, 180, then accepted), any other refuses it."""
        call = self._answered(call_id)
        if not target.strip():
            raise TransferError(TransferRefusal.BAD_TARGET, "The transfer target is empty.")
        if call.transferring:
            raise TransferError(TransferRefusal.BUSY, "This call is already being transferred.")
        call.transferring = True
        now = self._clock()
        outcome = self.outcomes.get(target, FakeOutcome.ANSWER)
        call.schedule.append((now + 0.2, TransferProgress(call_id, 100, "Trying")))
        ring = 0.4 + self._rng.uniform(*self.ring_seconds)  # the target rings after 180
        if outcome is FakeOutcome.ANSWER:
            call.schedule += [
                (now + 0.4, TransferProgress(call_id, 180, "Ringing")),
                (now + ring, TransferProgress(call_id, 200, "OK")),
                (now + ring, TransferDone(call_id, TransferOutcome.ACCEPTED, 200)),
                (now + ring, self._ended(call_id, EndReason.TRANSFERRED)),
            ]
        else:
            code = {FakeOutcome.BUSY: 486, FakeOutcome.NO_ANSWER: 480}.get(outcome, 404)
            call.schedule.append((now + ring, TransferDone(call_id, TransferOutcome.FAILED, code)))
        log.info("simulated transfer of %s: %s", call_id, outcome.value)

    def consult(self, call_id: str, target: str) -> str:
        """Hold the call and dial the target (its outcome as for ``dial``)."""
        call = self._answered(call_id)
        if not call.on_hold:
            self.hold(call_id, True)
        return self.dial(target)

    def transfer_attended(self, call_id: str, consult_call_id: str) -> None:
        call = self._answered(call_id)
        if consult_call_id == call_id:
            raise TransferError(TransferRefusal.SAME_CALL, "A call cannot be joined to itself.")
        consulted = self._answered(consult_call_id)
        if call.transferring:
            raise TransferError(TransferRefusal.BUSY, "This call is already being transferred.")
        call.transferring = True
        now = self._clock() + 0.3
        call.schedule += [
            (now, TransferProgress(call_id, 200, "OK")),
            (now, TransferDone(call_id, TransferOutcome.ACCEPTED, 200)),
            (now, self._ended(call_id, EndReason.TRANSFERRED)),
        ]
        consulted.schedule.append((now, self._ended(consult_call_id, EndReason.TRANSFERRED)))

    def conference(self, call_ids: list[str]) -> None:
        if len(set(call_ids)) < 2 or len(set(call_ids)) != len(call_ids):
            raise TransferError(
                TransferRefusal.SAME_CALL, "A conference needs two or more different calls."
            )
        calls = [self._answered(call_id) for call_id in call_ids]
        for call_id, call in zip(call_ids, calls, strict=True):
            if call.on_hold:
                self.hold(call_id, False)
        self.post(ConferenceChanged(call_ids[0], tuple(call_ids)))

    @staticmethod
    def _ended(call_id: str, reason: EndReason) -> Ended:
        return Ended(call_id, reason, END_TEXT[reason])

    def start_recording(self, call_id: str, path: Path) -> None:
        call = self._call(call_id)
        if call.answered_at is None:
            raise CallStateError("Recording starts when the call is answered.")
        call.recorder = WavWriter(path)
        call.recorded_until = self._clock()
        self.post(RecordingChanged(call_id, True, False, str(path)))

    def pause_recording(self, call_id: str, paused: bool) -> None:
        call = self._call(call_id)
        if call.recorder is None:
            raise CallStateError("This call is not being recorded.")
        self._feed_recorder(call, self._clock())
        call.recorder.set_paused(paused)
        self.post(RecordingChanged(call_id, True, paused, str(call.recorder.path)))

    def stop_recording(self, call_id: str) -> Path | None:
        call = self._calls.get(call_id)
        if call is None or call.recorder is None:
            return None
        self._feed_recorder(call, self._clock())
        path = call.recorder.close()
        call.recorder = None
        self.post(RecordingChanged(call_id, False, False, str(path)))
        return path

    def recording_pauses(self, call_id: str) -> list[tuple[int, int]]:
        call = self._calls.get(call_id)
        return list(call.recorder.pauses) if call and call.recorder else []

    def close(self) -> None:
        for call_id, call in list(self._calls.items()):
            if not call.ended:
                self.hangup(call_id)
        self.poll()
