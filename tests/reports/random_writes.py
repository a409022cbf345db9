"""Random inserts, updates and deletes on the tiny hospital: every kind of change the tally
triggers must follow, in both answer layouts, with and without episodes and assignees."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import (
    Direction,
    DischargeDisposition,
    Disposition,
    LineType,
    Outcome,
    TaskStatus,
    VitalStatus,
)
from agent_app.store.schema import CallAttempt, Episode, FollowupResult, FollowupTask
from tests.reports.tiny_hospital import CST, sheet

CODES = ("I21.0", "I21.1", "I25.1", "K35.8", "K80.1", "C34.1")
STAFF = (1, 2, 3)


def _moment(rng: random.Random) -> dt.datetime:
    start = dt.datetime(2026, 9, 25, tzinfo=CST)
    return start + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 50))


def _call_moment(rng: random.Random) -> dt.datetime:
    """Few days, so a caller often calls a task twice on one day (spans must see that)."""
    day = dt.datetime(2026, 10, 1, 8, tzinfo=CST) + dt.timedelta(days=rng.choice([0, 3, 6, 30]))
    return day + dt.timedelta(minutes=rng.randrange(0, 60 * 14))


def _answers(rng: random.Random, when: dt.datetime) -> dict[str, Any]:
    answers: dict[str, Any] = {"identity_confirmed": rng.choice(["self", "family"])}
    if rng.random() < 0.7:
        answers["symptoms"] = rng.sample(["fever", "pain", "none"], rng.randint(1, 2))
    if rng.random() < 0.6:
        answers["revisit_known"] = rng.choice(["yes", "no"])
    if rng.random() < 0.4:
        answers["revisit_date"] = rng.choice(["2026-11-02", ""])
    if rng.random() < 0.2:
        answers["general_condition"] = "x" * 250  # too long to tally: read raw
    if rng.random() < 0.1:
        answers["odd key"] = "not a question id"
    if rng.random() < 0.5:  # every JSON type, as text the way the statistics read it
        answers["pain_score"] = rng.choice([3, 3.5, True, None, {"a": 1}, "三", ["甲", "乙"]])
    if rng.random() < 0.5:
        return sheet(when, answers)
    return answers


class RandomWrites:
    """Applies random changes, one transaction each, remembering what it may delete."""

    def __init__(self, engine: Engine, seed: int) -> None:
        self.engine = engine
        self.rng = random.Random(seed)
        self.attempts: list[uuid.UUID] = []
        self.results: list[uuid.UUID] = []
        self.new_tasks: list[int] = []
        self.next_id = 100

    def _tasks(self, session: Session) -> list[int]:
        return list(session.scalars(select(FollowupTask.id).order_by(FollowupTask.id)))

    def step(self) -> None:
        action = self.rng.choice(
            [self.add_call, self.add_call, self.change_call, self.drop_call, self.add_result,
             self.add_result, self.change_result, self.drop_result, self.change_task,
             self.change_task, self.change_episode, self.add_task, self.drop_task]
        )  # fmt: skip
        with Session(self.engine) as session, session.begin():
            action(session)

    def add_call(self, s: Session) -> None:
        rng = self.rng
        start = _call_moment(rng)
        talk = rng.choice([None, 30, 200])
        attempt = CallAttempt(
            id=uuid.uuid4(), task_id=rng.choice([*self._tasks(s), None]),
            staff_id=rng.choice(STAFF), direction=Direction.OUTBOUND, line=LineType.SIP,
            number="13800000000", started_at=start,
            answered_at=start + dt.timedelta(seconds=5) if talk else None,
            ended_at=start + dt.timedelta(seconds=5 + (talk or 20)),
            disposition=Disposition.REACHED if talk else Disposition.NO_ANSWER,
        )  # fmt: skip
        s.add(attempt)
        self.attempts.append(attempt.id)

    def change_call(self, s: Session) -> None:
        if not self.attempts:
            return
        attempt = s.get_one(CallAttempt, self.rng.choice(self.attempts))
        what = self.rng.randrange(4)
        if what == 0:
            attempt.disposition = self.rng.choice([Disposition.REACHED, Disposition.BUSY, None])
        elif what == 1:
            attempt.started_at = _call_moment(self.rng)
        elif what == 2:
            attempt.task_id = self.rng.choice([*self._tasks(s), None])
        else:
            attempt.staff_id = self.rng.choice(STAFF)

    def drop_call(self, s: Session) -> None:
        if self.attempts:
            s.delete(
                s.get_one(CallAttempt, self.attempts.pop(self.rng.randrange(len(self.attempts))))
            )

    def add_result(self, s: Session) -> None:
        rng = self.rng
        when = _moment(rng)
        deceased = rng.random() < 0.2
        result = FollowupResult(
            id=uuid.uuid4(), task_id=rng.choice(self._tasks(s)), staff_id=rng.choice(STAFF),
            template_id=1, template_version=1, answers=_answers(rng, when),
            satisfaction=rng.choice([None, 1, 3, 4, 5]), outcome=Outcome.COMPLETED,
            vital_status=VitalStatus.DECEASED if deceased else VitalStatus.ALIVE,
            death_date=when.date() - dt.timedelta(days=3) if deceased and rng.random() < 0.5
            else None, created_at=when,
        )  # fmt: skip
        s.add(result)
        self.results.append(result.id)

    def change_result(self, s: Session) -> None:
        if not self.results:
            return
        result = s.get_one(FollowupResult, self.rng.choice(self.results))
        result.vital_status = self.rng.choice(list(VitalStatus))
        result.satisfaction = self.rng.choice([None, 2, 5])
        result.created_at = _moment(self.rng)

    def drop_result(self, s: Session) -> None:
        if self.results:
            s.delete(
                s.get_one(FollowupResult, self.results.pop(self.rng.randrange(len(self.results))))
            )

    def change_task(self, s: Session) -> None:
        rng = self.rng
        task = s.get_one(FollowupTask, rng.choice(self._tasks(s)))
        task.offset_days = 1000 + task.id  # (episode, plan, offset, level) stays unique
        for what in rng.sample(range(7), rng.randint(1, 3)):  # one UPDATE, several columns
            if what == 0:
                task.status = rng.choice(list(TaskStatus))
            elif what == 1:
                task.assigned_staff_id = rng.choice([*STAFF, None])
            elif what == 2:
                task.department_id = rng.choice([1, 2])
            elif what == 3:
                task.plan_id = rng.choice([1, 2, None])
            elif what == 4:
                task.due_at = _moment(rng)
            elif what == 5:
                task.level = rng.choice([1, 2])
            else:
                task.episode_id = rng.choice([1, 2, 3, 4, 5, 6, None])

    def change_episode(self, s: Session) -> None:
        rng = self.rng
        episode = s.get_one(Episode, rng.randint(1, 6))
        for what in rng.sample(range(4), rng.randint(1, 2)):
            if what == 0:
                episode.diagnosis_code = rng.choice(CODES)
            elif what == 1:
                episode.discharged_on = _moment(rng).date()
            elif what == 2:
                episode.discharge_disposition = rng.choice(list(DischargeDisposition))
            else:
                episode.department_id = rng.choice([1, 2])

    def add_task(self, s: Session) -> None:
        self.next_id += 1
        rng = self.rng
        s.add(FollowupTask(id=self.next_id, patient_id=rng.randint(1, 6),
                           episode_id=rng.choice([1, 2, 3, 4, 5, 6, None]),
                           plan_id=rng.choice([1, 2, None]), department_id=rng.choice([1, 2]),
                           due_at=_moment(rng), offset_days=self.next_id,
                           assigned_staff_id=rng.choice([1, None])))  # fmt: skip
        self.new_tasks.append(self.next_id)

    def drop_task(self, s: Session) -> None:
        for task_id in self.new_tasks:
            calls = select(CallAttempt.id).where(CallAttempt.task_id == task_id)
            results = select(FollowupResult.id).where(FollowupResult.task_id == task_id)
            used = s.scalar(calls) or s.scalar(results)
            if not used:
                s.delete(s.get_one(FollowupTask, task_id))
                self.new_tasks.remove(task_id)
                return
