"""Large and deeply nested templates, for the limit tests and ``bench/template_check.py``."""

from __future__ import annotations

import itertools
from typing import Any

from tests.domain.template_samples import opt, t

SECTION_SIZE = 10


def large_template(questions: int, version: int = 1) -> dict[str, Any]:
    """A valid template of ``questions`` questions in sections of 10.

    Shaped to be costly for a checker that is not linear: each section opens with a choice
    that can jump to the end (so every later question may be skipped by every earlier
    section's jump), the rest of the section is shown depending on the question before it,
    and each section has a red flag.
    """
    sections = []
    red_flags = []
    for s in range(-(-questions // SECTION_SIZE)):
        first = s * SECTION_SIZE
        ids = [f"q{n}" for n in range(first, min(first + SECTION_SIZE, questions))]
        built: list[dict[str, Any]] = [
            {
                "id": ids[0],
                "type": "single",
                "text": t(f"问题 {ids[0]}", f"Question {ids[0]}"),
                "options": [opt("yes"), opt("no"), opt("unsure"), opt("refused")],
                "jumps": [{"if": {"equals": "refused"}, "to": "end"}],
            }
        ]
        for previous, qid in itertools.pairwise(ids):
            built.append(
                {
                    "id": qid,
                    "type": "yes_no",
                    "text": t(f"问题 {qid}", f"Question {qid}"),
                    "show_if": {"question": previous, "answered": True},
                }
            )
        sections.append({"id": f"s{s}", "title": t(f"第 {s} 部分"), "questions": built})
        red_flags.append(
            {
                "id": f"flag{s}",
                "severity": "attention",
                "when": {"question": ids[0], "equals": "unsure"},
                "message": t(f"第 {s} 部分不确定", f"Section {s} unsure"),
            }
        )
    return {
        "code": "large",
        "version": version,
        "title": t("大问卷", "Large"),
        "specialty": "general",
        "sections": sections,
        "red_flags": red_flags,
    }


def nested_not(depth: int) -> dict[str, Any]:
    """A ``show_if`` of ``depth`` nested "not"s around one test, built without recursion."""
    condition: dict[str, Any] = {"question": "fever", "equals": "yes"}
    for _ in range(depth):
        condition = {"not": condition}
    return condition


def nested_not_text(depth: int) -> str:
    """The JSON text of the sample-shaped template whose one question has ``nested_not``;
    written as text, since ``json.dumps`` itself cannot write 100,000 levels."""
    leaf = '{"question": "fever", "equals": "yes"}'
    show_if = '{"not": ' * depth + leaf + "}" * depth
    return (
        '{"code": "deep", "version": 1, "title": {"zh_CN": "深", "en": "Deep"}, '
        '"specialty": "general", "sections": [{"id": "s", "title": {"zh_CN": "部分", '
        '"en": "Part"}, "questions": [{"id": "fever", "type": "yes_no", "text": {"zh_CN": '
        '"发热", "en": "Fever"}}, {"id": "deep", "type": "yes_no", "text": {"zh_CN": "深", '
        '"en": "Deep"}, "show_if": ' + show_if + "}]}]}"
    )
