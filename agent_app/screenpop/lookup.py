"""Who is calling: from a classified caller ID to what the pop shows.

One indexed query finds the contacts with the caller's normalized number; the decision is:

- one patient → that patient's pop (card, open task, last attempt, last result);
- several patients (a shared family phone) → a chooser, most open follow-ups and the most
  recent discharge first;
- no match, or a number that cannot be read → the unknown-caller card;
- withheld or out-of-area → a card saying so.

A blacklisted number is flagged on any of these; what the desk does with it (reject, or pop
with a warning) is the settings' choice, applied by the caller of ``decide``. Patients the
viewer may not see (another department's, not assigned to them) come back ``restricted``: the
pop names the department, never the clinical details.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, exists, select

from agent_app.domain.enums import BlacklistKind, CheckLevel, Outcome, Role, TaskStatus
from agent_app.domain.phone_numbers import CallerId, CallerKind
from agent_app.domain.stored_answers import UnreadableAnswersError, decode_stored_answers
from agent_app.domain.views import NumberMatch, PatientCard, StaffAccount
from agent_app.store.repositories.patients import find_by_number, patient_card
from agent_app.store.repositories.tasks import OPEN_STATUSES
from agent_app.store.schema import (
    Blacklist,
    Department,
    Episode,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    QuestionnaireTemplate,
)

log = logging.getLogger(__name__)


class PopKind(enum.StrEnum):
    PATIENT = "patient"
    CHOOSER = "chooser"
    UNKNOWN = "unknown"
    WITHHELD = "withheld"


@dataclass(frozen=True)
class OpenTask:
    """The follow-up the callback continues: the earliest due open task of the patient."""

    task_id: int
    plan_name: str
    department_name: str
    level: CheckLevel
    status: TaskStatus
    due_at: dt.datetime
    attempts: int
    max_attempts: int
    assigned_staff_id: int | None
    answered: int = 0  # questions answered in the last partial result of this task
    questions: int = 0  # questions in its template (0: no partial result to continue)


@dataclass(frozen=True)
class LastResult:
    created_at: dt.datetime
    outcome: Outcome
    satisfaction: int | None


@dataclass(frozen=True)
class PopPatient:
    """One patient as the pop shows it; ``card`` is None when the viewer may not see it."""

    patient_id: int
    match: NumberMatch | None
    card: PatientCard | None
    department_name: str
    open_task: OpenTask | None
    last_result: LastResult | None
    #: The department of the patient's latest stay, when restricted (where to transfer to).
    department_id: int | None = None

    @property
    def restricted(self) -> bool:
        return self.card is None


@dataclass(frozen=True)
class PopDecision:
    kind: PopKind
    caller: CallerId
    candidates: tuple[NumberMatch, ...] = ()
    patient: PopPatient | None = None
    blacklist_reason: str | None = None

    @property
    def blacklisted(self) -> bool:
        return self.blacklist_reason is not None


def blacklist_reason(engine: Engine, number_e164: str) -> str | None:
    """The reason a number is on the call blacklist, or None (a number that only unsubscribed
    from text messages may still call in without a warning)."""
    with engine.connect() as connection:
        return connection.execute(
            select(Blacklist.reason).where(
                Blacklist.number_e164 == number_e164, Blacklist.kind == BlacklistKind.CALL
            )
        ).scalar_one_or_none()


def decide(engine: Engine, caller: CallerId, viewer: StaffAccount) -> PopDecision:
    """What to pop for ``caller``; never raises for anything a line can deliver."""
    if caller.kind in (CallerKind.WITHHELD, CallerKind.UNAVAILABLE):
        return PopDecision(PopKind.WITHHELD, caller)
    if caller.kind is CallerKind.INVALID or caller.number is None:
        return PopDecision(PopKind.UNKNOWN, caller)
    e164 = caller.number.e164
    reason = blacklist_reason(engine, e164)
    matches = find_by_number(engine, e164)
    patients = {m.patient_id for m in matches}
    if not matches:
        return PopDecision(PopKind.UNKNOWN, caller, blacklist_reason=reason)
    if len(patients) > 1:
        return PopDecision(PopKind.CHOOSER, caller, tuple(matches), blacklist_reason=reason)
    patient = load_patient(engine, matches[0].patient_id, viewer, matches[0])
    return PopDecision(PopKind.PATIENT, caller, tuple(matches), patient, reason)


def load_patient(
    engine: Engine, patient_id: int, viewer: StaffAccount, match: NumberMatch | None = None
) -> PopPatient:
    """The pop's view of one patient (also when the agent picks one in the chooser)."""
    with engine.connect() as connection:
        if not may_view(connection, viewer, patient_id):
            department_id, department = _department(connection, patient_id)
            return PopPatient(patient_id, match, None, department, None, None, department_id)
        task = _open_task(connection, patient_id)
        result = _last_result(connection, patient_id)
    # The pop card shows no results.
    card = patient_card(engine, patient_id, results=0, viewer_id=viewer.id, seen_in="screen_pop")
    department = card.episode.department_name if card.episode is not None else ""
    return PopPatient(patient_id, match, card, department, task, result)


