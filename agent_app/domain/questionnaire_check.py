"""Checks that need the whole template: conditions fit their questions, skip logic has no cycle."""

from __future__ import annotations

from collections.abc import Iterator

from agent_app.domain.questionnaire_model import (
    END,
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
    condition_questions,
)

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
            _check(template, section.show_if, f"Section '{section.id}': show_if")
        for q in section.questions:
            where = f"Question '{q.id}' in section '{section.id}'"
            if q.show_if is not None:
                _check(template, q.show_if, f"{where}: show_if")
            for n, jump in enumerate(q.jumps, 1):
                _check(template, jump.when, f"{where}: jump {n}")
    for rule in template.red_flags:
        _check(template, rule.when, f"Red flag '{rule.id}'")


def _leaves(condition: Condition) -> Iterator[Compare]:
    if isinstance(condition, Compare):
        yield condition
    elif isinstance(condition, Not):
        yield from _leaves(condition.part)
    elif isinstance(condition, AllOf | AnyOf):
        for part in condition.parts:
            yield from _leaves(part)


def _check(template: Template, condition: Condition, where: str) -> None:
    for leaf in _leaves(condition):
        if not template.has_question(leaf.question_id):
            raise TemplateError(
                f"{where}: condition refers to question '{leaf.question_id}' that does not exist."
            )
        _check_leaf(template.question(leaf.question_id), leaf, where)


def _check_leaf(q: Question, leaf: Compare, where: str) -> None:
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
            f"{where}: operator '{op.value}' cannot test question '{q.id}' of type "
            f"'{q.type.value}'."
        )
    if q.type.is_numeric and leaf.number is None:
        raise TemplateError(
            f"{where}: question '{q.id}' is a {q.type.value}; '{op.value}' must compare it "
            "with a number."
        )
    for value in leaf.values:
        if q.option(value) is None:
            raise TemplateError(f"{where}: '{value}' is not an option of question '{q.id}'.")
    if q.type is QuestionType.SCALE and op in (ConditionOp.EQUALS, ConditionOp.NOT_EQUALS):
        assert leaf.number is not None and q.minimum is not None and q.maximum is not None
        if not q.minimum <= leaf.number <= q.maximum or leaf.number != int(leaf.number):
            raise TemplateError(
                f"{where}: {leaf.number:g} is not a point of the scale of question '{q.id}' "
                f"({q.minimum:g}–{q.maximum:g})."
            )


def question_dependencies(template: Template) -> dict[str, tuple[str, ...]]:
    """For each question, the questions whose answers decide whether it is shown.

    A question depends on the questions its own and its section's ``show_if`` read, and on
    every earlier question with a jump that could skip it (and on what that jump reads).
    """
    order = [s.id for s in template.sections]
    deps: dict[str, tuple[str, ...]] = {}
    jump_sources: list[tuple[Question, int]] = []  # (question, furthest section it can skip to)
    for s_index, section in enumerate(template.sections):
        for q in section.questions:
            found: list[str] = []
            if section.show_if is not None:
                found += condition_questions(section.show_if)
            if q.show_if is not None:
                found += condition_questions(q.show_if)
            for source, reach in jump_sources:
                if reach > s_index:
                    found.append(source.id)
                    for jump in source.jumps:
                        found += condition_questions(jump.when)
            deps[q.id] = tuple(dict.fromkeys(found))
            if q.jumps:
                reach = max(len(order) if j.to == END else order.index(j.to) for j in q.jumps)
                jump_sources.append((q, reach))
    return deps


def check_skip_logic(template: Template) -> None:
    """Refuse skip logic that goes round in a circle, naming the questions on it."""
    for q in template.questions:
        if q.show_if is not None and q.id in set(condition_questions(q.show_if)):
            raise TemplateError(
                f"Question '{q.id}' in section '{q.section_id}': show_if tests the question's "
                "own answer."
            )
    deps = question_dependencies(template)
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(qid: str) -> None:
        state[qid] = 1
        path.append(qid)
        for dep in deps[qid]:
            if state.get(dep) == 1:
                cycle = [*path[path.index(dep) :], dep]
                shown = " → ".join(f"'{c}'" for c in cycle)
                raise TemplateError(
                    f"Skip logic has a cycle (each is shown depending on the next): {shown}."
                )
            if dep not in state:
                visit(dep)
        path.pop()
        state[qid] = 2

    for q in template.questions:
        if q.id not in state:
            visit(q.id)
