"""Best time to call: estimates shrink from the patient to their group to the hospital, the
suggestion waits for a clearly better hour only, and the usual answering hours are named."""

from __future__ import annotations

import datetime as dt

import pytest

from agent_app.domain.calling_hours import DEFAULT_CALLING_HOURS
from agent_app.domain.reach_model import (
    HOSPITAL_PRIOR,
    ReachModel,
    SlotCounts,
    age_band,
    best_hours,
    candidate_times,
    counts_from,
    next_day,
    slot_of,
    suggest,
)
from agent_app.domain.work_calendar import CallingCalendar

ZONE = "Asia/Shanghai"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
MONDAY_0800 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=SHANGHAI)
allows = CallingCalendar(DEFAULT_CALLING_HOURS).allows


def _evening_answerer(calls: int) -> SlotCounts:
    """Someone who never answers in the morning and always at 19:00 (Mondays to Fridays)."""
    history = []
    for day in range(calls):
        monday = MONDAY_0800 + dt.timedelta(days=7 * day)
        history.append((monday.replace(hour=9), False))
        history.append((monday.replace(hour=19), True))
    return counts_from(history, ZONE)


def test_with_no_history_every_slot_is_the_hospital_prior() -> None:
    model = ReachModel(SlotCounts())
    assert model.chance((1, 9)) == pytest.approx(HOSPITAL_PRIOR)


def test_a_patient_with_no_calls_borrows_their_groups_pattern() -> None:
    group = _evening_answerer(20)
    model = ReachModel(SlotCounts(), group=group, patient=None)
    assert model.chance((1, 19)) > 0.8
    assert model.chance((1, 9)) < 0.2
    assert model.own_attempts == 0


def test_a_patients_own_calls_outweigh_their_group_after_a_few() -> None:
    group = _evening_answerer(20)  # the group answers in the evening
    mondays = [MONDAY_0800.replace(hour=9) + dt.timedelta(days=7 * n) for n in range(6)]
    mornings = counts_from([(monday, True) for monday in mondays], ZONE)
    model = ReachModel(SlotCounts(), group=group, patient=mornings)
    assert model.chance((1, 9)) > 0.6  # this patient answers mornings, unlike their group


def test_neighbouring_hours_share_what_one_hour_learnt() -> None:
    counts = _evening_answerer(10)
    model = ReachModel(SlotCounts(), group=counts)
    assert model.chance((1, 18)) > model.chance((1, 15))


def test_the_suggestion_waits_for_the_evening_when_the_patient_answers_then() -> None:
    model = ReachModel(SlotCounts(), group=_evening_answerer(20))
    suggestion = suggest(model, MONDAY_0800, allows, ZONE)
    assert suggestion is not None
    assert slot_of(suggestion.at, ZONE) == (1, 19)
    assert (
        suggestion.best_hours is not None
        and suggestion.best_hours[0] <= 19 < suggestion.best_hours[1]
    )
    assert suggestion.own_history is False


def test_with_no_pattern_the_first_callable_moment_is_kept() -> None:
    suggestion = suggest(ReachModel(SlotCounts()), MONDAY_0800, allows, ZONE)
    assert suggestion is not None
    assert suggestion.at == dt.datetime(2026, 3, 2, 8, 30, tzinfo=SHANGHAI)  # the window opens
    assert suggestion.best_hours is None


def test_candidates_keep_to_calling_hours_and_a_window_opening_at_half_past() -> None:
    moments = candidate_times(MONDAY_0800, dt.timedelta(hours=24), allows, ZONE)
    local = [m.astimezone(SHANGHAI).strftime("%H:%M") for m in moments]
    assert local[0] == "08:30"
    assert "12:00" not in local and "13:00" not in local and "20:00" not in local
    assert "14:00" in local and "19:00" in local
    assert all(allows(m) for m in moments)


def test_nothing_is_suggested_when_no_moment_is_callable() -> None:
    never = ReachModel(SlotCounts())
    assert suggest(never, MONDAY_0800, lambda _m: False, ZONE) is None


def test_a_flat_day_has_no_usual_hours() -> None:
    assert best_hours(ReachModel(SlotCounts()), 1) is None


def test_retries_go_to_another_day() -> None:
    evening = dt.datetime(2026, 3, 2, 19, 30, tzinfo=SHANGHAI)
    assert next_day(evening, ZONE) == dt.datetime(2026, 3, 3, 0, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (dt.date(2010, 3, 3), "child"),
        (dt.date(2008, 3, 2), "adult"),  # 18 today
        (dt.date(1981, 3, 3), "adult"),  # 44, 45 tomorrow
        (dt.date(1961, 3, 3), "middle"),
        (dt.date(1961, 3, 2), "elder"),  # 65 today
    ],
)
def test_age_bands(birth: dt.date, band: str) -> None:
    assert age_band(birth, dt.date(2026, 3, 2)) == band


def test_a_week_long_holiday_delays_the_suggestion_instead_of_dropping_it() -> None:
    """National Day 2026 (1–7 October): a retry due on the 1st is suggested on the 8th."""
    suggestion = suggest(
        ReachModel(SlotCounts()),
        dt.datetime(2026, 10, 1, 9, 0, tzinfo=SHANGHAI),
        allows,
        ZONE,
    )
    assert suggestion is not None
    assert suggestion.at.astimezone(SHANGHAI) == dt.datetime(2026, 10, 8, 8, 30, tzinfo=SHANGHAI)
