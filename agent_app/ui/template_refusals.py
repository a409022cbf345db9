"""A refused template or call script in the admin's own language.

The checker refuses with a code and the admin's own ids and values (see
:mod:`agent_app.domain.template_errors`); this module puts them into words. Where the refusal
is in the template (a section, a question's jump, a red flag…) arrives as a place code with
ids, so the place is said in the same language as the rest. Each English source below is the
checker's own English sentence, so an English desk shows exactly ``str(error)``.

The sentences are one table, one entry per code, because lupdate finds only literal
``QCoreApplication.translate`` calls.
"""

from __future__ import annotations

from agent_app.domain.coded_error import CodedError
from agent_app.domain.template_errors import Place, TemplateError
from agent_app.domain.template_limits import TemplateLimit, TemplateLimitError
from agent_app.store.repositories.templates import StoredVersionDamagedError
from agent_app.ui.qt import QCoreApplication


def refusal_words(error: BaseException) -> str:
    """What to show for a refused template body or call script, in the desk's language;
    an error without a code keeps its own text."""
    if isinstance(error, TemplateLimitError):
        return _limit_words(error)
    if isinstance(error, StoredVersionDamagedError):
        return f"{_coded_words(error)} {refusal_words(error.cause)}"
    if isinstance(error, CodedError):
        return _coded_words(error)
    return str(error)


def _coded_words(error: CodedError) -> str:
    sentence = _sentences().get(error.code)
    if sentence is None:  # a code this table does not know yet: the English sentence
        return str(error)
    words = dict(error.params)
    if isinstance(error, TemplateError):
        if "place" in words:
            words["place"] = _places()[Place(words["place"])].format(**error.params)
        if "found" in words:
            words["found"] = _found(words["found"]).format(**error.params)
    return sentence.format(**words)


def _limit_words(error: TemplateLimitError) -> str:
    if error.code is TemplateLimit.BODY_BYTES:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template is larger than {0} MB; it cannot be checked or saved."
        ).format(error.maximum // (1024 * 1024))
    if error.code is TemplateLimit.DEPTH:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template nests objects and lists more than {0} levels deep."
        ).format(error.maximum)
    if error.code is TemplateLimit.QUESTIONS:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template has more than {0} questions."
        ).format(error.maximum)
    return QCoreApplication.translate(
        "TemplateRefusal", "Question '{0}' in section '{1}' has more than {2} options."
    ).format(error.question_id, error.section_id, error.maximum)


def _places() -> dict[Place, str]:
    return {
        Place.TEMPLATE: QCoreApplication.translate("TemplateRefusal", "Template"),
        Place.RESULT_FIELDS: QCoreApplication.translate(
            "TemplateRefusal", "Template: result_fields"
        ),
        Place.SECTION_NUMBER: QCoreApplication.translate("TemplateRefusal", "Section {section}"),
        Place.SECTION: QCoreApplication.translate("TemplateRefusal", "Section '{section}'"),
        Place.SECTION_SHOW_IF: QCoreApplication.translate(
            "TemplateRefusal", "Section '{section}': show_if"
        ),
        Place.QUESTION_NUMBER: QCoreApplication.translate(
            "TemplateRefusal", "Question {question} in section '{section}'"
        ),
        Place.QUESTION: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}'"
        ),
        Place.QUESTION_SHOW_IF: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}': show_if"
        ),
        Place.JUMP: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}': jump {jump}"
        ),
        Place.OPTION_NUMBER: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}': option {option}"
        ),
        Place.OPTION: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}': option '{option}'"
        ),
        Place.LABELS: QCoreApplication.translate(
            "TemplateRefusal", "Question '{question}' in section '{section}': labels"
        ),
        Place.RED_FLAG_NUMBER: QCoreApplication.translate("TemplateRefusal", "Red flag {flag}"),
        Place.RED_FLAG: QCoreApplication.translate("TemplateRefusal", "Red flag '{flag}'"),
    }


