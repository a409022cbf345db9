"""A new template version is checked against the answers stored under the old one."""

from __future__ import annotations

import pytest

from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire import (
    AnswerSheet,
    QuestionChange,
    TemplateError,
    compare_templates,
    parse_template,
    stored_answer_problems,
)
from tests.domain.template_samples import opt, question, sample, section, t


def next_version() -> dict[str, object]:
    data = sample()
    data["version"] = 2
    return data


def test_rewording_and_new_questions_are_compatible() -> None:
    new = next_version()
    question(new, "fever")["text"] = t("最近有没有发烧?", "Any fever lately?")
    section(new, "closing")["questions"].append({"id": "extra", "type": "text", "text": t("补充")})
    diff = compare_templates(parse_template(sample()), parse_template(new))
    assert diff.added == ("extra",)
    assert diff.removed == ()
    assert diff.changed == ()
    assert diff.compatible


@pytest.mark.parametrize(
    ("qid", "change", "reason"),
    [
        ("comment", {"type": "date", "max_length": None}, "type changed from text to date"),
        ("who", {"options": [opt("self"), opt("other")]}, "options removed: family"),
        (
            "symptoms",
            {"options": [opt("bleeding", True), opt("pain"), opt("none", True)]},
            "options made exclusive: bleeding",
        ),
        ("satisfaction", {"min": 0, "max": 10, "labels": {}}, "scale changed from 1–5 to 0–10"),
        ("temperature", {"min": 35}, "range narrowed from 34–43 to 35–43"),
        ("temperature", {"integer": True}, "now whole numbers only"),
        ("comment", {"max_length": 10}, "max_length lowered from 20 to 10"),
        ("onset", {"date_range": "any"}, "date_range changed from past to any"),
    ],
)
def test_changes_that_can_break_stored_answers_are_named(
    qid: str, change: dict[str, object], reason: str
) -> None:
    new = next_version()
    for key, value in change.items():
        if value is None:
            del question(new, qid)[key]
        else:
            question(new, qid)[key] = value
    diff = compare_templates(parse_template(sample()), parse_template(new))
    assert diff.changed == (QuestionChange(qid, reason),)
    assert not diff.compatible


def test_a_removed_question_is_named() -> None:
    new = next_version()
    section(new, "closing")["questions"].pop()  # comment
    diff = compare_templates(parse_template(sample()), parse_template(new))
    assert diff.removed == ("comment",)
    assert not diff.compatible


def test_versions_must_grow_and_belong_to_one_template() -> None:
    old = parse_template(sample())
    with pytest.raises(
        TemplateError, match=r"^Template 'sample': version 1 must be higher than 1\.$"
    ):
        compare_templates(old, old)
    other = sample()
    other["code"] = "other"
    other["version"] = 2
    with pytest.raises(TemplateError, match=r"^Template 'other' is not a version of 'sample'\.$"):
        compare_templates(old, parse_template(other))


def test_stored_answers_are_checked_against_a_new_version() -> None:
    sheet = AnswerSheet(parse_template(sample()))
    sheet.answer("who", "family")
    sheet.answer("fever", "yes")
    sheet.answer("temperature", 34.5)
    sheet.answer("comment", "好")
    sheet.decline("satisfaction", NonAnswer.REFUSED)
    stored = sheet.to_json()
    new = next_version()
    question(new, "who")["options"] = [opt("self"), opt("other")]
    question(new, "temperature")["min"] = 35
    question(new, "satisfaction")["allow_unable"] = False
    section(new, "closing")["questions"].pop()
    problems = stored_answer_problems(parse_template(new), stored)
    assert problems == {
        "who": "“family” is not one of this question's options.",
        "temperature": "Enter a value from 35 to 43 °C; check it with the patient.",
        "satisfaction": "declining is no longer allowed",
        "comment": "question removed",
    }
    assert stored_answer_problems(parse_template(sample()), stored) == {}
