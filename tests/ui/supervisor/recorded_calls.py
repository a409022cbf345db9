"""A small hand-made hospital of recorded calls, with real WAV files, for the recordings screen.

Every id is fixed (UUIDs are derived from the call's key), so the same calls can be written to
the desk's SQLite store and to a central PostgreSQL and still be the same calls.

=========  ====  =====================  ==============================================
calls      dept  made by                 notes
=========  ====  =====================  ==============================================
a1 … a6    1     护士甲 (1, agent)       October 1…6, 2…7 s, tasks 1–3
e1, e2     1     护士戊 (5, agent)       October 7, 8; 8 and 9 s
b1 … b5    2     护士乙 (2, agent)       October 9…13, 10…14 s, tasks 4–6
d1         2     护士长丁 (4, supervisor) October 14, 15 s
marked     1     护士甲                  October 15, 16 s; answer markers at 1, 3 and 6 s
gone       1     护士甲                  October 16, 20 s; no file on this machine
=========  ====  =====================  ==============================================

Dispositions cycle reached, reached, no answer, busy over the calls in that order.
Quality staff 质控丙 (3) belongs to department 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf
from sqlalchemy import Engine, text, update
from sqlalchemy.orm import Session

from agent_app.domain.enums import (
    Direction,
    Disposition,
    LineType,
    Outcome,
    Role,
    Sex,
    TaskStatus,
    UploadState,
    VitalStatus,
)
from agent_app.domain.views import StaffAccount
from agent_app.store.bulk import reset_id_sequences
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import (
    CallAttempt,
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
NURSE_A, NURSE_B, QUALITY, HEAD_NURSE_D, NURSE_E = 1, 2, 3, 4, 5
RATE = 8000
MARKERS = {"identity_confirmed": 1.0, "general_condition": 3.0, "satisfaction": 6.0}
TEMPLATE = json.loads(
    (
        Path(__file__).resolve().parents[3] / "resources/questionnaires/general_discharge.json"
    ).read_text("utf-8")
)
_NAMESPACE = uuid.UUID("6f1c2a4e-2b1d-4a55-9a57-0c7d9b1e1a01")
_CYCLE = (Disposition.REACHED, Disposition.REACHED, Disposition.NO_ANSWER, Disposition.BUSY)


@dataclass(frozen=True)
class CallSpec:
    key: str
    task: int
    staff: int
    day: int
    seconds: int
    disposition: Disposition
    has_file: bool = True

    @property
    def department(self) -> int:
        return 1 if self.task <= 3 else 2

    @property
    def recording_id(self) -> uuid.UUID:
        return uuid.uuid5(_NAMESPACE, "recording:" + self.key)

    @property
    def attempt_id(self) -> uuid.UUID:
        return uuid.uuid5(_NAMESPACE, "attempt:" + self.key)

    @property
    def started_at(self) -> dt.datetime:
        return dt.datetime(2026, 10, self.day, 10, 0, tzinfo=CST)


def _specs() -> tuple[CallSpec, ...]:
    raw = [(f"a{n}", 1 + (n - 1) % 3, NURSE_A, n, n + 1) for n in range(1, 7)]
    raw += [("e1", 1, NURSE_E, 7, 8), ("e2", 2, NURSE_E, 8, 9)]
    raw += [(f"b{n}", 4 + (n - 1) % 3, NURSE_B, 8 + n, 9 + n) for n in range(1, 6)]
    raw += [("d1", 4, HEAD_NURSE_D, 14, 15), ("marked", 1, NURSE_A, 15, 16)]
    specs = [
        CallSpec(key, task, staff, day, seconds, _CYCLE[n % 4])
        for n, (key, task, staff, day, seconds) in enumerate(raw)
    ]
    specs.append(CallSpec("gone", 2, NURSE_A, 16, 20, Disposition.REACHED, has_file=False))
    return tuple(specs)


CALLS = _specs()
BY_KEY = {spec.key: spec for spec in CALLS}


@dataclass
class RecordedCalls:
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)

    def recording(self, key: str) -> uuid.UUID:
        return BY_KEY[key].recording_id

    def attempt(self, key: str) -> uuid.UUID:
        return BY_KEY[key].attempt_id


def write_wav(path: Path, seconds: float) -> Path:
    """A tone whose loudness swells and fades every two seconds, so the waveform has a shape."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.15 + 0.6 * np.abs(np.sin(np.pi * t / 2))
    sf.write(path, (envelope * np.sin(2 * np.pi * 440 * t)).astype("float32"), RATE, "PCM_16")
    return path


