"""The patient card and caller-number lookup."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select
from sqlalchemy.orm import aliased

from agent_app.domain.enums import CheckLevel, Direction, Disposition, Outcome, Relation, Sex
from agent_app.domain.phone_numbers import InvalidNumberError, normalize_number
from agent_app.domain.views import (
    AttemptLine,
    ContactLine,
    EpisodeSummary,
    NumberMatch,
    PastResult,
    PatientCard,
    PatientHit,
    mask_id_number,
)
from agent_app.store.repositories.audit import AuditAction, record_audit
from agent_app.store.repositories.tasks import OPEN_STATUSES
from agent_app.store.schema import (
    CallAttempt,
    Contact,
    Department,
    Episode,
    FollowupResult,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
    Recording,
    Staff,
)


class PatientNotFoundError(LookupError):
    """No patient with that id is visible in this store."""


def patient_card(
    engine: Engine,
    patient_id: int,
    attempts: int = 10,
    results: int = 10,
    *,
    viewer_id: int | None = None,
    seen_in: str = "",
) -> PatientCard:
    """Everything the card shows: demographics, contacts, latest episode, open tasks, calls.

    With ``viewer_id`` the view is written to the audit log first (``seen_in`` says which
    screen showed it), so a card is never shown unrecorded."""
    if viewer_id is not None:
        record_audit(engine, viewer_id, AuditAction.VIEW, "patient", str(patient_id),
                     {"seen_in": seen_in} if seen_in else None)  # fmt: skip
    doctor, nurse = aliased(Staff), aliased(Staff)
    with engine.connect() as connection:
        p = connection.execute(
            select(
                Patient.id,
                Patient.mrn,
                Patient.name,
                Patient.sex,
                Patient.birth_date,
                Patient.id_number,
            ).where(Patient.id == patient_id)
        ).first()
        if p is None:
            raise PatientNotFoundError(f"Patient {patient_id} is not in this store.")
        contacts = tuple(
            ContactLine(c.id, c.name, Relation(c.relation), c.number_raw, c.number_e164)
            for c in connection.execute(
                select(
                    Contact.id,
                    Contact.name,
                    Contact.relation,
                    Contact.number_raw,
                    Contact.number_e164,
                )
                .where(Contact.patient_id == patient_id)
                .order_by(Contact.priority, Contact.id)
            )
        )
        ep = connection.execute(
            select(
                Episode.id,
                Episode.admitted_on,
                Episode.discharged_on,
                Episode.ward,
                Department.name,
                Episode.diagnosis_code,
                Episode.diagnosis_name,
                func.coalesce(doctor.full_name, ""),
                func.coalesce(nurse.full_name, ""),
                Episode.revisit_on,
            )
            .join(Department, Department.id == Episode.department_id)
            .outerjoin(doctor, doctor.id == Episode.attending_doctor_id)
            .outerjoin(nurse, nurse.id == Episode.attending_nurse_id)
            .where(Episode.patient_id == patient_id)
            .order_by(Episode.discharged_on.desc(), Episode.id.desc())
            .limit(1)
        ).first()
        open_tasks = tuple(
            connection.execute(
                select(FollowupTask.id)
                .where(
                    FollowupTask.patient_id == patient_id, FollowupTask.status.in_(OPEN_STATUSES)
                )
                .order_by(FollowupTask.due_at)
            ).scalars()
        )
        recording = (
            select(Recording.id)
            .where(Recording.attempt_id == CallAttempt.id)
            .order_by(Recording.id)
            .limit(1)
            .scalar_subquery()
        )
        recent = tuple(
            AttemptLine(
                str(a[0]),
                a[1],
                Direction(a[2]),
                a[3],
                Disposition(a[4]) if a[4] else None,
                a[5],
                str(a[6]) if a[6] is not None else None,
            )
            for a in connection.execute(
                select(
                    CallAttempt.id,
                    CallAttempt.started_at,
                    CallAttempt.direction,
                    CallAttempt.number,
                    CallAttempt.disposition,
                    Staff.full_name,
                    recording,
                )
                .join(Staff, Staff.id == CallAttempt.staff_id)
                .where(CallAttempt.patient_id == patient_id)
                .order_by(CallAttempt.started_at.desc())
                .limit(attempts)
            )
        )
        earlier = past_results(connection, patient_id, results)
    return PatientCard(
        id=p.id,
        mrn=p.mrn,
        name=p.name,
        sex=Sex(p.sex),
        birth_date=p.birth_date,
        id_number_masked=mask_id_number(p.id_number),
        contacts=contacts,
        episode=EpisodeSummary(*ep[:10]) if ep is not None else None,
        open_task_ids=open_tasks,
        recent_attempts=recent,
        past_results=earlier,
    )


def past_results(connection: Connection, patient_id: int, limit: int) -> tuple[PastResult, ...]:
    """The patient's latest follow-up results, newest first, with the template they answered
    (each template's body read once, however many results answered it)."""
    if limit <= 0:
        return ()
    rows = connection.execute(
        select(
            FollowupResult.id,
            FollowupResult.created_at,
            Staff.full_name,
            QuestionnaireTemplate.title,
            FollowupResult.outcome,
            FollowupResult.satisfaction,
            FollowupResult.notes,
            FollowupTask.level,
            FollowupResult.answers,
            FollowupResult.template_id,
        )
        .join(FollowupTask, FollowupTask.id == FollowupResult.task_id)
        .join(Staff, Staff.id == FollowupResult.staff_id)
        .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupResult.template_id)
        .where(FollowupTask.patient_id == patient_id)
        .order_by(FollowupResult.created_at.desc())
        .limit(limit)
    ).all()
    template_ids = {r[9] for r in rows}
    bodies: dict[int, dict[str, Any]] = {
        template_id: body
        for template_id, body in connection.execute(
            select(QuestionnaireTemplate.id, QuestionnaireTemplate.body).where(
                QuestionnaireTemplate.id.in_(template_ids)
            )
        )
    }
    return tuple(
        PastResult(
            str(r[0]),
            r[1],
            r[2],
            r[3],
            Outcome(r[4]),
            r[5],
            r[6],
            CheckLevel(r[7]),
            r[8],
            bodies[r[9]],
        )
        for r in rows
    )


