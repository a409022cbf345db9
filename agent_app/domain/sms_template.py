"""Text message templates: what the follow-up plan and the agent send to patients.

Three kinds: the notice a few hours before the first follow-up call, the reminder a few days
before the re-visit the doctor booked, and health-education texts the agent picks at the end
of a call. A template's body has placeholders in the call scripts' syntax (``{hospital}``,
``{{`` for a literal brace: :func:`agent_app.domain.call_script.placeholder_fault`), and is
checked before it is saved:

- every placeholder is one of :data:`SMS_PLACEHOLDERS`, no lone brace;
- filled with the longest plausible values, it fits in :data:`MAX_PARTS` concatenated parts;
- it gives no medical advice (:data:`ADVICE_PATTERNS`): a text message cannot be asked back,
  so the same rule as on the phone (``NO_MEDICAL_ADVICE``) is enforced on the words.

A template is a draft until a supervisor approves it; only approved ones are sent.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from agent_app.domain.call_script import fill_placeholders, placeholder_fault, script_values
from agent_app.domain.coded_error import CodedError
from agent_app.domain.questionnaire_model import LocalText
from agent_app.domain.views import PatientCard

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}\Z")
MAX_TITLE = 120
#: A concatenated UCS2 part carries 67 characters (70 less the 3 of the joining header); six
#: parts is what the modem path accepts without the patient's phone dropping a part.
UCS2_PART = 67
MAX_PARTS = 6
MAX_UCS2 = UCS2_PART * MAX_PARTS


class SmsTemplateKind(enum.StrEnum):
    PRE_CALL_NOTICE = "pre_call_notice"
    REVISIT_REMINDER = "revisit_reminder"
    HEALTH_EDUCATION = "health_education"


class SmsTemplateState(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


#: The code a plan uses when it names no template of its own, per planned kind.
DEFAULT_CODES: dict[SmsTemplateKind, str] = {
    SmsTemplateKind.PRE_CALL_NOTICE: "pre_call_notice",
    SmsTemplateKind.REVISIT_REMINDER: "revisit_reminder",
}

SMS_PLACEHOLDERS: dict[str, LocalText] = {
    "hospital": LocalText("医院名称", "hospital name"),
    "patient_title": LocalText("患者称呼(王先生/王女士)", "how to address the patient"),
    "call_day": LocalText("致电日(今天/明天/5月3日)", "day of the call"),
    "call_part_of_day": LocalText("上午/下午/晚上", "morning / afternoon / evening"),
    "revisit_date": LocalText("复诊日期", "re-visit date"),
    "department": LocalText("出院科室", "discharging department"),
    "hospital_phone": LocalText("医院咨询电话", "hospital's phone number"),
}

#: The longest value each placeholder plausibly takes, for the length check: a long hospital
#: name with its university name, a foreign name with a middle dot, a phone with extension.
LONGEST_VALUES: dict[str, str] = {
    "hospital": "某某医科大学附属第一医院(某某市第一人民医院)",
    "patient_title": "阿卜杜热合曼·买买提明先生",
    "call_day": "12月31日",
    "call_part_of_day": "上午",
    "revisit_date": "2026年12月31日",
    "department": "心血管内科二病区(心脏中心)",
    "hospital_phone": "0371-12345678转8888",
}

#: Words that make a text medical advice, each with the code of why (:data:`ADVICE_REASONS`).
#: A match refuses the template with the phrase named, even inside a negation ("请勿停药"): the
#: patient cannot ask back what a text meant, so a text sends every medicine question to the
#: doctor instead.
ADVICE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"剂量"), "dose"),
    (re.compile(r"[加减]量"), "dose_change"),
    (re.compile(r"停药|停用|停服"), "stop"),
    (re.compile(r"改服|换服|加服"), "switch"),
    (re.compile(r"\d+(?:\.\d+)?\s*(?:mg|μg|ug|g|ml|mL)(?![A-Za-z])|毫克|微克|毫升"), "amount"),
    (re.compile(r"每[日天晚早晨周]\s*[0-9一二两三四五六七八九十]+\s*次"), "frequency"),
    (
        re.compile(r"服用?\s*[^,,。;;]{0,8}?[0-9一二两三四五六七八九十半]+\s*[片粒袋支丸]"),
        "tablets",
    ),
    (re.compile(r"诊断为|确诊为|考虑为"), "diagnosis"),
)
ADVICE_REASONS: dict[str, str] = {
    "dose": "a dose is the prescriber's to give, never a text message's",
    "dose_change": "raising or lowering a dose changes the prescription",
    "stop": "stopping a medicine is a prescription decision",
    "switch": "switching or adding a medicine is a prescription",
    "amount": "an amount of medicine is a dose",
    "frequency": "how often to take a medicine is part of the prescription",
    "tablets": "a number of tablets is a dose",
    "diagnosis": "a diagnosis is given by a doctor who saw the patient",
}


class SmsTemplateError(CodedError, ValueError):
    """A template cannot be saved or used; the code says why, the parameters what."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "sms_tpl_bad_code": "Template code {value} must be 1–40 lower-case letters, digits and "
        "_ starting with a letter.",
        "sms_tpl_bad_title": "The template title must be 1 to 120 characters.",
        "sms_tpl_bad_kind": "Unknown template kind '{value}'.",
        "sms_tpl_bad_state": "Unknown template state '{value}'.",
        "sms_tpl_empty": "The template has no text.",
        "sms_tpl_lone_brace": "A lone '{brace}'; write '{braces}' for a literal brace.",
        "sms_tpl_unknown_placeholder": "Unknown placeholder '{{{name}}}'; known placeholders "
        "are {known}.",
        "sms_tpl_too_long": "Filled with the longest values the text is {length} characters; a "
        "message may have at most {limit} ({parts} parts).",
        "sms_tpl_medical_advice": "The text gives medical advice ('{phrase}'): {why}. Send "
        "medicine and diagnosis questions to the doctor instead.",
        "sms_tpl_not_allowed": "Only a supervisor of the owning department or an administrator "
        "may change this template.",
        "sms_tpl_not_found": "There is no template '{template}'.",
        "sms_tpl_unknown_department": "There is no department '{department}'.",
        "sms_tpl_not_approved": "Template '{template}' is not approved.",
    }

    def english(self) -> str:
        if self.code == "sms_tpl_medical_advice":
            why = ADVICE_REASONS[self.params["reason"]]
            return self.ENGLISH[self.code].format(phrase=self.params["phrase"], why=why)
        return super().english()


