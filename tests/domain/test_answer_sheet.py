"""A call's answers: validation in plain words, skip logic, progress, red flags and JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from agent_app.domain.enums import NonAnswer, RedFlagSeverity, VitalStatus
from agent_app.domain.questionnaire import (
    AnswerProblem,
    AnswerRejected,
    AnswerSheet,
    Progress,
    StoredAnswersError,
    Template,
    parse_template,
)
from tests.domain.template_samples import question, sample

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"
START = dt.datetime(2024, 5, 6, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2024, 5, 6)


def shipped(code: str) -> Template:
    return parse_template(json.loads((QUESTIONNAIRES / f"{code}.json").read_text("utf-8")))


@pytest.fixture
def sheet() -> AnswerSheet:
    return AnswerSheet(parse_template(sample()), call_started_at=START, today=TODAY)


def ids(questions: Any) -> list[str]:
    return [q.id for q in questions]


# Validation ------------------------------------------------------------------------------------

ACCEPTED = [
    ("who", "family", "family"),
    ("fever", "yes", "yes"),
    ("fever", True, "yes"),
    ("temperature", "38.5", 38.5),
    ("temperature", "38.5°C", 38.5),
    ("temperature", "３９．２", 39.2),
    ("temperature", "39度", 39.0),
    ("temperature", 37, 37.0),
    ("symptoms", ["pain", "bleeding"], ("bleeding", "pain")),
    ("symptoms", "none", ("none",)),
    ("onset", "2024-05-01", dt.date(2024, 5, 1)),
    ("onset", "2024/5/1", dt.date(2024, 5, 1)),
    ("onset", "2024年5月1日", dt.date(2024, 5, 1)),
    ("onset", dt.date(2024, 4, 30), dt.date(2024, 4, 30)),
    ("satisfaction", 4, 4),
    ("satisfaction", "5", 5),
    ("comment", "  护士很耐心  ", "护士很耐心"),
]


@pytest.mark.parametrize(("qid", "raw", "value"), ACCEPTED)
def test_a_valid_answer_is_kept_as_its_typed_value(
    sheet: AnswerSheet, qid: str, raw: object, value: object
) -> None:
    sheet.answer("who", "self")
    sheet.answer("fever", "yes")
    sheet.answer("symptoms", ["pain"])
    assert sheet.answer(qid, raw) == value
    assert sheet.value(qid) == value


REJECTED = [
    ("who", "boss", AnswerProblem.NOT_AN_OPTION, "“boss”不是本题的选项。"),
    ("who", "", AnswerProblem.EMPTY, "请填写答案。"),
    ("temperature", "hot", AnswerProblem.NOT_A_NUMBER, "请填写数字,例如 38.5。"),
    (
        "temperature",
        "45",
        AnswerProblem.OUT_OF_RANGE,
        "请填写 34 到 43 °C 之间的数值,请与患者再次核实。",
    ),
    (
        "symptoms",
        ["none", "pain"],
        AnswerProblem.EXCLUSIVE_OPTION,
        "“none”不能与其他选项同时选择。",
    ),
    ("symptoms", [], AnswerProblem.EMPTY, "请至少选择一项。"),
    ("onset", "5/1", AnswerProblem.NOT_A_DATE, "请按“年-月-日”填写日期,例如 2024-05-01。"),
    ("onset", "2024-02-30", AnswerProblem.NOT_A_DATE, "请按“年-月-日”填写日期,例如 2024-05-01。"),
    ("onset", "2024-05-07", AnswerProblem.DATE_IN_FUTURE, "这个日期不能晚于今天。"),
    ("satisfaction", 6, AnswerProblem.OUT_OF_RANGE, "请选择 1 到 5 之间的整数。"),
    ("satisfaction", 3.5, AnswerProblem.OUT_OF_RANGE, "请选择 1 到 5 之间的整数。"),
    ("comment", "字" * 21, AnswerProblem.TOO_LONG, "内容过长:最多 20 个字,现在 21 个字。"),
]


@pytest.mark.parametrize(("qid", "raw", "problem", "words"), REJECTED)
def test_an_invalid_answer_is_refused_in_plain_words_and_nothing_changes(
    sheet: AnswerSheet, qid: str, raw: object, problem: AnswerProblem, words: str
) -> None:
    with pytest.raises(AnswerRejected) as caught:
        sheet.answer(qid, raw)
    assert caught.value.problem is problem
    assert caught.value.words.zh_CN == words
    assert caught.value.words.en
    assert sheet.entry(qid) is None


def test_the_english_words_name_the_range_and_unit(sheet: AnswerSheet) -> None:
    with pytest.raises(AnswerRejected) as caught:
        sheet.answer("temperature", 33)
    assert str(caught.value) == "Enter a value from 34 to 43 °C; check it with the patient."


def test_a_whole_number_question_refuses_decimals() -> None:
    template = parse_template(sample())
    data = sample()
    question(data, "temperature").update(integer=True)
    sheet = AnswerSheet(parse_template(data))
    with pytest.raises(AnswerRejected) as caught:
        sheet.answer("temperature", "38.5")
    assert caught.value.problem is AnswerProblem.NOT_WHOLE
    assert sheet.answer("temperature", "38") == 38
    assert template.question("temperature").integer is False


def test_a_future_date_question_refuses_a_past_day() -> None:
    sheet = AnswerSheet(shipped("general_discharge"), today=TODAY)
    with pytest.raises(AnswerRejected) as caught:
        sheet.answer("revisit_date", "2024-05-05")
    assert caught.value.problem is AnswerProblem.DATE_IN_PAST
    assert sheet.answer("revisit_date", "2024-05-06") == TODAY


def test_unknown_question_is_named(sheet: AnswerSheet) -> None:
    with pytest.raises(KeyError, match="'sample' has no question 'q99'"):
        sheet.answer("q99", "x")


def test_answer_times_must_carry_a_time_zone(sheet: AnswerSheet) -> None:
    with pytest.raises(ValueError, match="must carry a time zone"):
        sheet.answer("who", "self", at=dt.datetime(2024, 5, 6, 10, 0))


# Declining ------------------------------------------------------------------------------------


def test_unable_or_refused_settles_a_required_question(sheet: AnswerSheet) -> None:
    sheet.decline("fever", NonAnswer.UNABLE)
    entry = sheet.entry("fever")
    assert entry is not None and entry.declined is NonAnswer.UNABLE and entry.value is None
    assert "fever" not in ids(sheet.missing())
    assert not sheet.is_visible("temperature")  # no answer, so the follow-up stays hidden


def test_a_question_that_must_be_answered_cannot_be_declined(sheet: AnswerSheet) -> None:
    with pytest.raises(AnswerRejected) as caught:
        sheet.decline("who", NonAnswer.REFUSED)
    assert caught.value.problem is AnswerProblem.NOT_ALLOWED
    assert sheet.entry("who") is None


# Skip logic and navigation --------------------------------------------------------------------


def test_follow_up_question_shows_only_for_the_triggering_answer(sheet: AnswerSheet) -> None:
    assert not sheet.is_visible("temperature")
    sheet.answer("fever", "yes")
    assert sheet.is_visible("temperature")
    sheet.answer("fever", "no")
    assert not sheet.is_visible("temperature")


def test_contains_any_shows_a_question_for_any_listed_option(sheet: AnswerSheet) -> None:
    sheet.answer("symptoms", ["none"])
    assert not sheet.is_visible("onset")
    sheet.answer("symptoms", ["pain"])
    assert sheet.is_visible("onset")


def test_a_jump_to_the_end_hides_everything_after_it(sheet: AnswerSheet) -> None:
    sheet.answer("who", "other")
    assert ids(sheet.visible_questions()) == ["who"]
    assert sheet.can_finish
    assert sheet.next_question("who") is None


def test_a_jump_to_a_section_skips_the_sections_between() -> None:
    template = shipped("oncology_survival")
    sheet = AnswerSheet(template)
    sheet.answer("respondent", "family")
    sheet.answer("vital_status", "deceased")
    assert ids(sheet.visible_questions()) == [
        "respondent",
        "vital_status",
        "death_date",
        "death_cause",
        "death_place",
    ]
    sheet.answer("vital_status", "alive")
    shown = ids(sheet.visible_questions())
    assert "performance" in shown and "satisfaction" in shown
    assert "death_date" not in shown


def test_a_section_condition_hides_the_whole_section() -> None:
    sheet = AnswerSheet(shipped("obstetrics_postpartum"))
    sheet.answer("identity_confirmed", "self")
    sheet.answer("delivery_mode", "vaginal")
    assert not sheet.is_visible("cs_wound")
    assert sheet.is_visible("perineum_pain")
    sheet.answer("delivery_mode", "cesarean")
    assert sheet.is_visible("cs_wound")
    assert not sheet.is_visible("perineum_pain")


def test_a_question_hidden_through_a_hidden_question_is_hidden_too(sheet: AnswerSheet) -> None:
    data = sample()
    question(data, "comment")["show_if"] = {"question": "temperature", ">": 38}
    sheet = AnswerSheet(parse_template(data))
    sheet.answer("fever", "yes")
    sheet.answer("temperature", 39)
    assert sheet.is_visible("comment")
    sheet.answer("fever", "no")  # hides temperature, and with it the comment
    assert not sheet.is_visible("comment")


def test_next_and_previous_walk_the_shown_questions(sheet: AnswerSheet) -> None:
    first = sheet.next_question()
    assert first is not None and first.id == "who"
    after_fever = sheet.next_question("fever")
    assert after_fever is not None and after_fever.id == "symptoms"
    sheet.answer("fever", "yes")
    after_fever = sheet.next_question("fever")
    assert after_fever is not None and after_fever.id == "temperature"
    before_symptoms = sheet.previous_question("symptoms")
    assert before_symptoms is not None and before_symptoms.id == "temperature"
    assert sheet.previous_question("who") is None


def test_next_unanswered_skips_what_is_settled(sheet: AnswerSheet) -> None:
    sheet.answer("who", "self")
    sheet.decline("fever", NonAnswer.REFUSED)
    nxt = sheet.next_unanswered()
    assert nxt is not None and nxt.id == "symptoms"


# Progress and finishing -----------------------------------------------------------------------


def test_progress_counts_shown_questions_only(sheet: AnswerSheet) -> None:
    assert sheet.progress() == Progress(answered=0, shown=5, required_done=0, required=3)
    sheet.answer("who", "self")
    sheet.answer("fever", "yes")
    assert sheet.progress() == Progress(answered=2, shown=6, required_done=2, required=4)


def test_finishing_needs_every_shown_required_question(sheet: AnswerSheet) -> None:
    sheet.answer("who", "self")
    sheet.answer("fever", "yes")
    assert ids(sheet.missing()) == ["temperature", "satisfaction"]
    assert not sheet.can_finish
    sheet.answer("temperature", 37.2)
    sheet.decline("satisfaction", NonAnswer.REFUSED)
    assert sheet.missing() == ()
    assert sheet.can_finish


def test_a_hidden_answer_is_kept_but_not_counted(sheet: AnswerSheet) -> None:
    sheet.answer("fever", "yes")
    sheet.answer("temperature", 39.1)
    sheet.answer("fever", "no")
    assert sheet.value("temperature") is None
    entry = sheet.entry("temperature")
    assert entry is not None and entry.value == 39.1
    assert [e.question_id for e in sheet.hidden_entries()] == ["temperature"]
    assert [e.question_id for e in sheet.counted_entries()] == ["fever"]
    assert sheet.red_flags() == ()
    sheet.answer("fever", "yes")  # shown again: the typed value is back
    assert sheet.value("temperature") == 39.1


# Red flags ------------------------------------------------------------------------------------


def test_red_flags_fire_on_the_shown_answers_most_severe_first(sheet: AnswerSheet) -> None:
    sheet.answer("fever", "yes")
    sheet.answer("temperature", 38.5)
    assert sheet.red_flags() == ()  # the rule says above 38.5
    sheet.answer("temperature", 38.6)
    sheet.answer("symptoms", ["bleeding", "pain"])
    flags = sheet.red_flags()
    assert [f.rule.id for f in flags] == ["wound_bleeding", "high_fever"]
    assert flags[0].rule.severity is RedFlagSeverity.CRITICAL
    assert flags[1].question_ids == ("temperature",)
    assert flags[1].rule.message.en == "Fever above 38.5 °C"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"chest_pain": "yes", "chest_pain_duration": "over_20"}, ["possible_acute_coronary"]),
        ({"chest_pain": "yes", "chest_pain_duration": "under_5"}, []),
        ({"bp_measured": "yes", "systolic": 185, "diastolic": 95}, ["blood_pressure_out_of_range"]),
        ({"bp_measured": "yes", "systolic": 85, "diastolic": 50}, ["blood_pressure_out_of_range"]),
        ({"bp_measured": "yes", "systolic": 130, "diastolic": 80}, []),
        ({"edema": "yes", "weight_gain": 2.5}, ["rapid_weight_gain"]),
        ({"antiplatelet": "stopped", "stop_reason": "self_stopped"}, ["antiplatelet_self_stopped"]),
        ({"antiplatelet": "yes", "bleeding_signs": ["black_stool"]}, ["major_bleeding"]),
    ],
)
def test_cardiology_red_flags(answers: dict[str, object], expected: list[str]) -> None:
    sheet = AnswerSheet(shipped("cardiology"))
    sheet.answer("identity_confirmed", "self")
    for qid, raw in answers.items():
        sheet.answer(qid, raw)
    assert [f.rule.id for f in sheet.red_flags()] == expected


def test_a_red_flag_on_a_question_hidden_by_a_jump_does_not_fire() -> None:
    sheet = AnswerSheet(shipped("cardiology"))
    sheet.answer("identity_confirmed", "self")
    sheet.answer("syncope", "yes")
    assert [f.rule.id for f in sheet.red_flags()] == ["fainting"]
    sheet.answer("identity_confirmed", "other")  # jumps to the end
    assert sheet.red_flags() == ()


# Result columns -------------------------------------------------------------------------------


def test_satisfaction_is_read_for_the_result_row(sheet: AnswerSheet) -> None:
    assert sheet.satisfaction() is None
    sheet.answer("satisfaction", 4)
    assert sheet.satisfaction() == 4


def test_vital_status_and_death_date_are_read_for_survival_analysis() -> None:
    sheet = AnswerSheet(shipped("oncology_survival"), today=TODAY)
    assert sheet.vital_status() is VitalStatus.UNKNOWN
    sheet.answer("respondent", "family")
    sheet.answer("vital_status", "deceased")
    sheet.answer("death_date", "2024-03-15")
    assert sheet.vital_status() is VitalStatus.DECEASED
    assert sheet.death_date() == dt.date(2024, 3, 15)
    assert sheet.satisfaction() is None


# JSON -----------------------------------------------------------------------------------------


def test_json_keeps_values_declines_hidden_answers_and_offsets(sheet: AnswerSheet) -> None:
    sheet.answer("who", "self", at=START + dt.timedelta(seconds=12.34))
    sheet.answer("fever", "yes", at=START + dt.timedelta(seconds=30))
    sheet.answer("temperature", 39, at=START + dt.timedelta(seconds=41))
    sheet.answer("fever", "no", at=START + dt.timedelta(seconds=55))
    sheet.answer("symptoms", ["pain"])
    sheet.answer("onset", "2024-05-02")
    sheet.decline("satisfaction", NonAnswer.REFUSED, at=START + dt.timedelta(minutes=2))
    data = sheet.to_json()
    assert data["template"] == "sample" and data["version"] == 1
    assert data["call_started_at"] == "2024-05-06T02:00:00+00:00"
    answers = data["answers"]
    assert answers["who"] == {
        "value": "self",
        "at": "2024-05-06T02:00:12.340000+00:00",
        "offset_s": 12.3,
    }
    assert answers["temperature"]["hidden"] is True
    assert answers["temperature"]["value"] == 39.0
    assert answers["symptoms"] == {"value": ["pain"], "at": None, "offset_s": None}
    assert answers["onset"]["value"] == "2024-05-02"
    assert answers["satisfaction"]["declined"] == "refused"
    assert answers["satisfaction"]["offset_s"] == 120.0
    assert json.loads(json.dumps(data)) == data


def test_json_round_trip_restores_every_answer(sheet: AnswerSheet) -> None:
    sheet.answer("who", "family", at=START + dt.timedelta(seconds=5))
    sheet.answer("fever", "yes")
    sheet.answer("temperature", "39.4")
    sheet.answer("symptoms", ["bleeding", "pain"])
    sheet.answer("onset", "2024-05-01")
    sheet.answer("satisfaction", 2)
    sheet.decline("comment", NonAnswer.UNABLE)
    text = json.dumps(sheet.to_json(), ensure_ascii=False)
    again = AnswerSheet.from_json(sheet.template, json.loads(text), today=TODAY)
    assert again.to_json() == sheet.to_json()
    assert again.call_started_at == START
    assert again.value("onset") == dt.date(2024, 5, 1)
    assert again.value("symptoms") == ("bleeding", "pain")
    assert [f.rule.id for f in again.red_flags()] == ["wound_bleeding", "high_fever"]


def test_loading_answers_of_another_version_is_refused(sheet: AnswerSheet) -> None:
    data = sheet.to_json()
    data["version"] = 2
    with pytest.raises(StoredAnswersError) as caught:
        AnswerSheet.from_json(sheet.template, data)
    assert str(caught.value) == (
        "Saved answers belong to template 'sample' version 2, not 'sample' version 1."
    )


def test_loading_an_answer_that_does_not_fit_names_it(sheet: AnswerSheet) -> None:
    data = sheet.to_json()
    data["answers"] = {"temperature": {"value": 50, "at": None}}
    with pytest.raises(StoredAnswersError) as caught:
        AnswerSheet.from_json(sheet.template, data)
    assert str(caught.value) == (
        "Saved answer to 'temperature': Enter a value from 34 to 43 °C; check it with the patient."
    )


def test_the_demo_results_load_as_flat_answers() -> None:
    """The demo seeds ``followup_result.answers`` as a flat {question: value} map."""
    flat = {
        "identity_confirmed": "self",
        "general_condition": "fair",
        "medication_adherence": "sometimes",
        "revisit_known": "yes",
        "satisfaction": 4,
        "symptoms": ["fever"],
    }
    sheet = AnswerSheet.from_json(shipped("general_discharge"), flat)
    assert sheet.satisfaction() == 4
    assert ids(sheet.missing()) == ["temperature"]
