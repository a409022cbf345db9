"""Which follow-up plans an episode gets: pure rules over the episode's facts.

A plan's ``rules`` JSON, every key optional (an empty object matches every episode)::

    {"department": ["CARD", "NEUR"],        # department codes (a single string also works)
     "ward": ["CCU"],
     "icd10": ["I21", "I50.9", "C00-C97"],   # code, prefix, or a range of 3-character categories
     "icd10_exclude": ["I10"],
     "age": {"min": 18, "max": 80},          # years at discharge, both ends inclusive
     "stay_days": {"min": 3},                # length of stay, both ends inclusive
     "disposition": ["home", "transferred"], # default: every one but deceased
     "fallback": true,                       # only when no other plan matched the episode
     "assign": "nurse",                      # nurse | doctor (attending, L1) | pool (department)
     "spot_check": true}                     # made by spot-check sampling, never by the import

A spot-check plan (the verification plan sampling stores) is not an import plan: the importer
leaves it out, and never matches an episode to it.

An episode ending in death never gets a task, whatever the rules say.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from agent_app.domain.calling_hours import CallingHours, CallingHoursError
from agent_app.domain.enums import DischargeDisposition
from agent_app.his.errors import PlanRuleError

_KEYS = frozenset(
    {"department", "ward", "icd10", "icd10_exclude", "age", "stay_days", "disposition"}
    | {"fallback", "assign", "spot_check"}
)
_LIVING = frozenset(DischargeDisposition) - {DischargeDisposition.DECEASED}


class Assignment(enum.StrEnum):
    NURSE = "nurse"
    DOCTOR = "doctor"
    POOL = "pool"


@dataclass(frozen=True)
class EpisodeFacts:
    department_code: str
    ward: str
    diagnosis_code: str
    age_years: int
    stay_days: int
    disposition: DischargeDisposition


def age_at(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _icd_key(code: str) -> str:
    return code.strip().upper().replace(".", "")


@dataclass(frozen=True)
class IcdPattern:
    """A code or prefix ("I21", "I50.9"), or a category range ("C00-C97")."""

    low: str
    high: str = ""

    def matches(self, code: str) -> bool:
        key = _icd_key(code)
        if self.high:
            return self.low <= key[:3] <= self.high
        return key.startswith(self.low)

    @classmethod
    def parse(cls, text: object) -> IcdPattern:
        if not isinstance(text, str) or not text.strip():
            raise PlanRuleError("plan_bad_icd", text=text)
        if "-" in text:
            low, high = (_icd_key(part)[:3] for part in text.split("-", 1))
            if not low or not high or low > high:
                raise PlanRuleError("plan_bad_icd_range", text=text)
            return cls(low, high)
        return cls(_icd_key(text))


def _texts(value: object, key: str) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    raise PlanRuleError("plan_not_texts", rule=key)


def _bounds(value: object, key: str) -> tuple[int | None, int | None]:
    if not isinstance(value, dict) or set(value) - {"min", "max"}:
        raise PlanRuleError("plan_bad_bounds", rule=key)
    low, high = value.get("min"), value.get("max")
    for bound in (low, high):
        if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool)):
            raise PlanRuleError("plan_bounds_not_whole", rule=key)
    if low is not None and high is not None and low > high:
        raise PlanRuleError("plan_min_above_max", rule=key, low=low, high=high)
    return low, high


def _within(value: int, bounds: tuple[int | None, int | None]) -> bool:
    low, high = bounds
    return (low is None or value >= low) and (high is None or value <= high)


@dataclass(frozen=True)
class PlanRules:
    departments: frozenset[str] = frozenset()
    wards: frozenset[str] = frozenset()
    icd10: tuple[IcdPattern, ...] = ()
    icd10_exclude: tuple[IcdPattern, ...] = ()
    age: tuple[int | None, int | None] = (None, None)
    stay_days: tuple[int | None, int | None] = (None, None)
    dispositions: frozenset[DischargeDisposition] = _LIVING
    fallback: bool = False
    assign: Assignment = Assignment.NURSE
    spot_check: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PlanRules:
        """Read a plan's rules; raise PlanRuleError naming the bad part."""
        data = data or {}
        if not isinstance(data, dict):
            raise PlanRuleError("plan_rules_not_object")
        unknown = sorted(set(data) - _KEYS)
        if unknown:
            raise PlanRuleError("plan_unknown_rule", rule=unknown[0])
        try:
            dispositions = (
                frozenset(
                    DischargeDisposition(v) for v in _texts(data["disposition"], "disposition")
                )
                if "disposition" in data
                else _LIVING
            )
        except ValueError:
            raise PlanRuleError(
                "plan_bad_value", rule="disposition", value=data["disposition"]
            ) from None
        try:
            assign = Assignment(data.get("assign", "nurse"))
        except ValueError:
            raise PlanRuleError("plan_bad_value", rule="assign", value=data["assign"]) from None
        return cls(
            departments=_texts(data["department"], "department")
            if "department" in data
            else frozenset(),
            wards=_texts(data["ward"], "ward") if "ward" in data else frozenset(),
            icd10=tuple(IcdPattern.parse(c) for c in _texts(data.get("icd10", []), "icd10")),
            icd10_exclude=tuple(
                IcdPattern.parse(c) for c in _texts(data.get("icd10_exclude", []), "icd10")
            ),
            age=_bounds(data.get("age", {}), "age"),
            stay_days=_bounds(data.get("stay_days", {}), "stay_days"),
            dispositions=dispositions - {DischargeDisposition.DECEASED},
            fallback=bool(data.get("fallback", False)),
            assign=assign,
            spot_check=bool(data.get("spot_check", False)),
        )

    def matches(self, facts: EpisodeFacts) -> bool:
        if facts.disposition not in self.dispositions:
            return False
        if self.departments and facts.department_code not in self.departments:
            return False
        if self.wards and facts.ward not in self.wards:
            return False
        if self.icd10 and not any(p.matches(facts.diagnosis_code) for p in self.icd10):
            return False
        if any(p.matches(facts.diagnosis_code) for p in self.icd10_exclude):
            return False
        return _within(facts.age_years, self.age) and _within(facts.stay_days, self.stay_days)


