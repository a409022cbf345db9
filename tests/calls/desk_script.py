"""A scripted desk for the call model: the simulated line on a hand-turned clock, the real
store, and steps written as tuples, shared by the table-driven tests and the benchmark."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from agent_app.calls.model import CallModel
from agent_app.calls.writer import StoreWriter
from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.domain.enums import CallWaiting, LineType
from agent_app.domain.views import StaffAccount
from agent_app.store.schema import CallAttempt, Outbox

ANSWERS, BUSY, SILENT = "13800000001", "13800000002", "13800000003"
OUTCOMES = {ANSWERS: FakeOutcome.ANSWER, BUSY: FakeOutcome.BUSY, SILENT: FakeOutcome.NO_ANSWER}

Step = tuple[str, ...]


@dataclass
class ScriptedDesk:
    """One desk: the line, the model and the labels the steps give calls."""

    engine: Engine
    viewer: StaffAccount
    writer: StoreWriter
    waiting: CallWaiting = CallWaiting.BUSY
    can_hold: bool = True
    now: list[float] = field(default_factory=lambda: [0.0])
    calls: dict[str, str] = field(default_factory=dict)  # label -> call id
    notices: list[str] = field(default_factory=list)
    events: int = 0

    def __post_init__(self) -> None:
        self.phone = self._new_phone()
        self.model = self._start_model()

    def _new_phone(self) -> FakePhone:
        return FakePhone(
            ring_seconds=(1.0, 1.0),
            no_answer_seconds=25.0,
            missed_after=45.0,
            outcomes=OUTCOMES,
            clock=lambda: self.now[0],
            can_hold=self.can_hold,
        )

    def _start_model(self) -> CallModel:
        model = CallModel(
            lambda: self.phone, line=LineType.FAKE, waiting=self.waiting, writer=self.writer
        )
        model.add_notice_listener(lambda notice, _detail: self.notices.append(notice.value))
        model.use_store(self.engine, self.viewer)
        self.phone.add_listener(self._heard)
        return model

    def _heard(self, event: object) -> None:
        self.events += 1
        self.model.handle(event)  # type: ignore[arg-type]

    def run(self, steps: Sequence[Step]) -> None:
        for step in steps:
            self.step(*step)
        self.model.flush()

    def step(self, action: str, *args: str) -> None:
        model, phone = self.model, self.phone
        if action == "wait":
            self.now[0] += float(args[0])
        elif action == "dial":
            self.calls[args[0]] = model.dial(args[1]).call_id
        elif action == "incoming":
            self.calls[args[0]] = phone.simulate_incoming(args[1])
        elif action == "answer":
            model.answer(self.calls[args[0]])
        elif action == "hangup":
            model.hangup(self.calls[args[0]])
        elif action == "reject":
            model.reject(self.calls[args[0]])
        elif action == "resume":
            model.hold(self.calls[args[0]], False)
        elif action == "lose_line":
            phone.simulate_device_lost()
        elif action == "quit":
            model.shutdown()  # the desk is closed during the calls
            phone.remove_listener(self._heard)
            self.phone = self._new_phone()
            self.model = self._start_model()
        elif action == "kill":
            # The desk dies: nothing more is heard. (Its writes already queued still land
            # before the next start's, as the writer runs them in order.)
            phone.remove_listener(self._heard)
            self.phone = self._new_phone()
            self.model = self._start_model()
        else:
            raise ValueError(f"unknown step {action}")
        self.phone.pump()
        self.model.pump()

    def attempt_of(self, label: str) -> uuid.UUID:
        call = self.model.get(self.calls[label])
        assert call is not None, label
        return call.attempt_id


def open_attempts(engine: Engine) -> int:
    """Attempts in the store that never ended."""
    with engine.connect() as c:
        rows = c.execute(select(CallAttempt.id).where(CallAttempt.ended_at.is_(None))).all()
    return len(rows)


def attempt_rows(engine: Engine) -> dict[str, tuple[str, bool, str | None]]:
    """Each attempt as (direction, answered, end_reason), by id."""
    with engine.connect() as c:
        rows = c.execute(
            select(
                CallAttempt.id, CallAttempt.direction, CallAttempt.answered_at,
                CallAttempt.end_reason,
            )
        ).all()  # fmt: skip
    return {str(i): (d.value, at is not None, reason) for i, d, at, reason in rows}


def last_outbox_payloads(engine: Engine) -> dict[str, dict[str, object]]:
    """The newest outbox payload of every attempt: what the server will hold."""
    with engine.connect() as c:
        rows = c.execute(
            select(Outbox.row_id, Outbox.payload)
            .where(Outbox.table_name == "call_attempt")
            .order_by(Outbox.seq)
        ).all()
    return {row_id: payload for row_id, payload in rows}
