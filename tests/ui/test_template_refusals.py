"""Every refusal of a template or call script is said in the desk's language, from its code.

Field test (zh_CN desk): a refused template or script was shown as the checker's English
sentence. Each code is built here with identifiers in every parameter; in Chinese the words
keep those identifiers and say the rest, the place included, in Chinese. On an English desk
the words are the checker's own sentence.
"""

from __future__ import annotations

import json
import re
import string

import pytest
from pytestqt.qtbot import QtBot

from agent_app.domain.call_script import ScriptError, parse_script
from agent_app.domain.coded_error import CodedError
from agent_app.domain.questionnaire import parse_template
from agent_app.domain.template_errors import Place, TemplateError, Where, json_syntax_error
from agent_app.domain.template_limits import TemplateLimit, TemplateLimitError
from agent_app.store.repositories.templates import (
    EditNotAllowedError,
    NotInStoreError,
    StoredVersionDamagedError,
    VersionNumberError,
)
from agent_app.ui.template_refusals import refusal_words
from tests.ui.visible_words import ENGLISH_WORD

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words a template or script is written in (JSON keys and fixed values, section headers):
# the admin types them as they are, so a Chinese sentence quotes them as they are.
TEMPLATE_WORDS = frozenset(
    {"JSON", "UTF", "MB", "zh_CN", "en", "id", "version", "title", "sections", "questions"}
    | {"question", "show_if", "labels", "to", "end", "answered", "contains", "all", "any", "not"}
    | {"date_range", "past", "future", "max_length", "exclusive", "multi", "severity"}
    | {"result_fields", "vital_status", "alive", "deceased", "unknown", "true", "false"}
    | {"identity", "uXXXX"}
)
CODED: list[type[CodedError]] = [
    TemplateError,
    ScriptError,
    VersionNumberError,
    StoredVersionDamagedError,
    EditNotAllowedError,
    NotInStoreError,
    TemplateLimitError,
]
CODES = [(kind, code) for kind in CODED for code in sorted(kind.ENGLISH)]


def _names(sentence: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(sentence) if name]


def _build(kind: type[CodedError], code: str, place: Place = Place.JUMP) -> CodedError:
    """The error ``code``, each parameter an identifier of its own (``p_<name>``)."""
    if kind is TemplateLimitError:
        return TemplateLimitError(TemplateLimit(code), 1_048_576 * 7, "p_question", "p_section")
    if kind is StoredVersionDamagedError:
        cause = TemplateError("template_missing_key", key="p_key", place="red_flag", flag="p_f")
        return StoredVersionDamagedError(3, "p_template", cause)
    params = {name: f"p_{name}" for name in _names(kind.ENGLISH[code])}
    if "found" in params:
        params.update(found="text", found_value="'p_found_value'")
    if params.pop("place", None) is None:
        return kind(code, **params)
    ids = {name: f"p_{name}" for name in ("section", "question", "jump", "option", "flag")}
    return TemplateError(code, Where(place, **ids), **params)


def _left_over(words: str, error: CodedError) -> list[str]:
    """English words in ``words`` that are neither the admin's values nor template words."""
    for value in sorted(error.params.values(), key=len, reverse=True):
        if value.startswith("p_") or value.startswith("'p_"):
            words = words.replace(value, " ")
    found = (w.strip("'’") for w in ENGLISH_WORD.findall(words))
    return [w for w in found if w not in TEMPLATE_WORDS]


@pytest.mark.parametrize(("kind", "code"), CODES, ids=[code for _, code in CODES])
def test_every_refusal_is_said_in_chinese_keeping_the_admins_values(
    chinese: None, kind: type[CodedError], code: str
) -> None:
    error = _build(kind, code)
    said = refusal_words(error)
    assert CJK.search(said), said
    assert not _left_over(said, error), said
    for value in error.params.values():
        if value.startswith("p_"):
            assert value in said, (value, said)


@pytest.mark.parametrize("place", list(Place))
def test_every_place_in_a_template_is_said_in_chinese(chinese: None, place: Place) -> None:
    error = _build(TemplateError, "template_no_questions", place)
    said = refusal_words(error)
    assert CJK.search(said), said
    assert not _left_over(said, error), said


@pytest.mark.parametrize(("kind", "code"), CODES, ids=[code for _, code in CODES])
def test_an_english_desk_shows_the_checkers_own_sentence(
    qtbot: QtBot, kind: type[CodedError], code: str
) -> None:
    for place in Place:
        error = _build(kind, code, place)
        assert refusal_words(error) == str(error)


def test_a_refused_jump_says_where_it_is_in_chinese(chinese: None) -> None:
    body = {
        "code": "wound_care",
        "version": 1,
        "title": {"zh_CN": "伤口", "en": "Wound"},
        "specialty": "surgery",
        "sections": [
            {
                "id": "wound",
                "title": {"zh_CN": "伤口", "en": "Wound"},
                "questions": [
                    {
                        "id": "fever",
                        "type": "yes_no",
                        "text": {"zh_CN": "发热吗?", "en": "Fever?"},
                        "jumps": [{"if": {"equals": "yes"}, "to": "later"}],
                    }
                ],
            }
        ],
    }
    with pytest.raises(TemplateError) as caught:
        parse_template(body)
    assert str(caught.value) == (
        "Question 'fever' in section 'wound': jump 1: jump target 'later' is not a section of "
        "this template."
    )
    assert caught.value.as_json() == {
        "code": "template_jump_unknown_target",
        "params": {
            "place": "jump",
            "section": "wound",
            "question": "fever",
            "jump": "1",
            "target": "later",
        },
    }
    assert refusal_words(caught.value) == (
        "分节“wound”中问题“fever”的第 1 个跳转：跳转目标“later”不是本模板的分节。"
    )


def test_a_json_slip_and_a_script_slip_are_said_in_chinese(chinese: None) -> None:
    with pytest.raises(json.JSONDecodeError) as slip:
        json.loads('{\n  "code": "x",\n}')
    said = refusal_words(json_syntax_error(slip.value))
    assert said == "JSON 语法错误，第 3 行第 1 列：此处应有用双引号括起的属性名。"

    with pytest.raises(ScriptError) as caught:
        parse_script("[identity]\n您好{nurse}\n")
    said = refusal_words(caught.value)
    assert said.startswith("第 2 行（分节“[identity]”）：未知的占位符“{nurse}”"), said