@dataclass(frozen=True)
class PlanSpec:
    """A follow-up plan ready to apply: rules, points in days after discharge, calling hours."""

    plan_id: int
    name: str
    rules: PlanRules
    offsets_days: tuple[int, ...]
    calling_hours: CallingHours

    @classmethod
    def from_row(
        cls,
        plan_id: int,
        name: str,
        rules: dict[str, Any] | None,
        offsets: object,
        hours: dict[str, Any] | None,
    ) -> PlanSpec:
        try:
            if not isinstance(offsets, list) or not offsets:
                raise PlanRuleError("plan_points_not_list")
            if not all(isinstance(o, int) and not isinstance(o, bool) and o >= 0 for o in offsets):
                raise PlanRuleError("plan_points_not_days")
            parsed = PlanRules.from_json(rules)
            calling = CallingHours.from_json(hours)
        except CallingHoursError as exc:
            raise PlanRuleError(exc.code, **exc.params).for_plan(name) from None
        except PlanRuleError as exc:
            raise exc.for_plan(name) from None
        return cls(plan_id, name, parsed, tuple(sorted(set(offsets))), calling)


def choose_plans(facts: EpisodeFacts, plans: Sequence[PlanSpec]) -> list[PlanSpec]:
    """Every matching plan; fallback plans only when no other plan matched; none for a death."""
    if facts.disposition is DischargeDisposition.DECEASED:
        return []
    chosen = [p for p in plans if not p.rules.fallback and p.rules.matches(facts)]
    if chosen:
        return chosen
    return [p for p in plans if p.rules.fallback and p.rules.matches(facts)]
