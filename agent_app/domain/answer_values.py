"""Turn what the agent entered into a typed answer, or say in plain words why it cannot be."""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import unicodedata
from collections.abc import Iterable

from agent_app.domain.questionnaire_model import (
    AnswerValue,
    DateRange,
    LocalText,
    Question,
    QuestionnaireError,
    QuestionType,
)


class AnswerProblem(enum.StrEnum):
    EMPTY = "empty"
    NOT_AN_OPTION = "not_an_option"
    EXCLUSIVE_OPTION = "exclusive_option"
    NOT_A_NUMBER = "not_a_number"
    NOT_WHOLE = "not_whole"
    OUT_OF_RANGE = "out_of_range"
    NOT_A_DATE = "not_a_date"
    DATE_IN_FUTURE = "date_in_future"
    DATE_IN_PAST = "date_in_past"
    TOO_LONG = "too_long"
    NOT_ALLOWED = "not_allowed"  # unable/refused on a question that must be answered


class AnswerRejected(QuestionnaireError):
    """An answer does not fit its question; ``words`` says why in both languages."""

    def __init__(self, question_id: str, problem: AnswerProblem, words: LocalText) -> None:
        super().__init__(words.en)
        self.question_id = question_id
        self.problem = problem
        self.words = words


def parse_answer(question: Question, raw: object, today: dt.date | None = None) -> AnswerValue:
    """The typed value of ``raw`` for ``question``.

    Accepts the natural Python value (option value, list of option values, int, float, date)
    or the text an agent typed ("38.5", "38.5°C", "２０２４年5月1日", "2024/5/1").
    ``today`` enables the past/future check of dates.
    """
    qtype = question.type
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise _reject(question, AnswerProblem.EMPTY, "请填写答案。", "Please enter an answer.")
    if qtype in (QuestionType.SINGLE, QuestionType.YES_NO):
        return _choice(question, raw)
    if qtype is QuestionType.MULTI:
        return _multi(question, raw)
    if qtype is QuestionType.SCALE:
        return _scale(question, raw)
    if qtype is QuestionType.NUMBER:
        return _number(question, raw)
    if qtype is QuestionType.DATE:
        return _date(question, raw, today)
    text = str(raw).strip()
    if len(text) > question.max_length:
        raise _reject(
            question,
            AnswerProblem.TOO_LONG,
            f"内容过长:最多 {question.max_length} 个字,现在 {len(text)} 个字。",
            f"Too long: at most {question.max_length} characters, this has {len(text)}.",
        )
    return text


def _choice(question: Question, raw: object) -> str:
    if isinstance(raw, bool) and question.type is QuestionType.YES_NO:
        return "yes" if raw else "no"
    if not isinstance(raw, str) or question.option(raw) is None:
        raise _not_an_option(question, raw)
    return raw


def _multi(question: Question, raw: object) -> tuple[str, ...]:
    picked = [raw] if isinstance(raw, str) else raw
    if not isinstance(picked, Iterable):
        raise _not_an_option(question, raw)
    chosen = set()
    for value in picked:
        if not isinstance(value, str) or question.option(value) is None:
            raise _not_an_option(question, value)
        chosen.add(value)
    if not chosen:
        raise _reject(question, AnswerProblem.EMPTY, "请至少选择一项。", "Pick at least one.")
    exclusive = [o for o in question.options if o.exclusive and o.value in chosen]
    if exclusive and len(chosen) > 1:
        label = exclusive[0].label
        raise _reject(
            question,
            AnswerProblem.EXCLUSIVE_OPTION,
            f"“{label.zh_CN}”不能与其他选项同时选择。",
            f"“{label.en}” cannot be picked together with other options.",
        )
    return tuple(o.value for o in question.options if o.value in chosen)


def _scale(question: Question, raw: object) -> int:
    number = _to_number(question, raw)
    assert question.minimum is not None and question.maximum is not None
    low, high = int(question.minimum), int(question.maximum)
    if number != int(number) or not low <= number <= high:
        raise _reject(
            question,
            AnswerProblem.OUT_OF_RANGE,
            f"请选择 {low} 到 {high} 之间的整数。",
            f"Pick a whole number from {low} to {high}.",
        )
    return int(number)


def _number(question: Question, raw: object) -> int | float:
    number = _to_number(question, raw)
    assert question.minimum is not None and question.maximum is not None
    unit = question.unit or LocalText("", "")
    if question.integer and number != int(number):
        raise _reject(question, AnswerProblem.NOT_WHOLE, "请填写整数。", "Enter a whole number.")
    if not question.minimum <= number <= question.maximum:
        low, high = f"{question.minimum:g}", f"{question.maximum:g}"
        raise _reject(
            question,
            AnswerProblem.OUT_OF_RANGE,
            f"请填写 {low} 到 {high}{_spaced(unit.zh_CN)} 之间的数值,请与患者再次核实。",
            f"Enter a value from {low} to {high}{_spaced(unit.en)}; check it with the patient.",
        )
    return int(number) if question.integer else number


def _to_number(question: Question, raw: object) -> float:
    if isinstance(raw, bool):
        raise _not_a_number(question)
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        for unit in (question.unit.zh_CN, question.unit.en) if question.unit else ():
            unit = unicodedata.normalize("NFKC", unit)
            if text.endswith(unit):
                text = text[: -len(unit)].strip()
        if text.endswith("度"):  # "38.5度" is how a patient says a temperature
            text = text[:-1].strip()
        try:
            number = float(text)
        except ValueError:
            raise _not_a_number(question) from None
    else:
        raise _not_a_number(question)
    if not math.isfinite(number):
        raise _not_a_number(question)
    return number


_DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})\Z"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})\Z"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?\Z"),
)


def _date(question: Question, raw: object, today: dt.date | None) -> dt.date:
    if isinstance(raw, dt.datetime):
        day = raw.date()
    elif isinstance(raw, dt.date):
        day = raw
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
        day = _parse_day(text, question)
    else:
        raise _not_a_date(question)
    if today is not None and question.date_range is DateRange.PAST and day > today:
        raise _reject(
            question,
            AnswerProblem.DATE_IN_FUTURE,
            "这个日期不能晚于今天。",
            "This date cannot be later than today.",
        )
    if today is not None and question.date_range is DateRange.FUTURE and day < today:
        raise _reject(
            question,
            AnswerProblem.DATE_IN_PAST,
            "这个日期不能早于今天。",
            "This date cannot be earlier than today.",
        )
    return day


def _parse_day(text: str, question: Question) -> dt.date:
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    raise _not_a_date(question)


def _spaced(unit: str) -> str:
    return f" {unit}" if unit else ""


def _reject(question: Question, problem: AnswerProblem, zh: str, en: str) -> AnswerRejected:
    return AnswerRejected(question.id, problem, LocalText(zh, en))


def _not_an_option(question: Question, raw: object) -> AnswerRejected:
    return _reject(
        question,
        AnswerProblem.NOT_AN_OPTION,
        f"“{raw}”不是本题的选项。",
        f"“{raw}” is not one of this question's options.",
    )


def _not_a_number(question: Question) -> AnswerRejected:
    return _reject(
        question, AnswerProblem.NOT_A_NUMBER, "请填写数字,例如 38.5。", "Enter a number, e.g. 38.5."
    )


def _not_a_date(question: Question) -> AnswerRejected:
    return _reject(
        question,
        AnswerProblem.NOT_A_DATE,
        "请按“年-月-日”填写日期,例如 2024-05-01。",
        "Enter the date as year-month-day, e.g. 2024-05-01.",
    )
