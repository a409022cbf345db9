"""Agreement between check levels: did the spot-check (L2/L3) hear what the follow-up (L1)
recorded?

Each spot-check task with a result is paired with its parent's latest result. Satisfaction is
compared as a score (within ``tolerance`` points); other questions both questionnaires asked
are compared as answers. A patient who tells the spot-check that nobody phoned them
(``followup_received`` = no) is always a discrepancy: the L1 record says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from agent_app.domain.enums import CheckLevel
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.stored_answers import (
    StoredAnswers,
    StoredValue,
    UnreadableAnswersError,
    decode_stored_answers,
)
from agent_app.store.schema import FollowupResult, FollowupTask, Patient, Staff

SATISFACTION = "satisfaction"
NOT_CALLED = "followup_received"
COMPARED_QUESTIONS = ("satisfaction", "revisit_known", "identity_confirmed")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuestionAgreement:
    question_id: str
    pairs: int
    agreeing: int

    @property
    def rate(self) -> float:
        return self.agreeing / self.pairs if self.pairs else 0.0


@dataclass(frozen=True)
class Discrepancy:
    task_id: int  # the spot-check task
    parent_task_id: int
    patient_id: int
    patient_name: str
    agent_id: int  # who made the level-1 follow-up
    agent_name: str
    question_id: str
    parent_answer: str
    check_answer: str


@dataclass(frozen=True)
class AgreementReport:
    level: CheckLevel
    pairs: int  # spot-checks with a result whose parent has one too
    questions: tuple[QuestionAgreement, ...]
    discrepancies: tuple[Discrepancy, ...]

    def question(self, question_id: str) -> QuestionAgreement | None:
        return next((q for q in self.questions if q.question_id == question_id), None)

    @property
    def flagged_pairs(self) -> int:
        return len({d.task_id for d in self.discrepancies})


def _answers_of(stored: object, task_id: int) -> StoredAnswers:
    """A result's answers (either stored layout); answers that cannot be read compare as
    unanswered, and the log says which result."""
    try:
        return decode_stored_answers(stored)
    except UnreadableAnswersError as error:
        log.warning("answers of task %s not compared: %s", task_id, error.code)
        return decode_stored_answers(None)


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


@dataclass(frozen=True)
class _Result:
    task_id: int
    staff_id: int
    satisfaction: int | None
    answers: StoredAnswers


def _latest_results(engine: Engine, task_ids: Sequence[int]) -> dict[int, _Result]:
    latest: dict[int, _Result] = {}
    r = FollowupResult
    with engine.connect() as connection:
        for i in range(0, len(task_ids), 500):
            chunk = list(task_ids[i : i + 500])
            query = (
                select(r.task_id, r.staff_id, r.satisfaction, r.answers)
                .where(r.task_id.in_(chunk))
                .order_by(r.created_at)
            )
            for task_id, staff_id, satisfaction, answers in connection.execute(query):
                latest[task_id] = _Result(
                    task_id, staff_id, satisfaction, _answers_of(answers, task_id)
                )
    return latest


def level_agreement(
    engine: Engine,
    level: CheckLevel,
    start: dt.date,
    end: dt.date,
    *,
    department_id: int | None = None,
    tolerance: int = 0,
    questions: Sequence[str] = COMPARED_QUESTIONS,
    tz: dt.tzinfo = HOSPITAL_TZ,
    check_ids: Collection[int] | None = None,
) -> AgreementReport:
    """Agreement of level-``level`` spot-checks due in the period with their parents;
    ``check_ids`` (a sampling run's spot-check tasks) compares only those, wherever they are
    due now."""
    task = FollowupTask
    utc_from = dt.datetime.combine(start, dt.time(), tz).astimezone(dt.UTC)
    utc_before = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz)
    query = select(task.id, task.parent_task_id, task.patient_id, Patient.name).join(
        Patient, Patient.id == task.patient_id
    )
    query = query.where(task.level == int(level), task.parent_task_id.is_not(None))
    if check_ids is None:
        query = query.where(task.due_at >= utc_from, task.due_at < utc_before.astimezone(dt.UTC))
    else:
        query = query.where(task.id.in_(sorted(check_ids)))
    if department_id is not None:
        query = query.where(task.department_id == department_id)
    with engine.connect() as connection:
        checks: list[tuple[int, int, int, str]] = [
            (int(a), int(b or 0), int(c), str(d))
            for a, b, c, d in connection.execute(query.order_by(task.id))
        ]
        names = {i: n for i, n in connection.execute(select(Staff.id, Staff.full_name))}
    results = _latest_results(engine, [c[0] for c in checks] + [c[1] for c in checks])
    counts = {q: [0, 0] for q in questions}
    discrepancies: list[Discrepancy] = []
    pairs = 0
    for task_id, parent_id, patient_id, patient_name in checks:
        child, parent = results.get(task_id), results.get(parent_id)
        if child is None or parent is None:
            continue
        pairs += 1

        found: list[tuple[str, Any, Any]] = []
        if child.answers.value(NOT_CALLED) == "no":
            found.append((NOT_CALLED, "yes", "no"))
        for question in questions:
            was: StoredValue | None
            now: StoredValue | None
            if question == SATISFACTION:
                score_was, score_now = parent.satisfaction, child.satisfaction
                if score_was is None or score_now is None:
                    continue
                was, now = score_was, score_now
                same = abs(score_was - score_now) <= tolerance
            else:
                was = parent.answers.value(question)
                now = child.answers.value(question)
                if was is None or now is None:
                    continue
                same = _show(was) == _show(now)
            counts[question][0] += 1
            counts[question][1] += int(same)
            if not same:
                found.append((question, was, now))
        discrepancies += [
            Discrepancy(
                task_id,
                parent_id,
                patient_id,
                patient_name,
                parent.staff_id,
                names.get(parent.staff_id, ""),
                question,
                _show(was),
                _show(now),
            )
            for question, was, now in found
        ]
    return AgreementReport(
        level,
        pairs,
        tuple(QuestionAgreement(q, n, ok) for q, (n, ok) in counts.items()),
        tuple(discrepancies),
    )
