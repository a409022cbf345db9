"""QA criteria from their JSON file, reviews checked and stored, feedback for the agent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from agent_app.domain.enums import CheckLevel
from agent_app.store.schema import Outbox
from agent_app.supervision.errors import CriteriaError, NotFoundError, ReviewError
from agent_app.supervision.qa_criteria import load_criteria, parse_criteria
from agent_app.supervision.qa_reviews import agent_feedback, reviews_for_attempt, save_review
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY, TinyHospital

FULL = {"identity_confirmed": 10, "introduction": 8, "no_medical_advice": 20,
        "revisit_reminded": 10, "attitude": 18, "completeness": 20}  # fmt: skip


def test_the_shipped_criteria_cover_the_issue_and_sum_to_100() -> None:
    criteria = load_criteria()
    assert [c.code for c in criteria.criteria] == list(FULL)
    assert criteria.max_total == 100
    assert criteria.get("attitude").label("zh_CN") == "服务态度"  # type: ignore[union-attr]
    assert criteria.get("attitude").label("en") == "Attitude"  # type: ignore[union-attr]


def _one(**changes: Any) -> dict[str, Any]:
    item = {"code": "attitude", "max_score": 10, "label": {"zh_CN": "态度", "en": "Attitude"}}
    item.update(changes)
    return {"version": 1, "criteria": [item]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 1, "criteria": []}, "missing or empty"),
        ({"criteria": [{}]}, "'version'"),
        (_one(code="Bad Code"), "lower-case"),
        (_one(max_score=0), "'max_score' must be a whole number of 1 or more"),
        (_one(label={"zh_CN": "态度"}), "no en text"),
        (_one(weight=2), "unknown field"),
        ({"version": 1, "criteria": [_one()["criteria"][0]] * 2}, "appears twice"),
    ],
)
def test_malformed_criteria_are_refused_with_the_reason(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CriteriaError, match=message):
        parse_criteria(data)


def test_an_unreadable_criteria_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "criteria.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(CriteriaError, match="not valid JSON"):
        load_criteria(path)
    path.write_text(json.dumps(_one()), "utf-8")
    assert load_criteria(path).max_total == 10


def test_a_review_is_stored_with_totals_and_queued_on_the_desk(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    criteria = load_criteria()
    review = save_review(
        store_engine, QUALITY, tiny.attempts["t1b"], CheckLevel.DEPARTMENT, FULL, criteria,
        criterion_comments={"attitude": "语速稍快"}, comments="整体良好",
    )  # fmt: skip
    assert (review.total, review.max_total, review.percent) == (86, 100, 86.0)
    (stored,) = reviews_for_attempt(store_engine, tiny.attempts["t1b"])
    assert stored.reviewer_name == "质控丙" and stored.level is CheckLevel.DEPARTMENT
    assert {i.code: (i.score, i.comment) for i in stored.items}["attitude"] == (18, "语速稍快")
    assert stored.comments == "整体良好"
    if store_engine.dialect.name == "sqlite":
        with store_engine.connect() as connection:
            tables = connection.execute(select(Outbox.table_name)).scalars().all()
        assert tables == ["qa_review"]


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({**FULL, "attitude": 21}, "between 0 and 20; 21 was given"),
        ({**FULL, "humour": 3}, "'humour' is not one of the QA criteria"),
        ({k: v for k, v in FULL.items() if k != "introduction"}, "missing: Introduction"),
    ],
)
def test_a_review_with_bad_scores_is_refused_and_nothing_stored(
    store_engine: Engine, tiny: TinyHospital, scores: dict[str, int], message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        save_review(store_engine, QUALITY, tiny.attempts["t2"], CheckLevel.DEPARTMENT,
                    scores, load_criteria())  # fmt: skip
    assert reviews_for_attempt(store_engine, tiny.attempts["t2"]) == []


def test_a_review_of_an_unknown_call_is_refused(store_engine: Engine, tiny: TinyHospital) -> None:
    import uuid

    with pytest.raises(NotFoundError):
        save_review(store_engine, QUALITY, uuid.uuid4(), CheckLevel.HOSPITAL, FULL,
                    load_criteria())  # fmt: skip


def test_agents_see_feedback_on_their_own_calls_only(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    criteria = load_criteria()
    save_review(store_engine, QUALITY, tiny.attempts["t2"], CheckLevel.DEPARTMENT, FULL, criteria)
    save_review(store_engine, QUALITY, tiny.attempts["t4"], CheckLevel.HOSPITAL, FULL, criteria)
    mine = agent_feedback(store_engine, NURSE_A)
    assert [(f.patient_name, f.review.level) for f in mine] == [("患者2", CheckLevel.DEPARTMENT)]
    assert [f.patient_name for f in agent_feedback(store_engine, NURSE_B)] == ["患者4"]
