"""Call scripts: sections, known placeholders only, gaps shown, the no-advice warning always."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from agent_app.domain.call_script import (
    NO_MEDICAL_ADVICE,
    PLACEHOLDERS,
    ScriptError,
    ScriptPart,
    chinese_surname,
    format_day,
    parse_script,
    patient_title,
    render_script,
    script_values,
)
from agent_app.domain.enums import Relation, Sex
from agent_app.domain.views import ContactLine, EpisodeSummary, PatientCard

SCRIPTS = Path(__file__).resolve().parents[2] / "resources" / "scripts"
QUESTIONNAIRES = SCRIPTS.parent / "questionnaires"

GOOD = """\
[identity]
您好,请问是{patient_title}吗?
> 非本人时不谈病情。
[introduction]
我是{hospital_name}{department}的{agent_name},您于{discharge_date}出院。
[reminders]
复诊时间是{revisit_date}。
[closing]
再见,{{谢谢}}。
"""


def test_a_script_is_split_into_sections_with_agent_notes() -> None:
    script = parse_script(GOOD)
    assert [s.part for s in script.sections] == list(ScriptPart)
    identity = script.sections[0]
    assert [line.agent_note for line in identity.lines] == [False, True]
    assert identity.lines[1].text == "非本人时不谈病情。"
    assert script.placeholders == {
        "patient_title",
        "hospital_name",
        "department",
        "agent_name",
        "discharge_date",
        "revisit_date",
    }


def test_rendering_fills_values_and_shows_missing_ones() -> None:
    rendered = render_script(
        parse_script(GOOD),
        {
            "patient_title": "王先生",
            "hospital_name": "市第一人民医院",
            "department": "心血管内科",
            "agent_name": "李护士",
            "discharge_date": "2024年5月3日",
            "revisit_date": None,
        },
    )
    assert rendered.warning == NO_MEDICAL_ADVICE
    assert rendered.sections[0].lines[0].text == "您好,请问是王先生吗?"
    assert rendered.sections[0].title.zh_CN == "身份核对"
    assert rendered.sections[1].lines[0].text == (
        "我是市第一人民医院心血管内科的李护士,您于2024年5月3日出院。"
    )
    reminder = rendered.sections[2].lines[0]
    # Read aloud: words that keep the sentence true, never a raw placeholder or a bracket.
    assert reminder.text == "复诊时间是医生跟您约定的日期。"
    assert reminder.missing == ("revisit_date",)
    assert rendered.missing == ("revisit_date",)
    assert rendered.sections[3].lines[0].text == "再见,{谢谢}。"


def test_the_no_advice_warning_is_there_even_when_the_script_says_nothing_of_it() -> None:
    rendered = render_script(
        parse_script("[identity]\n喂\n[introduction]\n你好\n[closing]\n再见"), {}
    )
    assert "请勿" in rendered.warning.zh_CN
    assert "Do not give" in rendered.warning.en


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[identity]\n您好{honorific}\n[introduction]\nx\n[closing]\ny",
            "Line 2 (section '[identity]'): unknown placeholder '{honorific}'; known placeholders "
            "are " + ", ".join(PLACEHOLDERS) + ".",
        ),
        (
            "您好\n[identity]\nx",
            "Line 1: text before the first section header; start with [identity].",
        ),
        (
            "[identity]\nx\n[greeting]\ny",
            "Line 3: unknown section '[greeting]'; known sections are [identity], "
            "[introduction], [reminders], [closing].",
        ),
        ("[identity]\nx\n[identity]\ny", "Line 3: section '[identity]' appears twice."),
        ("[identity]\nx\n[introduction]\ny", "The script has no [closing] section."),
        (
            "[identity]\nx\n[introduction]\n[closing]\nz",
            "Section '[introduction]' is empty.",
        ),
        (
            "[identity]\n您好{patient_name\n[introduction]\ny\n[closing]\nz",
            "Line 2 (section '[identity]'): a lone '{'; write '{{' for a literal brace.",
        ),
    ],
)
def test_a_malformed_script_is_refused_with_the_exact_reason(text: str, message: str) -> None:
    with pytest.raises(ScriptError) as caught:
        parse_script(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("name", "sex", "age", "title"),
    [
        ("王建国", Sex.MALE, 60, "王先生"),
        ("李秀英", Sex.FEMALE, 45, "李女士"),
        ("欧阳娜娜", Sex.FEMALE, 30, "欧阳女士"),
        ("司马光", Sex.MALE, None, "司马先生"),
        ("张小明", Sex.MALE, 8, "张小明小朋友"),
        ("赵敏", Sex.UNKNOWN, 40, "赵敏"),
        ("John Smith", Sex.MALE, 50, "John Smith先生"),
        ("约翰·史密斯", Sex.MALE, 50, "约翰·史密斯先生"),
    ],
)
def test_patient_title_follows_sex_age_and_surname(
    name: str, sex: Sex, age: int | None, title: str
) -> None:
    assert patient_title(name, sex, age) == title


def test_compound_surnames_are_two_characters() -> None:
    assert chinese_surname("诸葛亮") == "诸葛"
    assert chinese_surname("诸亮") == "诸"


def card(with_episode: bool = True) -> PatientCard:
    episode = EpisodeSummary(
        id=1,
        admitted_on=dt.date(2024, 4, 25),
        discharged_on=dt.date(2024, 5, 3),
        ward="心内一病区",
        department_name="心血管内科",
        diagnosis_code="I21.9",
        diagnosis_name="急性心肌梗死",
        attending_doctor="陈医生",
        attending_nurse="刘护士",
    )
    contact = ContactLine(1, "王建国", Relation.SELF, "138 0000 0000", "+8613800000000")
    return PatientCard(
        id=1,
        mrn="M1",
        name="王建国",
        sex=Sex.MALE,
        birth_date=dt.date(1960, 1, 1),
        id_number_masked="110101********1234",
        contacts=(contact,),
        episode=episode if with_episode else None,
        open_task_ids=(),
        recent_attempts=(),
    )


def test_script_values_come_from_the_patient_card() -> None:
    values = script_values(
        card(),
        agent_name="李护士",
        hospital_name="市第一人民医院",
        today=dt.date(2024, 5, 10),
        revisit_date=dt.date(2024, 6, 3),
    )
    assert set(values) == set(PLACEHOLDERS)
    assert values["patient_title"] == "王先生"
    assert values["discharge_date"] == "2024年5月3日"
    assert values["days_since_discharge"] == "7"
    assert values["revisit_date"] == "2024年6月3日"
    assert values["diagnosis"] == "急性心肌梗死"
    assert values["hospital_phone"] is None
    no_episode = script_values(
        card(False), agent_name="李", hospital_name="医院", today=dt.date(2024, 5, 10)
    )
    assert no_episode["department"] is None
    assert format_day(None) is None


SHIPPED = sorted(SCRIPTS.glob("*.txt"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_script_parses_and_renders_without_gaps(path: Path) -> None:
    script = parse_script(path.read_text("utf-8"))
    assert {s.part for s in script.sections} == set(ScriptPart)
    values = script_values(
        card(),
        agent_name="李护士",
        hospital_name="市第一人民医院",
        today=dt.date(2024, 5, 10),
        revisit_date=dt.date(2024, 6, 3),
        hospital_phone="010-12345678",
    )
    rendered = render_script(script, values)
    assert rendered.missing == ()
    assert all("{" not in line.text for s in rendered.sections for line in s.lines)


def test_every_shipped_template_has_a_matching_script() -> None:
    assert {p.stem for p in QUESTIONNAIRES.glob("*.json")} == {p.stem for p in SHIPPED}


def test_an_unknown_value_reads_naturally_in_the_lines_own_language() -> None:
    script = parse_script(
        "[identity]\nHello, is this {patient_title}?\n[introduction]\n我是{hospital_name}的护士。\n"
        "[reminders]\nPlease call {hospital_phone} with questions.\n"
        "[closing]\n有问题请拨打{hospital_phone}。"
    )
    rendered = render_script(script, {})
    texts = [line.text for section in rendered.sections for line in section.lines]
    assert texts == [
        "Hello, is this the patient?",
        "我是我院的护士。",
        "Please call the hospital number on your discharge papers with questions.",
        "有问题请拨打出院小结上的医院电话。",
    ]
    assert all("【" not in t and "{" not in t and "未知" not in t for t in texts)
    assert rendered.missing == ("patient_title", "hospital_name", "hospital_phone")


def test_the_booked_revisit_comes_from_the_episode() -> None:
    booked = card()
    assert booked.episode is not None
    episode = dataclasses.replace(booked.episode, revisit_on=dt.date(2024, 5, 24))
    values = script_values(
        dataclasses.replace(booked, episode=episode),
        agent_name="李护士",
        hospital_name="市第一人民医院",
        today=dt.date(2024, 5, 10),
    )
    assert values["revisit_date"] == "2024年5月24日"
    assert (
        script_values(card(), agent_name="李", hospital_name="医院", today=dt.date(2024, 5, 10))[
            "revisit_date"
        ]
        is None
    )
