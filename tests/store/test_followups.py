"""A follow-up from the agent's side: loading it, and the wrap-up written in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.answer_sheet import AnswerSheet
from agent_app.domain.enums import (
    Disposition,
    LineType,
    RedFlagSeverity,
    TaskStatus,
)
from agent_app.domain.work_calendar import ExceptionKind
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import (
    finish_attempt,
    mark_answered,
    start_outbound,
)
from agent_app.store.repositories.followups import (
    FollowupUnavailableError,
    WrapUp,
    load_followup,
    save_wrapup,
)
from agent_app.store.repositories.reach_history import forget_cached_history
from agent_app.store.schema import (
    CallAttempt,
    CallingException,
    Department,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    Outbox,
    QuestionnaireTemplate,
    RedFlagAlert,
)
from tests.conftest import DEMO_TODAY
from tests.store.call_history import add_calls

NOW = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)  # Monday 09:00 in Shanghai


@pytest.fixture
def hospital(tmp_path: Path) -> Engine:
    """The desk's own store (the outbox is local): a small generated hospital."""
    engine = open_local_store(tmp_path / "desk.sqlite3")
    seed_store(engine, 40, seed=5, today=DEMO_TODAY, history=False)
    return engine


def _open_task(engine: Engine, department_code: str) -> int:
    with Session(engine) as session:
        return session.scalars(
            select(FollowupTask.id)
            .join(Department, Department.id == FollowupTask.department_id)
            .where(
                Department.code == department_code,
                FollowupTask.status == TaskStatus.PENDING,
                FollowupTask.episode_id.is_not(None),
            )
            .order_by(FollowupTask.id)
            .limit(1)
        ).one()


def _fixed_retries(engine: Engine, task_id: int) -> None:
    """The task's plan retries a fixed spacing later, not at the patient's best time."""
    with Session(engine) as session, session.begin():
        plan = session.get_one(FollowupPlan, session.get_one(FollowupTask, task_id).plan_id)
        plan.calling_hours = {**plan.calling_hours, "best_time": False}


