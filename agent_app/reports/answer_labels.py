"""What a questionnaire template says about a question (its words and options), and how a
stored answer text splits into the options it counts for."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from agent_app.store.schema import QuestionnaireTemplate


def template_body(engine: Engine, template_code: str) -> dict[str, Any]:
    query = (
        select(QuestionnaireTemplate.body)
        .where(QuestionnaireTemplate.code == template_code)
        .order_by(QuestionnaireTemplate.version.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        body = connection.execute(query).scalar()
    return dict(body or {})


def find_question(body: dict[str, Any], question_id: str) -> dict[str, Any]:
    for section in body.get("sections", []):
        for question in section.get("questions", []):
            if question.get("id") == question_id:
                return dict(question)
    return {}


def answer_items(raw: str) -> list[str]:
    if raw.startswith("["):
        try:
            items = json.loads(raw)
        except ValueError:
            return [raw]
        return [str(i) for i in items] if isinstance(items, list) else [raw]
    return [raw]


def natural_order(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)
    except ValueError:
        return (1, 0.0, value)
