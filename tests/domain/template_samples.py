"""A small valid template the domain tests change one thing at a time."""

from __future__ import annotations

from typing import Any


def t(zh: str, en: str | None = None) -> dict[str, str]:
    return {"zh_CN": zh, "en": en or zh}


def opt(value: str, exclusive: bool = False) -> dict[str, Any]:
    option: dict[str, Any] = {"value": value, "label": t(value)}
    if exclusive:
        option["exclusive"] = True
    return option


def sample() -> dict[str, Any]:
    """Sections: identity (who), wound (fever → temperature, wound bleeding), closing."""
    return {
        "code": "sample",
        "version": 1,
        "title": t("样例问卷", "Sample"),
        "specialty": "general",
        "sections": [
            {
                "id": "identity",
                "title": t("身份核对", "Identity"),
                "questions": [
                    {
                        "id": "who",
                        "type": "single",
                        "required": True,
                        "allow_unable": False,
                        "text": t("接听人", "Who answers"),
                        "options": [opt("self"), opt("family"), opt("other")],
                        "jumps": [{"if": {"equals": "other"}, "to": "end"}],
                    }
                ],
            },
            {
                "id": "wound",
                "title": t("伤口", "Wound"),
                "questions": [
                    {
                        "id": "fever",
                        "type": "yes_no",
                        "required": True,
                        "text": t("发热?", "Fever?"),
                    },
                    {
                        "id": "temperature",
                        "type": "number",
                        "required": True,
                        "min": 34,
                        "max": 43,
                        "unit": t("°C"),
                        "text": t("体温", "Temperature"),
                        "show_if": {"question": "fever", "equals": "yes"},
                    },
                    {
                        "id": "symptoms",
                        "type": "multi",
                        "text": t("症状", "Symptoms"),
                        "options": [opt("bleeding"), opt("pain"), opt("none", exclusive=True)],
                    },
                    {
                        "id": "onset",
                        "type": "date",
                        "date_range": "past",
                        "text": t("开始日期", "Onset"),
                        "show_if": {"question": "symptoms", "contains_any": ["bleeding", "pain"]},
                    },
                ],
            },
            {
                "id": "closing",
                "title": t("满意度", "Satisfaction"),
                "questions": [
                    {
                        "id": "satisfaction",
                        "type": "scale",
                        "required": True,
                        "min": 1,
                        "max": 5,
                        "labels": {"1": t("很不满意"), "5": t("非常满意")},
                        "text": t("满意度", "Satisfaction"),
                    },
                    {
                        "id": "comment",
                        "type": "text",
                        "max_length": 20,
                        "text": t("意见", "Comments"),
                    },
                ],
            },
        ],
        "red_flags": [
            {
                "id": "high_fever",
                "severity": "urgent",
                "when": {"question": "temperature", ">": 38.5},
                "message": t("发热超过 38.5°C", "Fever above 38.5 °C"),
            },
            {
                "id": "wound_bleeding",
                "severity": "critical",
                "when": {"question": "symptoms", "contains": "bleeding"},
                "message": t("伤口出血", "Wound bleeding"),
            },
        ],
        "result_fields": {"satisfaction": "satisfaction"},
    }


def question(data: dict[str, Any], qid: str) -> dict[str, Any]:
    for section in data["sections"]:
        for q in section["questions"]:
            if q["id"] == qid:
                return q  # type: ignore[no-any-return]
    raise KeyError(qid)


def section(data: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in data["sections"] if s["id"] == sid)  # type: ignore[no-any-return]
