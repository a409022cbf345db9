"""Call scripts: sections of text read to the patient, with placeholders filled at call time.

A script is plain text split by section headers on their own line::

    [identity]
    您好,请问是{patient_title}吗?
    > 家属接听时,先确认与患者的关系。
    [introduction]
    …
    [reminders]
    …
    [closing]
    …

Lines starting with ``>`` are notes for the agent, not read aloud. ``{{`` and ``}}`` stand for
literal braces. The renderer always adds :data:`NO_MEDICAL_ADVICE`, whatever the script says.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import ClassVar

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import Sex
from agent_app.domain.questionnaire_model import LocalText, QuestionnaireError
from agent_app.domain.views import PatientCard


class ScriptError(CodedError, QuestionnaireError):
    """A script is malformed: a code with the line, the section and the admin's text; the
    English sentence (``str``) names the line and the reason."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "script_unknown_section": "Line {line}: unknown section '[{name}]'; known sections "
        "are {known}.",
        "script_section_twice": "Line {line}: section '[{name}]' appears twice.",
        "script_text_before_header": "Line {line}: text before the first section header; "
        "start with [identity].",
        "script_missing_section": "The script has no [{section}] section.",
        "script_empty_section": "Section '[{section}]' is empty.",
        "script_lone_brace": "Line {line} (section '[{section}]'): a lone '{brace}'; write "
        "'{braces}' for a literal brace.",
        "script_unknown_placeholder": "Line {line} (section '[{section}]'): unknown "
        "placeholder '{{{name}}}'; known placeholders are {known}.",
        "script_bad_code": "Script code {value} must be 1–40 lower-case letters, digits and _ "
        "starting with a letter.",
        "script_bad_title": "The script title must be 1 to 120 characters.",
    }


class ScriptPart(enum.StrEnum):
    IDENTITY = "identity"
    INTRODUCTION = "introduction"
    REMINDERS = "reminders"
    CLOSING = "closing"

    @property
    def label(self) -> LocalText:
        return _TITLES[self]


_TITLES = {
    ScriptPart.IDENTITY: LocalText("身份核对", "Identity check"),
    ScriptPart.INTRODUCTION: LocalText("开场介绍", "Introduction"),
    ScriptPart.REMINDERS: LocalText("健康提醒", "Reminders"),
    ScriptPart.CLOSING: LocalText("结束语", "Closing"),
}
REQUIRED_PARTS = (ScriptPart.IDENTITY, ScriptPart.INTRODUCTION, ScriptPart.CLOSING)

PLACEHOLDERS: dict[str, LocalText] = {
    "patient_name": LocalText("患者姓名", "patient's name"),
    "patient_title": LocalText("患者称呼(王先生/王女士)", "how to address the patient"),
    "agent_name": LocalText("随访人员姓名", "agent's name"),
    "hospital_name": LocalText("医院名称", "hospital name"),
    "department": LocalText("出院科室", "discharging department"),
    "ward": LocalText("病区", "ward"),
    "discharge_date": LocalText("出院日期", "discharge date"),
    "days_since_discharge": LocalText("出院天数", "days since discharge"),
    "revisit_date": LocalText("复诊日期", "re-visit date"),
    "diagnosis": LocalText("出院诊断", "diagnosis"),
    "attending_doctor": LocalText("主治医生", "attending doctor"),
    "hospital_phone": LocalText("医院咨询电话", "hospital's phone number"),
}

# What is read aloud when a value is not known: words that still make the sentence true and
# useful ("please come back on the date your doctor gave you"), never a raw placeholder.
SPOKEN_FALLBACKS: dict[str, LocalText] = {
    "patient_name": LocalText("患者本人", "the patient"),
    "patient_title": LocalText("患者本人", "the patient"),
    "agent_name": LocalText("随访护士", "the follow-up nurse"),
    "hospital_name": LocalText("我院", "our hospital"),
    "department": LocalText("您出院的科室", "the department you left"),
    "ward": LocalText("您住的病区", "your ward"),
    "discharge_date": LocalText("前些天", "a few days ago"),
    "days_since_discharge": LocalText("几", "a few"),
    "revisit_date": LocalText("医生跟您约定的日期", "the date your doctor gave you"),
    "diagnosis": LocalText("这次住院的病", "the illness you were treated for"),
    "attending_doctor": LocalText("您的主治医生", "your doctor"),
    "hospital_phone": LocalText(
        "出院小结上的医院电话", "the hospital number on your discharge papers"
    ),
}

