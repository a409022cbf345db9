"""When a patient answers the phone, learnt from the attempt history.

Each call attempt falls into a slot: the weekday (1 Monday … 7 Sunday) and the hour of day in
the hospital's zone. A patient's chance of answering in a slot is estimated by shrinking their
own counts towards those of patients like them (the same age band and department), and those
towards the whole hospital's, so a patient with one or two calls borrows from their group and a
new group from the hospital (a beta-binomial estimate with pseudo-counts at each level):

    p(patient, slot) = (answered + K_PATIENT * p(group, slot)) / (attempts + K_PATIENT)

A slot's hour is pooled with its neighbours (weight NEIGHBOUR) so one lucky call at 19:00 also
speaks for 18:00 and 20:00, and with the same hours of the other days of its kind (weight
SAME_KIND_DAY), so Thursday's calls also speak for Friday. Pure arithmetic, no store:
``store/repositories/reach_history.py`` reads the counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

Slot = tuple[int, int]  # (ISO weekday, hour of day)

K_PATIENT = 3.0  # a patient's own calls outweigh the group's after about three
K_GROUP = 12.0  # a group's calls outweigh the hospital's after about a dozen
NEIGHBOUR = 0.5  # how much the hours either side count towards a slot
SAME_KIND_DAY = 0.25  # how much the same hour of another working (or weekend) day counts
HOSPITAL_PRIOR = 0.5  # before any history at all: a coin toss in every slot
SLOT_MINUTES = 60

AGE_BANDS: tuple[tuple[int, str], ...] = (
    (18, "child"),
    (45, "adult"),
    (65, "middle"),
    (200, "elder"),
)


def age_band(birth: dt.date, on: dt.date) -> str:
    """The age band the groups are kept by (child < 18 ≤ adult < 45 ≤ middle < 65 ≤ elder)."""
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    for below, name in AGE_BANDS:
        if years < below:
            return name
    return AGE_BANDS[-1][1]


@dataclass
class SlotCounts:
    """Attempts and answered attempts per slot."""

    attempts: dict[Slot, int] = field(default_factory=dict)
    answered: dict[Slot, int] = field(default_factory=dict)

    def add(self, slot: Slot, answered: bool) -> None:
        self.attempts[slot] = self.attempts.get(slot, 0) + 1
        if answered:
            self.answered[slot] = self.answered.get(slot, 0) + 1

    def pooled(self, slot: Slot) -> tuple[float, float]:
        """(answered, attempts) in ``slot``, with its neighbouring hours at NEIGHBOUR weight
        and the same hours of the other days of its kind (working days, or the weekend) at
        SAME_KIND_DAY weight: a patient at work on Thursdays is at work on Fridays too."""
        weekday, hour = slot
        answered = attempts = 0.0
        for day in range(1, 8):
            if day == weekday:
                day_weight = 1.0
            elif (day <= 5) == (weekday <= 5):
                day_weight = SAME_KIND_DAY
            else:
                continue
            for near, hour_weight in ((hour, 1.0), (hour - 1, NEIGHBOUR), (hour + 1, NEIGHBOUR)):
                if 0 <= near < 24:
                    weight = day_weight * hour_weight
                    answered += weight * self.answered.get((day, near), 0)
                    attempts += weight * self.attempts.get((day, near), 0)
        return answered, attempts

    @property
    def total(self) -> int:
        return sum(self.attempts.values())


def _shrunk(counts: SlotCounts | None, slot: Slot, prior: float, strength: float) -> float:
    if counts is None:
        return prior
    answered, attempts = counts.pooled(slot)
    return (answered + strength * prior) / (attempts + strength)


@dataclass(frozen=True)
class ReachModel:
    """The hospital's, the patient's group's and the patient's own counts."""

    hospital: SlotCounts
    group: SlotCounts | None = None
    patient: SlotCounts | None = None

    def chance(self, slot: Slot) -> float:
        """The estimated chance that a call in ``slot`` is answered."""
        hospital = _shrunk(self.hospital, slot, HOSPITAL_PRIOR, K_GROUP)
        group = _shrunk(self.group, slot, hospital, K_GROUP)
        return _shrunk(self.patient, slot, group, K_PATIENT)

    @property
    def own_attempts(self) -> int:
        return self.patient.total if self.patient is not None else 0


def next_day(moment: dt.datetime, zone: str) -> dt.datetime:
    """Midnight after ``moment`` in ``zone`` (UTC): where the day of ``moment`` ends."""
    local = moment.astimezone(ZoneInfo(zone))
    following = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0), local.tzinfo)
    return following.astimezone(dt.UTC)


#: The soonest a best-time retry follows a call that was not answered: another part of the same
#: day (a morning miss is tried in the evening), not the next day. bench/reach_simulation.py
#: measured it against waiting for the next day: 71.6% reached within 7 days against 70.2%
#: (seed 1, best time plus the pre-call text message).
RETRY_GAP = dt.timedelta(hours=3)


def earliest_retry(moment: dt.datetime, spacing: dt.timedelta) -> dt.datetime:
    """The soonest a patient who did not answer at ``moment`` is called again when the best
    time chooses the retry: the plan's ``spacing``, and at least RETRY_GAP."""
    return moment + max(spacing, RETRY_GAP)


