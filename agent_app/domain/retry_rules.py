"""What happens to a follow-up task after a call: done, failed, or due again and when.

The plan sets the budget (attempts, spacing) and the calling hours; the disposition the agent
picks at wrap-up decides which rule applies. Every retry lands on the next calling moment of
the work calendar (holidays, swapped working days, the hospital's closures). Pure rules: the
store writes what they decide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from agent_app.domain.calling_hours import DEFAULT_CALLING_HOURS, CallingHours
from agent_app.domain.enums import Disposition, TaskStatus
from agent_app.domain.reach_model import earliest_retry
from agent_app.domain.work_calendar import NATIONAL_ONLY, CallingCalendar, WorkCalendar

# A busy line is usually free again soon; a line failure is ours, not the patient's.
BUSY_RETRY = dt.timedelta(minutes=30)
LINE_FAILED_RETRY = dt.timedelta(minutes=5)
DEFAULT_CALLBACK = dt.timedelta(hours=2)

# Dispositions that close the task whatever the budget says.
CLOSING = frozenset({Disposition.REACHED, Disposition.REFUSED, Disposition.DECEASED})
# Dispositions that say the number, not the patient, is the problem.
BAD_NUMBER = frozenset({Disposition.WRONG_NUMBER, Disposition.NUMBER_INVALID})


# Given the earliest moment a retry may go, the moment to place it (None: keep the earliest).
BestMoment = Callable[[dt.datetime], dt.datetime | None]


class RetryRuleError(ValueError):
    """A wrap-up that the rules cannot place; the message says what to change."""


@dataclass(frozen=True)
class RetryPolicy:
    """A plan's retry budget and calling hours, and the hospital's work calendar."""

    max_attempts: int = 3
    spacing: dt.timedelta = dt.timedelta(hours=2)
    hours: CallingHours = DEFAULT_CALLING_HOURS
    days: WorkCalendar = NATIONAL_ONLY

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise RetryRuleError("a plan must allow at least one attempt")
        if self.spacing <= dt.timedelta(0):
            raise RetryRuleError("the retry spacing must be longer than zero")

    @property
    def calendar(self) -> CallingCalendar:
        """The plan's calling hours on the hospital's calling days."""
        return CallingCalendar(self.hours, self.days)


@dataclass(frozen=True)
class NextStep:
    """The task's state after the wrap-up."""

    status: TaskStatus
    due_at: dt.datetime
    attempt_count: int
    cancel_other_tasks: bool = False  # the patient died: stop every other follow-up
    outside_hours: bool = False  # a callback the patient asked for outside calling hours


def next_step(
    disposition: Disposition,
    *,
    attempts_before: int,
    due_at: dt.datetime,
    now: dt.datetime,
    policy: RetryPolicy,
    callback_at: dt.datetime | None = None,
    other_numbers_left: bool = False,
    counts_as_attempt: bool = True,
    best_moment: BestMoment | None = None,
) -> NextStep:
    """Apply the retry rules to one wrap-up.

    ``attempts_before`` is the task's attempt count before this call; ``counts_as_attempt`` is
    False when no call was placed (the agent closes a task by hand). ``callback_at`` is the time
    the patient asked to be called back (call back later only). ``best_moment`` (plans with
    best-time retries) picks the moment for a retry after no answer from the earliest one
    allowed: the next calling day, whose absences are not today's.
    """
    if now.tzinfo is None or due_at.tzinfo is None:
        raise RetryRuleError("times must carry their time zone")
    attempts = attempts_before + (1 if counts_as_attempt else 0)
    if disposition in CLOSING:
        return NextStep(
            TaskStatus.DONE,
            due_at,
            attempts,
            cancel_other_tasks=disposition is Disposition.DECEASED,
        )
    if disposition is Disposition.CALL_BACK_LATER:
        if callback_at is None:
            return NextStep(
                TaskStatus.PENDING, policy.calendar.next_allowed(now + DEFAULT_CALLBACK), attempts
            )
        if callback_at.tzinfo is None:
            raise RetryRuleError("the callback time must carry its time zone")
        if callback_at <= now:
            raise RetryRuleError("the callback time is in the past; pick a later time")
        # The patient chose this time; keep it even outside calling hours, but say so.
        return NextStep(
            TaskStatus.PENDING,
            callback_at.astimezone(dt.UTC),
            attempts,
            outside_hours=not policy.calendar.allows(callback_at),
        )
    if disposition is Disposition.LINE_FAILED:
        # Our line failed: the attempt is not the patient's, so it does not use the budget.
        retry = policy.calendar.next_allowed(now + LINE_FAILED_RETRY)
        return NextStep(TaskStatus.PENDING, retry, attempts_before)
    if disposition in BAD_NUMBER:
        if other_numbers_left:
            return NextStep(TaskStatus.PENDING, policy.calendar.next_allowed(now), attempts)
        return NextStep(TaskStatus.FAILED, due_at, attempts)
    # No answer or busy: try again later until the budget is spent.
    if attempts >= policy.max_attempts:
        return NextStep(TaskStatus.FAILED, due_at, attempts)
    wait = min(BUSY_RETRY, policy.spacing) if disposition is Disposition.BUSY else policy.spacing
    if disposition is Disposition.NO_ANSWER and best_moment is not None:
        earliest = policy.calendar.next_allowed(earliest_retry(now, wait))
        chosen = best_moment(earliest)
        if chosen is not None and policy.calendar.allows(chosen):
            return NextStep(TaskStatus.PENDING, chosen.astimezone(dt.UTC), attempts)
        return NextStep(TaskStatus.PENDING, earliest, attempts)
    return NextStep(TaskStatus.PENDING, policy.calendar.next_allowed(now + wait), attempts)