def _found(kind: str) -> str:
    """A wrong JSON value; null, true and false are JSON's own words in every language."""
    if kind == "list":
        return QCoreApplication.translate("TemplateRefusal", "a list")
    if kind == "text":
        return QCoreApplication.translate("TemplateRefusal", "the text {found_value}")
    if kind == "number":
        return QCoreApplication.translate("TemplateRefusal", "the number {found_value}")
    return "{found_value}" if kind == "other" else kind


def _sentences() -> dict[str, str]:
    return {
        # Values and keys (any place)
        "template_not_object": QCoreApplication.translate(
            "TemplateRefusal", "{place} must be a JSON object, not {found}."
        ),
        "template_missing_key": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' is missing."
        ),
        "template_not_list": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' must be a list, not {found}."
        ),
        "template_bad_id": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: '{key}' {value} must be 1–40 lower-case letters, digits and _ starting "
            "with a letter.",
        ),
        "template_text_not_object": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: '{key}' must be an object with 'zh_CN' and 'en' texts, not {found}.",
        ),
        "template_text_missing_language": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: '{key}' needs both 'zh_CN' and 'en'; '{language}' is missing or empty.",
        ),
        "template_text_unknown_language": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' has unknown language '{language}'."
        ),
        "template_not_boolean": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' must be true or false, not {value}."
        ),
        "template_not_whole_number": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' must be a whole number, not {value}."
        ),
        "template_not_number": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' must be a number, not {value}."
        ),
        "template_unknown_key": QCoreApplication.translate(
            "TemplateRefusal", "{place}: unknown key '{key}'."
        ),
        "template_unknown_key_for_type": QCoreApplication.translate(
            "TemplateRefusal", "{place}: unknown key '{key}' for a {type} question."
        ),
        # Conditions
        "template_combiner_not_alone": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' must stand alone in its object."
        ),
        "template_combiner_empty": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{key}' needs a non-empty list of conditions."
        ),
        "template_condition_no_question": QCoreApplication.translate(
            "TemplateRefusal", "{place}: the condition does not say which 'question' it tests."
        ),
        "template_condition_no_operator": QCoreApplication.translate(
            "TemplateRefusal", "{place}: a condition needs exactly one operator, found none."
        ),
        "template_condition_operators": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: a condition needs exactly one operator, found {operators}.",
        ),
        "template_unknown_operator": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: unknown operator '{operator}'; expected one of {known}, all, any, not.",
        ),
        "template_answered_not_boolean": QCoreApplication.translate(
            "TemplateRefusal", "{place}: 'answered' takes true or false."
        ),
        "template_operator_needs_number": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{operator}' takes a number, not {value}."
        ),
        "template_operator_needs_value": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{operator}' takes an option value or a number."
        ),
        "template_contains_needs_value": QCoreApplication.translate(
            "TemplateRefusal", "{place}: 'contains' takes one option value."
        ),
        "template_operator_needs_values": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{operator}' takes a non-empty list of option values."
        ),
        "template_condition_unknown_question": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: condition refers to question '{tested}' that does not exist.",
        ),
        "template_operator_not_for_type": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: operator '{operator}' cannot test question '{tested}' of type '{type}'.",
        ),
        "template_compare_with_number": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: question '{tested}' is a {type}; '{operator}' must compare it with a number.",
        ),
        "template_not_an_option": QCoreApplication.translate(
            "TemplateRefusal", "{place}: '{value}' is not an option of question '{tested}'."
        ),
        "template_not_a_scale_point": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: {value} is not a point of the scale of question '{tested}' ({low}–{high}).",
        ),
        # The template, its sections and questions
        "template_bad_version": QCoreApplication.translate(
            "TemplateRefusal", "Template: 'version' must be a whole number from 1, not {value}."
        ),
        "template_title_too_long": QCoreApplication.translate(
            "TemplateRefusal", "Template: 'title' is longer than 120 characters."
        ),
        "template_no_sections": QCoreApplication.translate(
            "TemplateRefusal", "Template: 'sections' is empty; a template needs at least one."
        ),
        "template_section_id_end": QCoreApplication.translate(
            "TemplateRefusal", "{place}: id 'end' is reserved for 'jump to the end'."
        ),
        "template_section_id_twice": QCoreApplication.translate(
            "TemplateRefusal", "Section id '{section}' is used twice."
        ),
        "template_no_questions": QCoreApplication.translate(
            "TemplateRefusal", "{place}: 'questions' is empty."
        ),
        "template_question_id_twice": QCoreApplication.translate(
            "TemplateRefusal",
            "Question id '{question}' is used twice (sections '{first}' and '{section}').",
        ),
        "template_unknown_type": QCoreApplication.translate(
            "TemplateRefusal", "{place}: unknown type {value}; expected one of {known}."
        ),
        "template_scale_min_max": QCoreApplication.translate(
            "TemplateRefusal", "{place}: scale min {low} must be below max {high}."
        ),
        "template_scale_too_long": QCoreApplication.translate(
            "TemplateRefusal", "{place}: a scale may have at most 11 points ({low}–{high})."
        ),
        "template_number_min_max": QCoreApplication.translate(
            "TemplateRefusal", "{place}: number min {low} must be below max {high}."
        ),
        "template_bad_date_range": QCoreApplication.translate(
            "TemplateRefusal", "{place}: date_range {value} must be one of any, past, future."
        ),
        "template_bad_max_length": QCoreApplication.translate(
            "TemplateRefusal", "{place}: max_length must be from 1 to 4000, not {value}."
        ),
        "template_too_few_options": QCoreApplication.translate(
            "TemplateRefusal", "{place}: a {type} choice needs at least 2 options."
        ),
        "template_bad_option_value": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: option {number} value {value} must be lower-case letters, digits and _ "
            "starting with a letter.",
        ),
        "template_option_twice": QCoreApplication.translate(
            "TemplateRefusal", "{place}: option value '{value}' appears twice."
        ),
        "template_exclusive_not_multi": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: option '{value}' is exclusive, which only a multi choice may have.",
        ),
        "template_bad_label_key": QCoreApplication.translate(
            "TemplateRefusal", "{place}: scale label key {value} is not a whole number."
        ),
        "template_label_outside_scale": QCoreApplication.translate(
            "TemplateRefusal", "{place}: scale label {point} is outside {low}–{high}."
        ),
        "template_jump_no_target": QCoreApplication.translate(
            "TemplateRefusal", "{place}: 'to' must be a section id or 'end'."
        ),
        "template_jump_unknown_target": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: jump target '{target}' is not a section of this template.",
        ),
        "template_jump_backwards": QCoreApplication.translate(
            "TemplateRefusal",
            "{place}: jump target '{target}' is not after section '{section}'; jumps may only "
            "go forward.",
        ),
        "template_show_if_own_answer": QCoreApplication.translate(
            "TemplateRefusal", "{place}: show_if tests the question's own answer."
        ),
        "template_skip_cycle": QCoreApplication.translate(
            "TemplateRefusal",
            "Skip logic has a cycle (each is shown depending on the next): {cycle}.",
        ),
        "template_skip_cycle_through": QCoreApplication.translate(
            "TemplateRefusal", "Skip logic has a cycle through question '{question}'."
        ),
        # Red flags and result fields
        "template_red_flag_id_twice": QCoreApplication.translate(
            "TemplateRefusal", "Red flag id '{flag}' is used twice."
        ),
        "template_bad_severity": QCoreApplication.translate(
            "TemplateRefusal", "{place}: severity {value} must be one of {known}."
        ),
        "template_result_field_unknown": QCoreApplication.translate(
            "TemplateRefusal",
            "Template: result_fields '{key}' refers to question {value} that does not exist.",
        ),
        "template_result_field_type": QCoreApplication.translate(
            "TemplateRefusal",
            "Template: result_fields '{key}' must be a {type} question; '{question}' is {actual}.",
        ),
        "template_vital_status_option": QCoreApplication.translate(
            "TemplateRefusal",
            "Template: result_fields 'vital_status' question '{question}' has option "
            "'{value}'; allowed values are alive, deceased, unknown.",
        ),
        # Versions
        "template_other_code": QCoreApplication.translate(
            "TemplateRefusal", "Template '{template}' is not a version of '{other}'."
        ),
        "template_version_not_higher": QCoreApplication.translate(
            "TemplateRefusal",
            "Template '{template}': version {version} must be higher than {previous}.",
        ),
        "template_first_version": QCoreApplication.translate(
            "TemplateRefusal",
            "Template '{template}' is new, so its version must be 1, not {version}.",
        ),
        "template_next_version": QCoreApplication.translate(
            "TemplateRefusal",
            "Template '{template}': the latest stored version is {latest}, so the new one must "
            "be version {expected}, not {version}.",
        ),
        "template_saved_meanwhile": QCoreApplication.translate(
            "TemplateRefusal",
            "Someone else saved this version of the template a moment ago; reload and try again.",
        ),
        "template_stored_damaged": QCoreApplication.translate(
            "TemplateRefusal",
            "The stored version {version} of '{template}' is damaged and cannot be compared:",
        ),
        "template_not_in_store": QCoreApplication.translate(
            "TemplateRefusal", "There is no template '{template}' in this store."
        ),
        "template_version_not_in_store": QCoreApplication.translate(
            "TemplateRefusal", "There is no template '{template}' version {version} in this store."
        ),
        "edit_not_admin": QCoreApplication.translate(
            "TemplateRefusal", "Only an administrator may change templates and scripts."
        ),
        # The text or file a template is read from
        "template_file_not_utf8": QCoreApplication.translate(
            "TemplateRefusal", "The file '{file}' is not UTF-8 text."
        ),
        "template_file_unreadable": QCoreApplication.translate(
            "TemplateRefusal", "The file '{file}' cannot be read: {detail}."
        ),
        "json_expecting_value": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Expecting value.",
        ),
        "json_expecting_comma": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Expecting ',' delimiter.",
        ),
        "json_expecting_colon": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Expecting ':' delimiter.",
        ),
        "json_expecting_name": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Expecting property name "
            "enclosed in double quotes.",
        ),
        "json_unterminated_string": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Unterminated string starting at.",
        ),
        "json_extra_data": QCoreApplication.translate(
            "TemplateRefusal", "JSON syntax error at line {line}, column {column}: Extra data."
        ),
        "json_control_character": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Invalid control character "
            "{character} at.",
        ),
        "json_bad_escape": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Invalid \\escape: {character}.",
        ),
        "json_bad_unicode_escape": QCoreApplication.translate(
            "TemplateRefusal",
            "JSON syntax error at line {line}, column {column}: Invalid \\uXXXX escape.",
        ),
        "json_syntax": QCoreApplication.translate(
            "TemplateRefusal", "JSON syntax error at line {line}, column {column}: {detail}."
        ),
        # Call scripts
        "script_unknown_section": QCoreApplication.translate(
            "TemplateRefusal",
            "Line {line}: unknown section '[{name}]'; known sections are {known}.",
        ),
        "script_section_twice": QCoreApplication.translate(
            "TemplateRefusal", "Line {line}: section '[{name}]' appears twice."
        ),
        "script_text_before_header": QCoreApplication.translate(
            "TemplateRefusal",
            "Line {line}: text before the first section header; start with [identity].",
        ),
        "script_missing_section": QCoreApplication.translate(
            "TemplateRefusal", "The script has no [{section}] section."
        ),
        "script_empty_section": QCoreApplication.translate(
            "TemplateRefusal", "Section '[{section}]' is empty."
        ),
        "script_lone_brace": QCoreApplication.translate(
            "TemplateRefusal",
            "Line {line} (section '[{section}]'): a lone '{brace}'; write '{braces}' for a "
            "literal brace.",
        ),
        "script_unknown_placeholder": QCoreApplication.translate(
            "TemplateRefusal",
            "Line {line} (section '[{section}]'): unknown placeholder '{{{name}}}'; known "
            "placeholders are {known}.",
        ),
        "script_bad_code": QCoreApplication.translate(
            "TemplateRefusal",
            "Script code {value} must be 1–40 lower-case letters, digits and _ starting with a "
            "letter.",
        ),
        "script_bad_title": QCoreApplication.translate(
            "TemplateRefusal", "The script title must be 1 to 120 characters."
        ),
        "script_not_in_store": QCoreApplication.translate(
            "TemplateRefusal", "There is no call script '{script}' in this store."
        ),
    }
