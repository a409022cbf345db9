"""Templates are read into a typed model, and a malformed one is refused with its exact reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agent_app.domain.enums import RedFlagSeverity
from agent_app.domain.questionnaire import (
    END,
    DateRange,
    QuestionType,
    TemplateError,
    parse_template,
)
from agent_app.domain.questionnaire_model import AllOf, Compare, ConditionOp
from tests.domain.template_samples import opt, question, sample, section, t

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"

Change = Callable[[dict[str, Any]], None]


def set_q(qid: str, **values: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        question(data, qid).update(values)

    return change


def drop_q(qid: str, key: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        del question(data, qid)[key]

    return change


def set_top(**values: Any) -> Change:
    return lambda data: data.update(values)


def set_section(sid: str, **values: Any) -> Change:
    return lambda data: section(data, sid).update(values)


def add_question(sid: str, q: dict[str, Any]) -> Change:
    return lambda data: section(data, sid)["questions"].append(q)


def set_flag(index: int, **values: Any) -> Change:
    return lambda data: data["red_flags"][index].update(values)


MALFORMED: list[tuple[str, Change, str]] = [
    ("code missing", lambda data: data.pop("code"), "Template: 'code' is missing."),
    (
        "code with capitals",
        set_top(code="General"),
        "Template: 'code' 'General' must be 1–40 lower-case letters, digits and _ starting "
        "with a letter.",
    ),
    (
        "version zero",
        set_top(version=0),
        "Template: 'version' must be a whole number from 1, not 0.",
    ),
    (
        "title without English",
        set_top(title={"zh_CN": "样例"}),
        "Template: 'title' needs both 'zh_CN' and 'en'; 'en' is missing or empty.",
    ),
    (
        "title as plain text",
        set_top(title="样例"),
        "Template: 'title' must be an object with 'zh_CN' and 'en' texts, not the text '样例'.",
    ),
    ("unknown top-level key", set_top(colour="red"), "Template: unknown key 'colour'."),
    (
        "no sections",
        set_top(sections=[]),
        "Template: 'sections' is empty; a template needs at least one.",
    ),
    (
        "duplicate section",
        lambda data: data["sections"].append(
            {
                "id": "wound",
                "title": t("x"),
                "questions": [{"id": "q9", "type": "text", "text": t("x")}],
            }
        ),
        "Section id 'wound' is used twice.",
    ),
    (
        "section named end",
        set_section("closing", id="end"),
        "Section 3: id 'end' is reserved for 'jump to the end'.",
    ),
    (
        "duplicate question id",
        add_question("closing", {"id": "fever", "type": "yes_no", "text": t("x")}),
        "Question id 'fever' is used twice (sections 'wound' and 'closing').",
    ),
    (
        "duplicate option value",
        set_q("who", options=[opt("self"), opt("family"), opt("self")]),
        "Question 'who' in section 'identity': option value 'self' appears twice.",
    ),
    (
        "unknown type",
        set_q("fever", type="slider"),
        "Question 'fever' in section 'wound': unknown type 'slider'; expected one of single, "
        "multi, scale, number, date, text, yes_no.",
    ),
    (
        "key of another type",
        set_q("fever", min=1),
        "Question 'fever' in section 'wound': unknown key 'min' for a yes_no question.",
    ),
    (
        "one option only",
        set_q("who", options=[opt("self")]),
        "Question 'who' in section 'identity': a single choice needs at least 2 options.",
    ),
    (
        "exclusive option on single choice",
        set_q("who", options=[opt("self", exclusive=True), opt("family")]),
        "Question 'who' in section 'identity': option 'self' is exclusive, which only a multi "
        "choice may have.",
    ),
    (
        "scale min equals max",
        set_q("satisfaction", min=5, max=5, labels={}),
        "Question 'satisfaction' in section 'closing': scale min 5 must be below max 5.",
    ),
    (
        "scale label outside the scale",
        set_q("satisfaction", labels={"7": t("x")}),
        "Question 'satisfaction' in section 'closing': scale label 7 is outside 1–5.",
    ),
    (
        "number min above max",
        set_q("temperature", min=43, max=34),
        "Question 'temperature' in section 'wound': number min 43 must be below max 34.",
    ),
    (
        "number without max",
        drop_q("temperature", "max"),
        "Question 'temperature' in section 'wound': 'max' is missing.",
    ),
    (
        "bad date range",
        set_q("onset", date_range="yesterday"),
        "Question 'onset' in section 'wound': date_range 'yesterday' must be one of any, past, "
        "future.",
    ),
    (
        "required not a boolean",
        set_q("fever", required="yes"),
        "Question 'fever' in section 'wound': 'required' must be true or false, not 'yes'.",
    ),
    (
        "show_if on a missing question",
        set_q("temperature", show_if={"question": "feverish", "equals": "yes"}),
        "Question 'temperature' in section 'wound': show_if: condition refers to question "
        "'feverish' that does not exist.",
    ),
    (
        "show_if value that is not an option",
        set_q("temperature", show_if={"question": "fever", "equals": "maybe"}),
        "Question 'temperature' in section 'wound': show_if: 'maybe' is not an option of "
        "question 'fever'.",
    ),
    (
        "number comparison on a choice",
        set_q("temperature", show_if={"question": "fever", ">": 1}),
        "Question 'temperature' in section 'wound': show_if: operator '>' cannot test question "
        "'fever' of type 'yes_no'.",
    ),
    (
        "choice value on a number",
        set_q("comment", show_if={"question": "temperature", "equals": "high"}),
        "Question 'comment' in section 'closing': show_if: question 'temperature' is a number; "
        "'equals' must compare it with a number.",
    ),
    (
        "unknown operator",
        set_q("temperature", show_if={"question": "fever", "is": "yes"}),
        "Question 'temperature' in section 'wound': show_if: unknown operator 'is'; expected "
        "one of equals, not_equals, in, not_in, contains, contains_any, >, >=, <, <=, answered, "
        "all, any, not.",
    ),
    (
        "two operators in one condition",
        set_q("temperature", show_if={"question": "fever", "equals": "yes", "in": ["yes"]}),
        "Question 'temperature' in section 'wound': show_if: a condition needs exactly one "
        "operator, found 'equals', 'in'.",
    ),
    (
        "scale point outside the scale",
        set_q("comment", show_if={"question": "satisfaction", "equals": 9}),
        "Question 'comment' in section 'closing': show_if: 9 is not a point of the scale of "
        "question 'satisfaction' (1–5).",
    ),
    (
        "show_if on itself",
        set_q("fever", show_if={"question": "fever", "equals": "yes"}),
        "Question 'fever' in section 'wound': show_if tests the question's own answer.",
    ),
    (
        "cycle between two questions",
        set_q("fever", show_if={"question": "temperature", ">": 37}),
        "Skip logic has a cycle (each is shown depending on the next): 'fever' → 'temperature' "
        "→ 'fever'.",
    ),
    (
        "cycle through a section condition",
        set_section("wound", show_if={"question": "symptoms", "contains": "pain"}),
        "Skip logic has a cycle (each is shown depending on the next): 'symptoms' → 'symptoms'.",
    ),
    (
        "dangling jump target",
        set_q("who", jumps=[{"if": {"equals": "other"}, "to": "nowhere"}]),
        "Question 'who' in section 'identity': jump 1: jump target 'nowhere' is not a section "
        "of this template.",
    ),
    (
        "jump backwards",
        set_q("fever", jumps=[{"if": {"equals": "no"}, "to": "identity"}]),
        "Question 'fever' in section 'wound': jump 1: jump target 'identity' is not after "
        "section 'wound'; jumps may only go forward.",
    ),
    (
        "jump into its own section",
        set_q("fever", jumps=[{"if": {"equals": "no"}, "to": "wound"}]),
        "Question 'fever' in section 'wound': jump 1: jump target 'wound' is not after section "
        "'wound'; jumps may only go forward.",
    ),
    (
        "red flag on a missing question",
        set_flag(0, when={"question": "temp", ">": 38.5}),
        "Red flag 'high_fever': condition refers to question 'temp' that does not exist.",
    ),
    (
        "red flag with unknown severity",
        set_flag(0, severity="bad"),
        "Red flag 'high_fever': severity 'bad' must be one of critical, urgent, attention.",
    ),
    (
        "red flag without English message",
        set_flag(1, message={"zh_CN": "伤口出血", "en": " "}),
        "Red flag 'wound_bleeding': 'message' needs both 'zh_CN' and 'en'; 'en' is missing or "
        "empty.",
    ),
    (
        "red flag id twice",
        set_flag(1, id="high_fever"),
        "Red flag id 'high_fever' is used twice.",
    ),
    (
        "satisfaction field on a text question",
        set_top(result_fields={"satisfaction": "comment"}),
        "Template: result_fields 'satisfaction' must be a scale question; 'comment' is text.",
    ),
    (
        "vital status with a foreign value",
        set_top(result_fields={"vital_status": "who"}),
        "Template: result_fields 'vital_status' question 'who' has option 'self'; allowed "
        "values are alive, deceased, unknown.",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [pytest.param(change, message, id=name) for name, change, message in MALFORMED],
)
def test_a_malformed_template_is_refused_with_the_exact_reason(
    change: Change, message: str
) -> None:
    data = sample()
    change(data)
    with pytest.raises(TemplateError) as caught:
        parse_template(data)
    assert str(caught.value) == message


def test_a_template_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template([sample()])
    assert str(caught.value) == "Template must be a JSON object, not a list."


def test_the_sample_template_is_read_into_typed_questions() -> None:
    template = parse_template(sample())
    assert (template.code, template.version, template.specialty) == ("sample", 1, "general")
    assert [q.id for q in template.questions] == [
        "who",
        "fever",
        "temperature",
        "symptoms",
        "onset",
        "satisfaction",
        "comment",
    ]
    temperature = template.question("temperature")
    assert temperature.type is QuestionType.NUMBER
    assert (temperature.minimum, temperature.maximum) == (34.0, 43.0)
    assert temperature.show_if == Compare("fever", ConditionOp.EQUALS, values=("yes",))
    assert [o.value for o in template.question("fever").options] == ["yes", "no"]
    assert template.question("onset").date_range is DateRange.PAST
    assert template.question("satisfaction").scale_labels[0][0] == 1
    assert template.question("who").jumps[0].to == END
    # A jump condition without "question" tests the question that owns the jump.
    assert template.question("who").jumps[0].when == Compare(
        "who", ConditionOp.EQUALS, values=("other",)
    )
    assert template.red_flags[1].severity is RedFlagSeverity.CRITICAL
    assert template.result_fields.satisfaction == "satisfaction"


def test_combined_conditions_are_read() -> None:
    data = sample()
    question(data, "onset")["show_if"] = {
        "all": [
            {"question": "fever", "equals": "yes"},
            {"not": {"question": "who", "in": ["family"]}},
        ]
    }
    condition = parse_template(data).question("onset").show_if
    assert isinstance(condition, AllOf)
    assert len(condition.parts) == 2


def test_a_forward_reference_without_a_cycle_is_allowed() -> None:
    data = sample()
    question(data, "fever")["show_if"] = {"question": "satisfaction", "answered": True}
    assert parse_template(data).question("fever").show_if is not None


SHIPPED = sorted(QUESTIONNAIRES.glob("*.json"))


def test_at_least_five_specialty_templates_ship_besides_the_general_one() -> None:
    codes = {json.loads(p.read_text("utf-8"))["code"] for p in SHIPPED}
    assert "general_discharge" in codes
    assert len(codes - {"general_discharge"}) >= 5


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_template_parses_with_red_flags_and_skip_logic(path: Path) -> None:
    template = parse_template(json.loads(path.read_text("utf-8")))
    assert template.code == path.stem
    assert template.red_flags
    assert any(q.show_if or q.jumps for q in template.questions)
    assert template.result_fields.satisfaction is not None
    for q in template.questions:
        assert q.text.zh_CN != q.text.en, q.id  # the English text was really written
