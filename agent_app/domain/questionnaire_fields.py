"""Readers for the JSON form of a template: typed values and conditions, or an exact error."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agent_app.domain.questionnaire_model import (
    AllOf,
    AnyOf,
    Compare,
    Condition,
    ConditionOp,
    LocalText,
    Not,
    QuestionType,
    TemplateError,
)

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")


# Values --------------------------------------------------------------------------------


def mapping(value: object, where: str) -> Mapping[str, Any]:
    """``value`` as a JSON object."""
    if not isinstance(value, Mapping):
        raise TemplateError(f"{where} must be a JSON object, not {kind(value)}.")
    return value


def list_of(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    """The list under ``key`` (present and a list)."""
    if key not in obj:
        raise TemplateError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if not isinstance(value, list):
        raise TemplateError(f"{where}: '{key}' must be a list, not {kind(value)}.")
    return value


def identifier(obj: Mapping[str, Any], key: str, where: str) -> str:
    """An id under ``key``: 1–40 lower-case letters, digits and _, starting with a letter."""
    if key not in obj:
        raise TemplateError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise TemplateError(
            f"{where}: '{key}' {value!r} must be 1–40 lower-case letters, digits and _ "
            "starting with a letter."
        )
    return value


def local_text(obj: Mapping[str, Any], key: str, where: str) -> LocalText:
    """A text under ``key`` with non-empty ``zh_CN`` and ``en``."""
    if key not in obj:
        raise TemplateError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if not isinstance(value, Mapping):
        raise TemplateError(
            f"{where}: '{key}' must be an object with 'zh_CN' and 'en' texts, not {kind(value)}."
        )
    for language in ("zh_CN", "en"):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise TemplateError(
                f"{where}: '{key}' needs both 'zh_CN' and 'en'; '{language}' is missing or empty."
            )
    extra = sorted(set(value) - {"zh_CN", "en"})
    if extra:
        raise TemplateError(f"{where}: '{key}' has unknown language '{extra[0]}'.")
    return LocalText(value["zh_CN"], value["en"])


def boolean(obj: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
    """A true/false under ``key``, ``default`` when absent."""
    value = obj.get(key, default)
    if not isinstance(value, bool):
        raise TemplateError(f"{where}: '{key}' must be true or false, not {value!r}.")
    return value


def whole_number(obj: Mapping[str, Any], key: str, where: str) -> int:
    """A whole number under ``key`` (true/false refused)."""
    if key not in obj:
        raise TemplateError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError(f"{where}: '{key}' must be a whole number, not {value!r}.")
    return value


def number(obj: Mapping[str, Any], key: str, where: str) -> float:
    """A number under ``key`` (true/false refused)."""
    if key not in obj:
        raise TemplateError(f"{where}: '{key}' is missing.")
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TemplateError(f"{where}: '{key}' must be a number, not {value!r}.")
    return float(value)


def no_unknown_keys(
    obj: Mapping[str, Any], allowed: set[str], where: str, qtype: QuestionType | None = None
) -> None:
    """Refuse the first key (alphabetically) that is not in ``allowed``."""
    extra = sorted(set(obj) - allowed)
    if extra:
        suffix = f" for a {qtype.value} question" if qtype else ""
        raise TemplateError(f"{where}: unknown key '{extra[0]}'{suffix}.")


def kind(value: object) -> str:
    """How a wrong JSON value is named in an error message."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    return type(value).__name__


def fmt(number: float) -> str:
    """A number without a needless ``.0``."""
    return str(int(number)) if number == int(number) else str(number)


# Conditions -----------------------------------------------------------------------------------

_COMBINERS = {"all", "any", "not"}


def parse_condition(raw: object, where: str, default_question: str | None) -> Condition:
    """Shape only; whether the questions exist and the operators fit is checked later."""
    node = mapping(raw, where)
    combiners = _COMBINERS & node.keys()
    if combiners:
        if len(node) != 1:
            raise TemplateError(
                f"{where}: '{sorted(combiners)[0]}' must stand alone in its object."
            )
        key = next(iter(combiners))
        if key == "not":
            return Not(parse_condition(node["not"], where, default_question))
        parts = node[key]
        if not isinstance(parts, list) or not parts:
            raise TemplateError(f"{where}: '{key}' needs a non-empty list of conditions.")
        built = tuple(parse_condition(p, where, default_question) for p in parts)
        return AllOf(built) if key == "all" else AnyOf(built)
    question = node.get("question", default_question)
    if not isinstance(question, str):
        raise TemplateError(f"{where}: the condition does not say which 'question' it tests.")
    ops = [k for k in node if k != "question"]
    if len(ops) != 1:
        found = ", ".join(f"'{k}'" for k in ops) or "none"
        raise TemplateError(f"{where}: a condition needs exactly one operator, found {found}.")
    try:
        op = ConditionOp(ops[0])
    except ValueError:
        known = ", ".join(o.value for o in ConditionOp)
        raise TemplateError(
            f"{where}: unknown operator '{ops[0]}'; expected one of {known}, all, any, not."
        ) from None
    operand = node[ops[0]]
    if op is ConditionOp.ANSWERED:
        if not isinstance(operand, bool):
            raise TemplateError(f"{where}: 'answered' takes true or false.")
        return Compare(question, op, flag=operand)
    if op in (ConditionOp.GT, ConditionOp.GE, ConditionOp.LT, ConditionOp.LE):
        if isinstance(operand, bool) or not isinstance(operand, int | float):
            raise TemplateError(f"{where}: '{op.value}' takes a number, not {operand!r}.")
        return Compare(question, op, number=float(operand))
    if op in (ConditionOp.EQUALS, ConditionOp.NOT_EQUALS):
        if isinstance(operand, int | float) and not isinstance(operand, bool):
            return Compare(question, op, number=float(operand))
        if not isinstance(operand, str):
            raise TemplateError(f"{where}: '{op.value}' takes an option value or a number.")
        return Compare(question, op, values=(operand,))
    if op is ConditionOp.CONTAINS:
        if not isinstance(operand, str):
            raise TemplateError(f"{where}: 'contains' takes one option value.")
        return Compare(question, op, values=(operand,))
    if not isinstance(operand, list) or not operand or not all(isinstance(v, str) for v in operand):
        raise TemplateError(f"{where}: '{op.value}' takes a non-empty list of option values.")
    return Compare(question, op, values=tuple(operand))