def slot_of(moment: dt.datetime, zone: str) -> Slot:
    local = moment.astimezone(ZoneInfo(zone))
    return local.isoweekday(), local.hour


# How far to look for the first callable moment: a week-long holiday (国庆) and its weekends.
FIRST_CALLABLE_WITHIN = dt.timedelta(days=14)


def candidate_times(
    start: dt.datetime, horizon: dt.timedelta, allows: Callable[[dt.datetime], bool], zone: str
) -> list[dt.datetime]:
    """Callable moments over ``horizon`` from the first callable one at or after ``start``
    (looked for up to FIRST_CALLABLE_WITHIN ahead, so a long holiday delays the window rather
    than emptying it): that moment, then the top of each hour and the first half hour of a
    window opening at :30."""
    local_zone = ZoneInfo(zone)
    moments: list[dt.datetime] = []
    local = start.astimezone(local_zone)
    step = local.replace(minute=0, second=0, microsecond=0) + dt.timedelta(minutes=30)
    first: dt.datetime | None = start if allows(start) else None
    if first is None:
        give_up = start + FIRST_CALLABLE_WITHIN
        while step < give_up and not allows(step):
            step += dt.timedelta(minutes=30)
        if step >= give_up:
            return []
        first = step.astimezone(dt.UTC)
        step += dt.timedelta(minutes=30)
    moments.append(first)
    end = first + horizon
    while step < end:
        if (
            step > local
            and step > first
            and allows(step)
            and (step.minute == 0 or not allows(step - dt.timedelta(minutes=30)))
        ):
            moments.append(step.astimezone(dt.UTC))
        step += dt.timedelta(minutes=30)
    return moments


@dataclass(frozen=True)
class Suggestion:
    """When to call, how likely an answer is then, and the hours the patient usually answers."""

    at: dt.datetime
    chance: float
    best_hours: tuple[int, int] | None  # [start, end) hours when answered most; None: no pattern
    own_history: bool  # whether the patient's own calls shaped it (else their group's)


# A later slot is taken only if its chance beats the first one's by this factor: a patient
# reached today is worth more than one reached a little more surely tomorrow.
PATIENCE = 1.25


def suggest(
    model: ReachModel,
    start: dt.datetime,
    allows: Callable[[dt.datetime], bool],
    zone: str,
    *,
    horizon: dt.timedelta = dt.timedelta(days=2),
) -> Suggestion | None:
    """The moment to call within ``horizon`` from ``start`` (None: no callable moment).

    The earliest callable moment is kept unless a later one's chance is PATIENCE times
    higher; among those, the most likely wins."""
    moments = candidate_times(start, horizon, allows, zone)
    if not moments:
        return None
    chances = [(model.chance(slot_of(m, zone)), m) for m in moments]
    first_chance = chances[0][0]
    best_chance, best_at = chances[0]
    for chance, moment in chances[1:]:
        if chance > best_chance and chance >= first_chance * PATIENCE:
            best_chance, best_at = chance, moment
    return Suggestion(
        at=best_at,
        chance=best_chance,
        best_hours=best_hours(model, slot_of(best_at, zone)[0]),
        own_history=model.own_attempts > 0,
    )


def best_hours(model: ReachModel, weekday: int, *, lift: float = 1.2) -> tuple[int, int] | None:
    """The run of hours (08–21) on ``weekday`` around the most likely one whose chance is at
    least ``lift`` times the day's average; None when the day shows no such pattern."""
    hours = list(range(8, 21))
    chances = {hour: model.chance((weekday, hour)) for hour in hours}
    average = sum(chances.values()) / len(chances)
    top = max(hours, key=lambda hour: chances[hour])
    if chances[top] < average * lift:
        return None
    start = end = top
    while start - 1 in chances and chances[start - 1] >= average * lift:
        start -= 1
    while end + 1 in chances and chances[end + 1] >= average * lift:
        end += 1
    return start, end + 1


def counts_from(attempts: Iterable[tuple[dt.datetime, bool]], zone: str) -> SlotCounts:
    """Slot counts from (started at, answered) pairs."""
    counts = SlotCounts()
    for started, answered in attempts:
        counts.add(slot_of(started, zone), answered)
    return counts


def merge(parts: Mapping[str, SlotCounts]) -> SlotCounts:
    """One SlotCounts summing several (the hospital from its groups)."""
    total = SlotCounts()
    for counts in parts.values():
        for slot, n in counts.attempts.items():
            total.attempts[slot] = total.attempts.get(slot, 0) + n
        for slot, n in counts.answered.items():
            total.answered[slot] = total.answered.get(slot, 0) + n
    return total
