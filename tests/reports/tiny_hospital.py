"""A hand-built hospital whose statistics are worked out by hand in the docstring below.

October 2026 (hospital time, UTC+8), level-1 tasks:

======  =======  ====  =========  ==========  ======================================  =========
task    patient  dept  assigned   discharged  calls (local time)                      status
======  =======  ====  =========  ==========  ======================================  =========
T1      P1       1     A (1)      10-02       10-05 no answer, 10-06 reached (300 s)  done
T2      P2       1     A          10-01       10-20 reached (120 s)                   done
T3      P3       1     A          10-03       10-15, 10-16, 10-17 no answer           failed
T4      P4       2     B (2)      10-05       10-08 reached (200 s)                   done
T5      P5       2     pool       10-09       none                                    pending
T6      P6       2     B          10-10       none                                    cancelled
T7      P1       1     A          10-02       (due 11-05: outside October)            pending
======  =======  ====  =========  ==========  ======================================  =========

Hospital: due 5 (T6 cancelled), done 3, reached within 7 days of discharge 2 (T1 day 4,
T4 day 3), within 30 days 3 (T2 day 19). Department 1: 3 / 2 / 1 / 2; department 2: 2 / 1 / 1 / 1.
Attempts per reach: T1 2 calls, T2 1, T4 1 → {1: 2, 2: 1}, mean 4/3.
Workload: A 6 calls, 2 reached, 3 tasks, 2 results, 420 s talk; B 1 call, 1 reached, 200 s.
Satisfaction: T1 5, T2 3, T4 4 → mean 4.0, satisfied (4–5) 2.
Re-visit: asked 2 (T1 sheet layout: known yes and a date; T2 flat: known no), known 1, booked 1.
Symptoms (general_discharge): T1 ["fever"], T4 ["fever", "pain"] → fever 2, pain 1, 2 answered.
Complaints in October: dept 1 one open and one closed complaint, dept 2 one suggestion open.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import (
    ComplaintState,
    Direction,
    Disposition,
    LineType,
    Outcome,
    Role,
    Sex,
    TaskStatus,
    VitalStatus,
)
from agent_app.store.bulk import reset_id_sequences
from agent_app.store.schema import (
    CallAttempt,
    Complaint,
    Department,
    Episode,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
    Recording,
    Staff,
)

CST = dt.timezone(dt.timedelta(hours=8))
NURSE_A, NURSE_B, QUALITY = 1, 2, 3
TEMPLATE = json.loads(
    (
        Path(__file__).resolve().parents[2] / "resources/questionnaires/general_discharge.json"
    ).read_text("utf-8")
)


def at(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, second, tzinfo=CST)


def sheet(started: dt.datetime, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers in the answer sheet's layout, one answer every 20 s from the call start."""
    items = {}
    for n, (qid, value) in enumerate(answers.items(), 1):
        moment = started + dt.timedelta(seconds=20 * n)
        items[qid] = {"value": value, "at": moment.isoformat(), "offset_s": 20.0 * n}
    return {
        "format": 1,
        "template": "general_discharge",
        "version": 1,
        "call_started_at": started.isoformat(),
        "answers": items,
        "red_flags": [],
    }


class TinyHospital:
    """Ids of what :func:`build` wrote, for the tests to refer to."""

    attempts: dict[str, uuid.UUID]
    recordings: dict[str, uuid.UUID]
    results: dict[str, uuid.UUID]

    def __init__(self) -> None:
        self.attempts = {}
        self.recordings = {}
        self.results = {}


