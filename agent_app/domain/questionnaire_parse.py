"""Read a questionnaire template from its JSON form, refusing anything malformed.

Every refusal is a :class:`TemplateError` whose message names the exact place and reason,
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
    top = mapping(data, "Template")
    no_unknown_keys(top, _TEMPLATE_KEYS, "Template")
    code = identifier(top, "code", "Template")
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TemplateError(f"Template: 'version' must be a whole number from 1, not {version!r}.")
    title = local_text(top, "title", "Template")
    if len(title.zh_CN) > 120 or len(title.en) > 120:
        raise TemplateError("Template: 'title' is longer than 120 characters.")
    specialty = identifier(top, "specialty", "Template")
    description = local_text(top, "description", "Template") if "description" in top else None

    raw_sections = list_of(top, "sections", "Template")
    if not raw_sections:
        raise TemplateError("Template: 'sections' is empty; a template needs at least one.")
    section_ids: set[str] = set()
    question_home: dict[str, str] = {}
    raw_pairs: list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]] = []
    for index, raw in enumerate(raw_sections, 1):
        section = mapping(raw, f"Section {index}")
        sid = identifier(section, "id", f"Section {index}")
        if sid == END:
            raise TemplateError(f"Section {index}: id '{END}' is reserved for 'jump to the end'.")
        if sid in section_ids:
            raise TemplateError(f"Section id '{sid}' is used twice.")
        section_ids.add(sid)
        where = f"Section '{sid}'"
        no_unknown_keys(section, _SECTION_KEYS, where)
        questions = [
            mapping(q, f"Question {n} in section '{sid}'")
            for n, q in enumerate(list_of(section, "questions", where), 1)
        ]
        if not questions:
            raise TemplateError(f"{where}: 'questions' is empty.")
        if len(question_home) + len(questions) > MAX_QUESTIONS:
            raise TemplateLimitError(TemplateLimit.QUESTIONS, MAX_QUESTIONS)
        for n, q in enumerate(questions, 1):
            qid = identifier(q, "id", f"Question {n} in section '{sid}'")
            if qid in question_home:
                raise TemplateError(
                    f"Question id '{qid}' is used twice "
                    f"(sections '{question_home[qid]}' and '{sid}')."
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
            where = f"Question '{shell.id}' in section '{sid}'"
            show_if = (
                parse_condition(q["show_if"], where + ": show_if", None) if "show_if" in q else None
            )
            jumps = tuple(
                _jump(j, n, where, shell.id, sid, order)
                for n, j in enumerate(list_of(q, "jumps", where) if "jumps" in q else [], 1)
            )
            built.append(replace(shell, show_if=show_if, jumps=jumps))
        section_show_if = (
            parse_condition(section["show_if"], f"Section '{sid}': show_if", None)
            if "show_if" in section
            else None
        )
        section_title = local_text(section, "title", f"Section '{sid}'")
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
    where = f"Question '{qid}' in section '{sid}'"
    raw_type = q.get("type")
    try:
        qtype = QuestionType(str(raw_type))
    except ValueError:
        known = ", ".join(t.value for t in QuestionType)
        raise TemplateError(
            f"{where}: unknown type {raw_type!r}; expected one of {known}."
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
        return Question(**common, options=_options(q, where, qtype, sid))
    if qtype is QuestionType.SCALE:
        low, high = whole_number(q, "min", where), whole_number(q, "max", where)
        if low >= high:
            raise TemplateError(f"{where}: scale min {low} must be below max {high}.")
        if high - low > 10:
            raise TemplateError(f"{where}: a scale may have at most 11 points ({low}–{high}).")
        labels = _scale_labels(q, where, low, high)
        return Question(**common, minimum=low, maximum=high, scale_labels=labels)
    if qtype is QuestionType.NUMBER:
        lo, hi = number(q, "min", where), number(q, "max", where)
        if lo >= hi:
            raise TemplateError(f"{where}: number min {fmt(lo)} must be below max {fmt(hi)}.")
        unit = local_text(q, "unit", where) if "unit" in q else None
        integer = boolean(q, "integer", where, False)
        return Question(**common, minimum=lo, maximum=hi, unit=unit, integer=integer)
    if qtype is QuestionType.DATE:
        raw = q.get("date_range", "any")
        try:
            date_range = DateRange(raw)
        except ValueError:
            raise TemplateError(
                f"{where}: date_range {raw!r} must be one of any, past, future."
            ) from None
        return Question(**common, date_range=date_range)
    max_length = whole_number(q, "max_length", where) if "max_length" in q else 500
    if not 1 <= max_length <= 4000:
        raise TemplateError(f"{where}: max_length must be from 1 to 4000, not {max_length}.")
    return Question(**common, max_length=max_length)


def _options(q: Mapping[str, Any], where: str, qtype: QuestionType, sid: str) -> tuple[Option, ...]:
    raw_options = list_of(q, "options", where)
    if len(raw_options) < 2:
        raise TemplateError(f"{where}: a {qtype.value} choice needs at least 2 options.")
    if len(raw_options) > MAX_OPTIONS:
        raise TemplateLimitError(TemplateLimit.OPTIONS, MAX_OPTIONS, q["id"], sid)
    seen: set[str] = set()
    options = []
    for n, raw in enumerate(raw_options, 1):
        option = mapping(raw, f"{where}: option {n}")
        no_unknown_keys(option, _OPTION_KEYS, f"{where}: option {n}")
        value = option.get("value")
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise TemplateError(
                f"{where}: option {n} value {value!r} must be lower-case letters, digits and _ "
                "starting with a letter."
            )
        if value in seen:
            raise TemplateError(f"{where}: option value '{value}' appears twice.")
        seen.add(value)
        exclusive = boolean(option, "exclusive", f"{where}: option '{value}'", False)
        if exclusive and qtype is not QuestionType.MULTI:
            raise TemplateError(
                f"{where}: option '{value}' is exclusive, which only a multi choice may have."
            )
        options.append(
            Option(value, local_text(option, "label", f"{where}: option '{value}'"), exclusive)
        )
    return tuple(options)


def _scale_labels(
    q: Mapping[str, Any], where: str, low: int, high: int
) -> tuple[tuple[int, LocalText], ...]:
    if "labels" not in q:
        return ()
    raw = mapping(q["labels"], f"{where}: labels")
    labels = []
    for key in raw:
        try:
            point = int(key)
        except ValueError:
            raise TemplateError(
                f"{where}: scale label key {key!r} is not a whole number."
            ) from None
        if not low <= point <= high:
            raise TemplateError(f"{where}: scale label {point} is outside {low}–{high}.")
        labels.append((point, local_text(raw, key, f"{where}: labels")))
    return tuple(sorted(labels))


def _jump(raw: object, n: int, where: str, qid: str, sid: str, order: Mapping[str, int]) -> Jump:
    here = f"{where}: jump {n}"
    jump = mapping(raw, here)
    no_unknown_keys(jump, {"if", "to"}, here)
    target = jump.get("to")
    if not isinstance(target, str):
        raise TemplateError(f"{here}: 'to' must be a section id or '{END}'.")
    if target != END:
        if target not in order:
            raise TemplateError(
                f"{here}: jump target '{target}' is not a section of this template."
            )
        if order[target] <= order[sid]:
            raise TemplateError(
                f"{here}: jump target '{target}' is not after section '{sid}'; "
                "jumps may only go forward."
            )
    if "if" not in jump:
        raise TemplateError(f"{here}: 'if' is missing.")
    return Jump(parse_condition(jump["if"], here, qid), target)


# Red flags and result fields ------------------------------------------------------------------


def _red_flags(top: Mapping[str, Any]) -> tuple[RedFlagRule, ...]:
    if "red_flags" not in top:
        return ()
    rules: list[RedFlagRule] = []
    seen: set[str] = set()
    for n, raw in enumerate(list_of(top, "red_flags", "Template"), 1):
        rule = mapping(raw, f"Red flag {n}")
        rid = identifier(rule, "id", f"Red flag {n}")
        where = f"Red flag '{rid}'"
        if rid in seen:
            raise TemplateError(f"Red flag id '{rid}' is used twice.")
        seen.add(rid)
        no_unknown_keys(rule, _RED_FLAG_KEYS, where)
        raw_severity = rule.get("severity")
        try:
            severity = RedFlagSeverity(str(raw_severity))
        except ValueError:
            known = ", ".join(s.value for s in RedFlagSeverity)
            raise TemplateError(
                f"{where}: severity {raw_severity!r} must be one of {known}."
            ) from None
        if "when" not in rule:
            raise TemplateError(f"{where}: 'when' is missing.")
        when = parse_condition(rule["when"], where, None)
        rules.append(RedFlagRule(rid, when, severity, local_text(rule, "message", where)))
    return tuple(rules)


def _result_fields(top: Mapping[str, Any], questions: Mapping[str, Question]) -> ResultFields:
    if "result_fields" not in top:
        return ResultFields()
    raw = mapping(top["result_fields"], "Template: result_fields")
    no_unknown_keys(raw, _RESULT_KEYS, "Template: result_fields")
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
            raise TemplateError(
                f"Template: result_fields '{key}' refers to question {qid!r} that does not exist."
            )
        if questions[qid].type is not qtype:
            raise TemplateError(
                f"Template: result_fields '{key}' must be a {qtype.value} question; "
                f"'{qid}' is {questions[qid].type.value}."
            )
        found[key] = qid
    if "vital_status" in found:
        allowed = {v.value for v in VitalStatus}
        for option in questions[found["vital_status"]].options:
            if option.value not in allowed:
                raise TemplateError(
                    f"Template: result_fields 'vital_status' question '{found['vital_status']}' "
                    f"has option '{option.value}'; allowed values are alive, deceased, unknown."
                )
    return ResultFields(**found)
