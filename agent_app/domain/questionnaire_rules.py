"""Skip logic and red flags evaluated against answers: which questions are shown, what fires."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agent_app.domain.questionnaire_model import (
    END,
    AllOf,
    AnswerValue,
    AnyOf,
    Compare,
    Condition,
    ConditionOp,
    Not,
    Question,
    RedFlagRule,
    Template,
    TemplateError,
    condition_questions,
)

ValueOf = Callable[[str], AnswerValue | None]
"""The answer to a question id, or None when it has none (unanswered, unable, refused)."""


def evaluate(condition: Condition, value_of: ValueOf) -> bool:
    """Whether ``condition`` holds; a test on a question without an answer is false
    (except ``answered: false``)."""
    if isinstance(condition, AllOf):
        return all(evaluate(p, value_of) for p in condition.parts)
    if isinstance(condition, AnyOf):
        return any(evaluate(p, value_of) for p in condition.parts)
    if isinstance(condition, Not):
        return not evaluate(condition.part, value_of)
    return _compare(condition, value_of(condition.question_id))


def _compare(leaf: Compare, value: AnswerValue | None) -> bool:
    op = leaf.op
    if op is ConditionOp.ANSWERED:
        return (value is not None) == leaf.flag
    if value is None:
        return False
    if leaf.number is not None:
        if not isinstance(value, int | float):
            return False
        n = float(value)
        return {
            ConditionOp.EQUALS: n == leaf.number,
            ConditionOp.NOT_EQUALS: n != leaf.number,
            ConditionOp.GT: n > leaf.number,
            ConditionOp.GE: n >= leaf.number,
            ConditionOp.LT: n < leaf.number,
            ConditionOp.LE: n <= leaf.number,
        }.get(op, False)
    if op is ConditionOp.CONTAINS or op is ConditionOp.CONTAINS_ANY:
        return isinstance(value, tuple) and any(v in value for v in leaf.values)
    if op is ConditionOp.EQUALS or op is ConditionOp.IN:
        return value in leaf.values
    if op is ConditionOp.NOT_EQUALS or op is ConditionOp.NOT_IN:
        return value not in leaf.values
    return False


class _Undecided(Exception):
    """A decision read a question that is not decided yet."""

    def __init__(self, question_id: str) -> None:
        super().__init__(question_id)
        self.question_id = question_id


class Visibility:
    """Which questions are shown for one set of answers (computed lazily, memoized)."""

    def __init__(self, template: Template, answer_of: ValueOf) -> None:
        self._template = template
        self._answer_of = answer_of
        self._section_index = {s.id: i for i, s in enumerate(template.sections)}
        self._position = {q.id: i for i, q in enumerate(template.questions)}
        self._jumpers = [q for q in template.questions if q.jumps]
        # The furthest section each jump can reach: a jump that cannot reach past a question's
        # section is not consulted for it (it could not skip it, and the template's cycle
        # check does not count it as a dependency either).
        self._reach = {
            q.id: max(
                len(template.sections) if j.to == END else self._section_index[j.to]
                for j in q.jumps
            )
            for q in self._jumpers
        }
        self._memo: dict[str, bool] = {}
        self._deciding = False

    def value(self, question_id: str) -> AnswerValue | None:
        """The answer as conditions see it: None when the question is hidden."""
        return self._answer_of(question_id) if self.is_visible(question_id) else None

    def is_visible(self, question_id: str) -> bool:
        known = self._memo.get(question_id)
        if known is not None:
            return known
        if self._deciding:
            raise _Undecided(question_id)  # the loop below decides it first, then retries
        self._decide_in_order_of_need(question_id)
        return self._memo[question_id]

    def _decide_in_order_of_need(self, question_id: str) -> None:
        """Decide ``question_id`` and whatever its decision reads, without recursion.

        A chain of conditions can be as long as the template (each question shown depending
        on the next one), which recursion would follow until the stack runs out. Instead a
        decision that reads an undecided question stops, that question is decided first, and
        the decision is tried again. The template's check guarantees no cycle, so this ends;
        a path longer than the template would be one.
        """
        pending = [question_id]
        self._deciding = True
        try:
            while pending:
                current = pending[-1]
                if current in self._memo:
                    pending.pop()
                    continue
                try:
                    self._memo[current] = self._decide(self._template.question(current))
                except _Undecided as need:
                    if len(pending) > len(self._position):
                        raise TemplateError(
                            "template_skip_cycle_through", question=need.question_id
                        ) from None
                    pending.append(need.question_id)
                else:
                    pending.pop()
        finally:
            self._deciding = False

    def visible(self) -> tuple[Question, ...]:
        return tuple(q for q in self._template.questions if self.is_visible(q.id))

    def _decide(self, q: Question) -> bool:
        section = self._template.section(q.section_id)
        if section.show_if is not None and not evaluate(section.show_if, self.value):
            return False
        if q.show_if is not None and not evaluate(q.show_if, self.value):
            return False
        return not self._skipped(q)

    def _skipped(self, q: Question) -> bool:
        here, position = self._section_index[q.section_id], self._position[q.id]
        for source in self._jumpers:
            if self._position[source.id] >= position:
                break
            if self._reach[source.id] <= here:
                continue  # cannot reach past this section
            target = self.jump_taken(source)
            if target is not None and (target == END or self._section_index[target] > here):
                return True
        return False

    def jump_taken(self, source: Question) -> str | None:
        """The section (or END) a shown question's answer jumps to, if any."""
        if not source.jumps or not self.is_visible(source.id):
            return None
        for jump in source.jumps:
            if evaluate(jump.when, self.value):
                return jump.to
        return None


@dataclass(frozen=True)
class RaisedFlag:
    """A red-flag rule the current answers trigger, with the answers that triggered it."""

    rule: RedFlagRule
    question_ids: tuple[str, ...]


def raised_flags(template: Template, visibility: Visibility) -> tuple[RaisedFlag, ...]:
    """Red flags triggered by the shown answers, most severe first (then template order)."""
    raised = [
        RaisedFlag(rule, tuple(dict.fromkeys(condition_questions(rule.when))))
        for rule in template.red_flags
        if evaluate(rule.when, visibility.value)
    ]
    return tuple(sorted(raised, key=lambda f: f.rule.severity.rank))
