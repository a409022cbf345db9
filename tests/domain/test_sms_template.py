"""Text message templates: each check refuses with its own code, and a clean text passes."""

from __future__ import annotations

import datetime as dt

import pytest

from agent_app.domain.sms_template import (
    MAX_UCS2,
    SmsTemplateError,
    SmsTemplateKind,
    checked_template,
    day_words,
    part_of_day,
    render_message,
)

NOTICE = (
    "【{hospital}】{patient_title}您好,我院将于{call_day}{call_part_of_day}致电您进行出院随访。"
)


def _check(body: str, **extra: str) -> None:
    checked_template(code="t1", kind="health_education", title="标题", body=body, **extra)


def _refused(body: str) -> SmsTemplateError:
    with pytest.raises(SmsTemplateError) as caught:
        _check(body)
    return caught.value


def test_a_clean_notice_passes_and_fills_every_placeholder() -> None:
    template = checked_template(
        code="pre_call_notice", kind="pre_call_notice", title="随访前通知", body=NOTICE
    )
    assert template.kind is SmsTemplateKind.PRE_CALL_NOTICE
    text = render_message(
        template.body,
        {"hospital": "市一院", "patient_title": "王先生", "call_day": "明天",
         "call_part_of_day": "上午"},
    )  # fmt: skip
    assert text == "【市一院】王先生您好,我院将于明天上午致电您进行出院随访。"


def test_a_missing_value_becomes_true_words_never_a_raw_placeholder() -> None:
    text = render_message("请于{revisit_date}复诊,咨询{hospital_phone}。", {})
    assert "{" not in text and "医生与您约定的日期" in text


def test_an_unknown_placeholder_is_named() -> None:
    error = _refused("{patient_name}您好")
    assert error.code == "sms_tpl_unknown_placeholder" and error.params["name"] == "patient_name"


def test_a_lone_brace_is_refused() -> None:
    error = _refused("您好 {hospital")
    assert error.code == "sms_tpl_lone_brace" and error.params["brace"] == "{"
    _check("大括号 {{ 可以写")


def test_a_text_longer_than_six_parts_once_filled_is_refused() -> None:
    # 380 characters pass as written, but the longest hospital name pushes them over 402.
    body = "{hospital}" + "请" * 380
    error = _refused(body)
    assert error.code == "sms_tpl_too_long" and int(error.params["length"]) > MAX_UCS2
    _check("请" * MAX_UCS2)


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("请注意药物剂量", "剂量"),
        ("血压高时可加量", "加量"),
        ("症状好转后可以停药", "停药"),
        ("阿司匹林100mg即可", "100mg"),
        ("每次5毫克", "毫克"),
        ("每日三次按时吃", "每日三次"),
        ("请服用2片降压药", "服用2片"),
        ("您的病诊断为肺炎", "诊断为"),
        ("可改服其他药", "改服"),
    ],
)
def test_medical_advice_is_refused_with_the_phrase_named(body: str, phrase: str) -> None:
    error = _refused(body)
    assert error.code == "sms_tpl_medical_advice"
    assert error.params["phrase"] == phrase


def test_following_the_doctors_prescription_is_not_advice() -> None:
    _check("请按医生处方按时服药,不要自行调整;对用药有疑问请咨询您的医生或拨打{hospital_phone}。")


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"code": "Bad-Code"}, "sms_tpl_bad_code"),
        ({"title": " "}, "sms_tpl_bad_title"),
        ({"kind": "advert"}, "sms_tpl_bad_kind"),
        ({"state": "live"}, "sms_tpl_bad_state"),
        ({"body": "  "}, "sms_tpl_empty"),
    ],
)
def test_each_field_is_checked(fields: dict[str, str], code: str) -> None:
    values = {"code": "t1", "kind": "health_education", "title": "标题", "body": "正文"}
    values.update(fields)
    with pytest.raises(SmsTemplateError) as caught:
        checked_template(**values)
    assert caught.value.code == code


def test_the_notice_says_the_day_and_part_of_day_as_a_patient_would() -> None:
    today = dt.date(2026, 5, 1)
    assert [day_words(today + dt.timedelta(days=n), today) for n in range(4)] == [
        "今天", "明天", "后天", "5月4日"
    ]  # fmt: skip
    assert [part_of_day(dt.time(h)) for h in (9, 14, 19)] == ["上午", "下午", "晚上"]
