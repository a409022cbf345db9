"""QA reviews of calls: a reviewer's scores and comments per criterion, and the feedback an
agent reads about their own calls.

``qa_review.scores`` holds ``{"criteria_version", "items": {code: {"score", "comment"}},
"total", "max"}`` so a review stays readable after the criteria file changes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel
from agent_app.store.schema import CallAttempt, Patient, QaReview, Staff
from agent_app.store.schema.base import utcnow
from agent_app.supervision.errors import NotFoundError, ReviewError
from agent_app.supervision.persist import persist
from agent_app.supervision.qa_criteria import QaCriteria


@dataclass(frozen=True)
class CriterionScore:
    code: str
    score: int
    comment: str = ""


@dataclass(frozen=True)
class QaReviewRecord:
    id: uuid.UUID
    attempt_id: uuid.UUID
    reviewer_id: int
    reviewer_name: str
    level: CheckLevel
    items: tuple[CriterionScore, ...]
    total: int
    max_total: int
    comments: str
    created_at: dt.datetime

    @property
    def percent(self) -> float:
        return round(100 * self.total / self.max_total, 1) if self.max_total else 0.0


@dataclass(frozen=True)
class AgentFeedback:
    """A reviewed call of the agent, as the agent sees it."""

    review: QaReviewRecord
    call_started_at: dt.datetime
    patient_name: str


def check_scores(criteria: QaCriteria, items: Mapping[str, CriterionScore]) -> None:
    """Refuse unknown criteria, scores out of range and missing required criteria."""
    for code, item in items.items():
        criterion = criteria.get(code)
        if criterion is None:
            raise ReviewError(f"'{code}' is not one of the QA criteria.")
        if not 0 <= item.score <= criterion.max_score:
            raise ReviewError(
                f"The score for '{criterion.label_en}' must be between 0 and "
                f"{criterion.max_score}; {item.score} was given."
            )
    missing = [c.label_en for c in criteria.criteria if c.required and c.code not in items]
    if missing:
        raise ReviewError(f"Score every required criterion; missing: {', '.join(missing)}.")


def save_review(
    engine: Engine,
    reviewer_id: int,
    attempt_id: uuid.UUID,
    level: CheckLevel,
    scores: Mapping[str, int],
    criteria: QaCriteria,
    *,
    criterion_comments: Mapping[str, str] | None = None,
    comments: str = "",
) -> QaReviewRecord:
    """Check and store a review of one call (committed; queued for the server when local)."""
    notes = dict(criterion_comments or {})
    unknown_notes = set(notes) - set(scores)
    if unknown_notes:
        raise ReviewError(
            f"A comment was given for a criterion without a score: {sorted(unknown_notes)[0]}."
        )
    items = {code: CriterionScore(code, int(s), notes.get(code, "")) for code, s in scores.items()}
    check_scores(criteria, items)
    ordered = [items[c.code] for c in criteria.criteria if c.code in items]
    total = sum(i.score for i in ordered)
    max_total = sum(c.max_score for c in criteria.criteria if c.code in items)
    body: dict[str, Any] = {
        "criteria_version": criteria.version,
        "items": {i.code: {"score": i.score, "comment": i.comment} for i in ordered},
        "total": total,
        "max": max_total,
    }
    with Session(engine) as session, session.begin():
        if session.get(CallAttempt, attempt_id) is None:
            raise NotFoundError(f"The call {attempt_id} is not in this store.")
        row = QaReview(
            id=uuid.uuid4(),
            attempt_id=attempt_id,
            reviewer_id=reviewer_id,
            level=int(level),
            scores=body,
            comments=comments.strip(),
            created_at=utcnow(),
        )
        persist(session, row, "insert", reviewer_id)
        name = session.get(Staff, reviewer_id)
        return _record(row, name.full_name if name else "")


def _record(row: QaReview, reviewer_name: str) -> QaReviewRecord:
    body = row.scores or {}
    items = tuple(
        CriterionScore(code, int(v.get("score", 0)), str(v.get("comment", "")))
        for code, v in (body.get("items") or {}).items()
    )
    return QaReviewRecord(
        id=row.id,
        attempt_id=row.attempt_id,
        reviewer_id=row.reviewer_id,
        reviewer_name=reviewer_name,
        level=CheckLevel(row.level),
        items=items,
        total=int(body.get("total", sum(i.score for i in items))),
        max_total=int(body.get("max", 0)),
        comments=row.comments,
        created_at=row.created_at,
    )


def reviews_for_attempt(engine: Engine, attempt_id: uuid.UUID) -> list[QaReviewRecord]:
    """Every review of one call, oldest first."""
    query = (
        select(QaReview, Staff.full_name)
        .join(Staff, Staff.id == QaReview.reviewer_id)
        .where(QaReview.attempt_id == attempt_id)
        .order_by(QaReview.created_at)
    )
    with Session(engine) as session:
        return [_record(row, name) for row, name in session.execute(query)]


def agent_feedback(
    engine: Engine, staff_id: int, *, since: dt.datetime | None = None, limit: int = 100
) -> list[AgentFeedback]:
    """Reviews of the calls ``staff_id`` made, newest first: only the agent's own calls."""
    query = (
        select(QaReview, Staff.full_name, CallAttempt.started_at, Patient.name)
        .join(CallAttempt, CallAttempt.id == QaReview.attempt_id)
        .join(Staff, Staff.id == QaReview.reviewer_id)
        .outerjoin(Patient, Patient.id == CallAttempt.patient_id)
        .where(CallAttempt.staff_id == staff_id)
        .order_by(QaReview.created_at.desc())
        .limit(limit)
    )
    if since is not None:
        query = query.where(QaReview.created_at >= since)
    with Session(engine) as session:
        return [
            AgentFeedback(_record(row, name), started, patient or "")
            for row, name, started, patient in session.execute(query)
        ]
