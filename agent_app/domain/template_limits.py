"""How large and how deeply nested a questionnaire template may be.

A template is typed by an administrator or imported from a file, so it is not trusted: a body
nested 100,000 levels deep would exhaust the interpreter's stack in any recursive reader, and a
huge one would tie up the editor. These limits are far above any real questionnaire (the
shipped ones nest 8 levels, have at most 27 questions and 8 options a question) and are
checked before anything recursive touches the body.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import ClassVar

from agent_app.domain.questionnaire_model import TemplateError

MAX_BODY_BYTES = 16 * 1024 * 1024
"""The JSON text of one template, in UTF-8 bytes."""
MAX_DEPTH = 32
"""Objects and lists inside one another; a question's condition sits at level 6."""
MAX_QUESTIONS = 20_000
MAX_OPTIONS = 100
"""Options of one choice question."""


class TemplateLimit(enum.StrEnum):
    """Which limit a template went over (the code the editor translates)."""

    BODY_BYTES = "body_bytes"
    DEPTH = "depth"
    QUESTIONS = "questions"
    OPTIONS = "options"


class TemplateLimitError(TemplateError):
    """A template is too large or too deeply nested.

    ``code`` says which limit (a :class:`TemplateLimit`) and ``maximum`` its value;
    ``question_id`` and ``section_id`` name the question an option limit concerns (empty for
    the whole template). ``params`` hold the same, and ``str(error)`` says it in English.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        TemplateLimit.BODY_BYTES: "The template is larger than {megabytes} MB; "
        "it cannot be checked or saved.",
        TemplateLimit.DEPTH: "The template nests objects and lists more than {maximum} levels "
        "deep.",
        TemplateLimit.QUESTIONS: "The template has more than {maximum} questions.",
        TemplateLimit.OPTIONS: "Question '{question}' in section '{section}' has more than "
        "{maximum} options.",
    }

    def __init__(
        self, code: TemplateLimit, maximum: int, question_id: str = "", section_id: str = ""
    ) -> None:
        params: dict[str, object] = {"maximum": maximum}
        if code is TemplateLimit.BODY_BYTES:
            params["megabytes"] = maximum // (1024 * 1024)
        if code is TemplateLimit.OPTIONS:
            params.update(question=question_id, section=section_id)
        super().__init__(code, **params)
        self.code: TemplateLimit = code
        self.maximum = maximum
        self.question_id = question_id
        self.section_id = section_id


def check_body_size(size: int) -> None:
    """Refuse a template body of ``size`` UTF-8 bytes when it is over the limit."""
    if size > MAX_BODY_BYTES:
        raise TemplateLimitError(TemplateLimit.BODY_BYTES, MAX_BODY_BYTES)


def check_depth(data: object, maximum: int = MAX_DEPTH) -> None:
    """Refuse decoded JSON nested deeper than ``maximum``; walks without recursion, so any
    depth is answered with :class:`TemplateLimitError`, never ``RecursionError``."""
    pending: list[tuple[Iterable[object], int]] = [([data], 0)]  # containers and their level
    while pending:
        values, level = pending.pop()
        for value in values:
            if isinstance(value, str | int | float | None):
                continue  # most of a template; tested first because Mapping's check is slow
            if isinstance(value, Mapping):
                children: Iterable[object] = value.values()
            elif isinstance(value, list | tuple):
                children = value
            else:
                continue
            if level + 1 > maximum:
                raise TemplateLimitError(TemplateLimit.DEPTH, maximum)
            pending.append((children, level + 1))
