"""Stored answers decode one way, in both layouts; what cannot be read is kept and named."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from agent_app.domain.answer_sheet import AnswerSheet, StoredAnswersError
from agent_app.domain.answer_text import answer_lines
from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.domain.stored_answers import (
    FORMAT,
    StoredLayout,
    UnreadableAnswersError,
    decode_stored_answers,
)
from agent_app.domain.template_versions import stored_answer_problems
from tests.domain.template_samples import sample

START = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)


def _sheet_json() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "template": "cardiology",
        "version": 3,
        "call_started_at": START.isoformat(),
        "answers": {
            "pain": {"value": 4, "at": "2026-11-02T01:00:12+00:00", "offset_s": 12.0},
            "weight": {"value": 61.5, "at": None, "offset_s": None},
            "symptoms": {"value": ["gums", "bruising"], "at": None, "offset_s": 30.5},
            "smoking": {"declined": "refused", "at": None, "offset_s": 41},
            "revisit_date": {"value": "2026-11-20", "hidden": True, "offset_s": 50.0},
        },
        "red_flags": ["bleeding"],
    }


def test_the_answer_sheet_layout_comes_back_typed_by_question() -> None:
    stored = decode_stored_answers(_sheet_json())
    assert stored.layout is StoredLayout.SHEET
    assert (stored.template, stored.version) == ("cardiology", 3)
    assert stored.call_started_at == START
    assert stored.red_flags == ("bleeding",)
    assert list(stored.answers) == ["pain", "weight", "symptoms", "smoking", "revisit_date"]
    pain = stored.answers["pain"]
    assert (pain.value, pain.offset_s, pain.declined) == (4, 12.0, None)
    assert pain.at == START + dt.timedelta(seconds=12)
    assert stored.answers["weight"].value == 61.5
    assert stored.answers["symptoms"].value == ("gums", "bruising")
    assert stored.answers["smoking"].declined is NonAnswer.REFUSED
    assert stored.answers["smoking"].value is None
    assert stored.answers["revisit_date"].value == "2026-11-20"  # dates stay ISO text
    assert stored.unreadable() == () and stored.problems == ()


def test_hidden_and_declined_answers_have_no_shown_value_but_are_kept() -> None:
    stored = decode_stored_answers(_sheet_json())
    assert stored.value("pain") == 4
    assert stored.value("revisit_date") is None  # hidden by an earlier answer
    assert stored.value("smoking") is None  # declined
    assert stored.value("never_asked") is None
    assert [a.question_id for a in stored.shown()] == ["pain", "weight", "symptoms", "smoking"]
    assert stored.answers["revisit_date"].hidden
    assert stored.offsets() == {"pain": 12.0, "symptoms": 30.5, "smoking": 41.0}


def test_the_older_flat_layout_reads_as_answers_without_template_or_times() -> None:
    stored = decode_stored_answers({"satisfaction": 5, "visit": "yes", "symptoms": ["a", "b"]})
    assert stored.layout is StoredLayout.FLAT
    assert (stored.template, stored.version, stored.call_started_at) == (None, None, None)
    assert stored.value("satisfaction") == 5
    assert stored.value("symptoms") == ("a", "b")
    assert stored.offsets() == {}


def test_nothing_stored_reads_as_no_answers() -> None:
    assert decode_stored_answers(None).answers == {}
    assert decode_stored_answers({}).answers == {}


def test_what_an_answer_sheet_saves_decodes_to_its_entries() -> None:
    template = parse_template(sample())
    sheet = AnswerSheet(template, call_started_at=START, today=dt.date(2026, 11, 2))
    sheet.answer("temperature", 38.5, START + dt.timedelta(seconds=9))
    sheet.answer("symptoms", ["pain", "bleeding"], START + dt.timedelta(seconds=20))
    stored = decode_stored_answers(json.loads(json.dumps(sheet.to_json())))
    assert (stored.template, stored.version) == (template.code, template.version)
    for entry in (*sheet.counted_entries(), *sheet.hidden_entries()):
        answer = stored.answers[entry.question_id]
        assert (answer.value, answer.at) == (entry.value, entry.at)
    assert [e.question_id for e in sheet.hidden_entries()] == ["temperature"]
    assert stored.answers["temperature"].hidden
    assert stored.offsets() == {"symptoms": 20.0}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (["pain", 4], "answers_not_object"),
        ("{}", "answers_not_object"),
        ({"format": 2, "answers": {}}, "answers_format_unknown"),
        ({"format": True, "answers": {}}, "answers_format_unknown"),
        ({"format": 1, "answers": ["pain"]}, "answers_list_not_object"),
        ({"format": 1}, "answers_list_not_object"),
        ({"format": 1, "version": "three", "answers": {}}, "answers_version_bad"),
    ],
)
def test_a_document_that_holds_no_answers_is_refused_with_a_code(data: object, code: str) -> None:
    kept = copy.deepcopy(data)
    with pytest.raises(UnreadableAnswersError) as caught:
        decode_stored_answers(data)
    assert caught.value.code == code
    assert caught.value.problem().code == code
    assert str(caught.value)  # an English sentence for the log
    assert data == kept


@pytest.mark.parametrize(
    ("item", "code"),
    [
        ("4", "answer_not_object"),
        ({"declined": "asleep"}, "answer_declined_unknown"),
        ({"value": 4, "at": "yesterday"}, "answer_time_bad"),
        ({"value": 4, "at": "2026-11-02T09:00:00"}, "answer_time_bad"),  # no time zone
        ({"value": 4, "offset_s": "twelve"}, "answer_offset_bad"),
        ({"value": 4, "offset_s": float("nan")}, "answer_offset_bad"),
        ({"value": {"score": 4}}, "answer_value_unreadable"),
        ({"value": ["a", 2]}, "answer_value_unreadable"),
        ({"value": float("inf")}, "answer_value_unreadable"),
    ],
)
def test_an_answer_that_cannot_be_read_is_kept_as_stored_with_a_code(
    item: object, code: str
) -> None:
    data = _sheet_json()
    data["answers"]["broken"] = item
    kept = copy.deepcopy(data)
    stored = decode_stored_answers(data)
    broken = stored.answers["broken"]
    assert broken.problem is not None and broken.problem.code == code
    assert broken.problem.params["question"] == "broken"
    assert "'broken'" in broken.problem.english()
    assert broken.raw == item and broken.value is None
    assert stored.unreadable() == (broken,)
    assert stored.value("pain") == 4  # the others still read
    assert data == kept or code == "answer_offset_bad"  # NaN != NaN; nothing was changed


def test_a_flat_answer_that_is_no_value_is_kept_with_a_code() -> None:
    stored = decode_stored_answers({"pain": 4, "notes": {"text": "call back"}})
    assert stored.value("pain") == 4
    notes = stored.answers["notes"]
    assert notes.problem is not None and notes.problem.code == "answer_value_unreadable"
    assert notes.raw == {"text": "call back"}


def test_a_call_start_that_is_no_time_is_named_and_the_answers_still_read() -> None:
    data = _sheet_json()
    data["call_started_at"] = "this morning"
    stored = decode_stored_answers(data)
    assert [p.code for p in stored.problems] == ["answers_call_start_bad"]
    assert stored.call_started_at is None
    assert stored.value("pain") == 4


def test_the_answer_sheet_refuses_an_unreadable_answer_naming_it() -> None:
    template = parse_template(sample())
    sheet = AnswerSheet(template, today=dt.date(2026, 11, 2))
    sheet.answer("temperature", 38.5)
    data = sheet.to_json()
    data["answers"]["temperature"]["at"] = "noon"
    with pytest.raises(StoredAnswersError) as caught:
        AnswerSheet.from_json(template, data)
    assert "'temperature'" in str(caught.value)
    with pytest.raises(StoredAnswersError) as caught:
        AnswerSheet.from_json(template, {"format": 7, "answers": {}})
    assert str(caught.value) == "Stored answers have unknown format 7."


def test_version_checks_name_an_unreadable_answer_and_an_unreadable_document() -> None:
    template = parse_template(sample())
    problems = stored_answer_problems(
        template, {"format": 1, "answers": {"temperature": {"declined": "asleep"}}}
    )
    assert list(problems) == ["temperature"]
    assert "unknown reason 'asleep'" in problems["temperature"]
    assert stored_answer_problems(template, {"format": 1, "answers": []}) == {
        "": "Stored answers have no 'answers' object (found a list)."
    }


def test_the_result_view_shows_an_unreadable_answer_as_stored_with_its_reason() -> None:
    template = parse_template(sample())
    data = {"format": 1, "template": "other", "version": 1, "answers": {"temperature": "38"}}
    lines = answer_lines(template, data, "en")
    assert len(lines) == 1
    assert lines[0].answer == '"38"'
    assert lines[0].problem is not None and lines[0].problem.code == "answer_not_object"
    unreadable = answer_lines(template, ["not", "answers"], "en")  # type: ignore[arg-type]
    assert [(line.answer, line.problem.code if line.problem else "") for line in unreadable] == [
        ('["not", "answers"]', "answers_not_object")
    ]
