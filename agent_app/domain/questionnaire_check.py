"""Checks that need the whole template: every condition fits the questions it tests.

Whether skip logic has a cycle is checked in :mod:`agent_app.domain.questionnaire_cycles`.
"""

from __future__ import annotations

from collections.abc import Iterator

from agent_app.domain.questionnaire_model import (
    AllOf,
    AnyOf,
    Compare,
    Condition,
    ConditionOp,
    Not,
    Question,
    QuestionType,
    Template,
    TemplateError,
)
from agent_app.domain.template_errors import Place, Where

_CHOICE_OPS = {ConditionOp.EQUALS, ConditionOp.NOT_EQUALS, ConditionOp.IN, ConditionOp.NOT_IN}
_MULTI_OPS = {ConditionOp.CONTAINS, ConditionOp.CONTAINS_ANY}
_NUMBER_OPS = {
    ConditionOp.EQUALS,
    ConditionOp.NOT_EQUALS,
    ConditionOp.GT,
    ConditionOp.GE,
    ConditionOp.LT,
    ConditionOp.LE,
}


def check_conditions(template: Template) -> None:
    """Every condition names an existing question, with an operator and values that fit it."""
    for section in template.sections:
        if section.show_if is not None:
            _check(template, section.show_if, Where(Place.SECTION_SHOW_IF, section=section.id))
        for q in section.questions:
            where = Where(Place.QUESTION, section=section.id, question=q.id)
            if q.show_if is not None:
                _check(template, q.show_if, where.at(Place.QUESTION_SHOW_IF))
            for n, jump in enumerate(q.jumps, 1):
                _check(template, jump.when, where.at(Place.JUMP, jump=n))
    for rule in template.red_flags:
        _check(template, rule.when, Where(Place.RED_FLAG, flag=rule.id))


def _leaves(condition: Condition) -> Iterator[Compare]:
    if isinstance(condition, Compare):
        yield condition
    elif isinstance(condition, Not):
        yield from _leaves(condition.part)
    elif isinstance(condition, AllOf | AnyOf):
        for part in condition.parts:
            yield from _leaves(part)


def _check(template: Template, condition: Condition, where: Where) -> None:
    for leaf in _leaves(condition):
        if not template.has_question(leaf.question_id):
            raise TemplateError(
                "template_condition_unknown_question", where, tested=leaf.question_id
            )
        _check_leaf(template.question(leaf.question_id), leaf, where)


def _check_leaf(q: Question, leaf: Compare, where: Where) -> None:
    op = leaf.op
    if op is ConditionOp.ANSWERED:
        return
    if q.type in (QuestionType.SINGLE, QuestionType.YES_NO):
        allowed = _CHOICE_OPS
    elif q.type is QuestionType.MULTI:
        allowed = _MULTI_OPS
    elif q.type.is_numeric:
        allowed = _NUMBER_OPS
    else:
        allowed = set()
    if op not in allowed or (q.type.has_options and leaf.number is not None):
        raise TemplateError(
            "template_operator_not_for_type", where, operator=op.value, tested=q.id, type=q.type
        )
    if q.type.is_numeric and leaf.number is None:
        raise TemplateError(
            "template_compare_with_number", where, tested=q.id, type=q.type, operator=op.value
        )
    for value in leaf.values:
        if q.option(value) is None:
            raise TemplateError("template_not_an_option", where, value=value, tested=q.id)
    if q.type is QuestionType.SCALE and op in (ConditionOp.EQUALS, ConditionOp.NOT_EQUALS):
        assert leaf.number is not None and q.minimum is not None and q.maximum is not None
        if not q.minimum <= leaf.number <= q.maximum or leaf.number != int(leaf.number):
            raise TemplateError(
                "template_not_a_scale_point",
                where,
                value=f"{leaf.number:g}",
                tested=q.id,
                low=f"{q.minimum:g}",
                high=f"{q.maximum:g}",
            )