NO_MEDICAL_ADVICE = LocalText(
    "【注意】请勿在电话中给出诊断、用药或治疗建议。患者如有不适,请建议其及时就医或按时复诊,"
    "并在问卷中如实记录。",
    "[Caution] Do not give diagnosis, medication or treatment advice on the phone. If the "
    "patient feels unwell, advise them to see a doctor or keep their re-visit, and record it in "
    "the questionnaire.",
)

_HEADER = re.compile(r"\[([^\[\]]*)\]\Z")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


@dataclass(frozen=True)
class ScriptLine:
    text: str  # with placeholders
    agent_note: bool = False


@dataclass(frozen=True)
class ScriptSection:
    part: ScriptPart
    lines: tuple[ScriptLine, ...]


@dataclass(frozen=True)
class CallScriptText:
    """A checked script: known sections, known placeholders only."""

    sections: tuple[ScriptSection, ...]

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(
            name for s in self.sections for line in s.lines for name in _names(line.text)
        )


@dataclass(frozen=True)
class RenderedLine:
    text: str
    agent_note: bool
    missing: tuple[str, ...]  # placeholders that had no value


@dataclass(frozen=True)
class RenderedSection:
    part: ScriptPart
    title: LocalText
    lines: tuple[RenderedLine, ...]


@dataclass(frozen=True)
class RenderedScript:
    warning: LocalText  # always NO_MEDICAL_ADVICE
    sections: tuple[RenderedSection, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        names = (n for s in self.sections for line in s.lines for n in line.missing)
        return tuple(dict.fromkeys(names))


def parse_script(text: str) -> CallScriptText:
    """Check a script and split it into sections, or raise :class:`ScriptError`."""
    sections: list[tuple[ScriptPart, list[ScriptLine]]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = _HEADER.match(line)
        if header:
            name = header.group(1).strip()
            try:
                part = ScriptPart(name)
            except ValueError:
                known = ", ".join(f"[{p.value}]" for p in ScriptPart)
                raise ScriptError(
                    "script_unknown_section", line=number, name=name, known=known
                ) from None
            if any(p is part for p, _ in sections):
                raise ScriptError("script_section_twice", line=number, name=name)
            sections.append((part, []))
            continue
        if not line:
            continue
        if not sections:
            raise ScriptError("script_text_before_header", line=number)
        note = line.startswith(">")
        body = line[1:].strip() if note else line
        _check_placeholders(body, number, sections[-1][0])
        sections[-1][1].append(ScriptLine(body, note))
    present = {p for p, _ in sections}
    for part in REQUIRED_PARTS:
        if part not in present:
            raise ScriptError("script_missing_section", section=part.value)
    for part, lines in sections:
        if not lines:
            raise ScriptError("script_empty_section", section=part.value)
    return CallScriptText(tuple(ScriptSection(p, tuple(lines)) for p, lines in sections))


def placeholder_fault(text: str, known: Collection[str]) -> tuple[str, str] | None:
    """The first fault of ``text``'s placeholders, or None: ``("lone_brace", "{")`` for a brace
    that is neither doubled nor part of a placeholder, ``("unknown", name)`` for a name not in
    ``known``. Call scripts and text message templates share this one reading of the syntax."""
    for token in _TOKEN.finditer(text):
        whole = token.group(0)
        if whole in ("{{", "}}"):
            continue
        if whole in ("{", "}"):
            return ("lone_brace", whole)
        if token.group(1) not in known:
            return ("unknown", token.group(1))
    return None


def fill_placeholders(text: str, value_of: Callable[[str], str]) -> str:
    """``text`` with each ``{name}`` replaced by ``value_of(name)`` and ``{{``/``}}`` by a
    brace; the text must have passed :func:`placeholder_fault`."""

    def fill(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole in ("{{", "}}"):
            return whole[0]
        return value_of(match.group(1))

    return _TOKEN.sub(fill, text)


def _check_placeholders(text: str, number: int, part: ScriptPart) -> None:
    fault = placeholder_fault(text, PLACEHOLDERS)
    if fault is None:
        return
    kind, what = fault
    if kind == "lone_brace":
        raise ScriptError(
            "script_lone_brace", line=number, section=part.value, brace=what, braces=what * 2
        )
    raise ScriptError(
        "script_unknown_placeholder",
        line=number,
        section=part.value,
        name=what,
        known=", ".join(PLACEHOLDERS),
    )


def _names(text: str) -> list[str]:
    return [m.group(1) for m in _TOKEN.finditer(text) if m.group(1) is not None]


_CJK = re.compile(r"[\u4e00-\u9fff]")


def spoken_fallback(name: str, line: str) -> str:
    """What the agent reads for a placeholder with no value, in the line's own language."""
    words = SPOKEN_FALLBACKS[name]
    return words.zh_CN if _CJK.search(line) else words.en


def render_script(script: CallScriptText, values: Mapping[str, str | None]) -> RenderedScript:
    """Fill the placeholders from ``values``; a missing or empty value is read as its
    :data:`SPOKEN_FALLBACKS` words, and the line names it in ``missing`` so the screen can mark
    the gap beside the text, not inside what is read aloud."""
    sections = []
    for section in script.sections:
        lines = []
        for line in section.lines:
            missing: list[str] = []

            def value_of(name: str, missing: list[str] = missing, line: ScriptLine = line) -> str:
                value = values.get(name)
                if value is None or not value.strip():
                    missing.append(name)
                    return spoken_fallback(name, line.text)
                return value

            text = fill_placeholders(line.text, value_of)
            lines.append(RenderedLine(text, line.agent_note, tuple(missing)))
        sections.append(RenderedSection(section.part, section.part.label, tuple(lines)))
    return RenderedScript(NO_MEDICAL_ADVICE, tuple(sections))


# Values ---------------------------------------------------------------------------------------

_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "轩辕",
        "端木",
        "西门",
        "南宫",
        "独孤",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "呼延",
        "万俟",
        "闻人",
        "赫连",
        "百里",
        "东郭",
        "钟离",
        "濮阳",
        "司空",
    ]
)


def chinese_surname(name: str) -> str:
    """The surname of a Chinese name (two characters for compound surnames like 欧阳)."""
    name = name.strip()
    return name[:2] if name[:2] in _COMPOUND_SURNAMES else name[:1]


def patient_title(name: str, sex: Sex, age: int | None = None) -> str:
    """How the agent addresses the patient: 王先生 / 王女士, a child by full name with 小朋友,
    a non-Chinese name in full with 先生/女士; the full name when the sex is unknown."""
    name = name.strip()
    if not name:
        return ""
    chinese = all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in name)
    if age is not None and age < 14:
        return f"{name}小朋友"
    if sex is Sex.UNKNOWN:
        return name
    suffix = "先生" if sex is Sex.MALE else "女士"
    if not chinese or "·" in name:
        return f"{name}{suffix}"
    return f"{chinese_surname(name)}{suffix}"


def format_day(day: dt.date | None) -> str | None:
    """A date as said on the phone: 2024年5月3日."""
    return f"{day.year}年{day.month}月{day.day}日" if day else None


def script_values(
    card: PatientCard,
    *,
    agent_name: str,
    hospital_name: str,
    today: dt.date,
    revisit_date: dt.date | None = None,
    hospital_phone: str | None = None,
) -> dict[str, str | None]:
    """The placeholder values for a call to the patient on ``card``."""
    episode = card.episode
    return {
        "patient_name": card.name,
        "patient_title": patient_title(card.name, card.sex, card.age_on(today)),
        "agent_name": agent_name,
        "hospital_name": hospital_name,
        "department": episode.department_name if episode else None,
        "ward": episode.ward if episode else None,
        "discharge_date": format_day(episode.discharged_on) if episode else None,
        "days_since_discharge": str((today - episode.discharged_on).days) if episode else None,
        "revisit_date": format_day(revisit_date or (episode.revisit_on if episode else None)),
        "diagnosis": episode.diagnosis_name if episode else None,
        "attending_doctor": episode.attending_doctor if episode else None,
        "hospital_phone": hospital_phone,
    }
