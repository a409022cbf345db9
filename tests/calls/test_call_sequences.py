"""Call sequences through the one call model, on the simulated line and the real store: after
each, no attempt is left open and every attempt holds the code of how its call ended."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.calls.call import CallState, Notice
from agent_app.calls.writer import StoreWriter
from agent_app.dialer.errors import CallStateError
from agent_app.dialer.modem import ModemPhone
from agent_app.dialer.sip import SipPhone
from agent_app.domain.enums import CallWaiting
from agent_app.store.engine import open_local_store
from tests.calls.desk_script import (
    ANSWERS,
    ScriptedDesk,
    attempt_rows,
    last_outbox_payloads,
    open_attempts,
)
from tests.calls.sequences import SEQUENCES, Sequence
from tests.screenpop.known_hospital import (
    NOBODY,
    ORTHO_MOBILE,
    WANG_DAUGHTER,
    KnownHospital,
    build_known_hospital,
)


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


@pytest.fixture
def writer() -> Iterator[StoreWriter]:
    writer = StoreWriter("test-writer")
    yield writer
    assert writer.close()


def _desk(hospital: KnownHospital, writer: StoreWriter, sequence: Sequence) -> ScriptedDesk:
    return ScriptedDesk(
        hospital.engine,
        hospital.cardiology_nurse,
        writer,
        waiting=sequence.waiting,
        can_hold=sequence.can_hold,
    )


@pytest.mark.parametrize("name", list(SEQUENCES))
def test_every_attempt_is_closed_with_the_code_of_how_its_call_ended(
    name: str, hospital: KnownHospital, writer: StoreWriter
) -> None:
    sequence = SEQUENCES[name]
    desk = _desk(hospital, writer, sequence)
    attempts: dict[str, uuid.UUID] = {}
    for step in sequence.steps:
        desk.step(*step)
        for label in desk.calls.keys() - attempts.keys():
            attempts[label] = desk.attempt_of(label)  # read before a kill forgets the call
    desk.model.flush()
    engine: Engine = hospital.engine
    assert open_attempts(engine) == 0
    rows = attempt_rows(engine)
    assert {label: rows[str(attempts[label])] for label in sequence.rows} == sequence.rows
    assert len(rows) == len(sequence.rows)
    pushed = last_outbox_payloads(engine)
    for label, (_, _, code) in sequence.rows.items():
        payload = pushed[str(attempts[label])]  # the server gets the closed row too
        assert payload["end_reason"] == code and payload["ended_at"] is not None


def test_answer_and_hold_puts_the_first_call_on_hold_and_the_waiting_one_through(
    hospital: KnownHospital, writer: StoreWriter
) -> None:
    desk = _desk(hospital, writer, Sequence((), {}, waiting=CallWaiting.WAIT))
    desk.run([("incoming", "first", WANG_DAUGHTER), ("answer", "first"), ("wait", "1")])
    desk.run([("incoming", "second", ORTHO_MOBILE)])
    first, second = (desk.model.get(desk.calls[k]) for k in ("first", "second"))
    assert first is not None and first.state is CallState.ANSWERED
    assert second is not None and second.state is CallState.WAITING and not second.turned_away
    assert second.decision is not None  # it pops like any other call
    desk.run([("answer", "second"), ("wait", "1")])
    first, second = (desk.model.get(desk.calls[k]) for k in ("first", "second"))
    assert first is not None and first.state is CallState.HELD
    assert second is not None and second.state is CallState.ANSWERED
    assert desk.model.focus == second
    desk.run([("hangup", "second")])
    assert desk.model.focus == desk.model.get(desk.calls["first"])  # the held call is next


def test_a_line_without_hold_turns_the_second_caller_away_and_says_why(
    hospital: KnownHospital, writer: StoreWriter
) -> None:
    # The phone-line box has no hold; SIP holds (re-INVITE), as the simulated line may.
    assert not ModemPhone.supports_hold and SipPhone.supports_hold
    desk = _desk(hospital, writer, Sequence((), {}, waiting=CallWaiting.WAIT, can_hold=False))
    assert desk.model.waiting_effective is CallWaiting.BUSY
    desk.run([("incoming", "first", WANG_DAUGHTER), ("answer", "first")])
    desk.run([("incoming", "second", ORTHO_MOBILE)])
    assert desk.notices == [Notice.WAITING_NEEDS_HOLD.value]


def test_a_ringing_call_cannot_be_answered_while_a_call_is_being_placed(
    hospital: KnownHospital, writer: StoreWriter
) -> None:
    desk = _desk(hospital, writer, Sequence((), {}, waiting=CallWaiting.WAIT))
    desk.run([("dial", "out", ANSWERS), ("incoming", "in", NOBODY)])
    with pytest.raises(CallStateError):
        desk.step("answer", "in")
    desk.run([("hangup", "out"), ("hangup", "in")])
    assert open_attempts(hospital.engine) == 0


def test_the_inbound_attempt_is_stored_with_the_caller_looked_up(
    hospital: KnownHospital, writer: StoreWriter
) -> None:
    desk = _desk(hospital, writer, Sequence((), {}))
    desk.run([("incoming", "in", WANG_DAUGHTER)])
    call = desk.model.get(desk.calls["in"])
    assert call is not None and call.decision is not None
    assert call.task_id == hospital.wang_task and call.patient_id == hospital.wang
    assert open_attempts(hospital.engine) == 1  # stored while it rings
