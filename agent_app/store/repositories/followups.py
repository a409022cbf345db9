"""One follow-up from the agent's side: what the call needs, and the wrap-up that closes it.

``load_followup`` gathers the task, the patient card, the plan's questionnaire, script and
retry rules. ``save_wrapup`` writes the outcome in one local transaction — the attempt's
disposition, the result (append-only), red-flag alerts, the task's next state, a re-visit
reminder — and queues every row in the outbox in that same transaction, so the result is
durable before the form closes and reaches the server exactly once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from agent_app.domain.call_script import CallScriptText, parse_script
from agent_app.domain.calling_hours import CallingHours, CallingHoursError
from agent_app.domain.enums import (
    CheckLevel,
    Disposition,
    Outcome,
    TaskStatus,
    VitalStatus,
)
from agent_app.domain.knowledge import ArticleState, linked_slugs
from agent_app.domain.questionnaire import QuestionnaireError, RaisedFlag, Template, parse_template
from agent_app.domain.reach_model import Suggestion, suggest
from agent_app.domain.retry_rules import BestMoment, NextStep, RetryPolicy, next_step
from agent_app.domain.sms_template import DEFAULT_CODES, SmsTemplateKind
from agent_app.domain.views import PatientCard
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.calendar_exceptions import load_work_calendar
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.reach_history import reach_model_for
from agent_app.store.repositories.sms_queue import queue_templates
from agent_app.store.repositories.sms_templates import education_choices
from agent_app.store.repositories.tasks import OPEN_STATUSES
from agent_app.store.schema import (
    CallAttempt,
    CallScript,
    Episode,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    KnowledgeArticle,
    QuestionnaireTemplate,
    RedFlagAlert,
)

FALLBACK_TEMPLATE = "general_discharge"


class FollowupUnavailableError(LookupError):
    """The follow-up cannot be opened; the message says why in plain words."""


@dataclass(frozen=True)
class FollowupWork:
    """Everything the follow-up screen needs for one task."""

    task_id: int
    level: CheckLevel
    status: TaskStatus
    due_at: dt.datetime
    attempts: int
    department_id: int
    plan_name: str
    template_id: int
    template: Template
    script: CallScriptText | None
    policy: RetryPolicy
    doctor_id: int | None
    card: PatientCard
    # The approved articles the script links to ([[kb:slug]]), slug -> title.
    article_titles: Mapping[str, str] = field(default_factory=dict)
    # The approved health-education texts the agent may send at wrap-up: (code, title).
    education_texts: tuple[tuple[str, str], ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status.value in OPEN_STATUSES


@dataclass(frozen=True)
class WrapUp:
    """What the agent decided at the end of a follow-up."""

    task_id: int
    staff_id: int
    disposition: Disposition
    attempt_id: uuid.UUID | None = None
    answers: dict[str, object] | None = None  # AnswerSheet.to_json(); None when not reached
    outcome: Outcome | None = None
    satisfaction: int | None = None
    vital_status: VitalStatus = VitalStatus.UNKNOWN
    death_date: dt.date | None = None
    red_flags: tuple[RaisedFlag, ...] = ()
    notes: str = ""
    callback_at: dt.datetime | None = None
    # Text messages for the patient's mobile, queued with the result: the hospital's re-visit
    # reminder, health-education templates, and the values of their placeholders.
    revisit_reminder: bool = False
    education_codes: tuple[str, ...] = ()
    message_values: Mapping[str, str | None] = field(default_factory=dict)
    other_numbers_left: bool = False
    now: dt.datetime | None = None


@dataclass(frozen=True)
class SavedWrapUp:
    step: NextStep
    result_id: uuid.UUID | None
    alert_ids: tuple[uuid.UUID, ...] = field(default=())
    cancelled_tasks: int = 0


def _template(session: Session, template_id: int | None) -> tuple[int, Template]:
    query = select(QuestionnaireTemplate)
    if template_id is not None:
        query = query.where(QuestionnaireTemplate.id == template_id)
    else:
        query = query.where(
            QuestionnaireTemplate.code == FALLBACK_TEMPLATE, QuestionnaireTemplate.active
        ).order_by(QuestionnaireTemplate.version.desc())
    row = session.scalars(query.limit(1)).first()
    if row is None:
        raise FollowupUnavailableError(
            "This follow-up has no questionnaire in the store; ask the administrator to "
            "install the follow-up templates."
        )
    try:
        return row.id, parse_template(row.body)
    except QuestionnaireError as exc:
        raise FollowupUnavailableError(
            f"The questionnaire '{row.title}' (version {row.version}) is damaged: {exc}"
        ) from exc


def load_followup(engine: Engine, task_id: int, viewer_id: int | None = None) -> FollowupWork:
    """Gather one task for the follow-up screen; raises FollowupUnavailableError."""
    with Session(engine) as session:
        task = session.get(FollowupTask, task_id)
        if task is None:
            raise FollowupUnavailableError(f"Follow-up {task_id} is not in this store.")
        plan = session.get(FollowupPlan, task.plan_id) if task.plan_id is not None else None
        template_id, template = _template(session, plan.template_id if plan else None)
        script = None
        titles: dict[str, str] = {}
        if plan is not None and plan.script_id is not None:
            script_row = session.get(CallScript, plan.script_id)
            if script_row is not None:
                script = parse_script(script_row.body)
                titles = _article_titles(session, linked_slugs(script_row.body))
        try:
            hours = CallingHours.from_json(plan.calling_hours if plan else None)
        except CallingHoursError as exc:
            raise FollowupUnavailableError(
                f"The plan '{plan.name if plan else ''}' has unusable calling hours: {exc}"
            ) from exc
        policy = RetryPolicy(
            max_attempts=plan.max_attempts if plan else 3,
            spacing=dt.timedelta(minutes=plan.retry_spacing_minutes if plan else 120),
            hours=hours,
            days=load_work_calendar(session),
        )
        doctor_id = None
        if task.episode_id is not None:
            doctor_id = session.scalar(
                select(Episode.attending_doctor_id).where(Episode.id == task.episode_id)
            )
        work = dict(
            task_id=task.id,
            level=CheckLevel(task.level),
            status=task.status,
            due_at=task.due_at,
            attempts=task.attempt_count,
            department_id=task.department_id,
            plan_name=plan.name if plan else "",
            template_id=template_id,
            template=template,
            script=script,
            policy=policy,
            doctor_id=doctor_id,
        )
        patient_id = task.patient_id
        education = education_choices(session)
    card = patient_card(engine, patient_id, viewer_id=viewer_id, seen_in="followup")
    return FollowupWork(
        **work,  # type: ignore[arg-type]
        card=card,
        article_titles=titles,
        education_texts=education,
    )


def _article_titles(session: Session, slugs: tuple[str, ...]) -> dict[str, str]:
    if not slugs:
        return {}
    rows = session.execute(
        select(KnowledgeArticle.slug, KnowledgeArticle.title).where(
            KnowledgeArticle.slug.in_(slugs), KnowledgeArticle.state == ArticleState.APPROVED
        )
    )
    return {slug: title for slug, title in rows}


def best_time(
    engine: Engine, work: FollowupWork, now: dt.datetime | None = None
) -> Suggestion | None:
    """When this follow-up's patient is most likely to answer within the plan's calling hours
    (None: no callable moment in the next two days). Reads the department's call history the
    first time (about a second on a large store), so the screen asks for it after it opens."""
    zone = work.policy.hours.zone
    model = reach_model_for(engine, work.card.id, work.card.birth_date, work.department_id, zone)
    return suggest(model, now or dt.datetime.now(dt.UTC), work.policy.calendar.allows, zone)


def _best_moment(engine: Engine, work: FollowupWork, disposition: Disposition) -> BestMoment | None:
    """Where a best-time plan's retry after no answer goes (the department's history is
    usually read already, when the screen opened)."""
    if disposition is not Disposition.NO_ANSWER or not work.policy.hours.best_time:
        return None

    def moment(earliest: dt.datetime) -> dt.datetime | None:
        suggestion = best_time(engine, work, earliest)
        return None if suggestion is None else suggestion.at

    return moment


def save_wrapup(engine: Engine, work: FollowupWork, wrap: WrapUp) -> SavedWrapUp:
    """Write the wrap-up durably (one transaction, outbox included) and return the next step."""
    now = wrap.now or dt.datetime.now(dt.UTC)
    best_moment = _best_moment(engine, work, wrap.disposition)
    with Session(engine) as session, session.begin():
        task = session.get_one(FollowupTask, wrap.task_id)
        step = next_step(
            wrap.disposition,
            attempts_before=task.attempt_count,
            due_at=task.due_at,
            now=now,
            policy=work.policy,
            callback_at=wrap.callback_at,
            other_numbers_left=wrap.other_numbers_left,
            counts_as_attempt=wrap.attempt_id is not None,
            best_moment=best_moment,
        )
        if wrap.attempt_id is not None:
            attempt = session.get_one(CallAttempt, wrap.attempt_id)
            attempt.disposition = wrap.disposition
            attempt.ended_at = attempt.ended_at or now
            enqueue(session, attempt, "update")

        result_id = None
        alert_ids: list[uuid.UUID] = []
        if wrap.answers is not None:
            result = FollowupResult(
                id=uuid.uuid4(),
                task_id=task.id,
                attempt_id=wrap.attempt_id,
                staff_id=wrap.staff_id,
                template_id=work.template_id,
                template_version=work.template.version,
                answers=wrap.answers,
                satisfaction=wrap.satisfaction,
                outcome=wrap.outcome or _outcome(wrap.disposition),
                vital_status=wrap.vital_status,
                death_date=wrap.death_date,
                notes=wrap.notes,
                created_at=now,
            )
            session.add(result)
            enqueue(session, result)
            result_id = result.id
            for flag in wrap.red_flags:
                alert = RedFlagAlert(
                    id=uuid.uuid4(),
                    result_id=result.id,
                    task_id=task.id,
                    patient_id=task.patient_id,
                    department_id=task.department_id,
                    doctor_id=work.doctor_id,
                    raised_by_id=wrap.staff_id,
                    rule_id=flag.rule.id[:40],
                    severity=flag.rule.severity,
                    message=flag.rule.message.zh_CN,
                    created_at=now,
                )
                session.add(alert)
                enqueue(session, alert)
                alert_ids.append(alert.id)

        task.status = step.status
        task.due_at = step.due_at
        task.attempt_count = step.attempt_count
        task.lease_owner_id = None
        task.lease_expires_at = None
        task.updated_at = now
        enqueue(session, task, "update", actor_id=wrap.staff_id)

        cancelled = 0
        if step.cancel_other_tasks:
            others = session.scalars(
                select(FollowupTask).where(
                    FollowupTask.patient_id == task.patient_id,
                    FollowupTask.id != task.id,
                    FollowupTask.status.in_(OPEN_STATUSES),
                )
            ).all()
            for other in others:
                other.status = TaskStatus.CANCELLED
                other.updated_at = now
                enqueue(session, other, "update", actor_id=wrap.staff_id)
            cancelled = len(others)

        codes = wrap.education_codes
        if wrap.revisit_reminder:
            codes = (DEFAULT_CODES[SmsTemplateKind.REVISIT_REMINDER], *codes)
        if codes:
            queue_templates(
                session,
                codes,
                wrap.message_values,
                patient_id=task.patient_id,
                task_id=task.id,
                staff_id=wrap.staff_id,
                now=now,
            )
    return SavedWrapUp(step, result_id, tuple(alert_ids), cancelled)


def _outcome(disposition: Disposition) -> Outcome:
    if disposition is Disposition.REFUSED:
        return Outcome.REFUSED
    if disposition is Disposition.REACHED:
        return Outcome.COMPLETED
    return Outcome.PARTIAL


def start_task(engine: Engine, task_id: int) -> None:
    """Mark the task in progress while its follow-up screen is open (the claim on it is the
    lease the desk took when opening it)."""
    now = dt.datetime.now(dt.UTC)
    with Session(engine) as session, session.begin():
        session.execute(
            update(FollowupTask)
            .where(FollowupTask.id == task_id, FollowupTask.status.in_(OPEN_STATUSES))
            .values(status=TaskStatus.IN_PROGRESS, updated_at=now)
        )
