"""Questionnaires in one import: the template model, its parser, answers and version checks.

The work is split by concern: ``questionnaire_model`` (types), ``questionnaire_parse``,
``questionnaire_check``, ``questionnaire_cycles``, ``template_limits`` and ``template_errors``
(reading and refusing templates, each refusal a code), ``questionnaire_rules`` (skip logic and
red flags), ``answer_values`` (validating one answer), ``answer_sheet`` (a call's answers) and
``template_versions`` (what a new version means for stored answers).
"""

from __future__ import annotations

from agent_app.domain.answer_sheet import AnswerEntry, AnswerSheet, Progress, StoredAnswersError
from agent_app.domain.answer_values import AnswerProblem, AnswerRejected, parse_answer
from agent_app.domain.questionnaire_model import (
    END,
    AnswerValue,
    Condition,
    DateRange,
    LocalText,
    Option,
    Question,
    QuestionnaireError,
    QuestionType,
    RedFlagRule,
    ResultFields,
    Section,
    Template,
    TemplateError,
)
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.domain.questionnaire_rules import RaisedFlag, evaluate
from agent_app.domain.template_limits import TemplateLimit, TemplateLimitError
from agent_app.domain.template_versions import (
    QuestionChange,
    TemplateDiff,
    compare_templates,
    stored_answer_problems,
)

__all__ = [
    "END",
    "AnswerEntry",
    "AnswerProblem",
    "AnswerRejected",
    "AnswerSheet",
    "AnswerValue",
    "Condition",
    "DateRange",
    "LocalText",
    "Option",
    "Progress",
    "Question",
    "QuestionChange",
    "QuestionType",
    "QuestionnaireError",
    "RaisedFlag",
    "RedFlagRule",
    "ResultFields",
    "Section",
    "StoredAnswersError",
    "Template",
    "TemplateDiff",
    "TemplateError",
    "TemplateLimit",
    "TemplateLimitError",
    "compare_templates",
    "evaluate",
    "parse_answer",
    "parse_template",
    "stored_answer_problems",
]
