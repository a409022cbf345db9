"""The supervisor's recordings browser: filtered, sorted pages of recorded calls, the moments
the agent answered each question, and audited playback.

Answer moments are seconds from the call start: the recording's own ``markers`` when the desk
stored them, else the answer times kept in the result's answer sheet (``offset_s``).
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, exists, func, or_, select

from agent_app.domain.enums import Disposition, UploadState
from agent_app.domain.stored_answers import UnreadableAnswersError, decode_stored_answers
from agent_app.store.repositories import AnySelect
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.schema import (
    CallAttempt,
    Department,
    FollowupResult,
    FollowupTask,
    Patient,
    QaReview,
    QuestionnaireTemplate,
    Recording,
    Staff,
)

log = logging.getLogger(__name__)


class RecordingNotFoundError(LookupError):
    """The recording asked for is not in this store."""


class QaState(enum.StrEnum):
    ANY = "any"
    REVIEWED = "reviewed"
    NOT_REVIEWED = "not_reviewed"


class RecordingSort(enum.StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    LONGEST = "longest"
    SHORTEST = "shortest"
    AGENT = "agent"


@dataclass(frozen=True)
class RecordingFilter:
    """What the browser shows; every field left as None does not filter."""

    started_from: dt.datetime | None = None  # inclusive, aware
    started_before: dt.datetime | None = None  # exclusive, aware
    department_id: int | None = None
    staff_id: int | None = None
    patient_id: int | None = None
    patient_text: str | None = None  # exact MRN or the start of the patient's name
    disposition: Disposition | None = None
    min_seconds: float | None = None
    max_seconds: float | None = None
    qa_state: QaState = QaState.ANY


@dataclass(frozen=True)
class RecordingRow:
    recording_id: uuid.UUID
    attempt_id: uuid.UUID
    started_at: dt.datetime
    duration_s: float
    codec: str
    upload_state: UploadState
    staff_id: int
    agent_name: str
    department_id: int | None
    department_name: str
    patient_id: int | None
    patient_name: str
    mrn: str
    task_id: int | None
    level: int | None
    disposition: Disposition | None
    reviews: int


@dataclass(frozen=True)
class AnswerMarker:
    """Where in the recording the agent entered the answer to one question."""

    question_id: str
    offset_s: float
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class RecordingMedia:
    """What the player needs to open a recording (the audit row is already written)."""

    recording_id: uuid.UUID
    local_path: str
    codec: str
    duration_s: float
    sha256: str


def _reviews_count() -> Any:
    return (
        select(func.count())
        .where(QaReview.attempt_id == Recording.attempt_id)
        .correlate(Recording)
        .scalar_subquery()
    )


def _filtered(flt: RecordingFilter, columns: tuple[Any, ...]) -> AnySelect:
    attempt = CallAttempt
    dept_id = func.coalesce(FollowupTask.department_id, Staff.department_id)
    query = (
        select(*columns)
        .select_from(Recording)
        .join(attempt, attempt.id == Recording.attempt_id)
        .join(Staff, Staff.id == attempt.staff_id)
        .outerjoin(FollowupTask, FollowupTask.id == attempt.task_id)
        .outerjoin(Patient, Patient.id == attempt.patient_id)
        .outerjoin(Department, Department.id == dept_id)
    )
    conditions: list[Any] = []
    if flt.started_from is not None:
        conditions.append(attempt.started_at >= flt.started_from)
    if flt.started_before is not None:
        conditions.append(attempt.started_at < flt.started_before)
    if flt.department_id is not None:
        conditions.append(dept_id == flt.department_id)
    if flt.staff_id is not None:
        conditions.append(attempt.staff_id == flt.staff_id)
    if flt.patient_id is not None:
        conditions.append(attempt.patient_id == flt.patient_id)
    if flt.patient_text:
        text = flt.patient_text.strip()
        conditions.append(or_(Patient.mrn == text, Patient.name.startswith(text, autoescape=True)))
    if flt.disposition is not None:
        conditions.append(attempt.disposition == flt.disposition)
    if flt.min_seconds is not None:
        conditions.append(Recording.duration_ms >= int(flt.min_seconds * 1000))
    if flt.max_seconds is not None:
        conditions.append(Recording.duration_ms <= int(flt.max_seconds * 1000))
    reviewed = exists().where(QaReview.attempt_id == Recording.attempt_id)
    if flt.qa_state is QaState.REVIEWED:
        conditions.append(reviewed)
    elif flt.qa_state is QaState.NOT_REVIEWED:
        conditions.append(~reviewed)
    return query.where(and_(True, *conditions))


_ORDER: dict[RecordingSort, tuple[Any, ...]] = {
    RecordingSort.NEWEST: (CallAttempt.started_at.desc(), Recording.id),
    RecordingSort.OLDEST: (CallAttempt.started_at.asc(), Recording.id),
    RecordingSort.LONGEST: (Recording.duration_ms.desc(), Recording.id),
    RecordingSort.SHORTEST: (Recording.duration_ms.asc(), Recording.id),
    RecordingSort.AGENT: (Staff.full_name, CallAttempt.started_at.desc(), Recording.id),
}


def count_recordings(engine: Engine, flt: RecordingFilter) -> int:
    """How many recordings the filter matches."""
    query = select(func.count()).select_from(_filtered(flt, (Recording.id,)).subquery())
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def browse_recordings(
    engine: Engine,
    flt: RecordingFilter,
    *,
    offset: int = 0,
    limit: int = 50,
    sort: RecordingSort = RecordingSort.NEWEST,
) -> list[RecordingRow]:
    """One page of recordings matching ``flt`` in ``sort`` order."""
    columns = (
        Recording.id,
        Recording.attempt_id,
        CallAttempt.started_at,
        Recording.duration_ms,
        Recording.codec,
        Recording.upload_state,
        CallAttempt.staff_id,
        Staff.full_name,
        Department.id,
        func.coalesce(Department.name, ""),
        CallAttempt.patient_id,
        func.coalesce(Patient.name, ""),
        func.coalesce(Patient.mrn, ""),
        CallAttempt.task_id,
        FollowupTask.level,
        CallAttempt.disposition,
        _reviews_count(),
    )
    query = _filtered(flt, columns).order_by(*_ORDER[sort]).offset(offset).limit(limit)
    with engine.connect() as connection:
        return [
            RecordingRow(
                recording_id=r[0],
                attempt_id=r[1],
                started_at=r[2],
                duration_s=r[3] / 1000,
                codec=r[4],
                upload_state=r[5],
                staff_id=r[6],
                agent_name=r[7],
                department_id=r[8],
                department_name=r[9],
                patient_id=r[10],
                patient_name=r[11],
                mrn=r[12],
                task_id=r[13],
                level=r[14],
                disposition=r[15],
                reviews=int(r[16]),
            )
            for r in connection.execute(query)
        ]


def _question_labels(body: dict[str, Any]) -> dict[str, tuple[str, str]]:
    labels: dict[str, tuple[str, str]] = {}
    for section in body.get("sections", []):
        for question in section.get("questions", []):
            text = question.get("text", {})
            labels[str(question.get("id"))] = (str(text.get("zh_CN", "")), str(text.get("en", "")))
    return labels


def _sheet_offsets(answers: object) -> dict[str, float]:
    """The answer moments kept in a result's answer sheet (none from answers that cannot be
    read: the markers then stay empty, and the log says why)."""
    try:
        return decode_stored_answers(answers).offsets()
    except UnreadableAnswersError as error:
        log.warning("answer moments not read: %s", error.code)
        return {}


def recording_markers(engine: Engine, recording_id: uuid.UUID) -> list[AnswerMarker]:
    """The answer moments of a recording, earliest first, labelled with the question text."""
    with engine.connect() as connection:
        rec = connection.execute(
            select(Recording.attempt_id, Recording.markers).where(Recording.id == recording_id)
        ).first()
        if rec is None:
            raise RecordingNotFoundError(f"Recording {recording_id} is not in this store.")
        result = connection.execute(
            select(FollowupResult.answers, QuestionnaireTemplate.body)
            .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupResult.template_id)
            .where(FollowupResult.attempt_id == rec.attempt_id)
            .order_by(FollowupResult.created_at.desc())
            .limit(1)
        ).first()
    offsets = {str(k): float(v) for k, v in (rec.markers or {}).items() if v is not None}
    labels: dict[str, tuple[str, str]] = {}
    if result is not None:
        if not offsets:
            offsets = _sheet_offsets(result.answers)
        labels = _question_labels(result.body or {})
    return sorted(
        (
            AnswerMarker(qid, seconds, *labels.get(qid, (qid, qid)))
            for qid, seconds in offsets.items()
        ),
        key=lambda m: (m.offset_s, m.question_id),
    )


def open_recording(
    engine: Engine,
    staff_id: int,
    recording_id: uuid.UUID,
    action: AuditAction = AuditAction.PLAY,
) -> RecordingMedia:
    """Hand a recording to the player (or a download) and write who took it, and when.

    The audit row is committed before the media is returned, so no playback goes unrecorded.
    """
    if action not in (AuditAction.PLAY, AuditAction.DOWNLOAD):
        raise ValueError(f"A recording is opened to play or download, not to {action.value}.")
    with engine.connect() as connection:
        row = connection.execute(
            select(
                Recording.local_path, Recording.codec, Recording.duration_ms, Recording.sha256
            ).where(Recording.id == recording_id)
        ).first()
    if row is None:
        raise RecordingNotFoundError(f"Recording {recording_id} is not in this store.")
    record_audit(
        engine, staff_id, action.value, "recording", str(recording_id), {"codec": row.codec}
    )
    return RecordingMedia(
        recording_id, row.local_path, row.codec, row.duration_ms / 1000, row.sha256
    )
