"""Refusals of a questionnaire template, each a code with the admin's own ids and values.

``str(error)`` is the English sentence (logs, command-line tools, the tests of the checker);
a screen says ``code`` and ``params`` in the admin's language. Where a refusal is in the
template is not a phrase but a :class:`Where`: the kind of place (:class:`Place`) and the ids or
numbers naming it, kept in ``params`` as ``place`` plus ``section``, ``question``, ``jump``,
``option`` or ``flag``. A wrong JSON value is named the same way: ``found`` is its kind (see
:data:`FOUND_ENGLISH`) and ``found_value`` the text or number.
"""

from __future__ import annotations

import enum
import json
import string
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from agent_app.domain.coded_error import CodedError


class QuestionnaireError(Exception):
    """Base of the questionnaire errors; the message is meant for a person."""


class Place(enum.StrEnum):
    """Which part of a template a refusal is about."""

    TEMPLATE = "template"
    RESULT_FIELDS = "result_fields"
    SECTION_NUMBER = "section_number"  # a section whose id is not known yet: its number
    SECTION = "section"
    SECTION_SHOW_IF = "section_show_if"
    QUESTION_NUMBER = "question_number"  # a question whose id is not known yet: its number
    QUESTION = "question"
    QUESTION_SHOW_IF = "question_show_if"
    JUMP = "jump"
    OPTION_NUMBER = "option_number"
    OPTION = "option"
    LABELS = "labels"
    RED_FLAG_NUMBER = "red_flag_number"
    RED_FLAG = "red_flag"


_QUESTION = "Question '{question}' in section '{section}'"
PLACE_ENGLISH: dict[Place, str] = {
    Place.TEMPLATE: "Template",
    Place.RESULT_FIELDS: "Template: result_fields",
    Place.SECTION_NUMBER: "Section {section}",
    Place.SECTION: "Section '{section}'",
    Place.SECTION_SHOW_IF: "Section '{section}': show_if",
    Place.QUESTION_NUMBER: "Question {question} in section '{section}'",
    Place.QUESTION: _QUESTION,
    Place.QUESTION_SHOW_IF: _QUESTION + ": show_if",
    Place.JUMP: _QUESTION + ": jump {jump}",
    Place.OPTION_NUMBER: _QUESTION + ": option {option}",
    Place.OPTION: _QUESTION + ": option '{option}'",
    Place.LABELS: _QUESTION + ": labels",
    Place.RED_FLAG_NUMBER: "Red flag {flag}",
    Place.RED_FLAG: "Red flag '{flag}'",
}
"""The English words for each place; the same names fill the translated ones."""

FOUND_ENGLISH: dict[str, str] = {
    "list": "a list",
    "text": "the text {found_value}",
    "null": "null",
    "true": "true",
    "false": "false",
    "number": "the number {found_value}",
    "other": "{found_value}",  # not a JSON value at all: its Python type
}
"""How a wrong JSON value is named, by the kind kept in ``found``."""


