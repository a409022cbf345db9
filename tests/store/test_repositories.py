"""The queries the desk needs, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select, update

from agent_app.domain.enums import Role, TaskStatus
from agent_app.store.repositories.patients import (
    PatientNotFoundError,
    find_by_number,
    patient_card,
)
from agent_app.store.repositories.staff import AuthenticationError, authenticate, list_accounts
from agent_app.store.repositories.tasks import QueueScope, count_queue, queue_page
from agent_app.store.schema import Contact, FollowupTask


def _account(engine: Engine, role: Role):  # type: ignore[no-untyped-def]
    return next(a for a in list_accounts(engine) if a.role is role)


def test_login_accepts_the_demo_password_and_refuses_others(demo_engine: Engine) -> None:
    nurse = _account(demo_engine, Role.AGENT)
    assert authenticate(demo_engine, nurse.username, "demo") == nurse
    with pytest.raises(AuthenticationError):
        authenticate(demo_engine, nurse.username, "wrong")
    with pytest.raises(AuthenticationError):
        authenticate(demo_engine, "nobody", "demo")


def test_agent_queue_holds_own_and_pool_tasks_of_the_department_only(demo_engine: Engine) -> None:
    agent = _account(demo_engine, Role.AGENT)
    scope = QueueScope.for_account(agent)
    total = count_queue(demo_engine, scope)
    rows = queue_page(demo_engine, scope, 0, total + 10)
    assert len(rows) == total > 0
    with demo_engine.connect() as connection:
        expected = (
            connection.execute(
                select(FollowupTask.id).where(
                    FollowupTask.status.in_(["pending", "in_progress"]),
                    (FollowupTask.assigned_staff_id == agent.id)
                    | (
                        (FollowupTask.assigned_staff_id.is_(None))
                        & (FollowupTask.department_id == agent.department_id)
                    ),
                )
            )
            .scalars()
            .all()
        )
    assert sorted(r.task_id for r in rows) == sorted(expected)
    assert {r.department_name for r in rows} == {agent.department_name}


def test_queue_pages_are_in_due_order_without_gaps_or_repeats(demo_engine: Engine) -> None:
    scope = QueueScope.for_account(_account(demo_engine, Role.QUALITY))
    total = count_queue(demo_engine, scope)
    pages = [queue_page(demo_engine, scope, offset, 97) for offset in range(0, total, 97)]
    rows = [row for page in pages for row in page]
    assert len(rows) == total
    assert len({r.task_id for r in rows}) == total
    keys = [(r.due_at, r.task_id) for r in rows]
    assert keys == sorted(keys)
    assert all(r.status in (TaskStatus.PENDING, TaskStatus.IN_PROGRESS) for r in rows)


def test_due_before_limits_the_queue(demo_engine: Engine) -> None:
    quality = _account(demo_engine, Role.QUALITY)
    cutoff = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    rows = queue_page(demo_engine, QueueScope.for_account(quality, cutoff), 0, 100_000)
    assert rows and all(r.due_at < cutoff for r in rows)
    assert len(rows) < count_queue(demo_engine, QueueScope.for_account(quality))


def test_supervisor_sees_the_whole_department_and_nothing_else(demo_engine: Engine) -> None:
    supervisor = _account(demo_engine, Role.SUPERVISOR)
    scope = QueueScope.for_account(supervisor)
    rows = queue_page(demo_engine, scope, 0, 100_000)
    with demo_engine.connect() as connection:
        open_in_dept = connection.execute(
            select(func.count())
            .select_from(FollowupTask)
            .where(
                FollowupTask.department_id == supervisor.department_id,
                FollowupTask.status.in_(["pending", "in_progress"]),
            )
        ).scalar_one()
    assert len(rows) == open_in_dept == count_queue(demo_engine, scope)


def test_finished_tasks_leave_the_queue(demo_engine: Engine) -> None:
    scope = QueueScope.for_account(_account(demo_engine, Role.QUALITY))
    before = count_queue(demo_engine, scope)
    first = queue_page(demo_engine, scope, 0, 1)[0]
    with demo_engine.begin() as connection:
        connection.execute(
            update(FollowupTask)
            .where(FollowupTask.id == first.task_id)
            .values(status=TaskStatus.DONE)
        )
    try:
        assert count_queue(demo_engine, scope) == before - 1
        assert queue_page(demo_engine, scope, 0, 1)[0].task_id != first.task_id
    finally:
        with demo_engine.begin() as connection:
            connection.execute(
                update(FollowupTask)
                .where(FollowupTask.id == first.task_id)
                .values(status=TaskStatus.PENDING)
            )


def test_patient_card_gathers_contacts_episode_tasks_and_calls(demo_engine: Engine) -> None:
    scope = QueueScope.for_account(_account(demo_engine, Role.QUALITY))
    row = next(r for r in queue_page(demo_engine, scope, 0, 500) if r.attempts > 0)
    card = patient_card(demo_engine, row.patient_id)
    assert card.name == row.patient_name and card.mrn == row.mrn
    assert card.contacts and all(c.number_e164.startswith("+86") for c in card.contacts)
    assert card.episode is not None and card.episode.diagnosis_name == row.diagnosis
    assert card.episode.attending_nurse and card.episode.attending_doctor
    assert row.task_id in card.open_task_ids
    assert card.recent_attempts
    assert "*" in card.id_number_masked and len(card.id_number_masked) == 18
    with pytest.raises(PatientNotFoundError):
        patient_card(demo_engine, 10_000_000)


def test_number_lookup_finds_patient_and_family_contacts(demo_engine: Engine) -> None:
    with demo_engine.connect() as connection:
        family = connection.execute(
            select(Contact.patient_id, Contact.number_e164, Contact.relation, Contact.name)
            .where(Contact.relation != "self")
            .limit(1)
        ).one()
    matches = find_by_number(demo_engine, family.number_e164)
    match = next(m for m in matches if m.patient_id == family.patient_id)
    assert match.relation.value == family.relation
    assert match.contact_name == family.name
    assert find_by_number(demo_engine, "+8613000000000") == []


def test_same_number_on_two_patients_returns_both_open_tasks_first(demo_engine: Engine) -> None:
    with demo_engine.begin() as connection:
        a, b = connection.execute(select(Contact.id, Contact.patient_id).limit(2)).all()
        shared = "+8613999999999"
        connection.execute(
            update(Contact).where(Contact.id.in_([a.id, b.id])).values(number_e164=shared)
        )
    matches = find_by_number(demo_engine, shared)
    assert {m.patient_id for m in matches} == {a.patient_id, b.patient_id}
    assert [m.open_tasks for m in matches] == sorted((m.open_tasks for m in matches), reverse=True)
