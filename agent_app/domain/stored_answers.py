"""One reading of stored answers: ``followup_result.answers`` and the autosaved drafts.

Two layouts are stored. The answer sheet's (``AnswerSheet.to_json``)::

    {"format": 1, "template": "cardiology", "version": 3, "call_started_at": "…",
     "answers": {"pain": {"value": 4, "at": "…", "offset_s": 12.5},
                 "visit": {"declined": "refused", "at": null, "offset_s": null},
                 "when": {"value": "2026-05-01", "hidden": true}},
     "red_flags": ["chest_pain"]}

and the older flat ``{"pain": 4, "visit": "yes"}`` (no template, times or declines). Values
come back typed as JSON holds them: text, whole or decimal numbers, a tuple of option values
for a multi-choice answer. Dates stay ISO text: only the template says a text is a date.

Nothing is dropped. An answer that cannot be read keeps its stored JSON in ``raw`` with a
``problem`` code; a document that holds no answers at all raises UnreadableAnswersError with
a code. Neither changes what is stored.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import NonAnswer

FORMAT = 1
"""The answer sheet's layout number (``"format"``)."""

StoredValue = str | int | float | bool | tuple[str, ...]
"""An answer as stored: option values, text and ISO dates as text, numbers as numbers, the
options of a multi-choice answer as a tuple."""

_ENGLISH = {
    "answers_not_object": "Stored answers are not a JSON object (found {found}).",
    "answers_format_unknown": "Stored answers have unknown format {format}.",
    "answers_list_not_object": "Stored answers have no 'answers' object (found {found}).",
    "answers_version_bad": "Stored answers name version {version}, which is no version number.",
    "answers_call_start_bad": "The stored call start {found} is not a time with a time zone.",
    "answer_not_object": "The stored answer to '{question}' is not an object (found {found}).",
    "answer_declined_unknown": "The stored answer to '{question}' gives an unknown reason "
    "{reason} for having no answer.",
    "answer_value_unreadable": "The stored answer to '{question}' is {found}, which is no "
    "answer value.",
    "answer_time_bad": "The stored time of the answer to '{question}' ({found}) is not a time "
    "with a time zone.",
    "answer_offset_bad": "The stored recording offset of the answer to '{question}' ({found}) "
    "is not a number of seconds.",
}


class UnreadableAnswersError(CodedError):
    """Stored answers that are no answers document at all; ``code`` says why."""

    ENGLISH: ClassVar[dict[str, str]] = _ENGLISH

    def problem(self) -> StoredProblem:
        """The same code and parameters, as a record to keep beside what was stored."""
        return StoredProblem(self.code, MappingProxyType(dict(self.params)))


@dataclass(frozen=True)
class StoredProblem:
    """Why part of the stored answers could not be read: a code and its parameters."""

    code: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def english(self) -> str:
        return _ENGLISH[self.code].format(**self.params)


class StoredLayout(enum.Enum):
    SHEET = "sheet"  # {"format": 1, "answers": {id: {...}}, ...}
    FLAT = "flat"  # {id: value}


@dataclass(frozen=True)
class StoredAnswer:
    """One stored answer. ``value`` is None when ``declined`` says why there is none, or
    when ``problem`` says why it could not be read (``raw`` keeps the stored JSON)."""

    question_id: str
    value: StoredValue | None
    declined: NonAnswer | None = None
    at: dt.datetime | None = None  # when it was entered (aware)
    offset_s: float | None = None  # seconds into the call's recording
    hidden: bool = False  # kept, but an earlier answer has since hidden the question
    raw: Any = None  # the stored JSON of the answer
    problem: StoredProblem | None = None


@dataclass(frozen=True)
class StoredAnswers:
    """A stored answers document, decoded; ``answers`` in the order they were stored."""

    layout: StoredLayout
    answers: Mapping[str, StoredAnswer]
    template: str | None = None
    version: int | None = None
    call_started_at: dt.datetime | None = None
    red_flags: tuple[str, ...] = ()
    problems: tuple[StoredProblem, ...] = ()  # of the document (its call start)

    def shown(self) -> tuple[StoredAnswer, ...]:
        """The answers of questions still shown (hidden ones left out), in stored order."""
        return tuple(a for a in self.answers.values() if not a.hidden)

    def value(self, question_id: str) -> StoredValue | None:
        """The answer to a shown question, or None (not answered, declined, hidden)."""
        answer = self.answers.get(question_id)
        return None if answer is None or answer.hidden else answer.value

    def offsets(self) -> dict[str, float]:
        """Seconds into the recording of each shown answer whose moment was kept."""
        return {a.question_id: a.offset_s for a in self.shown() if a.offset_s is not None}

    def unreadable(self) -> tuple[StoredAnswer, ...]:
        """Answers kept only as their stored JSON, with the reason."""
        return tuple(a for a in self.answers.values() if a.problem is not None)


