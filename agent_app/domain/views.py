"""Read-only records the repositories hand to the UI and to other layers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from agent_app.domain.enums import (
    CheckLevel,
    Direction,
    Disposition,
    Outcome,
    Relation,
    Role,
    Sex,
    TaskStatus,
)


@dataclass(frozen=True)
class StaffAccount:
    id: int
    username: str
    full_name: str
    role: Role
    department_id: int
    department_name: str


@dataclass(frozen=True)
class TaskRow:
    """One line of the agent's queue."""

    task_id: int
    patient_id: int
    patient_name: str
    mrn: str
    department_name: str
    plan_name: str
    due_at: dt.datetime
    level: CheckLevel
    status: TaskStatus
    attempts: int
    max_attempts: int
    diagnosis: str


@dataclass(frozen=True)
class ContactLine:
    id: int
    name: str
    relation: Relation
    number_display: str
    number_e164: str


@dataclass(frozen=True)
class EpisodeSummary:
    id: int
    admitted_on: dt.date
    discharged_on: dt.date
    ward: str
    department_name: str
    diagnosis_code: str
    diagnosis_name: str
    attending_doctor: str
    attending_nurse: str
    revisit_on: dt.date | None = None  # the re-visit the doctor booked, when the HIS sent it


@dataclass(frozen=True)
class AttemptLine:
    id: str
    started_at: dt.datetime
    direction: Direction
    number: str
    disposition: Disposition | None
    agent_name: str
    recording_id: str | None = None  # the call's recording, when it has one


@dataclass(frozen=True)
class PastResult:
    """A follow-up result on the patient card; ``answers`` as stored, read with the
    template ``body`` it was written under (domain.answer_text turns them into words)."""

    id: str
    created_at: dt.datetime
    agent_name: str
    template_title: str
    outcome: Outcome
    satisfaction: int | None
    notes: str
    level: CheckLevel
    answers: dict[str, Any] = field(compare=False, repr=False)
    body: dict[str, Any] = field(compare=False, repr=False)


@dataclass(frozen=True)
class PatientCard:
    id: int
    mrn: str
    name: str
    sex: Sex
    birth_date: dt.date
    id_number_masked: str
    contacts: tuple[ContactLine, ...]
    episode: EpisodeSummary | None
    open_task_ids: tuple[int, ...]
    recent_attempts: tuple[AttemptLine, ...]
    past_results: tuple[PastResult, ...] = ()

    def age_on(self, day: dt.date) -> int:
        return age_on(self.birth_date, day)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Full years of age on ``day``."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclass(frozen=True)
class NumberMatch:
    """A contact whose normalized number equals the caller's."""

    patient_id: int
    patient_name: str
    contact_id: int
    contact_name: str
    relation: Relation
    open_tasks: int
    last_discharge: dt.date | None


@dataclass(frozen=True)
class PatientHit:
    """A patient found by search."""

    id: int
    mrn: str
    name: str
    sex: Sex
    birth_date: dt.date


def mask_id_number(id_number: str) -> str:
    """Show the first 6 and last 4 characters of an ID number, the rest as asterisks."""
    if len(id_number) <= 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def mask_phone_number(text: str) -> str:
    """A number (or a text holding one, such as a SIP address or a dial command) fit for a
    log: every digit but the last four becomes an asterisk; the rest is kept."""
    digits = sum(ch.isdigit() for ch in text)
    hidden = max(digits - 4, 0)
    out: list[str] = []
    for ch in text:
        if ch.isdigit() and hidden:
            out.append("*")
            hidden -= 1
        else:
            out.append(ch)
    return "".join(out)
