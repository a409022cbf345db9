"""How many discharged patients a follow-up desk reaches: fixed retries against best-time
scheduling, with and without a pre-call text message, on one simulated answer model.

    python -m bench.reach_simulation [--days 60] [--per-day 80] [--seeds 1 2 3]
                                     [--attempts 4] [--sms-lift 1.3]

**The answer model** (stated, not measured: no hospital's call log is available here). Each
patient answers a call in a slot (weekday, hour) with

    p = min(0.95, c * base(band, kind, weekday, hour) * own)

- ``band``: child (a parent answers) and adult / middle-aged patients work: on weekdays they
  answer little during working hours (0.20), more at lunch (12–13 h: 0.35) and most in the
  evening (18–20 h: 0.60); on Saturdays 0.45 all day. Elders (65+) answer most in the morning
  (08–11 h: 0.55), less in the afternoon (0.45) and least in the evening (0.30: early to bed).
- ``kind``: 25% of working-age patients work shifts and answer the other way round (daytime
  0.50, evening 0.25).
- ``own``: a personal factor, log-normal with σ 0.4 (some people never pick up).
- ``c``: one calibration factor, searched so that **fixed retries reach 58% within 7 days** on
  the calibration seed (the published figure for hospital programmes, Lukanski 2023); it is
  then used unchanged for every policy and seed.
- A text message sent the evening before the first call multiplies ``p`` by ``--sms-lift`` for
  the next 48 hours for patients with a mobile number (90%): patients pick up a number they were
  told would call. The lift is an assumption; the run also prints the result at lift 1.0 (no
  effect), so the share due to scheduling alone is visible.

**The desk**: calling hours Monday–Saturday 08:30–11:30 and 14:00–20:00 (the default plan;
national holidays left out here), the first call due the day after discharge, at most
``--attempts`` calls per patient, at least 2 hours apart. Agents' capacity is not limited: each
policy only chooses *when* to call.

- **fixed**: the current rule. The first call at a random moment of the morning window (agents
  work the queue from 08:30), each retry 2 hours after the last, at the next callable moment.
- **best-time**: ``agent_app.domain.reach_model.suggest`` picks each call's moment from the
  attempt history so far (the hospital's, the patient's age band and department's, their own),
  learnt online as the 60 days go by; it starts knowing nothing. A retry comes at least
  3 hours after a call that was not answered (``reach_model.earliest_retry``: another part of
  the same day), at the moment ``suggest`` picks from there.
- **best-time + SMS**: the same, with the evening text message.

Printed for each: reached within 7 days of discharge, within 30 days, and calls per reach.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import heapq
import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from agent_app.domain.calling_hours import DEFAULT_CALLING_HOURS
from agent_app.domain.reach_model import (
    ReachModel,
    SlotCounts,
    age_band,
    earliest_retry,
    slot_of,
    suggest,
)
from agent_app.domain.work_calendar import CallingCalendar

ZONE = DEFAULT_CALLING_HOURS.zone
NATIONAL_CALENDAR = CallingCalendar(DEFAULT_CALLING_HOURS)  # public holidays, no local days
LOCAL = ZoneInfo(ZONE)
START = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)  # a Monday
SPACING = dt.timedelta(hours=2)
TARGET_FIXED_7D = 0.58
AWAY_DAYS = 0.25  # a patient is away from the phone a quarter of days (re-visits, travel, work)
AWAY_FACTOR = 0.25  # and then answers a quarter as often
DEPARTMENTS = ("cardiology", "orthopaedics", "oncology", "obstetrics", "paediatrics", "surgery")


@dataclass
class Patient:
    pid: int
    discharged: dt.datetime
    band: str
    department: str
    shift_worker: bool
    own: float
    mobile: bool


def _base(patient: Patient, weekday: int, hour: int) -> float:
    if patient.band == "elder":
        if hour < 12:
            return 0.55
        return 0.45 if hour < 18 else 0.30
    if weekday == 6:
        return 0.45
    if weekday == 7:
        return 0.40
    if patient.shift_worker:
        return 0.25 if hour >= 18 else 0.50
    if 12 <= hour < 14:
        return 0.35
    return 0.60 if hour >= 18 else 0.20


def _patients(days: int, per_day: int, rng: random.Random, *, first_day: int = 0) -> list[Patient]:
    patients = []
    for day in range(first_day, first_day + days):
        for _ in range(per_day):
            age = rng.choices([8, 30, 55, 75], weights=[8, 27, 30, 35])[0] + rng.randint(-7, 7)
            birth = (START + dt.timedelta(days=day)).date().replace(year=2026 - age)
            discharged = START + dt.timedelta(days=day, hours=rng.uniform(1, 9))
            band = age_band(birth, discharged.date())
            patients.append(
                Patient(
                    pid=len(patients) + (0 if first_day >= 0 else 10_000_000),
                    discharged=discharged,
                    band=band,
                    department=rng.choice(DEPARTMENTS),
                    shift_worker=band in ("adult", "middle") and rng.random() < 0.25,
                    own=math.exp(rng.gauss(0, 0.4)),
                    mobile=rng.random() < 0.9,
                )
            )
    return patients


def _first_due(patient: Patient) -> dt.datetime:
    local = patient.discharged.astimezone(LOCAL)
    day = local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(8, 0), LOCAL).astimezone(dt.UTC)


allows: Callable[[dt.datetime], bool] = NATIONAL_CALENDAR.allows


@dataclass
class Outcome:
    reached_7: int = 0
    reached_30: int = 0
    calls: int = 0
    patients: int = 0

    def line(self, name: str) -> str:
        per = self.calls / max(1, self.reached_30)
        return (
            f"{name:<18} reached ≤7 d {self.reached_7 / self.patients:6.1%}   "
            f"≤30 d {self.reached_30 / self.patients:6.1%}   calls per reach {per:4.2f}"
        )


class _Learner:
    """The history the desk would hold: counts per group and per patient, hospital-wide."""

    def __init__(self) -> None:
        self.hospital = SlotCounts()
        self.groups: dict[tuple[str, str], SlotCounts] = {}
        self.own: dict[int, SlotCounts] = {}

    def model(self, patient: Patient) -> ReachModel:
        return ReachModel(
            self.hospital,
            self.groups.get((patient.band, patient.department)),
            self.own.get(patient.pid),
        )

    def add(self, patient: Patient, moment: dt.datetime, answered: bool) -> None:
        slot = slot_of(moment, ZONE)
        self.hospital.add(slot, answered)
        self.groups.setdefault((patient.band, patient.department), SlotCounts()).add(slot, answered)
        self.own.setdefault(patient.pid, SlotCounts()).add(slot, answered)


CHOOSE = -1  # a queue entry whose moment is still to be chosen (best-time's first call)


def simulate(
    patients: list[Patient],
    policy: str,
    c: float,
    attempts: int,
    sms_lift: float,
    seed: int,
    learner: _Learner | None = None,
) -> Outcome:
    """Run ``policy`` over ``patients``; ``learner`` (changed in place) holds the history the
    desk starts with, and learns every call made here."""
    rng = random.Random(seed * 7919 + len(policy))
    answer_rng = random.Random(seed)
    learner = learner if learner is not None else _Learner()
    texted: dict[int, dt.datetime] = {}
    queue: list[tuple[dt.datetime, int, int]] = []  # (when, patient, call number or CHOOSE)
    outcome = Outcome(patients=len(patients))
    away_draws: dict[tuple[int, dt.date], bool] = {}
    away_rng = random.Random(seed + 1)

    def away(pid: int, day: dt.date) -> bool:
        """Whether the patient is away from the phone all ``day`` (drawn once per day)."""
        if (pid, day) not in away_draws:
            away_draws[(pid, day)] = away_rng.random() < AWAY_DAYS
        return away_draws[(pid, day)]

    def when(patient: Patient, earliest: dt.datetime) -> dt.datetime | None:
        if policy == "fixed":
            return NATIONAL_CALENDAR.next_allowed(earliest)
        suggestion = suggest(learner.model(patient), earliest, allows, ZONE)
        return None if suggestion is None else suggestion.at

    for patient in patients:
        first = _first_due(patient)
        if policy == "fixed":
            # Agents work the queue from 08:30: the first call at some moment of the morning.
            heapq.heappush(
                queue, (first + dt.timedelta(minutes=30 + rng.uniform(0, 180)), patient.pid, 0)
            )
        else:
            # The first call's moment is chosen when it comes due, from the history by then.
            heapq.heappush(queue, (first, patient.pid, CHOOSE))
        if policy.endswith("+sms") and patient.mobile:
            texted[patient.pid] = first - dt.timedelta(hours=13)  # 19:00 the evening before
    by_id = {patient.pid: patient for patient in patients}
    while queue:
        moment, pid, number = heapq.heappop(queue)
        patient = by_id[pid]
        if number == CHOOSE:
            chosen = when(patient, moment)
            if chosen is not None:
                heapq.heappush(queue, (chosen, pid, 0))
            continue
        if moment > patient.discharged + dt.timedelta(days=30):
            continue
        weekday, hour = slot_of(moment, ZONE)
        p = c * _base(patient, weekday, hour) * patient.own
        if away(pid, moment.astimezone(LOCAL).date()):
            p *= AWAY_FACTOR
        sent = texted.get(pid)
        if sent is not None and sent <= moment <= sent + dt.timedelta(hours=48):
            p *= sms_lift
        answered = answer_rng.random() < min(0.95, p)
        outcome.calls += 1
        learner.add(patient, moment, answered)
        if answered:
            days = (moment - patient.discharged) / dt.timedelta(days=1)
            outcome.reached_7 += days <= 7
            outcome.reached_30 += days <= 30
            continue
        if number + 1 < attempts:
            earliest = moment + SPACING if policy == "fixed" else earliest_retry(moment, SPACING)
            following = when(patient, earliest)
            if following is not None:
                heapq.heappush(queue, (following, pid, number + 1))
    return outcome


def calibrate(patients: list[Patient], attempts: int, seed: int) -> float:
    """The factor c at which fixed retries reach TARGET_FIXED_7D within 7 days."""
    low, high = 0.2, 3.0
    for _ in range(18):
        middle = (low + high) / 2
        share = simulate(patients, "fixed", middle, attempts, 1.0, seed).reached_7 / len(patients)
        low, high = (middle, high) if share < TARGET_FIXED_7D else (low, middle)
    return (low + high) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--per-day", type=int, default=80)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--attempts", type=int, default=4)
    parser.add_argument("--sms-lift", type=float, default=1.3)
    parser.add_argument("--history-days", type=int, default=30)
    args = parser.parse_args()
    began = time.perf_counter()
    calibration = _patients(args.days, args.per_day, random.Random(args.seeds[0]))
    c = calibrate(calibration, args.attempts, args.seeds[0])
    print(
        f"reach simulation: {args.days} days x {args.per_day} discharges, at most "
        f"{args.attempts} calls 2 h apart, calling hours Mon-Sat 08:30-11:30 14:00-20:00"
    )
    print(
        f"answer model calibrated on seed {args.seeds[0]}: c = {c:.3f} puts fixed retries at "
        f"{TARGET_FIXED_7D:.0%} reached within 7 days; SMS lift {args.sms_lift} (assumed)"
    )
    results: dict[str, list[Outcome]] = {}
    histories: dict[int, _Learner] = {}
    for seed in args.seeds:
        # The history a desk holds on day one: earlier discharges called under fixed retries.
        history = _Learner()
        earlier = _patients(
            args.history_days, args.per_day, random.Random(-seed), first_day=-args.history_days
        )
        simulate(earlier, "fixed", c, args.attempts, 1.0, -seed, history)
        histories[seed] = history
    policies = [("fixed", 1.0), ("best-time", 1.0), ("best-time+sms", 1.0)]
    policies.append(("best-time+sms", args.sms_lift))
    for seed in args.seeds:
        patients = _patients(args.days, args.per_day, random.Random(seed))
        print(f"seed {seed}:")
        for policy, lift in policies:
            name = policy if policy != "best-time+sms" else f"{policy} x{lift:g}"
            learner = copy.deepcopy(histories[seed])
            outcome = simulate(patients, policy, c, args.attempts, lift, seed, learner)
            results.setdefault(name, []).append(outcome)
            print("  " + outcome.line(name))
    print("mean over seeds:")
    for name, outcomes in results.items():
        seven = statistics.mean(o.reached_7 / o.patients for o in outcomes)
        thirty = statistics.mean(o.reached_30 / o.patients for o in outcomes)
        per = statistics.mean(o.calls / max(1, o.reached_30) for o in outcomes)
        print(f"  {name:<18} reached ≤7 d {seven:6.1%}   ≤30 d {thirty:6.1%}", end="")
        print(f"   calls per reach {per:4.2f}")
    print(f"({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
