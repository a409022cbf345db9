"""Typed model of a questionnaire template: sections, questions, skip logic and red flags.

Built only by :func:`agent_app.domain.questionnaire_parse.parse_template`, which checks every
rule below, so code holding a :class:`Template` can rely on it (ids exist, ranges are sane,
skip logic has no cycle).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from agent_app.domain.enums import RedFlagSeverity
from agent_app.domain.template_errors import QuestionnaireError as QuestionnaireError
from agent_app.domain.template_errors import TemplateError as TemplateError

END = "end"
"""Jump target meaning "skip everything after this question"."""


@dataclass(frozen=True)
class LocalText:
    """A visible text in both shipped languages."""

    zh_CN: str
    en: str

    def in_language(self, language: str) -> str:
        """The text for ``language`` ("zh_CN", "zh", "en", "en_US", …); Chinese otherwise."""
        return self.en if language.lower().startswith("en") else self.zh_CN


class QuestionType(enum.StrEnum):
    SINGLE = "single"
    MULTI = "multi"
    SCALE = "scale"
    NUMBER = "number"
    DATE = "date"
    TEXT = "text"
    YES_NO = "yes_no"

    @property
    def has_options(self) -> bool:
        return self in (QuestionType.SINGLE, QuestionType.MULTI, QuestionType.YES_NO)

    @property
    def is_numeric(self) -> bool:
        return self in (QuestionType.SCALE, QuestionType.NUMBER)


class DateRange(enum.StrEnum):
    ANY = "any"
    PAST = "past"  # today or earlier (e.g. date of death, date of onset)
    FUTURE = "future"  # today or later (e.g. re-visit appointment)


class ConditionOp(enum.StrEnum):
    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    IN = "in"
    NOT_IN = "not_in"
    CONTAINS = "contains"
    CONTAINS_ANY = "contains_any"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    ANSWERED = "answered"


@dataclass(frozen=True)
class Compare:
    """One test on one question's answer.

    ``values`` holds option values (choice operators), ``number`` the right-hand side of a
    numeric operator, ``flag`` the wanted truth of ``answered``.
    """

    question_id: str
    op: ConditionOp
    values: tuple[str, ...] = ()
    number: float | None = None
    flag: bool = True


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    part: Condition


Condition = Compare | AllOf | AnyOf | Not


def condition_questions(condition: Condition) -> Iterator[str]:
    """Every question id a condition reads."""
    if isinstance(condition, Compare):
        yield condition.question_id
    elif isinstance(condition, Not):
        yield from condition_questions(condition.part)
    else:
        for part in condition.parts:
            yield from condition_questions(part)


@dataclass(frozen=True)
class Option:
    value: str
    label: LocalText
    exclusive: bool = False  # multi only: cannot be picked with another option ("none")


@dataclass(frozen=True)
class Jump:
    """When ``when`` holds, the questions after the owner up to section ``to`` are skipped."""

    when: Condition
    to: str  # a later section id or END


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: LocalText
    section_id: str
    required: bool = False
    allow_unable: bool = True
    hint: LocalText | None = None
    options: tuple[Option, ...] = ()
    minimum: float | None = None  # scale and number
    maximum: float | None = None
    unit: LocalText | None = None  # number
    integer: bool = False  # number
    scale_labels: tuple[tuple[int, LocalText], ...] = ()
    date_range: DateRange = DateRange.ANY
    max_length: int = 500  # text
    show_if: Condition | None = None
    jumps: tuple[Jump, ...] = ()

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


YES_NO_OPTIONS = (
    Option("yes", LocalText("是", "Yes")),
    Option("no", LocalText("否", "No")),
)


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalText
    questions: tuple[Question, ...]
    show_if: Condition | None = None


@dataclass(frozen=True)
class RedFlagRule:
    id: str
    when: Condition
    severity: RedFlagSeverity
    message: LocalText  # plain words for the attending doctor


@dataclass(frozen=True)
class ResultFields:
    """Which questions fill the columns of the result row."""

    satisfaction: str | None = None  # a scale question
    vital_status: str | None = None  # single choice with values alive / deceased / unknown
    death_date: str | None = None  # a date question


@dataclass(frozen=True)
class Template:
    code: str
    version: int
    title: LocalText
    specialty: str
    sections: tuple[Section, ...]
    red_flags: tuple[RedFlagRule, ...] = ()
    result_fields: ResultFields = ResultFields()
    description: LocalText | None = None
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)
    # Built once: callers look questions and sections up per question, which must not cost
    # a pass over the whole template each time (a large template would check in square time).
    _questions: tuple[Question, ...] = field(default=(), init=False, compare=False, repr=False)
    _section_by_id: dict[str, Section] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_questions", tuple(q for s in self.sections for q in s.questions))
        self._by_id.update({q.id: q for q in self._questions})
        self._section_by_id.update({s.id: s for s in self.sections})

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions in asking order."""
        return self._questions

    def question(self, question_id: str) -> Question:
        """The question with this id; ``KeyError`` naming it when there is none."""
        try:
            return self._by_id[question_id]
        except KeyError:
            raise KeyError(f"Template '{self.code}' has no question '{question_id}'.") from None

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def section(self, section_id: str) -> Section:
        try:
            return self._section_by_id[section_id]
        except KeyError:
            raise KeyError(f"Template '{self.code}' has no section '{section_id}'.") from None


AnswerValue = str | int | float | dt.date | tuple[str, ...]
"""single/yes_no/text: str; multi: option values in option order; scale: int; number: int or
float; date: date."""
