"""The transfer directory travels like the other reference settings: an administrator's entry
on the central server is announced to every desk and pulled by an agent's desk of another
department, a removal reaches the desk too, and a department's calls go to its follow-up line,
else to its doctor on duty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.repositories.transfer_targets import (
    list_targets,
    remove_target,
    save_target,
    target_for_department,
)
from agent_app.sync.change_listener import CHANNEL, parse_notice
from agent_app.sync.pull import pull_changes

Connect = Callable[..., Engine]
ADMIN_ID = 6
NOON = dt.datetime(2026, 12, 3, 4, 0, tzinfo=dt.UTC)  # 12:00 in Beijing
DUTY = (NOON - dt.timedelta(hours=4), NOON + dt.timedelta(hours=8))


def test_an_entry_the_admin_adds_reaches_an_agents_desk_and_a_removal_follows(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    admin, agent = as_staff("nurse6"), as_staff("nurse1")  # nurse1 works in department 2
    pull_changes(local, agent)
    assert target_for_department(local, 1, NOON) is None
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as ear:
        ear.execute(f"LISTEN {CHANNEL}")
        doctor = save_target(
            admin, staff_id=ADMIN_ID, department_id=1, kind=TransferTargetKind.DOCTOR_ON_DUTY,
            label="王医生", number="8101", duty=DUTY,
        )  # fmt: skip
        notices = [parse_notice(n.payload) for n in ear.notifies(timeout=1.0)]
    assert ("transfer_target", None) in {(n.table, n.departments) for n in notices if n}

    report = pull_changes(local, agent)
    assert report.rows.get("transfer_target") == 1
    found = target_for_department(local, 1, NOON)
    assert found is not None and (found.label, found.number, found.department_name) == (
        "王医生",
        "8101",
        "心内科",
    )
    assert target_for_department(local, 1, NOON + dt.timedelta(hours=9)) is None  # off duty

    line = save_target(
        admin, staff_id=ADMIN_ID, department_id=1, kind=TransferTargetKind.FOLLOWUP_LINE,
        label="心内科随访专线", number="8001",
    )  # fmt: skip
    pull_changes(local, agent)
    chosen = target_for_department(local, 1, NOON)
    assert chosen is not None and chosen.id == line.id  # the line before the doctor
    assert [t.label for t in list_targets(local, NOON)] == ["心内科随访专线", "王医生"]

    remove_target(admin, line.id, staff_id=ADMIN_ID)
    remove_target(admin, doctor.id, staff_id=ADMIN_ID)
    pull_changes(local, agent)
    assert list_targets(local, NOON) == []
    assert target_for_department(local, 1, NOON) is None
