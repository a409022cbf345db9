"""Supervision on the central server under each staff login (row-level security applies):
spot-check sampling by supervisors and quality staff, and a complaint's re-assignment pushed
from a desk that worked offline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from agent_app.domain.enums import CheckLevel
from agent_app.store.schema import Complaint
from agent_app.supervision.complaints import (
    assign_complaint,
    register_complaint,
    reply_complaint,
)
from agent_app.supervision.sampling import Quota, SamplingPlan, run_sampling
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending

Connect = Callable[..., Engine]
DUE = dt.date(2026, 11, 20)  # the small hospital's tasks are all due that day
SUPERVISOR, QUALITY = 4, 5  # nurse4 supervises department 1; nurse5 is hospital quality


def _all_done(server: Engine) -> None:
    with server.begin() as connection:
        connection.execute(text("UPDATE followup_task SET status = 'done'"))


def _plan(level: CheckLevel, departments: tuple[int, ...] | None) -> SamplingPlan:
    return SamplingPlan(level, DUE, DUE, Quota(25, 1), department_ids=departments)


def _spot_checks(server: Engine) -> list[tuple[int, int, int]]:
    with server.connect() as connection:
        return [
            (level, department, parent)
            for level, department, parent in connection.execute(
                text(
                    "SELECT c.level, c.department_id, p.department_id FROM followup_task c "
                    "JOIN followup_task p ON p.id = c.parent_task_id ORDER BY c.id"
                )
            )
        ]


def test_a_supervisor_samples_their_department_at_level_2_on_the_server(
    server: Engine, as_staff: Connect
) -> None:
    _all_done(server)
    result = run_sampling(as_staff("nurse4"), SUPERVISOR, _plan(CheckLevel.DEPARTMENT, (1,)))
    assert result.created and len(result.created) == result.picked
    assert _spot_checks(server) == [(2, 1, 1)] * len(result.created)
    with server.connect() as connection:
        plan, template = connection.execute(
            text(
                "SELECT p.name, q.code FROM followup_task t JOIN followup_plan p "
                "ON p.id = t.plan_id JOIN questionnaire_template q ON q.id = p.template_id "
                "WHERE t.level = 2 LIMIT 1"
            )
        ).one()
        runs = connection.execute(text("SELECT created_by_id FROM sampling_run")).scalars()
        assert list(runs) == [SUPERVISOR]
    assert (plan, template) == ("质控抽查核实", "spot_check_verification")


@pytest.mark.parametrize(
    ("level", "departments"),
    [(CheckLevel.HOSPITAL, (1,)), (CheckLevel.DEPARTMENT, (2,))],
    ids=["level-3", "another-department"],
)
def test_a_supervisor_cannot_create_hospital_checks_or_another_departments(
    server: Engine, as_staff: Connect, level: CheckLevel, departments: tuple[int, ...]
) -> None:
    _all_done(server)
    supervisor = as_staff("nurse4")
    # Department 2's follow-ups are out of the supervisor's sight, so its sample would be
    # empty; even the record of such a run is refused.
    with pytest.raises(DBAPIError, match="row-level security"):
        run_sampling(supervisor, SUPERVISOR, _plan(level, departments))
    assert _spot_checks(server) == []


def test_quality_staff_sample_every_department_at_level_3_and_agents_cannot(
    server: Engine, as_staff: Connect
) -> None:
    _all_done(server)
    with pytest.raises(DBAPIError, match="permission denied"):
        run_sampling(as_staff("nurse1"), 1, _plan(CheckLevel.DEPARTMENT, (2,)))
    result = run_sampling(as_staff("nurse5"), QUALITY, _plan(CheckLevel.HOSPITAL, None))
    assert {(level, child) for level, child, _ in _spot_checks(server)} == {(3, 1), (3, 2)}
    assert all(child == parent for _, child, parent in _spot_checks(server))
    assert len(result.created) == result.picked


def test_the_spot_check_plan_is_stored_once_past_ids_loaded_by_hand(
    server: Engine, as_staff: Connect
) -> None:
    """The small hospital was loaded with its own ids and left the sequences at 1: the plan
    still finds free ids, and a second sampling reuses it."""
    _all_done(server)
    supervisor = as_staff("nurse4")
    run_sampling(supervisor, SUPERVISOR, _plan(CheckLevel.DEPARTMENT, (1,)), seed=1)
    run_sampling(as_staff("nurse5"), QUALITY, _plan(CheckLevel.HOSPITAL, None), seed=2)
    with server.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT q.version, s.code, count(DISTINCT t.level) FROM followup_plan p "
                "JOIN questionnaire_template q ON q.id = p.template_id "
                "JOIN call_script s ON s.id = p.script_id "
                "JOIN followup_task t ON t.plan_id = p.id "
                "WHERE q.code = 'spot_check_verification' GROUP BY q.version, s.code"
            )
        ).all()
        general = connection.execute(
            text("SELECT code FROM questionnaire_template WHERE id = 1")
        ).scalar_one()
    assert rows == [(1, "spot_check_verification", 2)]  # one plan, both levels' tasks
    assert general == "general"


def _department(server: Engine, complaint_id: object) -> int | None:
    with server.connect() as connection:
        return connection.execute(
            text("SELECT department_id FROM complaint WHERE id = :c"), {"c": complaint_id}
        ).scalar_one()


def test_a_complaint_reassigned_offline_reaches_the_server_with_its_department(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    quality = as_staff("nurse5")
    pull_changes(local, quality)
    complaint = register_complaint(local, QUALITY, "等了很久没人接电话", department_id=2)
    assign_complaint(local, QUALITY, complaint.id, 1, "心内科处理")
    report = push_pending(local, quality)
    assert (report.applied, report.quarantined) == (2, 0)
    assert _department(server, complaint.id) == 1
    with server.connect() as connection:
        state = connection.execute(
            text("SELECT state FROM complaint WHERE id = :c"), {"c": complaint.id}
        ).scalar_one()
    assert state == "assigned"


def test_an_agents_reply_to_a_complaint_is_not_refused_for_the_department(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse2 = as_staff("nurse2")  # an agent of department 1, without a grant on the column
    pull_changes(local, nurse2)
    complaint = register_complaint(local, 2, "出院带药说明不清楚", department_id=1)
    with local.begin() as connection:  # handed to the department, as a supervisor would
        connection.execute(
            Complaint.__table__.update()
            .where(Complaint.id == complaint.id)
            .values(state="assigned")
        )
    reply_complaint(local, 2, complaint.id, "已电话解释用药")
    report = push_pending(local, nurse2)
    assert (report.applied, report.quarantined) == (2, 0)
    assert _department(server, complaint.id) == 1