def _names(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


_PLACE_PARAMS = {place: _names(words) for place, words in PLACE_ENGLISH.items()}


@dataclass(frozen=True)
class Where:
    """A place in a template: its kind and the admin's ids (or numbers) that name it."""

    place: Place
    section: str = ""
    question: str = ""
    jump: str = ""
    option: str = ""
    flag: str = ""

    def at(self, place: Place, **ids: object) -> Where:
        """A place inside this one (a question's jump, an option…), keeping its ids."""
        return replace(self, place=place, **{key: str(value) for key, value in ids.items()})

    def params(self) -> dict[str, str]:
        """``place`` and the ids its words need, as error parameters."""
        named = {name: getattr(self, name) for name in _PLACE_PARAMS[self.place]}
        return {"place": self.place.value, **named}


TEMPLATE = Where(Place.TEMPLATE)


def found(value: object) -> dict[str, str]:
    """``found`` and ``found_value`` parameters naming a wrong JSON value."""
    if isinstance(value, list):
        return {"found": "list", "found_value": ""}
    if isinstance(value, str):
        return {"found": "text", "found_value": repr(value)}
    if value is None:
        return {"found": "null", "found_value": ""}
    if isinstance(value, bool):
        return {"found": "true" if value else "false", "found_value": ""}
    if isinstance(value, int | float):
        return {"found": "number", "found_value": str(value)}
    return {"found": "other", "found_value": type(value).__name__}


def english_words(params: dict[str, str]) -> dict[str, str]:
    """``params`` with the place and the kind of value put into English words."""
    words = dict(params)
    if "place" in params:
        words["place"] = PLACE_ENGLISH[Place(params["place"])].format(**params)
    if "found" in params:
        words["found"] = FOUND_ENGLISH[params["found"]].format(**params)
    return words


class TemplateError(CodedError, QuestionnaireError):
    """A template is malformed: a code, the place (when there is one) and the admin's values.

    ``str(error)`` says what is wrong and where, in English.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        # Values and keys (any place)
        "template_not_object": "{place} must be a JSON object, not {found}.",
        "template_missing_key": "{place}: '{key}' is missing.",
        "template_not_list": "{place}: '{key}' must be a list, not {found}.",
        "template_bad_id": "{place}: '{key}' {value} must be 1–40 lower-case letters, digits "
        "and _ starting with a letter.",
        "template_text_not_object": "{place}: '{key}' must be an object with 'zh_CN' and 'en' "
        "texts, not {found}.",
        "template_text_missing_language": "{place}: '{key}' needs both 'zh_CN' and 'en'; "
        "'{language}' is missing or empty.",
        "template_text_unknown_language": "{place}: '{key}' has unknown language '{language}'.",
        "template_not_boolean": "{place}: '{key}' must be true or false, not {value}.",
        "template_not_whole_number": "{place}: '{key}' must be a whole number, not {value}.",
        "template_not_number": "{place}: '{key}' must be a number, not {value}.",
        "template_unknown_key": "{place}: unknown key '{key}'.",
        "template_unknown_key_for_type": "{place}: unknown key '{key}' for a {type} question.",
        # Conditions
        "template_combiner_not_alone": "{place}: '{key}' must stand alone in its object.",
        "template_combiner_empty": "{place}: '{key}' needs a non-empty list of conditions.",
        "template_condition_no_question": "{place}: the condition does not say which "
        "'question' it tests.",
        "template_condition_no_operator": "{place}: a condition needs exactly one operator, "
        "found none.",
        "template_condition_operators": "{place}: a condition needs exactly one operator, "
        "found {operators}.",
        "template_unknown_operator": "{place}: unknown operator '{operator}'; expected one of "
        "{known}, all, any, not.",
        "template_answered_not_boolean": "{place}: 'answered' takes true or false.",
        "template_operator_needs_number": "{place}: '{operator}' takes a number, not {value}.",
        "template_operator_needs_value": "{place}: '{operator}' takes an option value or a number.",
        "template_contains_needs_value": "{place}: 'contains' takes one option value.",
        "template_operator_needs_values": "{place}: '{operator}' takes a non-empty list of "
        "option values.",
        "template_condition_unknown_question": "{place}: condition refers to question "
        "'{tested}' that does not exist.",
        "template_operator_not_for_type": "{place}: operator '{operator}' cannot test question "
        "'{tested}' of type '{type}'.",
        "template_compare_with_number": "{place}: question '{tested}' is a {type}; "
        "'{operator}' must compare it with a number.",
        "template_not_an_option": "{place}: '{value}' is not an option of question '{tested}'.",
        "template_not_a_scale_point": "{place}: {value} is not a point of the scale of "
        "question '{tested}' ({low}–{high}).",
        # The template, its sections and questions
        "template_bad_version": "Template: 'version' must be a whole number from 1, not {value}.",
        "template_title_too_long": "Template: 'title' is longer than 120 characters.",
        "template_no_sections": "Template: 'sections' is empty; a template needs at least one.",
        "template_section_id_end": "{place}: id 'end' is reserved for 'jump to the end'.",
        "template_section_id_twice": "Section id '{section}' is used twice.",
        "template_no_questions": "{place}: 'questions' is empty.",
        "template_question_id_twice": "Question id '{question}' is used twice (sections "
        "'{first}' and '{section}').",
        "template_unknown_type": "{place}: unknown type {value}; expected one of {known}.",
        "template_scale_min_max": "{place}: scale min {low} must be below max {high}.",
        "template_scale_too_long": "{place}: a scale may have at most 11 points ({low}–{high}).",
        "template_number_min_max": "{place}: number min {low} must be below max {high}.",
        "template_bad_date_range": "{place}: date_range {value} must be one of any, past, future.",
        "template_bad_max_length": "{place}: max_length must be from 1 to 4000, not {value}.",
        "template_too_few_options": "{place}: a {type} choice needs at least 2 options.",
        "template_bad_option_value": "{place}: option {number} value {value} must be "
        "lower-case letters, digits and _ starting with a letter.",
        "template_option_twice": "{place}: option value '{value}' appears twice.",
        "template_exclusive_not_multi": "{place}: option '{value}' is exclusive, which only a "
        "multi choice may have.",
        "template_bad_label_key": "{place}: scale label key {value} is not a whole number.",
        "template_label_outside_scale": "{place}: scale label {point} is outside {low}–{high}.",
        "template_jump_no_target": "{place}: 'to' must be a section id or 'end'.",
        "template_jump_unknown_target": "{place}: jump target '{target}' is not a section of "
        "this template.",
        "template_jump_backwards": "{place}: jump target '{target}' is not after section "
        "'{section}'; jumps may only go forward.",
        "template_show_if_own_answer": "{place}: show_if tests the question's own answer.",
        "template_skip_cycle": "Skip logic has a cycle (each is shown depending on the next): "
        "{cycle}.",
        "template_skip_cycle_through": "Skip logic has a cycle through question '{question}'.",
        # Red flags and result fields
        "template_red_flag_id_twice": "Red flag id '{flag}' is used twice.",
        "template_bad_severity": "{place}: severity {value} must be one of {known}.",
        "template_result_field_unknown": "Template: result_fields '{key}' refers to question "
        "{value} that does not exist.",
        "template_result_field_type": "Template: result_fields '{key}' must be a {type} "
        "question; '{question}' is {actual}.",
        "template_vital_status_option": "Template: result_fields 'vital_status' question "
        "'{question}' has option '{value}'; allowed values are alive, deceased, unknown.",
        # Versions of one template
        "template_other_code": "Template '{template}' is not a version of '{other}'.",
        "template_version_not_higher": "Template '{template}': version {version} must be "
        "higher than {previous}.",
        # The text or file it is read from
        "template_file_not_utf8": "The file '{file}' is not UTF-8 text.",
        # ``detail`` is the operating system's own words (its strerror).
        "template_file_unreadable": "The file '{file}' cannot be read: {detail}.",
        **{
            code: "JSON syntax error at line {line}, column {column}: " + problem
            for code, problem in {
                "json_expecting_value": "Expecting value.",
                "json_expecting_comma": "Expecting ',' delimiter.",
                "json_expecting_colon": "Expecting ':' delimiter.",
                "json_expecting_name": "Expecting property name enclosed in double quotes.",
                "json_unterminated_string": "Unterminated string starting at.",
                "json_extra_data": "Extra data.",
                "json_control_character": "Invalid control character {character} at.",
                "json_bad_escape": "Invalid \\escape: {character}.",
                "json_bad_unicode_escape": "Invalid \\uXXXX escape.",
                # A message of a later Python: its own (English) words.
                "json_syntax": "{detail}.",
            }.items()
        },
    }

    def __init__(self, code: str, where: Where | None = None, /, **params: Any) -> None:
        if where is not None:
            params = {**where.params(), **params}
        super().__init__(code, **params)

    def english(self) -> str:
        return self.ENGLISH[self.code].format(**english_words(self.params))


_JSON_PROBLEMS = {
    "Expecting value": "json_expecting_value",
    "Expecting ',' delimiter": "json_expecting_comma",
    "Expecting ':' delimiter": "json_expecting_colon",
    "Expecting property name enclosed in double quotes": "json_expecting_name",
    "Unterminated string starting at": "json_unterminated_string",
    "Extra data": "json_extra_data",
    "Invalid \\uXXXX escape": "json_bad_unicode_escape",
}
_JSON_PREFIXES = {
    "Invalid control character ": "json_control_character",
    "Invalid \\escape: ": "json_bad_escape",
}


def json_syntax_error(exc: json.JSONDecodeError) -> TemplateError:
    """The refusal of a template text that is not JSON, with its line and column."""
    where = {"line": exc.lineno, "column": exc.colno}
    code = _JSON_PROBLEMS.get(exc.msg)
    if code is not None:
        return TemplateError(code, **where)
    for prefix, code in _JSON_PREFIXES.items():
        if exc.msg.startswith(prefix):
            character = exc.msg.removeprefix(prefix).removesuffix(" at")
            return TemplateError(code, **where, character=character)
    return TemplateError("json_syntax", **where, detail=exc.msg)