def decode_stored_answers(data: object) -> StoredAnswers:
    """Decode a stored answers document (either layout); an empty or missing one (None) has
    no answers. Raises UnreadableAnswersError when ``data`` is no answers document."""
    if data is None:
        return StoredAnswers(StoredLayout.FLAT, MappingProxyType({}))
    if not isinstance(data, Mapping):
        raise UnreadableAnswersError("answers_not_object", found=_kind(data))
    if "format" not in data:
        flat = {str(qid): _flat_answer(str(qid), raw) for qid, raw in data.items()}
        return StoredAnswers(StoredLayout.FLAT, MappingProxyType(flat))
    if data.get("format") != FORMAT or isinstance(data.get("format"), bool):
        raise UnreadableAnswersError("answers_format_unknown", format=repr(data.get("format")))
    items = data.get("answers")
    if not isinstance(items, Mapping):
        raise UnreadableAnswersError("answers_list_not_object", found=_kind(items))
    version = data.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise UnreadableAnswersError("answers_version_bad", version=repr(version))
    problems: list[StoredProblem] = []
    started = _time(data.get("call_started_at"))
    if isinstance(started, _Bad):
        problems.append(_problem("answers_call_start_bad", found=repr(data["call_started_at"])))
        started = None
    template = data.get("template")
    flags = data.get("red_flags")
    return StoredAnswers(
        StoredLayout.SHEET,
        MappingProxyType({str(qid): _sheet_answer(str(qid), item) for qid, item in items.items()}),
        template=str(template) if template is not None else None,
        version=version,
        call_started_at=started,
        red_flags=tuple(str(f) for f in flags) if isinstance(flags, list) else (),
        problems=tuple(problems),
    )


def _flat_answer(qid: str, raw: object) -> StoredAnswer:
    value = _value(raw)
    if isinstance(value, _Bad):
        return _unreadable(qid, raw, "answer_value_unreadable", found=_kind(raw))
    return StoredAnswer(qid, value, raw=raw)


def _sheet_answer(qid: str, item: object) -> StoredAnswer:
    if not isinstance(item, Mapping):
        return _unreadable(qid, item, "answer_not_object", found=_kind(item))
    hidden = bool(item.get("hidden"))
    at = _time(item.get("at"))
    if isinstance(at, _Bad):
        return _unreadable(qid, item, "answer_time_bad", hidden, found=repr(item.get("at")))
    offset = item.get("offset_s")
    if offset is not None and (
        isinstance(offset, bool) or not isinstance(offset, int | float) or not math.isfinite(offset)
    ):
        return _unreadable(qid, item, "answer_offset_bad", hidden, found=repr(offset))
    offset_s = float(offset) if offset is not None else None
    if "declined" in item:
        try:
            reason = NonAnswer(item["declined"])
        except ValueError:
            return _unreadable(
                qid, item, "answer_declined_unknown", hidden, reason=repr(item["declined"])
            )
        return StoredAnswer(qid, None, reason, at, offset_s, hidden, item)
    value = _value(item.get("value"))
    if isinstance(value, _Bad):
        return _unreadable(
            qid, item, "answer_value_unreadable", hidden, found=_kind(item.get("value"))
        )
    return StoredAnswer(qid, value, None, at, offset_s, hidden, item)


class _Bad:
    """Marks a part that could not be read (None is a stored value of its own)."""


_BAD = _Bad()


def _value(raw: object) -> StoredValue | _Bad | None:
    if raw is None or isinstance(raw, str | bool | int):
        return raw
    if isinstance(raw, float):
        return raw if math.isfinite(raw) else _BAD
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(raw)
    return _BAD


def _time(raw: object) -> dt.datetime | _Bad | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        return _BAD
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        return _BAD
    return moment if moment.tzinfo is not None else _BAD


def _problem(code: str, **params: str) -> StoredProblem:
    return StoredProblem(code, MappingProxyType(dict(params)))


def _unreadable(
    qid: str, raw: object, code: str, hidden: bool = False, **params: str
) -> StoredAnswer:
    problem = _problem(code, question=qid, **params)
    return StoredAnswer(qid, None, hidden=hidden, raw=raw, problem=problem)


def _kind(value: object) -> str:
    """What a JSON value is, for a message (never the value itself: it may be private)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
