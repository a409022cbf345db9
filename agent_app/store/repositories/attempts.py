"""Call attempts of the desk, in and out: opened when the call starts, closed when it ends.

Each write commits to the local store and queues the same row in the outbox in one
transaction, so an attempt is on record (and on its way to the server) even if the desk dies
during the call.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Direction, Disposition, EndReason, LineType, UploadState
from agent_app.domain.finished_recording import FinishedRecording
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.contacts import current_contact_id
from agent_app.store.schema import CallAttempt, Recording

# How a call that was never answered most likely ended, for the wrap-up's first choice.
_UNANSWERED: dict[EndReason, Disposition] = {
    EndReason.BUSY: Disposition.BUSY,
    EndReason.NOT_FOUND: Disposition.NUMBER_INVALID,
    EndReason.NO_DIALTONE: Disposition.LINE_FAILED,
    EndReason.NOT_REGISTERED: Disposition.LINE_FAILED,
    EndReason.NETWORK: Disposition.LINE_FAILED,
    EndReason.DEVICE_LOST: Disposition.LINE_FAILED,
    EndReason.FAILED: Disposition.LINE_FAILED,
}


def suggested_disposition(reason: EndReason, answered: bool) -> Disposition:
    """The disposition the wrap-up offers first for how the call ended."""
    if answered:
        return Disposition.REACHED
    return _UNANSWERED.get(reason, Disposition.NO_ANSWER)


def start_outbound(
    engine: Engine,
    *,
    staff_id: int,
    number: str,
    line: LineType,
    task_id: int | None = None,
    patient_id: int | None = None,
    contact_id: int | None = None,
    started_at: dt.datetime | None = None,
    attempt_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Store a call the agent just placed; returns the attempt's id (``attempt_id`` when the
    caller chose it up front, so later writes can be queued before this one has run)."""
    attempt_id = attempt_id or uuid.uuid4()
    attempt = CallAttempt(
        id=attempt_id,
        task_id=task_id,
        patient_id=patient_id,
        contact_id=contact_id,
        staff_id=staff_id,
        direction=Direction.OUTBOUND,
        line=line,
        number=number[:40],
        started_at=started_at or dt.datetime.now(dt.UTC),
    )
    with Session(engine) as session, session.begin():
        attempt.contact_id = current_contact_id(session, contact_id)
        session.add(attempt)
        enqueue(session, attempt)
    return attempt_id


def mark_answered(engine: Engine, attempt_id: uuid.UUID, answered_at: dt.datetime) -> None:
    """The other side picked up."""
    with Session(engine) as session, session.begin():
        attempt = session.get_one(CallAttempt, attempt_id)
        attempt.answered_at = answered_at
        enqueue(session, attempt, "update")


def finish_attempt(
    engine: Engine,
    attempt_id: uuid.UUID,
    *,
    answered_at: dt.datetime | None,
    ended_at: dt.datetime,
    end_reason: str,
    disposition: Disposition | None = None,
) -> None:
    """Close the attempt when the call ends; an unanswered call is kept as no answer until the
    wrap-up says otherwise (a wrap-up saved first keeps its disposition)."""
    with Session(engine) as session, session.begin():
        attempt = session.get_one(CallAttempt, attempt_id)
        if answered_at is not None:
            attempt.answered_at = answered_at
        attempt.ended_at = ended_at
        attempt.end_reason = end_reason[:200]
        if disposition is not None:
            attempt.disposition = disposition
        elif attempt.answered_at is None and attempt.disposition is None:
            attempt.disposition = Disposition.NO_ANSWER
        enqueue(session, attempt, "update")


def close_open_attempts(engine: Engine, end_reason: str) -> list[uuid.UUID]:
    """Close every attempt of this store that never ended (the desk was killed during the
    call) with ``end_reason``; returns their ids. When it really ended is unknown, so the last
    moment on record (the answer, else the start) is kept as its end: talk-time statistics are
    not stretched over the hours the desk was down."""
    closed: list[uuid.UUID] = []
    with Session(engine) as session, session.begin():
        open_ones = session.scalars(select(CallAttempt).where(CallAttempt.ended_at.is_(None)))
        for attempt in open_ones:
            attempt.ended_at = attempt.answered_at or attempt.started_at
            attempt.end_reason = end_reason[:200]
            if attempt.answered_at is None and attempt.disposition is None:
                attempt.disposition = Disposition.NO_ANSWER
            enqueue(session, attempt, "update")
            closed.append(attempt.id)
    return closed


def add_recording(
    engine: Engine,
    attempt_id: uuid.UUID,
    finished: FinishedRecording,
    markers: Mapping[str, float] | None = None,
) -> uuid.UUID:
    """Store the compressed recording of an attempt; ``markers`` are answer offsets (s)."""
    recording_id = uuid.uuid4()
    recording = Recording(
        id=recording_id,
        attempt_id=attempt_id,
        codec=finished.codec,
        duration_ms=finished.duration_ms,
        size_bytes=finished.size_bytes,
        sha256=finished.sha256,
        local_path=str(finished.path),
        upload_state=UploadState.LOCAL,
        markers=dict(markers or {}),
    )
    with Session(engine) as session, session.begin():
        session.add(recording)
        enqueue(session, recording)
    return recording_id
