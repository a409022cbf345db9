"""The answers of one follow-up call: validation, skip logic, progress, red flags, JSON.

Pure session logic: no I/O. The UI feeds it what the agent enters; autosave and the result
row store :meth:`AnswerSheet.to_json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agent_app.domain.answer_values import AnswerProblem, AnswerRejected, parse_answer
from agent_app.domain.enums import NonAnswer, VitalStatus
from agent_app.domain.questionnaire_model import (
    AnswerValue,
    LocalText,
    Question,
    QuestionnaireError,
    QuestionType,
    Template,
)
from agent_app.domain.questionnaire_rules import RaisedFlag, Visibility, raised_flags
from agent_app.domain.stored_answers import (
    FORMAT,
    StoredAnswer,
    StoredLayout,
    UnreadableAnswersError,
    decode_stored_answers,
)


class StoredAnswersError(QuestionnaireError):
    """Saved answers cannot be loaded for this template; the message says which and why."""


@dataclass(frozen=True)
class AnswerEntry:
    """One answered (or declined) question; ``value`` is None when ``declined`` is set."""

    question_id: str
    value: AnswerValue | None
    declined: NonAnswer | None = None
    at: dt.datetime | None = None  # when it was entered (aware)

    def offset_seconds(self, call_started_at: dt.datetime | None) -> float | None:
        """Seconds from the start of the call to this answer, to find it in the recording."""
        if self.at is None or call_started_at is None:
            return None
        return round((self.at - call_started_at).total_seconds(), 1)


@dataclass(frozen=True)
class Progress:
    answered: int  # shown questions answered or declined
    shown: int
    required_done: int
    required: int  # shown required questions


class AnswerSheet:
    """Answers by question id for one template; hidden answers are kept but not counted."""

    def __init__(
        self,
        template: Template,
        *,
        call_started_at: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> None:
        _aware(call_started_at, "call_started_at")
        self.template = template
        self.call_started_at = call_started_at
        self.today = today
        self._entries: dict[str, AnswerEntry] = {}
        self._visibility: Visibility | None = None

    # Entering answers ---------------------------------------------------------------------

    def answer(self, question_id: str, raw: object, at: dt.datetime | None = None) -> AnswerValue:
        """Validate and keep an answer; raises :class:`AnswerRejected` (nothing changes)."""
        _aware(at, "at")
        question = self.template.question(question_id)
        value = parse_answer(question, raw, self.today)
        self._store(AnswerEntry(question_id, value, None, at))
        return value

    def decline(self, question_id: str, reason: NonAnswer, at: dt.datetime | None = None) -> None:
        """Mark a question as not answerable by the patient or refused by them."""
        _aware(at, "at")
        question = self.template.question(question_id)
        if not question.allow_unable:
            raise AnswerRejected(
                question_id,
                AnswerProblem.NOT_ALLOWED,
                LocalText(
                    "本题必须作答,不能标记为“无法回答/拒答”。",
                    "This question must be answered; it cannot be marked unable or refused.",
                ),
            )
        self._store(AnswerEntry(question_id, None, reason, at))

    def clear(self, question_id: str) -> None:
        self.template.question(question_id)
        self._entries.pop(question_id, None)
        self._visibility = None

    def start_call(self, at: dt.datetime) -> None:
        """Set the moment the call was answered; answer offsets are counted from it."""
        _aware(at, "at")
        self.call_started_at = at

    def _store(self, entry: AnswerEntry) -> None:
        self._entries[entry.question_id] = entry
        self._visibility = None

    # Reading ------------------------------------------------------------------------------

    def entry(self, question_id: str) -> AnswerEntry | None:
        """What was entered for a question, shown or not."""
        self.template.question(question_id)
        return self._entries.get(question_id)

    def value(self, question_id: str) -> AnswerValue | None:
        """The answer if the question is shown and answered, else None."""
        return self._view().value(question_id)

    def is_visible(self, question_id: str) -> bool:
        return self._view().is_visible(question_id)

    def visible_questions(self) -> tuple[Question, ...]:
        return self._view().visible()

    def counted_entries(self) -> tuple[AnswerEntry, ...]:
        """Entries of shown questions, in asking order."""
        view = self._view()
        return tuple(
            self._entries[q.id]
            for q in self.template.questions
            if q.id in self._entries and view.is_visible(q.id)
        )

    def hidden_entries(self) -> tuple[AnswerEntry, ...]:
        """Entries kept for questions that an earlier answer has since hidden."""
        view = self._view()
        return tuple(
            self._entries[q.id]
            for q in self.template.questions
            if q.id in self._entries and not view.is_visible(q.id)
        )

    # Navigation and progress --------------------------------------------------------------

    def next_question(self, after: str | None = None) -> Question | None:
        """The first shown question after ``after`` (from the start when None)."""
        start = -1 if after is None else self._position(after)
        shown = self._view()
        for q in self.template.questions[start + 1 :]:
            if shown.is_visible(q.id):
                return q
        return None

    def previous_question(self, before: str) -> Question | None:
        """The last shown question before ``before``."""
        shown = self._view()
        for q in reversed(self.template.questions[: self._position(before)]):
            if shown.is_visible(q.id):
                return q
        return None

    def next_unanswered(self, after: str | None = None) -> Question | None:
        """The first shown question after ``after`` that has neither answer nor decline."""
        start = -1 if after is None else self._position(after)
        shown = self._view()
        for q in self.template.questions[start + 1 :]:
            if shown.is_visible(q.id) and q.id not in self._entries:
                return q
        return None

    def progress(self) -> Progress:
        shown = self.visible_questions()
        required = [q for q in shown if q.required]
        return Progress(
            answered=sum(1 for q in shown if q.id in self._entries),
            shown=len(shown),
            required_done=sum(1 for q in required if q.id in self._entries),
            required=len(required),
        )

    def missing(self) -> tuple[Question, ...]:
        """Shown required questions that are neither answered nor declined."""
        return tuple(
            q for q in self.visible_questions() if q.required and q.id not in self._entries
        )

    @property
    def can_finish(self) -> bool:
        return not self.missing()

    # What the answers mean ----------------------------------------------------------------

    def red_flags(self) -> tuple[RaisedFlag, ...]:
        """Red-flag rules the shown answers trigger, most severe first."""
        return raised_flags(self.template, self._view())

    def satisfaction(self) -> int | None:
        """The satisfaction score for the result row, if the template names one and it is
        answered."""
        qid = self.template.result_fields.satisfaction
        value = self.value(qid) if qid else None
        return value if isinstance(value, int) else None

    def vital_status(self) -> VitalStatus:
        qid = self.template.result_fields.vital_status
        value = self.value(qid) if qid else None
        return VitalStatus(value) if isinstance(value, str) else VitalStatus.UNKNOWN

    def death_date(self) -> dt.date | None:
        qid = self.template.result_fields.death_date
        value = self.value(qid) if qid else None
        return value if isinstance(value, dt.date) else None

    # JSON ---------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for autosave and ``followup_result.answers`` (every entry, hidden ones
        marked), with offsets from the call start for jumping in the recording."""
        view = self._view()
        answers: dict[str, Any] = {}
        for q in self.template.questions:
            entry = self._entries.get(q.id)
            if entry is None:
                continue
            item: dict[str, Any] = (
                {"declined": entry.declined.value}
                if entry.declined is not None
                else {"value": _json_value(entry.value)}
            )
            item["at"] = entry.at.isoformat() if entry.at else None
            item["offset_s"] = entry.offset_seconds(self.call_started_at)
            if not view.is_visible(q.id):
                item["hidden"] = True
            answers[q.id] = item
        return {
            "format": FORMAT,
            "template": self.template.code,
            "version": self.template.version,
            "call_started_at": self.call_started_at.isoformat() if self.call_started_at else None,
            "answers": answers,
            "red_flags": [f.rule.id for f in self.red_flags()],
        }

    @classmethod
    def from_json(
        cls, template: Template, data: Mapping[str, Any], *, today: dt.date | None = None
    ) -> AnswerSheet:
        """Rebuild a sheet saved by :meth:`to_json` (or an older flat ``{id: value}`` map).

        Raises :class:`StoredAnswersError` naming the template, version or answer that does
        not fit; use ``stored_answer_problems`` first to check answers of another version.
        """
        try:
            stored = decode_stored_answers(data)
        except UnreadableAnswersError as error:
            raise StoredAnswersError(str(error)) from None
        if stored.layout is StoredLayout.SHEET and (
            stored.template != template.code or stored.version != template.version
        ):
            raise StoredAnswersError(
                f"Saved answers belong to template '{stored.template}' version "
                f"{stored.version}, not '{template.code}' version {template.version}."
            )
        if stored.problems:
            raise StoredAnswersError(stored.problems[0].english())
        sheet = cls(template, call_started_at=stored.call_started_at, today=today)
        for answer in stored.answers.values():
            sheet._load(answer)
        return sheet

    def _load(self, answer: StoredAnswer) -> None:
        qid = answer.question_id
        if not self.template.has_question(qid):
            raise StoredAnswersError(
                f"Saved answer to '{qid}': template '{self.template.code}' version "
                f"{self.template.version} has no such question."
            )
        if answer.problem is not None:
            raise StoredAnswersError(answer.problem.english())
        if answer.declined is not None:
            self._store(AnswerEntry(qid, None, answer.declined, answer.at))
            return
        raw: object = answer.value
        question = self.template.question(qid)
        if question.type is QuestionType.DATE and isinstance(raw, str):
            raw = _day(raw, qid)
        try:
            # Stored dates are not re-checked against today: they were valid when entered.
            self._store(AnswerEntry(qid, parse_answer(question, raw, None), None, answer.at))
        except AnswerRejected as error:
            raise StoredAnswersError(f"Saved answer to '{qid}': {error.words.en}") from None

    # Internals ----------------------------------------------------------------------------

    def _view(self) -> Visibility:
        if self._visibility is None:
            self._visibility = Visibility(self.template, self._raw_value)
        return self._visibility

    def _raw_value(self, question_id: str) -> AnswerValue | None:
        entry = self._entries.get(question_id)
        return entry.value if entry else None

    def _position(self, question_id: str) -> int:
        self.template.question(question_id)
        return next(i for i, q in enumerate(self.template.questions) if q.id == question_id)


def _json_value(value: AnswerValue | None) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _aware(moment: dt.datetime | None, name: str) -> None:
    if moment is not None and moment.tzinfo is None:
        raise ValueError(f"{name} must carry a time zone (got {moment.isoformat()}).")


def _day(text: str, qid: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StoredAnswersError(f"Saved answer to '{qid}': {text!r} is not an ISO date.") from None