def build(engine: Engine) -> TinyHospital:
    ids = TinyHospital()
    with Session(engine) as s, s.begin():
        s.add_all([Department(id=1, code="CARD", name="心内科"),
                   Department(id=2, code="SURG", name="外科")])  # fmt: skip
        s.flush()
        s.add_all([
            Staff(id=NURSE_A, username="a", full_name="护士甲", role=Role.AGENT, department_id=1),
            Staff(id=NURSE_B, username="b", full_name="护士乙", role=Role.AGENT, department_id=2),
            Staff(id=QUALITY, username="q", full_name="质控丙", role=Role.QUALITY,
                  department_id=1),
        ])  # fmt: skip
        s.add(QuestionnaireTemplate(id=1, code="general_discharge", version=1, title="通用",
                                    body=TEMPLATE))  # fmt: skip
        s.flush()
        s.add_all([FollowupPlan(id=p, name=f"计划{p}", department_id=p, template_id=1,
                                offsets_days=[3]) for p in (1, 2)])  # fmt: skip
        discharged = {1: 2, 2: 1, 3: 3, 4: 5, 5: 9, 6: 10}
        codes = {1: "I21.0", 2: "I21.1", 3: "I25.1", 4: "K35.8", 5: "K35.2", 6: "K80.1"}
        for p in range(1, 7):
            dept = 1 if p <= 3 else 2
            s.add(Patient(id=p, mrn=f"MRN{p:04d}", name=f"患者{p}", sex=Sex.FEMALE,
                          birth_date=dt.date(1960, 1, p)))  # fmt: skip
            s.flush()
            s.add(Episode(id=p, patient_id=p, department_id=dept, ward="一病区",
                          admitted_on=dt.date(2026, 9, 25), discharged_on=dt.date(2026, 10,
                          discharged[p]), diagnosis_code=codes[p], diagnosis_name=f"诊断{p}",
                          attending_nurse_id=NURSE_A if dept == 1 else NURSE_B))  # fmt: skip
        s.flush()
        tasks = {
            1: (1, 1, at(10, 5, 9), NURSE_A, TaskStatus.DONE),
            2: (2, 1, at(10, 10, 9), NURSE_A, TaskStatus.DONE),
            3: (3, 1, at(10, 15, 9), NURSE_A, TaskStatus.FAILED),
            4: (4, 2, at(10, 8, 9), NURSE_B, TaskStatus.DONE),
            5: (5, 2, at(10, 12, 9), None, TaskStatus.PENDING),
            6: (6, 2, at(10, 20, 9), NURSE_B, TaskStatus.CANCELLED),
            7: (1, 1, at(11, 5, 9), NURSE_A, TaskStatus.PENDING),
        }
        for tid, (pid, dept, due, staff, status) in tasks.items():
            s.add(FollowupTask(id=tid, patient_id=pid, episode_id=pid, plan_id=dept,
                               department_id=dept, due_at=due, level=1,
                               offset_days=30 if tid == 7 else 3,
                               assigned_staff_id=staff, status=status))  # fmt: skip
        s.flush()

        def call(key: str, task: int, staff: int, start: dt.datetime, talk: int | None) -> None:
            attempt = CallAttempt(
                id=uuid.uuid4(), task_id=task, patient_id=tasks[task][0], staff_id=staff,
                direction=Direction.OUTBOUND, line=LineType.SIP, number="13800000000",
                started_at=start,
                answered_at=start + dt.timedelta(seconds=10) if talk else None,
                ended_at=start + dt.timedelta(seconds=10 + (talk or 30)),
                disposition=Disposition.REACHED if talk else Disposition.NO_ANSWER,
            )  # fmt: skip
            s.add(attempt)
            s.flush()
            ids.attempts[key] = attempt.id

        call("t1a", 1, NURSE_A, at(10, 5), None)
        call("t1b", 1, NURSE_A, at(10, 6), 300)
        call("t2", 2, NURSE_A, at(10, 20), 120)
        for day in (15, 16, 17):
            call(f"t3{day}", 3, NURSE_A, at(10, day), None)
        call("t4", 4, NURSE_B, at(10, 8), 200)

        def result(key: str, task: int, staff: int, when: dt.datetime, score: int,
                   answers: dict[str, Any]) -> None:  # fmt: skip
            row = FollowupResult(
                id=uuid.uuid4(), task_id=task, attempt_id=ids.attempts[key], staff_id=staff,
                template_id=1, template_version=1, answers=answers, satisfaction=score,
                outcome=Outcome.COMPLETED, vital_status=VitalStatus.ALIVE,
                created_at=when,
            )  # fmt: skip
            s.add(row)
            ids.results[key] = row.id

        started = at(10, 6, 10, 0, 10)
        result("t1b", 1, NURSE_A, at(10, 6, 10, 5), 5, sheet(started, {
            "identity_confirmed": "self", "general_condition": "fair", "symptoms": ["fever"],
            "revisit_known": "yes", "revisit_date": "2026-10-20", "satisfaction": 5,
        }))  # fmt: skip
        result("t2", 2, NURSE_A, at(10, 20, 10, 3), 3, {
            "identity_confirmed": "family", "general_condition": "good",
            "revisit_known": "no", "satisfaction": 3,
        })  # fmt: skip
        result("t4", 4, NURSE_B, at(10, 8, 10, 4), 4, sheet(at(10, 8, 10, 0, 10), {
            "identity_confirmed": "self", "general_condition": "poor",
            "symptoms": ["fever", "pain"], "satisfaction": 4,
        }))  # fmt: skip
        s.flush()
        for key, seconds, markers in (
            ("t1b", 310, {}),
            ("t2", 130, {"identity_confirmed": 4.5, "satisfaction": 61.0}),
            ("t4", 210, {}),
        ):
            rec = Recording(id=uuid.uuid4(), attempt_id=ids.attempts[key], codec="opus",
                            duration_ms=seconds * 1000, local_path=f"/rec/{key}.opus",
                            markers=markers)  # fmt: skip
            s.add(rec)
            ids.recordings[key] = rec.id
        for n, (dept, kind, state) in enumerate(
            ((1, "complaint", ComplaintState.OPEN), (1, "complaint", ComplaintState.CLOSED),
             (2, "suggestion", ComplaintState.OPEN)), 1,
        ):  # fmt: skip
            s.add(Complaint(id=uuid.uuid4(), department_id=dept, kind=kind, summary=f"意见{n}",
                            state=state, created_by_id=QUALITY,
                            created_at=at(10, 10 + n)))  # fmt: skip
        # November: outside the October figures.
        s.add(Complaint(id=uuid.uuid4(), department_id=1, summary="十一月", created_by_id=QUALITY,
                        created_at=at(11, 2)))  # fmt: skip
    with engine.begin() as connection:
        reset_id_sequences(
            connection,
            ["department", "staff", "patient", "episode", "questionnaire_template",
             "followup_plan", "followup_task"],
        )  # fmt: skip
    return ids
