"""Read a questionnaire template from its JSON form, refusing anything malformed.

Every refusal is a :class:`TemplateError` with a code, the place (a
:class:`~agent_app.domain.template_errors.Where`) and the admin's values; in English it reads
e.g. ``Question 'q7' in section 'wound': option value 'yes' appears twice.`` A template over
the limits of :mod:`agent_app.domain.template_limits` is refused with their typed error before
anything else is read, and every step below takes time in proportion to the template's size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from agent_app.domain.enums import RedFlagSeverity, VitalStatus
from agent_app.domain.questionnaire_check import check_conditions
from agent_app.domain.questionnaire_cycles import check_skip_logic
from agent_app.domain.questionnaire_fields import (
    ID_PATTERN,
    boolean,
    fmt,
    identifier,
    list_of,
    local_text,
    mapping,
    no_unknown_keys,
    number,
    parse_condition,
    whole_number,
)
from agent_app.domain.questionnaire_model import (
    END,
    YES_NO_OPTIONS,
    DateRange,
    Jump,
    LocalText,
    Option,
    Question,
    QuestionType,
    RedFlagRule,
    ResultFields,
    Section,
    Template,
    TemplateError,
)
from agent_app.domain.template_errors import TEMPLATE, Place, Where
from agent_app.domain.template_limits import (
    MAX_OPTIONS,
    MAX_QUESTIONS,
    TemplateLimit,
    TemplateLimitError,
    check_depth,
)

_TEMPLATE_KEYS = {
    "code",
    "version",
    "title",
    "specialty",
    "description",
    "sections",
    "red_flags",
    "result_fields",
}
_SECTION_KEYS = {"id", "title", "show_if", "questions"}
_QUESTION_KEYS: dict[QuestionType, set[str]] = {
    QuestionType.SINGLE: {"options"},
    QuestionType.MULTI: {"options"},
    QuestionType.YES_NO: set(),
    QuestionType.SCALE: {"min", "max", "labels"},
    QuestionType.NUMBER: {"min", "max", "unit", "integer"},
    QuestionType.DATE: {"date_range"},
    QuestionType.TEXT: {"max_length"},
}
_COMMON_KEYS = {"id", "type", "text", "hint", "required", "allow_unable", "show_if", "jumps"}
_OPTION_KEYS = {"value", "label", "exclusive"}
_RED_FLAG_KEYS = {"id", "when", "severity", "message"}
_RESULT_KEYS = {"satisfaction", "vital_status", "death_date"}


def parse_template(data: object) -> Template:
    """Build a :class:`Template` from decoded JSON, or raise :class:`TemplateError`
    (:class:`TemplateLimitError` when it is too deep or too large)."""
    check_depth(data)
    top = mapping(data, TEMPLATE)
    no_unknown_keys(top, _TEMPLATE_KEYS, TEMPLATE)
    code = identifier(top, "code", TEMPLATE)
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TemplateError("template_bad_version", value=repr(version))
    title = local_text(top, "title", TEMPLATE)
    if len(title.zh_CN) > 120 or len(title.en) > 120:
        raise TemplateError("template_title_too_long")
    specialty = identifier(top, "specialty", TEMPLATE)
    description = local_text(top, "description", TEMPLATE) if "description" in top else None

    raw_sections = list_of(top, "sections", TEMPLATE)
    if not raw_sections:
        raise TemplateError("template_no_sections")
    section_ids: set[str] = set()
    question_home: dict[str, str] = {}
    raw_pairs: list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]] = []
    for index, raw in enumerate(raw_sections, 1):
        numbered = Where(Place.SECTION_NUMBER, section=str(index))
        section = mapping(raw, numbered)
        sid = identifier(section, "id", numbered)
        if sid == END:
            raise TemplateError("template_section_id_end", numbered)
        if sid in section_ids:
            raise TemplateError("template_section_id_twice", section=sid)
        section_ids.add(sid)
        where = Where(Place.SECTION, section=sid)
        no_unknown_keys(section, _SECTION_KEYS, where)
        questions = [
            mapping(q, where.at(Place.QUESTION_NUMBER, question=n))
            for n, q in enumerate(list_of(section, "questions", where), 1)
        ]
        if not questions:
            raise TemplateError("template_no_questions", where)
        if len(question_home) + len(questions) > MAX_QUESTIONS:
            raise TemplateLimitError(TemplateLimit.QUESTIONS, MAX_QUESTIONS)
        for n, q in enumerate(questions, 1):
            qid = identifier(q, "id", where.at(Place.QUESTION_NUMBER, question=n))
            if qid in question_home:
                raise TemplateError(
                    "template_question_id_twice",
                    question=qid,
                    first=question_home[qid],
                    section=sid,
                )
            question_home[qid] = sid
        raw_pairs.append((section, questions))

    # Questions first (types are needed to check conditions), conditions second.
    shells: dict[str, Question] = {}
    for section, questions in raw_pairs:
        for q in questions:
            shell = _question_shell(q, section["id"])
            shells[shell.id] = shell

    order = {s["id"]: index for index, (s, _) in enumerate(raw_pairs)}
    sections: list[Section] = []
    for section, questions in raw_pairs:
        sid = section["id"]
        built: list[Question] = []
        for q in questions:
            shell = shells[q["id"]]
            where = Where(Place.QUESTION, section=sid, question=shell.id)
            show_if = (
                parse_condition(q["show_if"], where.at(Place.QUESTION_SHOW_IF), None)
                if "show_if" in q
                else None
            )
            jumps = tuple(
                _jump(j, where.at(Place.JUMP, jump=n), shell.id, sid, order)
                for n, j in enumerate(list_of(q, "jumps", where) if "jumps" in q else [], 1)
            )
            built.append(replace(shell, show_if=show_if, jumps=jumps))
        section_show_if = (
            parse_condition(section["show_if"], Where(Place.SECTION_SHOW_IF, section=sid), None)
            if "show_if" in section
            else None
        )
        section_title = local_text(section, "title", Where(Place.SECTION, section=sid))
        sections.append(Section(sid, section_title, tuple(built), section_show_if))

    red_flags = _red_flags(top)
    result_fields = _result_fields(top, shells)
    template = Template(
        code=code,
        version=version,
        title=title,
        specialty=specialty,
        sections=tuple(sections),
        red_flags=red_flags,
        result_fields=result_fields,
        description=description,
    )
    check_conditions(template)
    check_skip_logic(template)
    return template


# Questions ------------------------------------------------------------------------------------


def _question_shell(q: Mapping[str, Any], sid: str) -> Question:
    qid = q["id"]
    where = Where(Place.QUESTION, section=sid, question=qid)
    raw_type = q.get("type")
    try:
        qtype = QuestionType(str(raw_type))
    except ValueError:
        known = ", ".join(t.value for t in QuestionType)
        raise TemplateError(
            "template_unknown_type", where, value=repr(raw_type), known=known
        ) from None
    no_unknown_keys(q, _COMMON_KEYS | _QUESTION_KEYS[qtype], where, qtype)
    text = local_text(q, "text", where)
    hint = local_text(q, "hint", where) if "hint" in q else None
    required = boolean(q, "required", where, False)
    allow_unable = boolean(q, "allow_unable", where, True)
    common: dict[str, Any] = {
        "id": qid,
        "type": qtype,
        "text": text,
        "section_id": sid,
        "required": required,
        "allow_unable": allow_unable,
        "hint": hint,
    }
    if qtype is QuestionType.YES_NO:
        return Question(**common, options=YES_NO_OPTIONS)
    if qtype in (QuestionType.SINGLE, QuestionType.MULTI):
        return Question(**common, options=_options(q, where, qtype))
    if qtype is QuestionType.SCALE:
        low, high = whole_number(q, "min", where), whole_number(q, "max", where)
        if low >= high:
            raise TemplateError("template_scale_min_max", where, low=low, high=high)
        if high - low > 10:
            raise TemplateError("template_scale_too_long", where, low=low, high=high)
        labels = _scale_labels(q, where, low, high)
        return Question(**common, minimum=low, maximum=high, scale_labels=labels)
    if qtype is QuestionType.NUMBER:
        lo, hi = number(q, "min", where), number(q, "max", where)
        if lo >= hi:
            raise TemplateError("template_number_min_max", where, low=fmt(lo), high=fmt(hi))
        unit = local_text(q, "unit", where) if "unit" in q else None
        integer = boolean(q, "integer", where, False)
        return Question(**common, minimum=lo, maximum=hi, unit=unit, integer=integer)
    if qtype is QuestionType.DATE:
        raw = q.get("date_range", "any")
        try:
            date_range = DateRange(raw)
        except ValueError:
            raise TemplateError("template_bad_date_range", where, value=repr(raw)) from None
        return Question(**common, date_range=date_range)
    max_length = whole_number(q, "max_length", where) if "max_length" in q else 500
    if not 1 <= max_length <= 4000:
        raise TemplateError("template_bad_max_length", where, value=max_length)
    return Question(**common, max_length=max_length)


def _options(q: Mapping[str, Any], where: Where, qtype: QuestionType) -> tuple[Option, ...]:
    raw_options = list_of(q, "options", where)
    if len(raw_options) < 2:
        raise TemplateError("template_too_few_options", where, type=qtype)
    if len(raw_options) > MAX_OPTIONS:
        raise TemplateLimitError(TemplateLimit.OPTIONS, MAX_OPTIONS, q["id"], where.section)
    seen: set[str] = set()
    options = []
    for n, raw in enumerate(raw_options, 1):
        option = mapping(raw, where.at(Place.OPTION_NUMBER, option=n))
        no_unknown_keys(option, _OPTION_KEYS, where.at(Place.OPTION_NUMBER, option=n))
        value = option.get("value")
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise TemplateError("template_bad_option_value", where, number=n, value=repr(value))
        if value in seen:
            raise TemplateError("template_option_twice", where, value=value)
        seen.add(value)
        exclusive = boolean(option, "exclusive", where.at(Place.OPTION, option=value), False)
        if exclusive and qtype is not QuestionType.MULTI:
            raise TemplateError("template_exclusive_not_multi", where, value=value)
        label = local_text(option, "label", where.at(Place.OPTION, option=value))
        options.append(Option(value, label, exclusive))
    return tuple(options)


def _scale_labels(
    q: Mapping[str, Any], where: Where, low: int, high: int
) -> tuple[tuple[int, LocalText], ...]:
    if "labels" not in q:
        return ()
    raw = mapping(q["labels"], where.at(Place.LABELS))
    labels = []
    for key in raw:
        try:
            point = int(key)
        except ValueError:
            raise TemplateError("template_bad_label_key", where, value=repr(key)) from None
        if not low <= point <= high:
            raise TemplateError(
                "template_label_outside_scale", where, point=point, low=low, high=high
            )
        labels.append((point, local_text(raw, key, where.at(Place.LABELS))))
    return tuple(sorted(labels))


def _jump(raw: object, here: Where, qid: str, sid: str, order: Mapping[str, int]) -> Jump:
    jump = mapping(raw, here)
    no_unknown_keys(jump, {"if", "to"}, here)
    target = jump.get("to")
    if not isinstance(target, str):
        raise TemplateError("template_jump_no_target", here)
    if target != END:
        if target not in order:
            raise TemplateError("template_jump_unknown_target", here, target=target)
        if order[target] <= order[sid]:
            raise TemplateError("template_jump_backwards", here, target=target)
    if "if" not in jump:
        raise TemplateError("template_missing_key", here, key="if")
    return Jump(parse_condition(jump["if"], here, qid), target)


# Red flags and result fields ------------------------------------------------------------------


def _red_flags(top: Mapping[str, Any]) -> tuple[RedFlagRule, ...]:
    if "red_flags" not in top:
        return ()
    rules: list[RedFlagRule] = []
    seen: set[str] = set()
    for n, raw in enumerate(list_of(top, "red_flags", TEMPLATE), 1):
        rule = mapping(raw, Where(Place.RED_FLAG_NUMBER, flag=str(n)))
        rid = identifier(rule, "id", Where(Place.RED_FLAG_NUMBER, flag=str(n)))
        where = Where(Place.RED_FLAG, flag=rid)
        if rid in seen:
            raise TemplateError("template_red_flag_id_twice", flag=rid)
        seen.add(rid)
        no_unknown_keys(rule, _RED_FLAG_KEYS, where)
        raw_severity = rule.get("severity")
        try:
            severity = RedFlagSeverity(str(raw_severity))
        except ValueError:
            known = ", ".join(s.value for s in RedFlagSeverity)
            raise TemplateError(
                "template_bad_severity", where, value=repr(raw_severity), known=known
            ) from None
        if "when" not in rule:
            raise TemplateError("template_missing_key", where, key="when")
        when = parse_condition(rule["when"], where, None)
        rules.append(RedFlagRule(rid, when, severity, local_text(rule, "message", where)))
    return tuple(rules)


def _result_fields(top: Mapping[str, Any], questions: Mapping[str, Question]) -> ResultFields:
    if "result_fields" not in top:
        return ResultFields()
    raw = mapping(top["result_fields"], Where(Place.RESULT_FIELDS))
    no_unknown_keys(raw, _RESULT_KEYS, Where(Place.RESULT_FIELDS))
    wanted = {
        "satisfaction": QuestionType.SCALE,
        "vital_status": QuestionType.SINGLE,
        "death_date": QuestionType.DATE,
    }
    found: dict[str, str] = {}
    for key, qtype in wanted.items():
        if key not in raw:
            continue
        qid = raw[key]
        if not isinstance(qid, str) or qid not in questions:
            raise TemplateError("template_result_field_unknown", key=key, value=repr(qid))
        if questions[qid].type is not qtype:
            raise TemplateError(
                "template_result_field_type",
                key=key,
                type=qtype,
                question=qid,
                actual=questions[qid].type,
            )
        found[key] = qid
    if "vital_status" in found:
        allowed = {v.value for v in VitalStatus}
        for option in questions[found["vital_status"]].options:
            if option.value not in allowed:
                raise TemplateError(
                    "template_vital_status_option",
                    question=found["vital_status"],
                    value=option.value,
                )
    return ResultFields(**found)
