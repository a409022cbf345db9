"""A template too deep or too large is refused with a typed error naming the limit, never a
crash; a large template within the limits is checked in one pass."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from agent_app.domain.questionnaire import (
    TemplateError,
    TemplateLimit,
    TemplateLimitError,
    parse_template,
)
from agent_app.domain.template_limits import (
    MAX_BODY_BYTES,
    MAX_DEPTH,
    MAX_OPTIONS,
    MAX_QUESTIONS,
)
from agent_app.domain.template_versions import compare_templates
from agent_app.store.repositories.templates import read_template_file, read_template_text
from tests.domain.large_templates import large_template, nested_not, nested_not_text
from tests.domain.template_samples import opt, question, sample

# The sample's "temperature" condition sits at level 6: template, sections, section,
# questions, question, show_if. Each "not" adds one level.
CONDITION_LEVEL = 6


def with_show_if(condition: dict[str, Any]) -> dict[str, Any]:
    data = sample()
    question(data, "temperature")["show_if"] = condition
    return data


def test_a_100000_deep_template_text_is_refused_with_the_depth_limit() -> None:
    with pytest.raises(TemplateLimitError) as caught:
        read_template_text(nested_not_text(100_000))
    assert caught.value.code is TemplateLimit.DEPTH
    assert caught.value.maximum == MAX_DEPTH
    assert str(caught.value) == "The template nests objects and lists more than 32 levels deep."


def test_a_100000_deep_decoded_template_is_refused_without_recursion() -> None:
    with pytest.raises(TemplateLimitError) as caught:
        parse_template(with_show_if(nested_not(100_000)))
    assert caught.value.code is TemplateLimit.DEPTH
    with pytest.raises(TemplateLimitError):
        read_template_text(with_show_if(nested_not(100_000)))  # the editor's other way in


def test_depth_is_refused_one_level_over_the_limit_and_accepted_at_it() -> None:
    at_limit = MAX_DEPTH - CONDITION_LEVEL
    template = parse_template(with_show_if(nested_not(at_limit)))
    assert template.question("temperature").show_if is not None
    with pytest.raises(TemplateLimitError) as caught:
        parse_template(with_show_if(nested_not(at_limit + 1)))
    assert caught.value.code is TemplateLimit.DEPTH


def test_too_many_questions_are_refused_with_the_questions_limit() -> None:
    with pytest.raises(TemplateLimitError) as caught:
        parse_template(large_template(MAX_QUESTIONS + 1))
    assert (caught.value.code, caught.value.maximum) == (TemplateLimit.QUESTIONS, MAX_QUESTIONS)
    assert isinstance(caught.value, TemplateError)  # shown wherever template errors are


def test_too_many_options_are_refused_naming_the_question() -> None:
    data = sample()
    options = question(data, "who")["options"]  # self, family, other (its jump tests "other")
    options += [opt(f"o{n}") for n in range(MAX_OPTIONS - len(options) + 1)]
    with pytest.raises(TemplateLimitError) as caught:
        parse_template(data)
    assert (caught.value.code, caught.value.maximum) == (TemplateLimit.OPTIONS, MAX_OPTIONS)
    assert (caught.value.question_id, caught.value.section_id) == ("who", "identity")
    assert str(caught.value) == "Question 'who' in section 'identity' has more than 100 options."
    options.pop()
    assert len(parse_template(data).question("who").options) == MAX_OPTIONS


def test_a_body_over_the_size_limit_is_refused_before_it_is_decoded() -> None:
    data = sample()
    data["description"] = {"zh_CN": "说明", "en": "x" * MAX_BODY_BYTES}
    with pytest.raises(TemplateLimitError) as caught:
        read_template_text(json.dumps(data))
    assert (caught.value.code, caught.value.maximum) == (TemplateLimit.BODY_BYTES, MAX_BODY_BYTES)
    with pytest.raises(TemplateLimitError) as caught:
        read_template_text(data)
    assert caught.value.code is TemplateLimit.BODY_BYTES


def test_a_template_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_BODY_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(TemplateLimitError) as caught:
        read_template_file(path)
    assert caught.value.code is TemplateLimit.BODY_BYTES


def test_a_20000_question_template_is_checked_and_compared_correctly() -> None:
    _, old = read_template_text(json.dumps(large_template(MAX_QUESTIONS)))
    assert len(old.questions) == MAX_QUESTIONS
    assert len(old.sections) == MAX_QUESTIONS // 10 and len(old.red_flags) == MAX_QUESTIONS // 10
    assert old.question("q19999").show_if is not None
    assert old.section("s1999").questions[-1].id == "q19999"

    newer = large_template(MAX_QUESTIONS, version=2)
    newer["sections"][-1]["questions"].pop()  # q19999 removed
    diff = compare_templates(old, parse_template(newer))
    assert (diff.added, diff.removed, diff.changed) == ((), ("q19999",), ())


def test_a_cycle_through_a_jump_is_found_in_a_20000_question_template() -> None:
    # q0's jump to the end can skip q19995, so q19995 is shown depending on q0; q0 shown
    # depending on q19995 closes the circle.
    data = large_template(MAX_QUESTIONS)
    data["sections"][0]["questions"][0]["show_if"] = {"question": "q19995", "answered": True}
    with pytest.raises(TemplateError, match="Skip logic has a cycle") as caught:
        parse_template(data)
    assert str(caught.value).startswith(
        "Skip logic has a cycle (each is shown depending on the next): 'q0' → 'q19995' → "
    )
    assert str(caught.value).endswith(" → 'q0'.")


def test_a_20000_long_chain_of_forward_conditions_is_accepted() -> None:
    # Each question shown depending on the next one: a chain as long as the template, which a
    # recursive walk cannot follow.
    data = large_template(MAX_QUESTIONS)
    data["red_flags"] = []
    chain = [q for s in data["sections"] for q in s["questions"]]
    for q, following in itertools.pairwise(chain):
        q.pop("jumps", None)
        q["show_if"] = {"question": following["id"], "answered": True}
    chain[-1].pop("show_if")
    template = parse_template(data)
    assert len(template.questions) == MAX_QUESTIONS
    assert template.question("q0").show_if is not None
