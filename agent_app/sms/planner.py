"""The follow-up plan's own text messages: the notice before the first call and the re-visit
reminder, queued for the sender.

``plan_messages`` is safe to run as often as one likes, on any number of desks: each message
has a ``plan_key`` (what it is for: ``pre_call_notice:task:12``, ``revisit_reminder:episode:7``)
that is unique on the desk's store and on the server, so a second run, a second engine on the
same store or a second desk's push never makes a second message.

- **Pre-call notice**: for a pending level-1 task not yet tried, of an active plan with
  ``sms_before_call``, whose call is due in the future and within the plan's
  ``sms_notice_hours``; the call moment is the first the plan's calling calendar allows at or
  after the due time (a calling day, inside the calling hours), and the text says its day and
  part of day in the plan's zone (明天上午, 今天下午).
- **Re-visit reminder**: for an episode with a booked ``revisit_on`` that is, in the plan's
  zone, after today and at most ``revisit_reminder_days`` days ahead (0 turns it off), for an
  episode that has a task of an active plan.

Neither goes to a number on the blacklist or unsubscribed (TD), nor to a patient with no mobile
number, and neither is made from a template that is not approved.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, String, cast, exists, literal, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from agent_app.domain.call_script import format_day, patient_title
from agent_app.domain.calling_hours import CallingHours, CallingHoursError
from agent_app.domain.enums import TaskStatus, VitalStatus
from agent_app.domain.sms_template import (
    DEFAULT_CODES,
    SmsTemplateKind,
    day_words,
    part_of_day,
    render_message,
)
from agent_app.domain.views import age_on
from agent_app.domain.work_calendar import CallingCalendar, WorkCalendar
from agent_app.store.repositories.calendar_exceptions import load_work_calendar
from agent_app.store.repositories.sms_queue import number_blocked, patient_mobile, queue_sms
from agent_app.store.repositories.sms_templates import approved_template
from agent_app.store.schema import (
    Department,
    Episode,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    Patient,
    SmsMessage,
)
from agent_app.store.schema.followup import OPEN_TASK_SQL

log = logging.getLogger(__name__)

#: The furthest ahead a notice or reminder goes (a plan asking for more is held to these).
MAX_NOTICE_HOURS = 72
MAX_REMINDER_DAYS = 14


@dataclass(frozen=True)
class Hospital:
    """What a message says of the hospital (the desk's settings)."""

    name: str
    phone: str


@dataclass
class PlanReport:
    """What one run queued and what it left out, and why."""

    notices: int = 0
    reminders: int = 0
    blocked: int = 0  # blacklisted or unsubscribed number
    no_mobile: int = 0
    no_template: int = 0  # the template named is missing, not approved or of another kind
    already: int = 0  # another run or desk queued it first
    skipped_codes: list[str] = field(default_factory=list)


NOTICE_KEY = f"{SmsTemplateKind.PRE_CALL_NOTICE.value}:task:"
REMINDER_KEY = f"{SmsTemplateKind.REVISIT_REMINDER.value}:episode:"


def notice_key(task_id: int) -> str:
    return f"{NOTICE_KEY}{task_id}"


def reminder_key(episode_id: int) -> str:
    return f"{REMINDER_KEY}{episode_id}"


def _calendar(raw: dict[str, object] | None, days: WorkCalendar) -> CallingCalendar | None:
    try:
        return CallingCalendar(CallingHours.from_json(raw), days)
    except CallingHoursError as exc:
        log.warning("Text message planning skips a plan with bad calling hours: %s", exc)
        return None


def _key_sql(prefix: str, row_id: InstrumentedAttribute[int]) -> ColumnElement[str]:
    """The plan key in SQL (``prefix || id``), so the "not queued yet" test is a lookup in
    the plan key's unique index."""
    return literal(prefix, String) + cast(row_id, String)


@dataclass(frozen=True)
class _Candidate:
    kind: SmsTemplateKind
    key: str
    template_code: str
    patient_id: int
    task_id: int | None
    episode_id: int | None
    values: dict[str, str | None]


def _notice_candidates(
    session: Session, now: dt.datetime, hospital: Hospital, days: WorkCalendar
) -> Iterator[_Candidate]:
    key = _key_sql(NOTICE_KEY, FollowupTask.id)
    rows = session.execute(
        select(
            FollowupTask.id,
            FollowupTask.patient_id,
            FollowupTask.due_at,
            FollowupPlan.calling_hours,
            FollowupPlan.sms_notice_hours,
            FollowupPlan.notice_template_code,
            Patient.name,
            Patient.sex,
            Patient.birth_date,
        )
        .join(FollowupPlan, FollowupPlan.id == FollowupTask.plan_id)
        .join(Patient, Patient.id == FollowupTask.patient_id)
        .where(
            FollowupPlan.sms_before_call.is_(True),
            FollowupPlan.active.is_(True),
            text(OPEN_TASK_SQL),  # verbatim, so SQLite walks the open tasks' due index
            FollowupTask.status == TaskStatus.PENDING,
            FollowupTask.level == 1,
            FollowupTask.attempt_count == 0,
            FollowupTask.due_at > now,
            FollowupTask.due_at <= now + dt.timedelta(hours=MAX_NOTICE_HOURS),
            ~exists().where(SmsMessage.plan_key == key),
        )
        .order_by(FollowupTask.due_at, FollowupTask.id)
    ).all()
    for task_id, patient_id, due_at, hours, notice_hours, code, name, sex, born in rows:
        calendar = _calendar(hours, days)
        if calendar is None:
            continue
        try:
            call_at = calendar.next_allowed(due_at)
        except CallingHoursError:
            continue
        if call_at > now + dt.timedelta(hours=notice_hours):
            continue
        zone = ZoneInfo(calendar.hours.zone)
        local_call, today = call_at.astimezone(zone), now.astimezone(zone).date()
        yield _Candidate(
            SmsTemplateKind.PRE_CALL_NOTICE,
            notice_key(task_id),
            code or DEFAULT_CODES[SmsTemplateKind.PRE_CALL_NOTICE],
            patient_id,
            task_id,
            None,
            {
                "hospital": hospital.name,
                "hospital_phone": hospital.phone,
                "patient_title": patient_title(name, sex, age_on(born, today)),
                "call_day": day_words(local_call.date(), today),
                "call_part_of_day": part_of_day(local_call.time()),
            },
        )


def _known_deceased(patient_id: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """A follow-up recorded the patient as deceased: no reminder of a re-visit goes to the
    family's phone."""
    result, task = aliased(FollowupResult), aliased(FollowupTask)
    return (
        select(result.id)
        .join(task, task.id == result.task_id)
        .where(task.patient_id == patient_id, result.vital_status == VitalStatus.DECEASED)
        .exists()
    )


def _reminder_candidates(
    session: Session, now: dt.datetime, hospital: Hospital
) -> Iterator[_Candidate]:
    key = _key_sql(REMINDER_KEY, Episode.id)
    # Widest window first (a day either side of any zone); each row is then checked in its
    # plan's own zone.
    soonest = now.date() - dt.timedelta(days=1)
    rows = session.execute(
        select(
            Episode.id,
            Episode.patient_id,
            Episode.revisit_on,
            Department.name,
            FollowupPlan.calling_hours,
            FollowupPlan.revisit_reminder_days,
            FollowupPlan.reminder_template_code,
            Patient.name,
            Patient.sex,
            Patient.birth_date,
        )
        .join(FollowupTask, FollowupTask.episode_id == Episode.id)
        .join(FollowupPlan, FollowupPlan.id == FollowupTask.plan_id)
        .join(Patient, Patient.id == Episode.patient_id)
        .join(Department, Department.id == Episode.department_id)
        .where(
            Episode.revisit_on.is_not(None),
            Episode.revisit_on >= soonest,
            FollowupPlan.active.is_(True),
            FollowupPlan.revisit_reminder_days > 0,
            Episode.revisit_on <= now.date() + dt.timedelta(days=MAX_REMINDER_DAYS + 1),
            ~exists().where(SmsMessage.plan_key == key),
            ~_known_deceased(Episode.patient_id),
        )
        .order_by(Episode.id, FollowupPlan.id)
    ).all()
    seen: set[int] = set()
    for episode_id, patient_id, revisit_on, department, hours, days_ahead, code, *person in rows:
        if episode_id in seen:
            continue  # the episode's first plan decides
        seen.add(episode_id)
        try:
            zone = ZoneInfo(CallingHours.from_json(hours).zone)
        except CallingHoursError:
            continue
        today = now.astimezone(zone).date()
        if not today < revisit_on <= today + dt.timedelta(days=days_ahead):
            continue
        name, sex, born = person
        yield _Candidate(
            SmsTemplateKind.REVISIT_REMINDER,
            reminder_key(episode_id),
            code or DEFAULT_CODES[SmsTemplateKind.REVISIT_REMINDER],
            patient_id,
            None,
            episode_id,
            {
                "hospital": hospital.name,
                "hospital_phone": hospital.phone,
                "patient_title": patient_title(name, sex, age_on(born, today)),
                "revisit_date": format_day(revisit_on),
                "department": department,
            },
        )


def _queue(
    session: Session,
    candidate: _Candidate,
    now: dt.datetime,
    staff_id: int,
    report: PlanReport,
) -> None:
    found = approved_template(session, candidate.template_code)
    if found is None or found[0] is not candidate.kind:
        report.no_template += 1
        if candidate.template_code not in report.skipped_codes:
            report.skipped_codes.append(candidate.template_code)
        return
    number = patient_mobile(session, candidate.patient_id)
    if number is None:
        report.no_mobile += 1
        return
    if number_blocked(session, number):
        report.blocked += 1
        return
    try:
        with session.begin_nested():
            queue_sms(
                session,
                number_e164=number,
                body=render_message(found[1], candidate.values),
                purpose=candidate.kind.value,
                staff_id=staff_id,
                now=now,
                patient_id=candidate.patient_id,
                task_id=candidate.task_id,
                episode_id=candidate.episode_id,
                plan_key=candidate.key,
            )
    except IntegrityError:
        report.already += 1  # another engine on this store queued it between read and write
        return
    if candidate.kind is SmsTemplateKind.PRE_CALL_NOTICE:
        report.notices += 1
    else:
        report.reminders += 1


def plan_messages(
    engine: Engine, now: dt.datetime, *, hospital: Hospital, staff_id: int
) -> PlanReport:
    """Queue every pre-call notice and re-visit reminder that is due at ``now`` (aware) and not
    queued yet, in one transaction with their outbox entries, as ``staff_id``."""
    report = PlanReport()
    with Session(engine) as session, session.begin():
        days = load_work_calendar(session)
        candidates = [
            *_notice_candidates(session, now, hospital, days),
            *_reminder_candidates(session, now, hospital),
        ]
        for candidate in candidates:
            _queue(session, candidate, now, staff_id, report)
    if report.notices or report.reminders:
        log.info(
            "Queued %d pre-call notices and %d re-visit reminders", report.notices,
            report.reminders,
        )  # fmt: skip
    return report
