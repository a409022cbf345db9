"""A stored result reads back in words: labels for choices, units, scales out of their top."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from agent_app.domain.answer_sheet import AnswerSheet
from agent_app.domain.answer_text import AnswerLine, answer_lines
from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire_model import Template
from agent_app.domain.questionnaire_parse import parse_template

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"


@pytest.fixture(scope="module")
def cardiology() -> Template:
    return parse_template(json.loads((RESOURCES / "cardiology.json").read_text("utf-8")))


def _stored(template: Template) -> dict[str, object]:
    start = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    sheet = AnswerSheet(template, today=dt.date(2026, 11, 2))
    sheet.start_call(start)
    sheet.answer("identity_confirmed", "self", start + dt.timedelta(seconds=5))
    sheet.answer("chest_pain", "yes")
    sheet.answer("chest_pain_duration", "over_20")
    sheet.answer("edema", "yes")
    sheet.answer("weight_gain", "2.5")
    sheet.answer("antiplatelet", "yes")
    sheet.answer("bleeding_signs", ("gums", "bruising"))
    sheet.decline("smoking", NonAnswer.REFUSED)
    sheet.answer("satisfaction", 4)
    return sheet.to_json()


def test_answers_read_in_words_of_the_language_in_template_order(cardiology: Template) -> None:
    lines = answer_lines(cardiology, _stored(cardiology), "zh_CN")
    by_id = {line.question_id: line for line in lines}
    assert [line.question_id for line in lines][:3] == [
        "identity_confirmed",
        "chest_pain",
        "chest_pain_duration",
    ]
    duration = cardiology.question("chest_pain_duration").option("over_20")
    assert duration is not None
    assert by_id["chest_pain_duration"].answer == duration.label.zh_CN
    assert by_id["weight_gain"].answer == "2.5 公斤"
    assert by_id["satisfaction"].answer.startswith("4/5")
    assert by_id["bleeding_signs"].answer.count("、") == 1
    assert by_id["smoking"] == AnswerLine(
        "smoking", cardiology.question("smoking").text.zh_CN, "", NonAnswer.REFUSED
    )
    english = {
        line.question_id: line for line in answer_lines(cardiology, _stored(cardiology), "en")
    }
    assert english["weight_gain"].answer == "2.5 kg"
    assert english["chest_pain"].question == cardiology.question("chest_pain").text.en


def test_the_answers_that_raised_a_red_flag_are_marked(cardiology: Template) -> None:
    flagged = {
        line.question_id
        for line in answer_lines(cardiology, _stored(cardiology), "en")
        if line.red_flag
    }
    assert "chest_pain_duration" in flagged
    assert "identity_confirmed" not in flagged


def test_answers_another_version_does_not_know_still_show_with_their_stored_value(
    cardiology: Template,
) -> None:
    stored = _stored(cardiology)
    stored["answers"]["retired_question"] = {"value": "old answer"}  # type: ignore[index]
    lines = answer_lines(cardiology, stored, "en")
    assert AnswerLine("retired_question", "retired_question", "old answer") in lines
    assert any(line.question_id == "chest_pain" for line in lines)