def find_by_number(engine: Engine, number_e164: str) -> list[NumberMatch]:
    """Contacts whose normalized number equals ``number_e164``, most open tasks first."""
    open_count = (
        select(func.count())
        .select_from(FollowupTask)
        .where(
            FollowupTask.patient_id == Contact.patient_id, FollowupTask.status.in_(OPEN_STATUSES)
        )
        .correlate(Contact)
        .scalar_subquery()
    )
    last_discharge = (
        select(func.max(Episode.discharged_on))
        .where(Episode.patient_id == Contact.patient_id)
        .correlate(Contact)
        .scalar_subquery()
    )
    query = (
        select(
            Contact.patient_id,
            Patient.name,
            Contact.id,
            Contact.name,
            Contact.relation,
            open_count,
            last_discharge,
        )
        .join(Patient, Patient.id == Contact.patient_id)
        .where(Contact.number_e164 == number_e164)
    )
    with engine.connect() as connection:
        matches = [
            NumberMatch(r[0], r[1], r[2], r[3], Relation(r[4]), int(r[5]), r[6])
            for r in connection.execute(query)
        ]
    return sorted(
        matches,
        key=lambda m: (-m.open_tasks, -(m.last_discharge.toordinal() if m.last_discharge else 0)),
    )


def search_patients(engine: Engine, text: str, limit: int = 20) -> list[PatientHit]:
    """Patients by exact MRN, by phone number (any form) or by name prefix; one index each."""
    text = text.strip()
    if not text:
        return []
    conditions = [Patient.mrn == text.upper(), Patient.name.between(text, text + "\uffff")]
    try:
        e164 = normalize_number(text).e164
    except InvalidNumberError:
        e164 = ""
    if e164:
        by_number = select(Contact.patient_id).where(Contact.number_e164 == e164)
        conditions.append(Patient.id.in_(by_number))
    query = (
        select(Patient.id, Patient.mrn, Patient.name, Patient.sex, Patient.birth_date)
        .where(or_(*conditions))
        .order_by(Patient.name, Patient.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [PatientHit(r[0], r[1], r[2], Sex(r[3]), r[4]) for r in connection.execute(query)]
