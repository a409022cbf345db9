"""Satisfaction, re-visits, answer distributions and complaint counts, computed by hand."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import ComplaintState
from agent_app.reports.answer_stats import (
    answer_distribution,
    choice_questions,
    complaint_counts,
    return_visit_rate,
    satisfaction_distribution,
    satisfaction_trend,
)
from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.store.schema import QuestionnaireTemplate
from tests.reports.tiny_hospital import TEMPLATE, TinyHospital

OCTOBER = month_filter(2026, 10)


def test_satisfaction_distribution_and_mean(store_engine: Engine, tiny: TinyHospital) -> None:
    stats = satisfaction_distribution(store_engine, OCTOBER)
    assert stats.distribution == ((3, 1), (4, 1), (5, 1))
    assert stats.mean == pytest.approx(4.0)
    assert satisfaction_distribution(store_engine, month_filter(2026, 10, department_id=2)) \
        .distribution == ((4, 1),)  # fmt: skip


def test_satisfaction_trend_is_bucketed_by_local_month(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    trend = satisfaction_trend(
        store_engine, StatsFilter(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    )
    assert [(m.month, m.answered, m.mean, m.satisfied) for m in trend] == [
        ("2026-10", 3, pytest.approx(4.0), 2)
    ]


def test_return_visits_read_both_answer_layouts(store_engine: Engine, tiny: TinyHospital) -> None:
    stats = return_visit_rate(store_engine, OCTOBER)
    assert (stats.asked, stats.known, stats.booked) == (2, 1, 1)
    assert stats.known_rate == pytest.approx(0.5)


def test_multi_choice_answers_count_each_option_with_its_label(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    dist = answer_distribution(store_engine, OCTOBER, "general_discharge", "symptoms")
    assert dist.answered == 2
    counts = {c.value: (c.label_zh, c.count) for c in dist.counts}
    assert counts["fever"] == ("发热", 2)
    assert counts["pain"] == ("疼痛加重", 1)
    assert counts["none"][1] == 0
    assert dist.label_zh.startswith("出院后是否出现")


def test_single_choice_distribution_and_question_list(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    dist = answer_distribution(store_engine, OCTOBER, "general_discharge", "identity_confirmed")
    assert {c.value: c.count for c in dist.counts} == {"self": 2, "family": 1, "other": 0}
    ids = [q[0] for q in choice_questions(store_engine, "general_discharge")]
    assert "symptoms" in ids and "satisfaction" in ids and "suggestion" not in ids


def test_a_yes_no_questions_answers_are_named_in_words_and_a_zero_is_shown(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    """A template lists no options for a yes/no question; its answers are still 是 and 否."""
    body = copy.deepcopy(TEMPLATE)
    question = next(
        q for s in body["sections"] for q in s["questions"] if q["id"] == "revisit_known"
    )
    question["type"] = "yes_no"
    del question["options"]
    with Session(store_engine) as session, session.begin():
        session.get_one(QuestionnaireTemplate, 1).body = body
    dist = answer_distribution(store_engine, OCTOBER, "general_discharge", "revisit_known")
    assert [(c.value, c.label_zh, c.label_en, c.count) for c in dist.counts] == [
        ("yes", "是", "Yes", 1),
        ("no", "否", "No", 1),
    ]
    early = StatsFilter(dt.date(2026, 10, 1), dt.date(2026, 10, 10))  # before the "no"
    counts = answer_distribution(store_engine, early, "general_discharge", "revisit_known")
    assert [(c.label_zh, c.count) for c in counts.counts] == [("是", 1), ("否", 0)]


def test_complaints_are_counted_by_department_kind_and_state(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    counts = complaint_counts(store_engine, OCTOBER)
    assert [(c.department_name, c.kind, c.state, c.count) for c in counts] == [
        ("心内科", "complaint", ComplaintState.OPEN, 1),
        ("心内科", "complaint", ComplaintState.CLOSED, 1),
        ("外科", "suggestion", ComplaintState.OPEN, 1),
    ]
