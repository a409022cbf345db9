"""The demo's past follow-ups as store rows: tasks, call attempts, results and red-flag alerts.

Two passes: ``history_calls.schedule`` places every task's calls (cheap), so the calls to be
recorded can be chosen among all of them; :class:`FollowupRows` then fills in the answers and
writes the rows as the desk's wrap-up would (``followups.save_wrapup``): the result carries the
answer sheet's JSON, satisfaction, vital status and death date, a red flag raises an alert
for the attending doctor, and a death closes the patient's other follow-ups.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from dataclasses import dataclass
from typing import Any

from agent_app.demo.history_answers import CallFacts
from agent_app.demo.history_calls import WITH_RESULT, PlannedCall, TaskWork
from agent_app.demo.history_plans import AnswerPlans
from agent_app.demo.rows import Clock, uuid_hex
from agent_app.domain.enums import Disposition, EndReason, Outcome, TaskStatus, VitalStatus
from agent_app.domain.hospital_zone import HOSPITAL_TZ

Row = tuple[Any, ...]
_NOTES = ("", "", "", "", "", "", "", "", "已提醒复诊时间", "患者对随访表示感谢", "家属代答")


@dataclass(frozen=True)
class CallRecord:
    """A call that produced a result: what recordings, QA and complaints are made from."""

    attempt_id: str
    task_id: int
    patient_id: int
    department_id: int
    staff_id: int
    disposition: Disposition
    answered_at: dt.datetime
    ended_at: dt.datetime
    saved_at: dt.datetime
    satisfaction: int | None
    markers: dict[str, float]  # question id → seconds from the answer of the call
    dissatisfied: tuple[str, ...]  # reasons given with a low satisfaction score
    recorded: bool


_CLOCK = Clock()


def ts(moment: dt.datetime) -> str:
    """Store text of an aware time (UTC, whole seconds)."""
    return _CLOCK.ts(int(moment.timestamp()))


class FollowupRows:
    """Accumulates the rows of the past follow-ups, task by task, in patient order."""

    def __init__(self, rng: random.Random, plans: AnswerPlans) -> None:
        self._rng = rng
        self._plans = plans
        self.rows: dict[str, list[Row]] = {
            "followup_task": [],
            "call_attempt": [],
            "followup_result": [],
            "red_flag_alert": [],
        }
        self.records: list[CallRecord] = []
        self._closed_at: dict[int, dt.datetime] = {}  # patient → when their death was learnt

    def leave_latest_alerts_open(self, per_department: int) -> None:
        """The last ``per_department`` red flags of each department are not acknowledged yet,
        so the doctors' and supervisors' inboxes have work in them."""
        alerts = self.rows["red_flag_alert"]
        latest: dict[object, list[int]] = {}
        for index in sorted(range(len(alerts)), key=lambda i: str(alerts[i][10]), reverse=True):
            picked = latest.setdefault(alerts[index][4], [])
            if len(picked) < per_department:
                picked.append(index)
        for indexes in latest.values():
            for index in indexes:
                alerts[index] = (*alerts[index][:11], None, None, None)

    def add(self, task: TaskWork, recorded: set[tuple[int, int]]) -> None:
        """The rows of one task; ``recorded`` holds (task id, call index) of recorded calls."""
        patient = task.patient
        rng = self._rng
        if task.calls is None:
            closed = self._closed_at[patient.id]
            self._task_row(task, TaskStatus.CANCELLED, task.due_at, 0, closed)
            return
        team = patient.team.nurses + patient.team.doctors
        last_contact = len(patient.contacts) - 1
        updated = task.due_at
        for index, call in enumerate(task.calls.calls):
            staff = task.assigned or rng.choice(team)
            attempt_id = uuid_hex(rng)
            saved = None
            if call.disposition in WITH_RESULT:
                saved = self._result(task, index, call, staff, attempt_id, recorded)
            assert call.ended_at is not None
            contact_id, number = patient.contacts[min(call.contact_index, last_contact)]
            self.rows["call_attempt"].append(
                (
                    attempt_id,
                    task.task_id,
                    patient.id,
                    contact_id,
                    staff,
                    "outbound",
                    "sip",
                    number,
                    ts(call.started_at),
                    ts(call.answered_at) if call.answered_at else None,
                    ts(call.ended_at),
                    call.disposition.value,
                    call.end_reason,
                )
            )
            updated = saved or call.ended_at + dt.timedelta(seconds=rng.randint(5, 40))
        if task.calls.calls[-1].disposition is Disposition.DECEASED:
            self._closed_at[patient.id] = updated
        self._task_row(task, task.calls.status, task.calls.due_at, task.calls.attempts, updated)

    def _result(
        self,
        task: TaskWork,
        index: int,
        call: PlannedCall,
        staff: int,
        attempt_id: str,
        recorded: set[tuple[int, int]],
    ) -> dt.datetime:
        rng = self._rng
        patient = task.patient
        template_id = patient.team.plan.template_id
        template = self._plans.picker(template_id).template
        assert call.answered_at is not None
        own = patient.own_phone and call.contact_index == 0
        respondent = "self" if own and rng.random() < 0.85 else "family"
        disposition = call.disposition
        is_recorded = (task.task_id, index) in recorded
        pace, closing = None, rng.uniform(10.0, 40.0)
        if is_recorded:  # a recording of 20 to 90 seconds
            pace, closing = rng.uniform(18.0, 78.0), rng.uniform(3.0, 6.0)
        if disposition is Disposition.REACHED and rng.random() > 0.02:
            filled = self._plans.routine(
                template_id,
                respondent,
                patient.diagnosis_code,
                call.answered_at,
                patient.discharged_on,
                pace,
            )
        else:
            died = patient.died_on if disposition is Disposition.DECEASED else None
            has_vital = template.result_fields.vital_status is not None
            stop = {Disposition.REFUSED: 1, Disposition.REACHED: rng.randint(2, 5)}.get(
                disposition, None if has_vital else 1
            )
            facts = CallFacts(
                "family" if died else respondent,
                patient.discharged_on,
                call.answered_at.astimezone(HOSPITAL_TZ).date(),
                patient.diagnosis_code,
                5,
                died_on=died,
                give_up_after=stop,
            )
            filled = self._plans.special(template_id, facts, call.answered_at, pace)
        markers = filled.markers
        talk = math.ceil(max(markers.values(), default=0.0) + closing)
        call.ended_at = call.answered_at + dt.timedelta(seconds=max(20, talk))
        hangup = EndReason.LOCAL_HANGUP if rng.random() < 0.7 else EndReason.REMOTE_HANGUP
        call.end_reason = hangup.value
        saved: dt.datetime = call.ended_at + dt.timedelta(seconds=rng.randint(15, 90))
        outcome = Outcome.PARTIAL
        if disposition is Disposition.REFUSED:
            outcome = Outcome.REFUSED
        elif disposition is Disposition.REACHED and filled.complete:
            outcome = Outcome.COMPLETED
        died_now = disposition is Disposition.DECEASED
        vital = VitalStatus.DECEASED if died_now else filled.vital_status
        death = filled.death_date
        result_id = uuid_hex(rng)
        self.rows["followup_result"].append(
            (
                result_id,
                task.task_id,
                attempt_id,
                staff,
                template_id,
                template.version,
                json.dumps(filled.answers, ensure_ascii=False),
                filled.satisfaction,
                outcome.value,
                vital.value,
                death.isoformat() if death else None,
                rng.choice(_NOTES) if disposition is Disposition.REACHED else "",
                ts(saved),
                "",
            )
        )
        for flag in filled.red_flags:
            seen = saved + dt.timedelta(minutes=rng.randint(20, 1200))
            self.rows["red_flag_alert"].append(
                (
                    uuid_hex(rng),
                    result_id,
                    task.task_id,
                    patient.id,
                    patient.team.department_id,
                    patient.doctor,
                    staff,
                    flag.rule.id[:40],
                    flag.rule.severity.value,
                    flag.rule.message.zh_CN,
                    ts(saved),
                    ts(seen),
                    patient.doctor,
                    "called_back",  # the demo's doctors rang every patient back
                )
            )
        reasons = filled.value("dissatisfied_reasons")
        self.records.append(
            CallRecord(
                attempt_id,
                task.task_id,
                patient.id,
                patient.team.department_id,
                staff,
                disposition,
                call.answered_at,
                call.ended_at,
                saved,
                filled.satisfaction,
                markers,
                tuple(reasons) if isinstance(reasons, list) else (),
                is_recorded,
            )
        )
        return saved

    def _task_row(
        self,
        task: TaskWork,
        status: TaskStatus,
        due: dt.datetime,
        attempts: int,
        updated: dt.datetime,
    ) -> None:
        patient = task.patient
        self.rows["followup_task"].append(
            (
                task.task_id,
                patient.id,
                patient.episode_id,
                patient.team.plan.id,
                patient.team.department_id,
                task.offset,
                ts(due),
                1,
                None,
                task.assigned,
                status.value,
                attempts,
                None,
                None,
                ts(updated),
                0,
            )
        )
