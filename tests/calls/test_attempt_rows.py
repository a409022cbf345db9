"""The repository writes the call model relies on, on the real store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from agent_app.calls.attempt_rows import close_abandoned
from agent_app.domain.enums import Disposition, LineType
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import finish_attempt, mark_answered, start_outbound
from agent_app.store.schema import CallAttempt
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital

START = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


def _attempt(hospital: KnownHospital, attempt_id: object) -> CallAttempt:
    with Session(hospital.engine) as session:
        return session.get_one(CallAttempt, attempt_id)


def test_a_disposition_saved_before_the_end_is_written_is_kept(hospital: KnownHospital) -> None:
    engine, staff = hospital.engine, hospital.cardiology_nurse.id
    attempt_id = start_outbound(engine, staff_id=staff, number="13800000001", line=LineType.FAKE)
    with Session(engine) as session, session.begin():
        session.get_one(CallAttempt, attempt_id).disposition = Disposition.WRONG_NUMBER
    finish_attempt(engine, attempt_id, answered_at=None, ended_at=START, end_reason="busy")
    attempt = _attempt(hospital, attempt_id)
    assert attempt.disposition is Disposition.WRONG_NUMBER and attempt.end_reason == "busy"


def test_attempts_left_open_are_closed_at_their_last_known_moment(
    hospital: KnownHospital,
) -> None:
    engine, staff = hospital.engine, hospital.cardiology_nurse.id
    talking = start_outbound(
        engine, staff_id=staff, number="13800000001", line=LineType.FAKE, started_at=START
    )
    mark_answered(engine, talking, START + dt.timedelta(seconds=20))
    ringing = start_outbound(
        engine, staff_id=staff, number="13800000002", line=LineType.FAKE, started_at=START
    )
    done = start_outbound(engine, staff_id=staff, number="13800000003", line=LineType.FAKE)
    finish_attempt(engine, done, answered_at=None, ended_at=START, end_reason="busy")

    assert close_abandoned(engine) == 2
    first, second, third = (_attempt(hospital, a) for a in (talking, ringing, done))
    assert (first.ended_at, first.end_reason) == (START + dt.timedelta(seconds=20), "desk_stopped")
    assert first.disposition is None  # answered: the wrap-up decides
    assert (second.ended_at, second.end_reason) == (START, "desk_stopped")
    assert second.disposition is Disposition.NO_ANSWER
    assert third.end_reason == "busy"  # a closed attempt is left alone
    assert close_abandoned(engine) == 0
