"""What changes between two versions of a template, as far as stored answers are concerned."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agent_app.domain.answer_values import AnswerRejected, parse_answer
from agent_app.domain.questionnaire_model import Question, QuestionType, Template, TemplateError
from agent_app.domain.stored_answers import UnreadableAnswersError, decode_stored_answers


@dataclass(frozen=True)
class QuestionChange:
    question_id: str
    reason: str


@dataclass(frozen=True)
class TemplateDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[QuestionChange, ...]  # changes that can make a stored answer invalid

    @property
    def compatible(self) -> bool:
        """Every answer valid under the old version is still valid under the new one."""
        return not self.removed and not self.changed


def compare_templates(old: Template, new: Template) -> TemplateDiff:
    """Question ids added and removed, and questions whose stored answers may no longer fit.

    Rewording a text or a label is not a change for stored answers; a new type, a removed
    option, a narrower range or a new scale is. Refuses two different templates and a new
    version that is not higher.
    """
    if old.code != new.code:
        raise TemplateError("template_other_code", template=new.code, other=old.code)
    if new.version <= old.version:
        raise TemplateError(
            "template_version_not_higher",
            template=new.code,
            version=new.version,
            previous=old.version,
        )
    old_ids = [q.id for q in old.questions]
    new_ids = [q.id for q in new.questions]
    changed = []
    for qid in old_ids:
        if new.has_question(qid):
            reason = _change(old.question(qid), new.question(qid))
            if reason:
                changed.append(QuestionChange(qid, reason))
    return TemplateDiff(
        added=tuple(q for q in new_ids if not old.has_question(q)),
        removed=tuple(q for q in old_ids if not new.has_question(q)),
        changed=tuple(changed),
    )


def _change(old: Question, new: Question) -> str:
    if old.type is not new.type:
        return f"type changed from {old.type.value} to {new.type.value}"
    if old.type.has_options:
        gone = [o.value for o in old.options if new.option(o.value) is None]
        if gone:
            return "options removed: " + ", ".join(gone)
        newly = [
            o.value
            for o in new.options
            if o.exclusive and (prev := old.option(o.value)) is not None and not prev.exclusive
        ]
        if newly:
            return "options made exclusive: " + ", ".join(newly)
    if old.type is QuestionType.SCALE and (old.minimum, old.maximum) != (new.minimum, new.maximum):
        return (
            f"scale changed from {old.minimum:g}–{old.maximum:g} to {new.minimum:g}–{new.maximum:g}"
        )
    if old.type is QuestionType.NUMBER:
        assert old.minimum is not None and old.maximum is not None
        assert new.minimum is not None and new.maximum is not None
        if new.minimum > old.minimum or new.maximum < old.maximum:
            return (
                f"range narrowed from {old.minimum:g}–{old.maximum:g} "
                f"to {new.minimum:g}–{new.maximum:g}"
            )
        if new.integer and not old.integer:
            return "now whole numbers only"
    if old.type is QuestionType.TEXT and new.max_length < old.max_length:
        return f"max_length lowered from {old.max_length} to {new.max_length}"
    if old.type is QuestionType.DATE and old.date_range is not new.date_range:
        return f"date_range changed from {old.date_range.value} to {new.date_range.value}"
    return ""


def stored_answer_problems(template: Template, data: Mapping[str, Any]) -> dict[str, str]:
    """For saved answers (``AnswerSheet.to_json`` form), which would not fit ``template``
    and why; empty when all of them fit (whatever version they were saved under). A problem
    of the whole document is under the key ``""``."""
    try:
        stored = decode_stored_answers(data)
    except UnreadableAnswersError as error:
        return {"": str(error)}
    problems: dict[str, str] = {}
    for answer in stored.answers.values():
        qid = answer.question_id
        if not template.has_question(qid):
            problems[qid] = "question removed"
        elif answer.problem is not None:
            problems[qid] = answer.problem.english()
        elif answer.declined is not None:
            if not template.question(qid).allow_unable:
                problems[qid] = "declining is no longer allowed"
        else:
            try:
                parse_answer(template.question(qid), answer.value)
            except AnswerRejected as error:
                problems[qid] = error.words.en
    return problems