@dataclass(frozen=True)
class SmsTemplateText:
    """One template as written in a file or the editor; ``department_code`` None is the
    hospital's own (only an administrator writes those)."""

    code: str
    kind: SmsTemplateKind
    title: str
    body: str
    department_code: str | None = None
    state: SmsTemplateState = SmsTemplateState.DRAFT


def ucs2_length(text: str) -> int:
    """Characters as a UCS2 message counts them (a character beyond the BMP takes two)."""
    return len(text.encode("utf-16-le")) // 2


def medical_advice(body: str) -> tuple[str, str] | None:
    """The first advice phrase in ``body`` and the code of why it is refused, or None."""
    for pattern, reason in ADVICE_PATTERNS:
        found = pattern.search(body)
        if found:
            return found.group(0), reason
    return None


def check_body(body: str) -> None:
    """Raise :class:`SmsTemplateError` for the first fault of a template's text."""
    if not body.strip():
        raise SmsTemplateError("sms_tpl_empty")
    fault = placeholder_fault(body, SMS_PLACEHOLDERS)
    if fault is not None:
        kind, what = fault
        if kind == "lone_brace":
            raise SmsTemplateError("sms_tpl_lone_brace", brace=what, braces=what * 2)
        raise SmsTemplateError(
            "sms_tpl_unknown_placeholder", name=what, known=", ".join(SMS_PLACEHOLDERS)
        )
    advice = medical_advice(body)
    if advice is not None:
        raise SmsTemplateError("sms_tpl_medical_advice", phrase=advice[0], reason=advice[1])
    length = ucs2_length(fill_placeholders(body, LONGEST_VALUES.__getitem__))
    if length > MAX_UCS2:
        raise SmsTemplateError("sms_tpl_too_long", length=length, limit=MAX_UCS2, parts=MAX_PARTS)


def checked_template(
    *,
    code: str,
    kind: str,
    title: str,
    body: str,
    department_code: str | None = None,
    state: str = SmsTemplateState.DRAFT.value,
) -> SmsTemplateText:
    """A checked :class:`SmsTemplateText` from plain values, or :class:`SmsTemplateError`."""
    if not CODE_PATTERN.match(code):
        raise SmsTemplateError("sms_tpl_bad_code", value=repr(code))
    title = title.strip()
    if not title or len(title) > MAX_TITLE:
        raise SmsTemplateError("sms_tpl_bad_title")
    try:
        kind_value = SmsTemplateKind(kind)
    except ValueError:
        raise SmsTemplateError("sms_tpl_bad_kind", value=kind) from None
    try:
        state_value = SmsTemplateState(state)
    except ValueError:
        raise SmsTemplateError("sms_tpl_bad_state", value=state) from None
    body = body.strip()
    check_body(body)
    return SmsTemplateText(code, kind_value, title, body, department_code or None, state_value)


def render_message(body: str, values: Mapping[str, str | None]) -> str:
    """The text to send: placeholders filled; one without a value becomes words that keep the
    sentence true (``我院`` for the hospital), never a raw ``{name}``."""

    def value_of(name: str) -> str:
        value = values.get(name)
        return value if value and value.strip() else FALLBACKS[name]

    return fill_placeholders(body, value_of)


FALLBACKS: dict[str, str] = {
    "hospital": "我院",
    "patient_title": "您",
    "call_day": "近日",
    "call_part_of_day": "",
    "revisit_date": "医生与您约定的日期",
    "department": "出院科室",
    "hospital_phone": "出院小结上的医院电话",
}


def card_values(
    card: PatientCard, *, hospital_name: str, hospital_phone: str, today: dt.date
) -> dict[str, str | None]:
    """The placeholder values for a text to the patient on ``card`` (the call script's own
    values, under the template's names)."""
    spoken = script_values(
        card, agent_name="", hospital_name=hospital_name, today=today,
        hospital_phone=hospital_phone,
    )  # fmt: skip
    return {
        "hospital": spoken["hospital_name"],
        "patient_title": spoken["patient_title"],
        "revisit_date": spoken["revisit_date"],
        "department": spoken["department"],
        "hospital_phone": spoken["hospital_phone"],
    }


def part_of_day(moment: dt.time) -> str:
    """上午 before noon, 下午 until six, 晚上 after: what the notice says of the call's time."""
    if moment.hour < 12:
        return "上午"
    return "下午" if moment.hour < 18 else "晚上"


def day_words(day: dt.date, today: dt.date) -> str:
    """今天 / 明天 / 后天, or the date (5月3日) further ahead."""
    ahead = (day - today).days
    if ahead == 0:
        return "今天"
    if ahead == 1:
        return "明天"
    if ahead == 2:
        return "后天"
    return f"{day.month}月{day.day}日"
