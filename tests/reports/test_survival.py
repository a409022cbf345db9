"""Kaplan–Meier against the textbook, and survival subjects built from follow-up results."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import Outcome, VitalStatus
from agent_app.reports.errors import ReportError
from agent_app.reports.filters import month_filter
from agent_app.reports.survival import kaplan_meier, survival_by_diagnosis
from agent_app.store.schema import FollowupResult
from tests.reports.tiny_hospital import NURSE_A, TinyHospital, at

# Freireich et al. (1963), 6-MP arm of the leukaemia remission trial: weeks in remission,
# 0 = censored. Kleinbaum & Klein, Survival Analysis, 3rd ed., table 2.2 gives the estimate.
WEEKS = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
RELAPSE = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
TEXTBOOK = {0: 1.0, 6: 0.8571, 7: 0.8067, 10: 0.7529, 13: 0.6902, 16: 0.6275, 22: 0.5378,
            23: 0.4482, 35: 0.4482}  # fmt: skip


def test_kaplan_meier_matches_the_6mp_textbook_estimate() -> None:
    curve = kaplan_meier(WEEKS, [bool(r) for r in RELAPSE], group="6-MP")
    for week, expected in TEXTBOOK.items():
        assert curve.survival_at(week) == pytest.approx(expected, abs=5e-4), week
    assert curve.survival_at(8.5) == pytest.approx(0.8067, abs=5e-4)  # steps hold between events
    assert curve.median == 23
    assert (curve.subjects, curve.events) == (21, 9)


def test_confidence_band_brackets_the_estimate_and_matches_log_log_greenwood() -> None:
    curve = kaplan_meier(WEEKS, [bool(r) for r in RELAPSE])
    for low, s, high in zip(curve.lower, curve.survival, curve.upper, strict=True):
        assert low <= s <= high
    i = curve.times.index(6.0)
    # R: survfit(Surv(weeks, relapse) ~ 1, conf.type = "log-log") gives 0.620 – 0.952 at 6.
    assert (curve.lower[i], curve.upper[i]) == (pytest.approx(0.620, abs=1e-3),
                                                pytest.approx(0.952, abs=1e-3))  # fmt: skip


def test_kaplan_meier_refuses_mismatched_or_empty_input() -> None:
    with pytest.raises(ReportError, match="exactly one event flag"):
        kaplan_meier([1, 2], [True])
    with pytest.raises(ReportError, match="no patients"):
        kaplan_meier([], [])


def _died(engine: Engine, task: int, attempt: uuid.UUID, on: dt.date) -> None:
    with Session(engine) as s, s.begin():
        s.add(FollowupResult(
            id=uuid.uuid4(), task_id=task, attempt_id=attempt, staff_id=NURSE_A, template_id=1,
            template_version=1, answers={}, outcome=Outcome.COMPLETED,
            vital_status=VitalStatus.DECEASED, death_date=on, created_at=at(11, 20),
        ))  # fmt: skip


def test_survival_by_diagnosis_groups_by_code_and_uses_death_dates(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    # I21 group: P1 (discharged 10-02) dies 10-12 → event at day 10; P2 (discharged 10-01)
    # last seen alive on 10-20 → censored at day 19. K35 group: P4 alive on 10-08 → day 3.
    _died(store_engine, 1, tiny.attempts["t1b"], dt.date(2026, 10, 12))
    curves = {
        c.group: c
        for c in survival_by_diagnosis(store_engine, month_filter(2026, 10), min_subjects=1)
    }
    assert set(curves) == {"I21", "K35"}
    i21 = curves["I21"]
    assert (i21.subjects, i21.events) == (2, 1)
    assert i21.survival_at(9) == 1.0
    assert i21.survival_at(10) == pytest.approx(0.5)
    assert i21.survival_at(19) == pytest.approx(0.5)
    assert curves["K35"].events == 0
    assert survival_by_diagnosis(store_engine, month_filter(2026, 10, diagnosis_prefix="K"),
                                 min_subjects=1)[0].group == "K35"  # fmt: skip


def test_grouped_subjects_give_the_same_curve_as_one_row_each() -> None:
    pairs = sorted({(w, r) for w, r in zip(WEEKS, RELAPSE, strict=True)})
    counts = [sum(1 for p in zip(WEEKS, RELAPSE, strict=True) if p == pair) for pair in pairs]
    grouped = kaplan_meier([w for w, _ in pairs], [bool(r) for _, r in pairs], counts=counts)
    single = kaplan_meier(WEEKS, [bool(r) for r in RELAPSE])
    assert (grouped.subjects, grouped.events) == (21, 9)
    assert grouped.survival == pytest.approx(single.survival)
    assert grouped.lower == pytest.approx(single.lower)