def may_view(connection: Connection, viewer: StaffAccount, patient_id: int) -> bool:
    """Quality and admin see every patient; others those of their department or their tasks."""
    if viewer.role in (Role.QUALITY, Role.ADMIN):
        return True
    in_department = exists().where(
        Episode.patient_id == patient_id, Episode.department_id == viewer.department_id
    )
    task_of_viewer = exists().where(
        FollowupTask.patient_id == patient_id,
        (FollowupTask.department_id == viewer.department_id)
        | (FollowupTask.assigned_staff_id == viewer.id),
    )
    return bool(connection.execute(select(in_department | task_of_viewer)).scalar())


def _open_task(connection: Connection, patient_id: int) -> OpenTask | None:
    row = connection.execute(
        select(
            FollowupTask.id,
            FollowupPlan.name,
            Department.name,
            FollowupTask.level,
            FollowupTask.status,
            FollowupTask.due_at,
            FollowupTask.attempt_count,
            FollowupPlan.max_attempts,
            FollowupTask.assigned_staff_id,
        )
        .join(Department, Department.id == FollowupTask.department_id)
        .outerjoin(FollowupPlan, FollowupPlan.id == FollowupTask.plan_id)
        .where(FollowupTask.patient_id == patient_id, FollowupTask.status.in_(OPEN_STATUSES))
        .order_by(FollowupTask.due_at)
        .limit(1)
    ).first()
    if row is None:
        return None
    answered, questions = _progress(connection, row[0])
    return OpenTask(
        task_id=row[0],
        plan_name=row[1] or "",
        department_name=row[2],
        level=CheckLevel(row[3]),
        status=TaskStatus(row[4]),
        due_at=row[5],
        attempts=row[6],
        max_attempts=row[7] or 0,
        assigned_staff_id=row[8],
        answered=answered,
        questions=questions,
    )


def _progress(connection: Connection, task_id: int) -> tuple[int, int]:
    """Where an interrupted follow-up stopped: its last partial result against its template."""
    row = connection.execute(
        select(FollowupResult.answers, QuestionnaireTemplate.body)
        .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupResult.template_id)
        .where(FollowupResult.task_id == task_id, FollowupResult.outcome == Outcome.PARTIAL.value)
        .order_by(FollowupResult.created_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return 0, 0
    body = row[1] or {}
    try:
        answered = len(decode_stored_answers(row[0]).shown())
    except UnreadableAnswersError as error:
        log.warning("answers of task %s not counted: %s", task_id, error.code)
        answered = 0
    questions = sum(len(s.get("questions", [])) for s in body.get("sections", []))
    return answered, questions


def _department(connection: Connection, patient_id: int) -> tuple[int | None, str]:
    """The id and name of the department of the patient's latest stay ((None, ""): none)."""
    row = connection.execute(
        select(Department.id, Department.name)
        .join(Episode, Episode.department_id == Department.id)
        .where(Episode.patient_id == patient_id)
        .order_by(Episode.discharged_on.desc())
        .limit(1)
    ).one_or_none()
    return (row.id, row.name) if row is not None else (None, "")


def _last_result(connection: Connection, patient_id: int) -> LastResult | None:
    row = connection.execute(
        select(FollowupResult.created_at, FollowupResult.outcome, FollowupResult.satisfaction)
        .join(FollowupTask, FollowupTask.id == FollowupResult.task_id)
        .where(FollowupTask.patient_id == patient_id)
        .order_by(FollowupResult.created_at.desc())
        .limit(1)
    ).first()
    return None if row is None else LastResult(row[0], Outcome(row[1]), row[2])
