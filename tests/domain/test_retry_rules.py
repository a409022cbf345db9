"""Retry rules: what each wrap-up disposition does to the task, table-driven."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from agent_app.domain.calling_hours import CallingHours
from agent_app.domain.enums import Disposition, TaskStatus
from agent_app.domain.retry_rules import RetryPolicy, RetryRuleError, next_step

SH = ZoneInfo("Asia/Shanghai")
HOURS = CallingHours.from_json(
    {"days": [1, 2, 3, 4, 5], "windows": [["08:30", "11:30"], ["14:00", "17:30"]]}
)
POLICY = RetryPolicy(max_attempts=3, spacing=dt.timedelta(hours=2), hours=HOURS)
DUE = dt.datetime(2026, 11, 23, 0, 30, tzinfo=dt.UTC)  # Monday 08:30 in Shanghai


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


D = Disposition
P, DONE, FAILED = TaskStatus.PENDING, TaskStatus.DONE, TaskStatus.FAILED

CASES = [
    # disposition, attempts before, now (Shanghai), other numbers, status, due (Shanghai), count
    (D.REACHED, 0, "2026-11-23 09:00", False, DONE, None, 1),
    (D.REFUSED, 1, "2026-11-23 09:00", False, DONE, None, 2),
    (D.DECEASED, 0, "2026-11-23 09:00", False, DONE, None, 1),
    (D.NO_ANSWER, 0, "2026-11-23 09:00", False, P, "2026-11-23 11:00", 1),
    (D.NO_ANSWER, 0, "2026-11-23 10:00", False, P, "2026-11-23 14:00", 1),  # lunch skipped
    (D.NO_ANSWER, 1, "2026-11-27 16:00", False, P, "2026-11-30 08:30", 2),  # Friday → Monday
    (D.NO_ANSWER, 2, "2026-11-23 09:00", False, FAILED, None, 3),  # budget spent
    (D.BUSY, 0, "2026-11-23 09:00", False, P, "2026-11-23 09:30", 1),
    (D.BUSY, 2, "2026-11-23 09:00", False, FAILED, None, 3),
    (D.LINE_FAILED, 2, "2026-11-23 09:00", False, P, "2026-11-23 09:05", 2),  # not counted
    (D.WRONG_NUMBER, 0, "2026-11-23 09:00", True, P, "2026-11-23 09:00", 1),
    (D.WRONG_NUMBER, 0, "2026-11-23 09:00", False, FAILED, None, 1),
    (D.NUMBER_INVALID, 1, "2026-11-23 12:00", True, P, "2026-11-23 14:00", 2),
    (D.CALL_BACK_LATER, 2, "2026-11-23 09:00", False, P, "2026-11-23 11:00", 3),  # no time given
]


@pytest.mark.parametrize(
    ("disposition", "before", "now", "others", "status", "due", "count"), CASES
)
def test_disposition_sets_status_due_time_and_attempts(
    disposition: Disposition,
    before: int,
    now: str,
    others: bool,
    status: TaskStatus,
    due: str | None,
    count: int,
) -> None:
    step = next_step(
        disposition,
        attempts_before=before,
        due_at=DUE,
        now=at(now),
        policy=POLICY,
        other_numbers_left=others,
    )
    assert step.status is status
    assert step.attempt_count == count
    assert step.due_at == (DUE if due is None else at(due))
    assert step.cancel_other_tasks is (disposition is D.DECEASED)


def test_callback_keeps_the_patients_time_and_flags_it_outside_hours() -> None:
    inside = next_step(
        D.CALL_BACK_LATER,
        attempts_before=0,
        due_at=DUE,
        now=at("2026-11-23 09:00"),
        policy=POLICY,
        callback_at=at("2026-11-24 15:00"),
    )
    assert (inside.status, inside.due_at, inside.outside_hours) == (
        P,
        at("2026-11-24 15:00"),
        False,
    )
    evening = next_step(
        D.CALL_BACK_LATER,
        attempts_before=0,
        due_at=DUE,
        now=at("2026-11-23 09:00"),
        policy=POLICY,
        callback_at=at("2026-11-23 19:30"),
    )
    assert evening.due_at == at("2026-11-23 19:30")
    assert evening.outside_hours is True
    assert evening.due_at.tzinfo == dt.UTC


def test_callback_at_max_attempts_does_not_fail_the_task() -> None:
    step = next_step(
        D.CALL_BACK_LATER,
        attempts_before=5,
        due_at=DUE,
        now=at("2026-11-23 09:00"),
        policy=POLICY,
        callback_at=at("2026-11-23 15:00"),
    )
    assert step.status is P


def test_closing_by_hand_does_not_count_an_attempt() -> None:
    step = next_step(
        D.DECEASED,
        attempts_before=1,
        due_at=DUE,
        now=at("2026-11-23 09:00"),
        policy=POLICY,
        counts_as_attempt=False,
    )
    assert (step.status, step.attempt_count, step.cancel_other_tasks) == (DONE, 1, True)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"callback_at": at("2026-11-23 08:00")}, "in the past"),
        ({"callback_at": dt.datetime(2026, 11, 24, 9, 0)}, "time zone"),
    ],
)
def test_bad_callback_times_are_refused(kwargs: dict[str, object], reason: str) -> None:
    with pytest.raises(RetryRuleError) as caught:
        next_step(
            D.CALL_BACK_LATER,
            attempts_before=0,
            due_at=DUE,
            now=at("2026-11-23 09:00"),
            policy=POLICY,
            **kwargs,  # type: ignore[arg-type]
        )
    assert reason in str(caught.value)


def test_a_plan_without_attempts_or_spacing_is_refused() -> None:
    with pytest.raises(RetryRuleError, match="at least one attempt"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(RetryRuleError, match="longer than zero"):
        RetryPolicy(spacing=dt.timedelta(0))


def test_a_best_time_retry_may_come_later_the_same_day() -> None:
    """A morning miss is offered the rest of the day from three hours on, not only tomorrow."""
    asked: list[dt.datetime] = []

    def best_moment(earliest: dt.datetime) -> dt.datetime:
        asked.append(earliest)
        return at("2026-11-23 17:00")

    step = next_step(
        D.NO_ANSWER,
        attempts_before=0,
        now=at("2026-11-23 09:00"),
        due_at=DUE,
        policy=POLICY,
        best_moment=best_moment,
    )
    assert asked == [at("2026-11-23 14:00")]  # 12:00 is lunch: the next window opens at 14:00
    assert step.status is P
    assert step.due_at == at("2026-11-23 17:00")
