"""The red-flag inbox: open alerts a doctor or a supervisor must act on, the answers behind one,
its call recording, and the acknowledgement (written here, pushed like a result; the server
stamps its own time and the acknowledger, migration 0023)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session, aliased

from agent_app.domain.enums import RedFlagSeverity, Relation, Role
from agent_app.domain.red_flags import (
    AckAction,
    AckError,
    EscalationStage,
    check_acknowledgement,
    escalation_stage,
    may_acknowledge,
)
from agent_app.domain.views import StaffAccount
from agent_app.store.outbox import enqueue
from agent_app.store.schema import (
    CallAttempt,
    Contact,
    Department,
    FollowupResult,
    Patient,
    QuestionnaireTemplate,
    Recording,
    RedFlagAlert,
    Staff,
)


@dataclass(frozen=True)
class AlertRow:
    """One open alert as the inbox lists it."""

    id: uuid.UUID
    patient_id: int
    patient_name: str
    mrn: str
    department_name: str
    doctor_name: str
    raised_by_name: str
    severity: RedFlagSeverity
    rule_id: str
    message: str
    created_at: dt.datetime
    stage: EscalationStage
    may_acknowledge: bool


@dataclass(frozen=True)
class AlertResult:
    """The stored result that raised an alert, with the template body to read it by, and the
    recording of its call (None when the call was not recorded or is not on this desk)."""

    answers: dict[str, Any]
    body: dict[str, Any]
    recording_id: uuid.UUID | None


def _visible(viewer: StaffAccount) -> Any:
    """Which alerts the viewer's inbox holds: a doctor's own and their department's, a
    supervisor's department's, every one for quality staff; none for the others."""
    if viewer.role is Role.DOCTOR:
        return or_(
            RedFlagAlert.doctor_id == viewer.id,
            RedFlagAlert.department_id == viewer.department_id,
        )
    if viewer.role is Role.SUPERVISOR:
        return RedFlagAlert.department_id == viewer.department_id
    return (
        RedFlagAlert.id.is_not(None) if viewer.role is Role.QUALITY else RedFlagAlert.id.is_(None)
    )


def open_alerts(engine: Engine, viewer: StaffAccount) -> list[AlertRow]:
    """The viewer's unacknowledged alerts: escalated ones first, then the most urgent, then the
    oldest."""
    doctor, raiser = aliased(Staff), aliased(Staff)
    query = (
        select(
            RedFlagAlert,
            Patient.name,
            Patient.mrn,
            Department.name,
            doctor.full_name,
            raiser.full_name,
        )
        .outerjoin(Patient, Patient.id == RedFlagAlert.patient_id)
        .outerjoin(Department, Department.id == RedFlagAlert.department_id)
        .outerjoin(doctor, doctor.id == RedFlagAlert.doctor_id)
        .outerjoin(raiser, raiser.id == RedFlagAlert.raised_by_id)
        .where(RedFlagAlert.acknowledged_at.is_(None), _visible(viewer))
    )
    rows: list[AlertRow] = []
    with Session(engine) as session:
        for alert, name, mrn, dept, doctor_name, raised_by in session.execute(query):
            rows.append(
                AlertRow(
                    id=alert.id,
                    patient_id=alert.patient_id,
                    patient_name=name or "",
                    mrn=mrn or "",
                    department_name=dept or "",
                    doctor_name=doctor_name or "",
                    raised_by_name=raised_by or "",
                    severity=alert.severity,
                    rule_id=alert.rule_id,
                    message=alert.message,
                    created_at=alert.created_at,
                    stage=escalation_stage(alert.escalated_at, alert.on_duty_sms_at),
                    may_acknowledge=may_acknowledge(
                        viewer.role,
                        viewer.id,
                        viewer.department_id,
                        alert.doctor_id,
                        alert.department_id,
                    ),
                )
            )
    rows.sort(key=lambda r: (r.stage is EscalationStage.DOCTOR, r.severity.rank, r.created_at))
    return rows


def alert_result(engine: Engine, alert_id: uuid.UUID) -> AlertResult | None:
    """The result behind the alert and its call's recording; None while the result is not on
    this desk (``sync.alert_details`` brings it from the server)."""
    query = (
        select(FollowupResult.answers, QuestionnaireTemplate.body, Recording.id)
        .join(RedFlagAlert, RedFlagAlert.result_id == FollowupResult.id)
        .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupResult.template_id)
        .outerjoin(CallAttempt, CallAttempt.id == FollowupResult.attempt_id)
        .outerjoin(Recording, Recording.attempt_id == CallAttempt.id)
        .where(RedFlagAlert.id == alert_id)
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        return None
    return AlertResult(dict(row[0] or {}), dict(row[1] or {}), row[2])


def acknowledge_alert(
    engine: Engine,
    viewer: StaffAccount,
    alert_id: uuid.UUID,
    action: AckAction,
    note: str,
    now: dt.datetime,
) -> None:
    """Record the viewer's acknowledgement here and queue it for the server, which keeps its
    own time and refuses one already made. Raises AckError: ``note_required``,
    ``note_too_long``, ``not_yours``, ``already_acknowledged``."""
    ack = check_acknowledgement(action, note)
    with Session(engine) as session, session.begin():
        alert = session.get(RedFlagAlert, alert_id, with_for_update=True)
        if alert is None or not may_acknowledge(
            viewer.role, viewer.id, viewer.department_id, alert.doctor_id, alert.department_id
        ):
            raise AckError("not_yours")
        if alert.acknowledged_at is not None:
            raise AckError("already_acknowledged")
        alert.acknowledged_at = now
        alert.acknowledged_by_id = viewer.id
        alert.ack_action = ack.action
        alert.ack_note = ack.note
        enqueue(session, alert, "update", actor_id=viewer.id)


@dataclass(frozen=True)
class PatientNumber:
    contact_id: int
    name: str
    number: str  # as dialled: the national form


def patient_numbers(engine: Engine, patient_id: int) -> list[PatientNumber]:
    """The patient's numbers to call back on, the patient's own first."""
    query = (
        select(Contact.id, Contact.name, Contact.number_national, Contact.relation)
        .where(Contact.patient_id == patient_id)
        .order_by(Contact.id)
    )
    with engine.connect() as connection:
        rows = sorted(connection.execute(query), key=lambda r: r[3] != Relation.SELF)
    return [PatientNumber(int(r[0]), r[1], r[2]) for r in rows]
