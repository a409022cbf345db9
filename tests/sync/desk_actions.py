"""What an agent's desk does when a call ends: one local transaction, queued for the server."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.dialer.transcode import transcode_to_opus
from agent_app.domain.enums import (
    Direction,
    Disposition,
    LineType,
    OutboxState,
    Outcome,
    Role,
    TaskStatus,
)
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.followups import WrapUp
from agent_app.store.schema import (
    CallAttempt,
    FollowupResult,
    FollowupTask,
    Outbox,
    QuestionnaireTemplate,
    Recording,
    Staff,
)


@dataclass(frozen=True)
class SavedCall:
    attempt_id: uuid.UUID
    result_id: uuid.UUID


def open_tasks(local: Engine) -> list[tuple[int, int]]:
    """(task id, staff id to act as) of open tasks; the assignee, or for a pool task the first
    agent of the task's department (the server flags a result from outside it)."""
    with Session(local) as session:
        tasks = session.execute(
            select(FollowupTask.id, FollowupTask.assigned_staff_id, FollowupTask.department_id)
            .where(FollowupTask.status == TaskStatus.PENDING)
            .order_by(FollowupTask.id)
        ).all()
        agents = dict(
            session.execute(
                select(Staff.department_id, func.min(Staff.id))
                .where(Staff.role == Role.AGENT)
                .group_by(Staff.department_id)
            ).all()
        )
    return [(task_id, staff or agents.get(department, 1)) for task_id, staff, department in tasks]


def save_call_result(
    local: Engine, task_id: int, staff_id: int, *, finish_task: bool = True, note: str = ""
) -> SavedCall:
    """Record an answered call, its answers and the task's new state, all queued for sync."""
    now = dt.datetime.now(dt.UTC)
    with Session(local) as session, session.begin():
        task = session.get_one(FollowupTask, task_id)
        template = session.scalars(select(QuestionnaireTemplate).limit(1)).one()
        attempt = CallAttempt(
            task_id=task_id,
            patient_id=task.patient_id,
            staff_id=staff_id,
            direction=Direction.OUTBOUND,
            line=LineType.FAKE,
            number="+8613800000000",
            started_at=now,
            answered_at=now,
            ended_at=now,
            disposition=Disposition.REACHED,
        )
        session.add(attempt)
        enqueue(session, attempt, actor_id=staff_id)
        result = FollowupResult(
            task_id=task_id,
            attempt_id=attempt.id,
            staff_id=staff_id,
            template_id=template.id,
            template_version=template.version,
            answers={"q1": "fine", "note": note},
            satisfaction=5,
            outcome=Outcome.COMPLETED,
            notes=note,
        )
        session.add(result)
        enqueue(session, result, actor_id=staff_id)
        task.attempt_count += 1
        if finish_task:
            task.status = TaskStatus.DONE
        enqueue(session, task, "update", actor_id=staff_id)
        return SavedCall(attempt.id, result.id)


def answered_wrapup(
    task_id: int, staff_id: int, note: str = "", attempt_id: uuid.UUID | None = None
) -> WrapUp:
    """An answered follow-up's wrap-up as the follow-up screen hands it to ``save_wrapup``
    (the desk's own save path) for the call ``attempt_id``; ``note`` marks it, e.g. to find
    it on the server."""
    return WrapUp(
        task_id=task_id,
        staff_id=staff_id,
        disposition=Disposition.REACHED,
        attempt_id=attempt_id,
        answers={"q1": "fine", "note": note},
        outcome=Outcome.COMPLETED,
        satisfaction=5,
        notes=note,
    )


@dataclass(frozen=True)
class RecordedCall:
    attempt_id: uuid.UUID
    recording_id: uuid.UUID
    path: Path
    size: int


def save_recorded_call(
    local: Engine, task_id: int, staff_id: int, folder: Path, seconds: float = 20.0
) -> RecordedCall:
    """An answered call with its Ogg Opus recording (noise, so it does not compress away)."""
    wav = folder / f"call-{uuid.uuid4().hex[:8]}.wav"
    noise = np.random.default_rng(task_id).uniform(-0.3, 0.3, int(8000 * seconds))
    sf.write(wav, noise.astype("float32"), 8000)
    done = transcode_to_opus(wav)
    call = save_call_result(local, task_id, staff_id, finish_task=False)
    with Session(local) as session, session.begin():
        recording = Recording(
            attempt_id=call.attempt_id, codec=done.codec, duration_ms=done.duration_ms,
            size_bytes=done.size_bytes, sha256=done.sha256, local_path=str(done.path),
        )  # fmt: skip
        session.add(recording)
        enqueue(session, recording)
        return RecordedCall(call.attempt_id, recording.id, done.path, done.size_bytes)


def queue_refused_change(local: Engine) -> None:
    """An outbox entry the server never takes from a desk (an update of a patient's details)."""
    with local.begin() as connection:
        connection.execute(
            Outbox.__table__.insert().values(
                change_id=uuid.uuid4(),
                table_name="patient",
                row_id="1",
                operation="update",
                payload={"id": 1, "name": "x"},
                state=OutboxState.PENDING,
                error="",
            )
        )