def _outbox(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        return [
            (row.table_name, row.operation)
            for row in session.scalars(select(Outbox).order_by(Outbox.seq))
        ]


def test_a_cardiology_task_opens_with_its_plans_template_script_and_hours(
    hospital: Engine,
) -> None:
    task_id = _open_task(hospital, "CARD")
    work = load_followup(hospital, task_id)
    assert work.template.code == "cardiology"
    assert work.script is not None
    assert work.policy.max_attempts == 3
    assert work.policy.hours.days == frozenset({1, 2, 3, 4, 5, 6})
    assert work.card.episode is not None
    assert work.doctor_id is not None
    assert work.is_open


def test_reached_wrapup_stores_result_alerts_and_outbox_in_one_go(hospital: Engine) -> None:
    task_id = _open_task(hospital, "CARD")
    work = load_followup(hospital, task_id)
    staff_id = 1
    attempt_id = start_outbound(
        hospital, staff_id=staff_id, number="13800000000", line=LineType.FAKE, task_id=task_id
    )
    mark_answered(hospital, attempt_id, NOW)
    finish_attempt(
        hospital,
        attempt_id,
        answered_at=None,
        ended_at=NOW + dt.timedelta(minutes=4),
        end_reason="You ended the call.",
    )
    sheet = AnswerSheet(work.template, call_started_at=NOW)
    sheet.answer("identity_confirmed", "self", NOW)
    sheet.answer("chest_pain", "yes", NOW)
    sheet.answer("chest_pain_duration", "over_20", NOW)
    flags = sheet.red_flags()
    assert [f.rule.id for f in flags] == ["possible_acute_coronary"]

    saved = save_wrapup(
        hospital,
        work,
        WrapUp(
            task_id=task_id,
            staff_id=staff_id,
            disposition=Disposition.REACHED,
            attempt_id=attempt_id,
            answers=sheet.to_json(),
            satisfaction=4,
            red_flags=flags,
            notes="已建议拨打 120",
            now=NOW + dt.timedelta(minutes=5),
        ),
    )
    assert saved.step.status is TaskStatus.DONE
    with Session(hospital) as session:
        task = session.get_one(FollowupTask, task_id)
        assert (task.status, task.attempt_count) == (TaskStatus.DONE, work.attempts + 1)
        result = session.get_one(FollowupResult, saved.result_id)
        assert result.answers["answers"]["chest_pain_duration"]["value"] == "over_20"
        assert result.satisfaction == 4
        assert result.template_version == work.template.version
        alert = session.scalars(select(RedFlagAlert)).one()
        assert (alert.doctor_id, alert.severity) == (work.doctor_id, RedFlagSeverity.CRITICAL)
        assert "120" in alert.message
        assert session.get_one(CallAttempt, attempt_id).disposition is Disposition.REACHED
    assert _outbox(hospital) == [
        ("call_attempt", "insert"),
        ("call_attempt", "update"),
        ("call_attempt", "update"),
        ("call_attempt", "update"),
        ("followup_result", "insert"),
        ("red_flag_alert", "insert"),
        ("followup_task", "update"),
    ]


def test_a_retry_skips_the_hospitals_closure_day_set_in_the_store(hospital: Engine) -> None:
    task_id = _open_task(hospital, "RESP")
    _fixed_retries(hospital, task_id)
    with Session(hospital) as session, session.begin():
        session.add(
            CallingException(
                day=dt.date(2026, 11, 24), kind=ExceptionKind.CLOSED, reason="全院停电检修"
            )
        )
    work = load_followup(hospital, task_id)
    evening = dt.datetime(2026, 11, 23, 11, 0, tzinfo=dt.UTC)  # Monday 19:00 in Shanghai
    attempt_id = start_outbound(hospital, staff_id=1, number="010-1", line=LineType.FAKE)
    saved = save_wrapup(
        hospital,
        work,
        WrapUp(task_id, 1, Disposition.NO_ANSWER, attempt_id=attempt_id, now=evening),
    )
    # Tuesday is closed: the retry waits for Wednesday's first window (08:30 in Shanghai).
    assert saved.step.due_at == dt.datetime(2026, 11, 25, 0, 30, tzinfo=dt.UTC)


def test_no_answer_reschedules_inside_calling_hours(hospital: Engine) -> None:
    task_id = _open_task(hospital, "RESP")
    _fixed_retries(hospital, task_id)
    work = load_followup(hospital, task_id)
    attempt_id = start_outbound(hospital, staff_id=1, number="010-1", line=LineType.FAKE)
    saved = save_wrapup(
        hospital,
        work,
        WrapUp(task_id, 1, Disposition.NO_ANSWER, attempt_id=attempt_id, now=NOW),
    )
    assert saved.result_id is None
    assert saved.step.status is TaskStatus.PENDING
    with Session(hospital) as session:
        task = session.get_one(FollowupTask, task_id)
        assert task.due_at == NOW + dt.timedelta(hours=2)
        assert task.attempt_count == work.attempts + 1
        assert task.lease_owner_id is None
        assert (
            session.scalar(
                select(func.count())
                .select_from(FollowupResult)
                .where(FollowupResult.task_id == task_id)
            )
            == 0
        )


def test_a_best_time_plan_retries_at_the_patients_usual_hour(hospital: Engine) -> None:
    """A patient who has answered only in the evening: after no answer on Monday morning the
    retry goes to Monday evening, not two hours later in the working day."""
    task_id = _open_task(hospital, "RESP")
    add_calls(
        hospital,
        task_id,
        (
            (NOW.replace(hour=hour) - dt.timedelta(weeks=week), answered)
            for week in range(1, 9)
            for hour, answered in ((1, False), (11, True))  # 09:00 and 19:00 in Shanghai
        ),
    )
    forget_cached_history()
    work = load_followup(hospital, task_id)
    assert work.policy.hours.best_time
    attempt_id = start_outbound(hospital, staff_id=1, number="010-1", line=LineType.FAKE)
    saved = save_wrapup(
        hospital,
        work,
        WrapUp(task_id, 1, Disposition.NO_ANSWER, attempt_id=attempt_id, now=NOW),
    )
    due = saved.step.due_at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert saved.step.status is TaskStatus.PENDING
    assert due.date() == dt.date(2026, 11, 23)  # the same Monday, in the evening
    assert 18 <= due.hour <= 19


def test_deceased_closes_every_other_open_follow_up_of_the_patient(hospital: Engine) -> None:
    with Session(hospital) as session:
        patient_id = session.scalars(
            select(FollowupTask.patient_id)
            .where(FollowupTask.status == TaskStatus.PENDING)
            .group_by(FollowupTask.patient_id)
            .having(func.count() > 1)
            .limit(1)
        ).one()
        first, *others = session.scalars(
            select(FollowupTask.id)
            .where(FollowupTask.patient_id == patient_id, FollowupTask.status == TaskStatus.PENDING)
            .order_by(FollowupTask.due_at)
        ).all()
    work = load_followup(hospital, first)
    saved = save_wrapup(hospital, work, WrapUp(first, 1, Disposition.DECEASED, answers={}, now=NOW))
    assert saved.cancelled_tasks == len(others)
    with Session(hospital) as session:
        states = set(
            session.scalars(select(FollowupTask.status).where(FollowupTask.id.in_(others)))
        )
        assert states == {TaskStatus.CANCELLED}
        assert session.get_one(FollowupTask, first).attempt_count == work.attempts  # no call


def test_a_damaged_questionnaire_is_refused_with_its_reason(hospital: Engine) -> None:
    task_id = _open_task(hospital, "CARD")
    with Session(hospital) as session, session.begin():
        template_id = session.scalars(
            select(FollowupPlan.template_id)
            .join(FollowupTask, FollowupTask.plan_id == FollowupPlan.id)
            .where(FollowupTask.id == task_id)
        ).one()
        body = dict(session.get_one(QuestionnaireTemplate, template_id).body)
        body["sections"] = "not a list"
        session.execute(
            update(QuestionnaireTemplate)
            .where(QuestionnaireTemplate.id == template_id)
            .values(body=json.loads(json.dumps(body)))
        )
    with pytest.raises(FollowupUnavailableError, match=r"is damaged: .*sections"):
        load_followup(hospital, task_id)


def test_an_unknown_task_says_so(hospital: Engine) -> None:
    with pytest.raises(FollowupUnavailableError, match="not in this store"):
        load_followup(hospital, 9_999_999)
