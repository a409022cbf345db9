"""Plausible answers to any questionnaire, entered the way an agent enters them on a call.

The picker walks the template with the desk's own :class:`AnswerSheet` (so skip logic, option
checks and ranges are the real ones) and picks what most patients say: the reassuring option,
a low pain score, a normal blood pressure. Options and values that a red-flag rule watches are
picked rarely, and a finished sheet that raises a flag is kept only now and then, so the
demo's alerts stay a small share of the follow-ups.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire import (
    AnswerSheet,
    DateRange,
    Question,
    QuestionType,
    Template,
)
from agent_app.domain.questionnaire_model import Compare, Condition, ConditionOp, Not

_CHOICE_OPS = (ConditionOp.EQUALS, ConditionOp.IN, ConditionOp.CONTAINS, ConditionOp.CONTAINS_ANY)
_IDENTITY = ("identity_confirmed", "respondent")

# (low, high, decimals) of what patients usually report; the top of a range crosses a
# red-flag threshold now and then (a fever of 38.5 °C, a systolic pressure of 160).
_NUMBERS: dict[str, tuple[float, float, int]] = {
    "temperature": (37.3, 38.9, 1),
    "systolic": (108, 168, 0),
    "diastolic": (62, 98, 0),
    "heart_rate": (56, 104, 0),
    "weight_gain": (0.0, 2.4, 1),
    "drain_volume": (5, 160, 0),
}
_TEXTS: dict[str, tuple[str, ...]] = {
    "suggestion": (
        "希望门诊挂号再方便一些",
        "护士很耐心,谢谢你们",
        "出院带药的说明可以再详细些",
        "停车位太少",
        "希望多一些健康教育资料",
        "复诊预约电话总是占线",
    ),
    "recurrence_site": ("肝", "肺", "骨", "淋巴结", "腹膜"),
    "remarks": ("患者对随访表示感谢", "家属代为回答"),
}
# Yes/no questions whose usual answer is yes; every other one asks about a problem.
_USUALLY_YES = frozenset(
    {
        "revisit_known",
        "bp_measured",
        "pain_controlled",
        "cardiac_rehab",
        "postnatal_check_known",
        "pathology_known",
        "xray_revisit_known",
        "followup_received",
    }
)
# Answers that follow the diagnosis rather than chance: (question, ICD-10 start) → weights.
_BY_DIAGNOSIS: dict[tuple[str, str], dict[str, float]] = {
    ("delivery_mode", "O82"): {"cesarean": 1.0},
    ("delivery_mode", "O80"): {"vaginal": 1.0},
    ("treatment", "S72"): {"fracture_fixation": 0.6, "joint_replacement": 0.4},
    ("treatment", "S82"): {"fracture_fixation": 0.85, "conservative": 0.15},
    ("treatment", "M17"): {"joint_replacement": 0.8, "conservative": 0.2},
    ("treatment", "M51"): {"spine": 0.6, "conservative": 0.4},
}
SATISFACTION_WEIGHTS = {5: 0.56, 4: 0.29, 3: 0.09, 2: 0.04, 1: 0.02}


@dataclass(frozen=True)
class CallFacts:
    """What the agent learns on the call that is not chance: who answers, alive or not."""

    respondent: str  # "self" or "family"
    discharged_on: dt.date
    call_day: dt.date
    diagnosis_code: str
    satisfaction: int
    died_on: dt.date | None = None  # the patient has died: the family says so
    give_up_after: int | None = None  # the patient hangs up after this many answers


@dataclass(frozen=True)
class PlannedAnswer:
    """One entry of a plan; a date is kept as days from the call day."""

    question_id: str
    value: object
    declined: NonAnswer | None
    offset_s: float  # seconds from the answer of the call


@dataclass(frozen=True)
class AnswerPlan:
    """The answers of one call, before it is placed in time."""

    entries: tuple[PlannedAnswer, ...]

    @property
    def length_s(self) -> float:
        return self.entries[-1].offset_s if self.entries else 0.0


def _alarming(template: Template) -> dict[str, set[str]]:
    """Option values, by question, that some red-flag rule watches."""
    values: dict[str, set[str]] = {}

    def walk(condition: Condition) -> None:
        if isinstance(condition, Compare):
            if condition.number is None and condition.op in _CHOICE_OPS:
                values.setdefault(condition.question_id, set()).update(condition.values)
        elif isinstance(condition, Not):
            walk(condition.part)
        else:
            for part in condition.parts:
                walk(part)

    for rule in template.red_flags:
        walk(rule.when)
    return values


class AnswerPicker:
    """Fills answer sheets of one template; the same generator gives the same answers."""

    def __init__(self, template: Template, keep_red_flag: float = 0.3) -> None:
        self.template = template
        self.keep_red_flag = keep_red_flag
        self._alarm_values = _alarming(template)
        fields = template.result_fields
        self._fixed = {fields.satisfaction, fields.vital_status, fields.death_date} - {None}

    def plan(
        self, rng: random.Random, facts: CallFacts, pace: tuple[float, float] = (6.0, 18.0)
    ) -> AnswerPlan:
        """Walk the questionnaire as the agent would, one answer every ``pace`` seconds; a
        plan that raises a red flag is drawn again (a few times at most) to keep flags rare."""
        sheet, plan = self._walk(rng, facts, pace)
        for _ in range(3):
            if not sheet.red_flags() or rng.random() < self.keep_red_flag:
                break
            sheet, plan = self._walk(rng, facts, pace)
        return plan

    def sheet(
        self,
        plan: AnswerPlan,
        answered_at: dt.datetime,
        call_day: dt.date,
        discharged_on: dt.date,
        stretch: float = 1.0,
    ) -> AnswerSheet:
        """Enter ``plan`` on a new sheet for a call answered at ``answered_at``; offsets are
        multiplied by ``stretch`` (a brisk call is a short recording)."""
        sheet = AnswerSheet(self.template, call_started_at=answered_at, today=call_day)
        for entry in plan.entries:
            at = answered_at + dt.timedelta(seconds=round(entry.offset_s * stretch, 1))
            if entry.declined is not None:
                sheet.decline(entry.question_id, entry.declined, at=at)
                continue
            value = entry.value
            if self.template.question(entry.question_id).type is QuestionType.DATE:
                assert isinstance(value, int)
                value = max(discharged_on, call_day + dt.timedelta(days=value))
            sheet.answer(entry.question_id, value, at=at)
        return sheet

    def _walk(
        self, rng: random.Random, facts: CallFacts, pace: tuple[float, float]
    ) -> tuple[AnswerSheet, AnswerPlan]:
        sheet = AnswerSheet(self.template, today=facts.call_day)
        offset = round(rng.uniform(3.0, 6.0), 1)
        entries: list[PlannedAnswer] = []
        question = sheet.next_unanswered()
        while question is not None:
            if facts.give_up_after is not None and len(entries) >= facts.give_up_after:
                break
            if question.required or rng.random() < self._optional_rate(question):
                if question.allow_unable and question.id not in self._fixed and rng.random() < 0.01:
                    declined = rng.choice(tuple(NonAnswer))
                    sheet.decline(question.id, declined)
                    entries.append(PlannedAnswer(question.id, None, declined, offset))
                else:
                    value = sheet.answer(question.id, self._value(rng, question, facts))
                    if isinstance(value, dt.date):
                        value = (value - facts.call_day).days
                    entries.append(PlannedAnswer(question.id, value, None, offset))
                offset = round(offset + rng.uniform(*pace), 1)
            question = sheet.next_unanswered(question.id)
        return sheet, AnswerPlan(tuple(entries))

    @staticmethod
    def _optional_rate(question: Question) -> float:
        return 0.12 if question.type is QuestionType.TEXT else 0.75

    def _value(self, rng: random.Random, q: Question, facts: CallFacts) -> object:
        fields = self.template.result_fields
        if q.id in _IDENTITY:
            return facts.respondent
        if q.id == fields.vital_status:
            return "deceased" if facts.died_on else "alive"
        if q.id == fields.death_date and facts.died_on:
            return facts.died_on
        if q.id == fields.satisfaction:
            return facts.satisfaction
        if q.type is QuestionType.SINGLE or q.type is QuestionType.YES_NO:
            return self._choice(rng, q, facts)
        if q.type is QuestionType.MULTI:
            return self._multi(rng, q)
        if q.type is QuestionType.SCALE:
            return self._scale(rng, q)
        if q.type is QuestionType.NUMBER:
            return self._number(rng, q)
        if q.type is QuestionType.DATE:
            return self._date(rng, q, facts)
        return rng.choice(_TEXTS.get(q.id, ("无",)))

    def _choice(self, rng: random.Random, q: Question, facts: CallFacts) -> str:
        for (qid, prefix), weights in _BY_DIAGNOSIS.items():
            if qid == q.id and facts.diagnosis_code.startswith(prefix):
                return _weighted(rng, weights)
        alarm = self._alarm_values.get(q.id, set())
        if q.type is QuestionType.YES_NO:
            if "no" in alarm or q.id in _USUALLY_YES:
                return "no" if rng.random() < 0.1 else "yes"
            # Other yes/no questions ask about a problem (fever, swelling, a fall).
            return "yes" if rng.random() < (0.04 if "yes" in alarm else 0.12) else "no"
        weights, usual = {}, 1.0
        for option in q.options:
            if option.value in alarm:
                weights[option.value] = 0.03
            else:
                weights[option.value] = usual
                usual *= 0.3
        return _weighted(rng, weights)

    def _multi(self, rng: random.Random, q: Question) -> list[str]:
        alarm = self._alarm_values.get(q.id, set())
        if q.option("none") is not None and "none" not in alarm and rng.random() < 0.7:
            return ["none"]
        others = {o.value: 0.08 if o.value in alarm else 1.0 for o in q.options if not o.exclusive}
        picked = {_weighted(rng, others) for _ in range(1 + (rng.random() < 0.3))}
        return sorted(picked)

    def _scale(self, rng: random.Random, q: Question) -> int:
        assert q.minimum is not None and q.maximum is not None
        low, high = int(q.minimum), int(q.maximum)
        if low == 0:  # a symptom score: most patients have little, few reach 60 % of the top
            return min(high, int(rng.expovariate(3.5 / (0.6 * high))))
        return high - min(high - low, int(rng.expovariate(1.1)))

    def _number(self, rng: random.Random, q: Question) -> float | int:
        assert q.minimum is not None and q.maximum is not None
        low, high, decimals = _NUMBERS.get(
            q.id, (q.minimum, q.minimum + (q.maximum - q.minimum) / 3, 0)
        )
        value = min(max(rng.triangular(low, high), q.minimum), q.maximum)
        if q.integer or decimals == 0:
            return round(value)
        return round(value, decimals)

    @staticmethod
    def _date(rng: random.Random, q: Question, facts: CallFacts) -> dt.date:
        if q.date_range is DateRange.FUTURE:
            return facts.call_day + dt.timedelta(days=rng.randint(5, 45))
        span = max(0, (facts.call_day - facts.discharged_on).days)
        return facts.discharged_on + dt.timedelta(days=rng.randint(0, span))


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    pick = rng.random() * sum(weights.values())
    for value, weight in weights.items():
        pick -= weight
        if pick < 0:
            return value
    return next(reversed(weights))


def depends_on_diagnosis(template: Template) -> bool:
    """Whether some answer of the template follows the diagnosis (the delivery mode)."""
    return any(template.has_question(qid) for qid, _ in _BY_DIAGNOSIS)
