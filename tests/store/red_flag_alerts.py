"""A red flag raised the way a desk raises one: a reached call, a chest pain answer, the
wrap-up saved. Shared by the inbox's store, UI and sync tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.answer_sheet import AnswerSheet
from agent_app.domain.enums import Disposition, LineType, Role, TaskStatus
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.attempts import finish_attempt, mark_answered, start_outbound
from agent_app.store.repositories.followups import WrapUp, load_followup, save_wrapup
from agent_app.store.schema import Department, FollowupTask, Staff

NOW = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)  # Monday 09:00 in Shanghai


@dataclass(frozen=True)
class RaisedAlert:
    alert_id: uuid.UUID
    task_id: int
    patient_id: int
    department_id: int
    doctor_id: int
    attempt_id: uuid.UUID


def account(engine: Engine, staff_id: int) -> StaffAccount:
    with Session(engine) as session:
        staff = session.get_one(Staff, staff_id)
        department = session.get_one(Department, staff.department_id)
        return StaffAccount(
            staff.id, staff.username, staff.full_name, staff.role, staff.department_id,
            department.name,
        )  # fmt: skip


def staff_of(engine: Engine, role: Role, department_id: int, *, other: bool = False) -> int:
    """A staff member of ``role`` in the department (or, with ``other``, outside it)."""
    with Session(engine) as session:
        wanted = (
            Staff.department_id != department_id if other else Staff.department_id == department_id
        )
        return int(
            session.scalars(
                select(Staff.id).where(Staff.role == role, wanted).order_by(Staff.id)
            ).first()
            or 0
        )


def raise_chest_pain_alert(engine: Engine, department_code: str = "CARD") -> RaisedAlert:
    """Wrap up the department's first open follow-up with a chest pain over 20 minutes."""
    with Session(engine) as session:
        task_id = session.scalars(
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
    work = load_followup(engine, task_id)
    agent = staff_of(engine, Role.AGENT, work.department_id)
    attempt_id = start_outbound(
        engine, staff_id=agent, number="13800000000", line=LineType.FAKE, task_id=task_id
    )
    mark_answered(engine, attempt_id, NOW)
    finish_attempt(
        engine, attempt_id, answered_at=None, ended_at=NOW + dt.timedelta(minutes=4),
        end_reason="You ended the call.",
    )  # fmt: skip
    sheet = AnswerSheet(work.template, call_started_at=NOW)
    sheet.answer("identity_confirmed", "self", NOW)
    sheet.answer("chest_pain", "yes", NOW)
    sheet.answer("chest_pain_duration", "over_20", NOW)
    saved = save_wrapup(
        engine,
        work,
        WrapUp(
            task_id=task_id,
            staff_id=agent,
            disposition=Disposition.REACHED,
            attempt_id=attempt_id,
            answers=sheet.to_json(),
            satisfaction=4,
            red_flags=sheet.red_flags(),
            notes="已建议拨打 120",
            now=NOW + dt.timedelta(minutes=5),
        ),
    )
    assert work.doctor_id is not None and len(saved.alert_ids) == 1
    return RaisedAlert(
        saved.alert_ids[0], task_id, work.card.id, work.department_id,
        work.doctor_id, attempt_id,
    )  # fmt: skip
