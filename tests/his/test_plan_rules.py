"""Plan rules pick plans by department, ward, ICD-10, age, stay and disposition (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest

from agent_app.domain.enums import DischargeDisposition as D
from agent_app.his.errors import PlanRuleError
from agent_app.his.plan_rules import (
    Assignment,
    EpisodeFacts,
    PlanRules,
    PlanSpec,
    choose_plans,
)

HOURS = {"days": [1, 2, 3, 4, 5], "windows": [["09:00", "17:00"]]}


def facts(
    dept: str = "CARD",
    ward: str = "心内一病区",
    icd: str = "I21.9",
    age: int = 60,
    stay: int = 7,
    disposition: D = D.HOME,
) -> EpisodeFacts:
    return EpisodeFacts(dept, ward, icd, age, stay, disposition)


MATCHES: list[tuple[str, dict[str, Any], EpisodeFacts, bool]] = [
    ("empty rules match everything", {}, facts(), True),
    ("department code", {"department": "CARD"}, facts(), True),
    ("other department", {"department": "ONCO"}, facts(), False),
    ("department list", {"department": ["ONCO", "CARD"]}, facts(), True),
    ("ward", {"ward": ["CCU"]}, facts(ward="CCU"), True),
    ("other ward", {"ward": ["CCU"]}, facts(), False),
    ("icd exact", {"icd10": ["I21.9"]}, facts(), True),
    ("icd prefix", {"icd10": ["I21"]}, facts(icd="I21.900x001"), True),
    ("icd prefix without dot", {"icd10": ["I219"]}, facts(), True),
    ("icd other prefix", {"icd10": ["I50"]}, facts(), False),
    ("icd range inside", {"icd10": ["C00-C97"]}, facts(icd="C34.1"), True),
    ("icd range edge", {"icd10": ["C00-C97"]}, facts(icd="C97"), True),
    ("icd range outside", {"icd10": ["C00-C97"]}, facts(icd="D00.1"), False),
    ("icd exclusion", {"icd10": ["I"], "icd10_exclude": ["I10"]}, facts(icd="I10.x"), False),
    ("lower case code", {"icd10": ["i21"]}, facts(), True),
    ("age inside", {"age": {"min": 18, "max": 60}}, facts(age=60), True),
    ("age too old", {"age": {"max": 59}}, facts(age=60), False),
    ("age too young", {"age": {"min": 65}}, facts(age=60), False),
    ("stay long enough", {"stay_days": {"min": 7}}, facts(stay=7), True),
    ("stay too short", {"stay_days": {"min": 8}}, facts(stay=7), False),
    ("default dispositions take transfers", {}, facts(disposition=D.TRANSFERRED), True),
    ("disposition list", {"disposition": ["home"]}, facts(disposition=D.AGAINST_ADVICE), False),
    (
        "deceased never, even when listed",
        {"disposition": ["deceased"]},
        facts(disposition=D.DECEASED),
        False,
    ),
    (
        "every rule at once",
        {
            "department": "CARD",
            "ward": "CCU",
            "icd10": "I2",
            "age": {"min": 50},
            "stay_days": {"max": 10},
        },
        facts(ward="CCU"),
        True,
    ),
]


@pytest.mark.parametrize(
    ("rules", "episode", "expected"),
    [case[1:] for case in MATCHES],
    ids=[case[0] for case in MATCHES],
)
def test_rule_matching(rules: dict[str, Any], episode: EpisodeFacts, expected: bool) -> None:
    assert PlanRules.from_json(rules).matches(episode) is expected


BAD: list[tuple[dict[str, Any], str, dict[str, str]]] = [
    ({"departmnet": "CARD"}, "plan_unknown_rule", {"rule": "departmnet"}),
    ({"department": 12}, "plan_not_texts", {"rule": "department"}),
    ({"icd10": ["C97-C00"]}, "plan_bad_icd_range", {"text": "C97-C00"}),
    (
        {"age": {"min": 80, "max": 18}},
        "plan_min_above_max",
        {"rule": "age", "low": "80", "high": "18"},
    ),
    ({"age": {"min": "18"}}, "plan_bounds_not_whole", {"rule": "age"}),
    ({"stay_days": [1, 2]}, "plan_bad_bounds", {"rule": "stay_days"}),
    ({"disposition": ["gone"]}, "plan_bad_value", {"rule": "disposition", "value": "['gone']"}),
    ({"assign": "cleaner"}, "plan_bad_value", {"rule": "assign", "value": "cleaner"}),
]


@pytest.mark.parametrize(("rules", "code", "params"), BAD)
def test_bad_rules_are_refused_with_a_code_naming_the_part(
    rules: dict[str, Any], code: str, params: dict[str, str]
) -> None:
    with pytest.raises(PlanRuleError) as caught:
        PlanRules.from_json(rules)
    assert (caught.value.code, caught.value.params) == (code, params)


def test_the_spot_check_rule_marks_a_plan_the_import_leaves_out() -> None:
    assert PlanRules.from_json({"spot_check": True}).spot_check
    assert not PlanRules.from_json({"department": "CARD"}).spot_check


def plan(plan_id: int, rules: dict[str, Any], offsets: list[int] | None = None) -> PlanSpec:
    return PlanSpec.from_row(plan_id, f"plan {plan_id}", rules, offsets or [3, 30], HOURS)


PLANS = [
    plan(1, {"department": "CARD"}),
    plan(2, {"icd10": ["I21"], "assign": "doctor"}, [3, 7, 30, 90, 365]),
    plan(3, {"fallback": True, "assign": "pool"}),
    plan(4, {"fallback": True, "department": "PEDI"}),
]

CHOICES: list[tuple[str, EpisodeFacts, list[int]]] = [
    ("every matching plan applies", facts(), [1, 2]),
    ("one plan", facts(icd="I50.9"), [1]),
    ("fallbacks only when nothing else matched", facts(dept="ORTH", icd="S72.0"), [3]),
    ("every matching fallback", facts(dept="PEDI", icd="J18.9"), [3, 4]),
    ("deceased at discharge gets nothing", facts(disposition=D.DECEASED), []),
]


@pytest.mark.parametrize(
    ("episode", "expected"), [c[1:] for c in CHOICES], ids=[c[0] for c in CHOICES]
)
def test_plan_choice(episode: EpisodeFacts, expected: list[int]) -> None:
    assert [p.plan_id for p in choose_plans(episode, PLANS)] == expected


def test_plan_reads_assignment_offsets_and_calling_hours() -> None:
    spec = plan(2, {"icd10": ["I21"], "assign": "doctor"}, [30, 3, 3, 365])

    assert spec.rules.assign is Assignment.DOCTOR
    assert spec.offsets_days == (3, 30, 365)
    assert spec.calling_hours.days == frozenset({1, 2, 3, 4, 5})


@pytest.mark.parametrize(
    ("offsets", "hours", "code"),
    [
        ([], HOURS, "plan_points_not_list"),
        ([3, -1], HOURS, "plan_points_not_days"),
        ([3], {"days": [0, 1], "windows": [["08:00", "12:00"]]}, "hours_bad_days"),
    ],
)
def test_unusable_plan_names_itself(offsets: list[int], hours: dict[str, Any], code: str) -> None:
    with pytest.raises(PlanRuleError, match="'bad plan' cannot be used") as caught:
        PlanSpec.from_row(9, "bad plan", {}, offsets, hours)
    assert caught.value.as_json() == {"plan": "bad plan", "code": code, "params": {}}