def build(engine: Engine, folder: Path) -> RecordedCalls:
    """Write the hospital to ``engine`` and the calls' WAV files into ``folder``."""
    calls = RecordedCalls(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with Session(engine) as s, s.begin():
        s.add_all([Department(id=1, code="CARD", name="心内科"),
                   Department(id=2, code="SURG", name="外科")])  # fmt: skip
        s.flush()
        s.add_all([
            Staff(id=NURSE_A, username="a", full_name="护士甲", role=Role.AGENT, department_id=1),
            Staff(id=NURSE_B, username="b", full_name="护士乙", role=Role.AGENT, department_id=2),
            Staff(id=QUALITY, username="q", full_name="质控丙", role=Role.QUALITY,
                  department_id=1),
            Staff(id=HEAD_NURSE_D, username="d", full_name="护士长丁", role=Role.SUPERVISOR,
                  department_id=2),
            Staff(id=NURSE_E, username="e", full_name="护士戊", role=Role.AGENT, department_id=1),
        ])  # fmt: skip
        s.add(QuestionnaireTemplate(id=1, code="general_discharge", version=1, title="通用",
                                    body=TEMPLATE))  # fmt: skip
        s.flush()
        s.add_all([FollowupPlan(id=p, name=f"计划{p}", department_id=p, template_id=1,
                                offsets_days=[3]) for p in (1, 2)])  # fmt: skip
        for p in range(1, 7):
            dept = 1 if p <= 3 else 2
            s.add(Patient(id=p, mrn=f"MRN{p:04d}", name=f"患者{p}", sex=Sex.FEMALE,
                          birth_date=dt.date(1960, 1, p)))  # fmt: skip
            s.flush()
            s.add(Episode(id=p, patient_id=p, department_id=dept, ward="一病区",
                          admitted_on=dt.date(2026, 9, 20), discharged_on=dt.date(2026, 9, 28),
                          diagnosis_code="I21.0", diagnosis_name=f"诊断{p}",
                          attending_nurse_id=NURSE_A if dept == 1 else NURSE_B))  # fmt: skip
        s.flush()
        for t in range(1, 7):
            dept = 1 if t <= 3 else 2
            s.add(FollowupTask(id=t, patient_id=t, episode_id=t, plan_id=dept,
                               department_id=dept, due_at=dt.datetime(2026, 10, 1, tzinfo=CST),
                               level=1, offset_days=3,
                               assigned_staff_id=NURSE_A if dept == 1 else NURSE_B,
                               status=TaskStatus.DONE))  # fmt: skip
        s.flush()
        for spec in CALLS:
            s.add(CallAttempt(
                id=spec.attempt_id, task_id=spec.task, patient_id=spec.task, staff_id=spec.staff,
                direction=Direction.OUTBOUND, line=LineType.SIP, number="13800000000",
                started_at=spec.started_at,
                answered_at=spec.started_at + dt.timedelta(seconds=1),
                ended_at=spec.started_at + dt.timedelta(seconds=spec.seconds + 1),
                disposition=spec.disposition,
            ))  # fmt: skip
        s.flush()
        for spec in CALLS:
            path = folder / f"{spec.key}.wav"
            if spec.has_file:
                calls.files[spec.key] = write_wav(path, spec.seconds)
            s.add(Recording(
                id=spec.recording_id, attempt_id=spec.attempt_id, codec="wav",
                duration_ms=spec.seconds * 1000, size_bytes=path.stat().st_size
                if spec.has_file else 0, local_path=str(path) if spec.has_file else "",
                markers=MARKERS if spec.key == "marked" else {},
            ))  # fmt: skip
        marked = BY_KEY["marked"]
        s.add(FollowupResult(
            id=uuid.uuid5(_NAMESPACE, "result:marked"), task_id=marked.task,
            attempt_id=marked.attempt_id, staff_id=NURSE_A, template_id=1, template_version=1,
            answers={"identity_confirmed": "self", "general_condition": "good",
                     "satisfaction": 5},
            satisfaction=5, outcome=Outcome.COMPLETED, vital_status=VitalStatus.ALIVE,
            created_at=marked.started_at + dt.timedelta(minutes=1),
        ))  # fmt: skip
    with engine.begin() as connection:
        reset_id_sequences(
            connection,
            ["department", "staff", "patient", "episode", "questionnaire_template",
             "followup_plan", "followup_task"],
        )  # fmt: skip
    return calls


def account(engine: Engine, staff_id: int) -> StaffAccount:
    return next(a for a in list_accounts(engine) if a.id == staff_id)


def serve_recording(
    server: Engine, recording_id: uuid.UUID, data: bytes, chunk: int = 4096
) -> None:
    """Put a recording's bytes on the central server as a verified upload would leave them."""
    with server.begin() as connection:
        connection.execute(
            update(Recording)
            .where(Recording.id == recording_id)
            .values(upload_state=UploadState.VERIFIED, sha256=hashlib.sha256(data).hexdigest())
        )
        for offset in range(0, len(data), chunk):
            connection.execute(
                text("INSERT INTO recording_chunk VALUES (:r, :o, :d)"),
                {"r": recording_id, "o": offset, "d": data[offset : offset + chunk]},
            )


def local_store(folder: Path) -> tuple[Engine, RecordedCalls]:
    """A desk's SQLite store holding the recorded calls, their WAV files beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    engine = open_local_store(folder / "store.sqlite3")
    return engine, build(engine, folder / "recordings")
