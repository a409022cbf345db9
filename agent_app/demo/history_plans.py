"""Answer sheets for thousands of past calls at the price of a few hundred.

Walking a questionnaire answer by answer, and then working out its skip logic and red flags,
costs about a millisecond; a past of fifteen thousand follow-ups cannot afford that for each
one. So each template gets a pool of plans per respondent (and per diagnosis where an answer
follows it, such as the delivery mode), with satisfaction scores in the proportions patients
give them. Each plan is entered once on the desk's own :class:`AnswerSheet`, which checks
every answer; a call that draws it gets a copy of that sheet's JSON with its own answer times
and dates. Calls that are not routine (the patient died, refused, or hung up half-way) are
planned and entered one by one.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Any

from agent_app.demo.history_answers import (
    SATISFACTION_WEIGHTS,
    AnswerPicker,
    AnswerPlan,
    CallFacts,
    depends_on_diagnosis,
)
from agent_app.domain.enums import VitalStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.questionnaire import AnswerSheet, QuestionType, RaisedFlag, Template

POOL_SIZE = 48  # plans per pool; a small past makes smaller pools
_DAY = dt.date(2000, 1, 31)  # where pool sheets are first entered, before their calls move them
_START = dt.datetime(2000, 1, 31, 2, 0, tzinfo=dt.UTC)
_DISCHARGED = _DAY - dt.timedelta(days=30)


@dataclass(frozen=True)
class FilledSheet:
    """What a finished sheet gives the result row, read from the sheet once."""

    answers: dict[str, Any]  # AnswerSheet.to_json()
    satisfaction: int | None
    vital_status: VitalStatus
    death_date: dt.date | None
    complete: bool  # every shown required question answered or declined
    red_flags: tuple[RaisedFlag, ...]

    @property
    def markers(self) -> dict[str, float]:
        """Seconds from the answer of the call to each shown answer (the player's markers)."""
        return {
            qid: float(item["offset_s"])
            for qid, item in self.answers["answers"].items()
            if item.get("offset_s") is not None and not item.get("hidden")
        }

    def value(self, question_id: str) -> Any:
        item = self.answers["answers"].get(question_id)
        return None if item is None or item.get("hidden") else item.get("value")


def read_sheet(sheet: AnswerSheet) -> FilledSheet:
    return FilledSheet(
        sheet.to_json(),
        sheet.satisfaction(),
        sheet.vital_status(),
        sheet.death_date(),
        sheet.can_finish,
        sheet.red_flags(),
    )


def _pool_scores(size: int) -> list[int]:
    """Satisfaction scores for a pool, in the proportions patients give them and with every
    score at least once, so that even a small past has its unhappy patients."""
    low = {s: max(1, round(share * size)) for s, share in SATISFACTION_WEIGHTS.items() if s < 5}
    return [5] * (size - sum(low.values())) + [s for s, n in low.items() for _ in range(n)]


class AnswerPlans:
    """Hands out filled sheets for calls; the same generator gives the same sheets."""

    def __init__(
        self, rng: random.Random, templates: dict[int, Template], pool_size: int = POOL_SIZE
    ) -> None:
        self._rng = rng
        self._templates = templates
        self._pool_size = pool_size
        self._pickers: dict[int, AnswerPicker] = {}
        self._pools: dict[tuple[int, str, str], list[tuple[AnswerPlan, FilledSheet]]] = {}

    def picker(self, template_id: int) -> AnswerPicker:
        picker = self._pickers.get(template_id)
        if picker is None:
            picker = self._pickers[template_id] = AnswerPicker(self._templates[template_id])
        return picker

    def routine(
        self,
        template_id: int,
        respondent: str,
        diagnosis_code: str,
        answered_at: dt.datetime,
        discharged_on: dt.date,
        pace: float | None = None,
    ) -> FilledSheet:
        """A call that went as most do, answered at ``answered_at``; ``pace`` squeezes its
        answers into that many seconds (a brisk call makes a short recording)."""
        picker = self.picker(template_id)
        dx = diagnosis_code[:3] if depends_on_diagnosis(picker.template) else ""
        key = (template_id, respondent, dx)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = []
            for score in _pool_scores(self._pool_size):
                facts = CallFacts(respondent, _DISCHARGED, _DAY, diagnosis_code, score)
                plan = picker.plan(self._rng, facts)
                sheet = picker.sheet(plan, _START, _DAY, _DISCHARGED)
                pool.append((plan, read_sheet(sheet)))
        plan, filled = self._rng.choice(pool)
        stretch = _stretch(plan, pace)
        return _moved(picker.template, plan, filled, answered_at, discharged_on, stretch)

    def special(
        self,
        template_id: int,
        facts: CallFacts,
        answered_at: dt.datetime,
        pace: float | None = None,
    ) -> FilledSheet:
        """A call planned and entered on its own (a death, a refusal, a call cut short)."""
        picker = self.picker(template_id)
        plan = picker.plan(self._rng, facts)
        stretch = _stretch(plan, pace)
        sheet = picker.sheet(plan, answered_at, facts.call_day, facts.discharged_on, stretch)
        return read_sheet(sheet)


def _stretch(plan: AnswerPlan, seconds: float | None) -> float:
    if seconds is None or plan.length_s <= seconds:
        return 1.0
    return seconds / plan.length_s


def _moved(
    template: Template,
    plan: AnswerPlan,
    filled: FilledSheet,
    answered_at: dt.datetime,
    discharged_on: dt.date,
    stretch: float,
) -> FilledSheet:
    """The pool sheet as if entered on this call: each answer's time (``at`` and its offset
    from the call's answer, as ``AnswerSheet.to_json`` writes them) and dates follow the
    call; values, skip logic and flags do not depend on either."""
    call_day = answered_at.astimezone(HOSPITAL_TZ).date()
    items: dict[str, Any] = {}
    for entry in plan.entries:
        item = dict(filled.answers["answers"][entry.question_id])
        offset = round(entry.offset_s * stretch, 1)
        item["at"] = (answered_at + dt.timedelta(seconds=offset)).isoformat()
        item["offset_s"] = offset
        if (
            entry.declined is None
            and template.question(entry.question_id).type is QuestionType.DATE
        ):
            assert isinstance(entry.value, int)
            day = call_day + dt.timedelta(days=entry.value)
            item["value"] = max(discharged_on, day).isoformat()
        items[entry.question_id] = item
    answers = {**filled.answers, "call_started_at": answered_at.isoformat(), "answers": items}
    return replace(filled, answers=answers)
