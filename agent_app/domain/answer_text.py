"""A stored result read back as people read it: each asked question with the answer in words.

Choices show their labels, scales their number out of the maximum (and its label), numbers
their unit. A result written under another version of the template still reads: answers the
template no longer knows are shown with their stored value rather than dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agent_app.domain.answer_sheet import AnswerSheet, StoredAnswersError
from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire_model import AnswerValue, Question, QuestionType, Template
from agent_app.domain.stored_answers import (
    StoredProblem,
    UnreadableAnswersError,
    decode_stored_answers,
)


@dataclass(frozen=True)
class AnswerLine:
    """One asked question; ``answer`` is empty when ``declined`` says why it has none."""

    question_id: str
    question: str
    answer: str
    declined: NonAnswer | None = None
    red_flag: bool = False
    problem: StoredProblem | None = None  # why ``answer`` is the stored JSON as it was kept


def _number(value: float) -> str:
    return f"{value:g}"


def answer_words(question: Question, value: AnswerValue, language: str) -> str:
    """``value`` of ``question`` in words of ``language``."""
    if isinstance(value, tuple):
        return "、".join(answer_words(question, item, language) for item in value)
    if question.type.has_options and isinstance(value, str):
        option = question.option(value)
        return option.label.in_language(language) if option else value
    if question.type is QuestionType.SCALE and isinstance(value, int):
        text = (
            f"{value}/{_number(question.maximum)}" if question.maximum is not None else str(value)
        )
        label = dict(question.scale_labels).get(value)
        return f"{text} {label.in_language(language)}" if label else text
    if isinstance(value, int | float) and not isinstance(value, bool):
        unit = question.unit.in_language(language) if question.unit else ""
        return f"{_number(value)} {unit}".strip()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def answer_lines(template: Template, answers: Mapping[str, Any], language: str) -> list[AnswerLine]:
    """The answered and declined questions of a stored result, in the template's order."""
    try:
        sheet = AnswerSheet.from_json(template, answers)
    except StoredAnswersError:
        return _raw_lines(template, answers, language)
    flagged = {qid for flag in sheet.red_flags() for qid in flag.question_ids}
    lines = []
    for question in sheet.visible_questions():
        entry = sheet.entry(question.id)
        if entry is None:
            continue
        text = question.text.in_language(language)
        if entry.declined is not None:
            lines.append(AnswerLine(question.id, text, "", entry.declined))
        elif entry.value is not None:
            words = answer_words(question, entry.value, language)
            lines.append(AnswerLine(question.id, text, words, None, question.id in flagged))
    return lines


def _raw_lines(template: Template, answers: object, language: str) -> list[AnswerLine]:
    """Answers that do not fit this version of the template, as they were stored: none left
    out, and what cannot be read at all shown as its JSON with the reason."""
    try:
        stored = decode_stored_answers(answers)
    except UnreadableAnswersError as error:
        return [AnswerLine("", "", _json_text(answers), problem=error.problem())]
    lines = []
    for answer in stored.answers.values():
        qid = answer.question_id
        question = (
            template.question(qid).text.in_language(language) if template.has_question(qid) else qid
        )
        if answer.problem is not None:
            lines.append(AnswerLine(qid, question, _json_text(answer.raw), problem=answer.problem))
        elif answer.declined is not None:
            lines.append(AnswerLine(qid, question, "", answer.declined))
        elif isinstance(answer.value, tuple):
            lines.append(AnswerLine(qid, question, "、".join(answer.value)))
        else:
            lines.append(
                AnswerLine(qid, question, "" if answer.value is None else str(answer.value))
            )
    return lines


def _json_text(raw: object) -> str:
    return json.dumps(raw, ensure_ascii=False, default=str)
