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
from agent_app.domain.template_errors import Where, found

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")


# Values --------------------------------------------------------------------------------


def mapping(value: object, where: Where) -> Mapping[str, Any]:
    """``value`` as a JSON object."""
    if not isinstance(value, Mapping):
        raise TemplateError("template_not_object", where, **found(value))
    return value


def list_of(obj: Mapping[str, Any], key: str, where: Where) -> list[Any]:
    """The list under ``key`` (present and a list)."""
    if key not in obj:
        raise TemplateError("template_missing_key", where, key=key)
    value = obj[key]
    if not isinstance(value, list):
        raise TemplateError("template_not_list", where, key=key, **found(value))
    return value


def identifier(obj: Mapping[str, Any], key: str, where: Where) -> str:
    """An id under ``key``: 1–40 lower-case letters, digits and _, starting with a letter."""
    if key not in obj:
        raise TemplateError("template_missing_key", where, key=key)
    value = obj[key]
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise TemplateError("template_bad_id", where, key=key, value=repr(value))
    return value


def local_text(obj: Mapping[str, Any], key: str, where: Where) -> LocalText:
    """A text under ``key`` with non-empty ``zh_CN`` and ``en``."""
    if key not in obj:
        raise TemplateError("template_missing_key", where, key=key)
    value = obj[key]
    if not isinstance(value, Mapping):
        raise TemplateError("template_text_not_object", where, key=key, **found(value))
    for language in ("zh_CN", "en"):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise TemplateError("template_text_missing_language", where, key=key, language=language)
    extra = sorted(set(value) - {"zh_CN", "en"})
    if extra:
        raise TemplateError("template_text_unknown_language", where, key=key, language=extra[0])
    return LocalText(value["zh_CN"], value["en"])


def boolean(obj: Mapping[str, Any], key: str, where: Where, default: bool) -> bool:
    """A true/false under ``key``, ``default`` when absent."""
    value = obj.get(key, default)
    if not isinstance(value, bool):
        raise TemplateError("template_not_boolean", where, key=key, value=repr(value))
    return value


def whole_number(obj: Mapping[str, Any], key: str, where: Where) -> int:
    """A whole number under ``key`` (true/false refused)."""
    if key not in obj:
        raise TemplateError("template_missing_key", where, key=key)
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError("template_not_whole_number", where, key=key, value=repr(value))
    return value


def number(obj: Mapping[str, Any], key: str, where: Where) -> float:
    """A number under ``key`` (true/false refused)."""
    if key not in obj:
        raise TemplateError("template_missing_key", where, key=key)
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TemplateError("template_not_number", where, key=key, value=repr(value))
    return float(value)


def no_unknown_keys(
    obj: Mapping[str, Any], allowed: set[str], where: Where, qtype: QuestionType | None = None
) -> None:
    """Refuse the first key (alphabetically) that is not in ``allowed``."""
    extra = sorted(set(obj) - allowed)
    if extra and qtype:
        raise TemplateError("template_unknown_key_for_type", where, key=extra[0], type=qtype)
    if extra:
        raise TemplateError("template_unknown_key", where, key=extra[0])


def fmt(number: float) -> str:
    """A number without a needless ``.0``."""
    return str(int(number)) if number == int(number) else str(number)


# Conditions -----------------------------------------------------------------------------------

_COMBINERS = {"all", "any", "not"}


def parse_condition(raw: object, where: Where, default_question: str | None) -> Condition:
    """Shape only; whether the questions exist and the operators fit is checked later."""
    node = mapping(raw, where)
    combiners = _COMBINERS & node.keys()
    if combiners:
        if len(node) != 1:
            raise TemplateError("template_combiner_not_alone", where, key=sorted(combiners)[0])
        key = next(iter(combiners))
        if key == "not":
            return Not(parse_condition(node["not"], where, default_question))
        parts = node[key]
        if not isinstance(parts, list) or not parts:
            raise TemplateError("template_combiner_empty", where, key=key)
        built = tuple(parse_condition(p, where, default_question) for p in parts)
        return AllOf(built) if key == "all" else AnyOf(built)
    question = node.get("question", default_question)
    if not isinstance(question, str):
        raise TemplateError("template_condition_no_question", where)
    ops = [k for k in node if k != "question"]
    if not ops:
        raise TemplateError("template_condition_no_operator", where)
    if len(ops) > 1:
        operators = ", ".join(f"'{k}'" for k in ops)
        raise TemplateError("template_condition_operators", where, operators=operators)
    try:
        op = ConditionOp(ops[0])
    except ValueError:
        known = ", ".join(o.value for o in ConditionOp)
        raise TemplateError(
            "template_unknown_operator", where, operator=ops[0], known=known
        ) from None
    operand = node[ops[0]]
    if op is ConditionOp.ANSWERED:
        if not isinstance(operand, bool):
            raise TemplateError("template_answered_not_boolean", where)
        return Compare(question, op, flag=operand)
    if op in (ConditionOp.GT, ConditionOp.GE, ConditionOp.LT, ConditionOp.LE):
        if isinstance(operand, bool) or not isinstance(operand, int | float):
            raise TemplateError(
                "template_operator_needs_number", where, operator=op.value, value=repr(operand)
            )
        return Compare(question, op, number=float(operand))
    if op in (ConditionOp.EQUALS, ConditionOp.NOT_EQUALS):
        if isinstance(operand, int | float) and not isinstance(operand, bool):
            return Compare(question, op, number=float(operand))
        if not isinstance(operand, str):
            raise TemplateError("template_operator_needs_value", where, operator=op.value)
        return Compare(question, op, values=(operand,))
    if op is ConditionOp.CONTAINS:
        if not isinstance(operand, str):
            raise TemplateError("template_contains_needs_value", where)
        return Compare(question, op, values=(operand,))
    if not isinstance(operand, list) or not operand or not all(isinstance(v, str) for v in operand):
        raise TemplateError("template_operator_needs_values", where, operator=op.value)
    return Compare(question, op, values=tuple(operand))
