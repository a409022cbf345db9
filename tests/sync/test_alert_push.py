"""Red-flag alerts reach the central server through the push, and only the right staff see them."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from agent_app.domain.enums import RedFlagSeverity
from agent_app.store.outbox import enqueue
from agent_app.store.schema import RedFlagAlert
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import save_call_result
from tests.sync.test_push_as_staff import _own_open_tasks, _quarantined

Connect = Callable[..., Engine]


def _visible_alerts(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM red_flag_alert")).scalar_one())


def test_an_alert_is_pushed_and_seen_by_its_department_and_quality_only(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    task_id = _own_open_tasks(local, 1)[0]
    saved = save_call_result(local, task_id, 1)
    with Session(local) as session, session.begin():
        task_department = session.execute(
            text("SELECT patient_id, department_id FROM followup_task WHERE id = :t"),
            {"t": task_id},
        ).one()
        alert = RedFlagAlert(
            id=uuid.uuid4(),
            result_id=saved.result_id,
            task_id=task_id,
            patient_id=task_department[0],
            department_id=task_department[1],
            doctor_id=None,
            raised_by_id=1,
            rule_id="fever",
            severity=RedFlagSeverity.URGENT,
            message="体温 39.2℃,请今日回电",
        )
        session.add(alert)
        enqueue(session, alert)
    report = push_pending(local, nurse1)
    assert report.quarantined == 0, _quarantined(local)
    assert _visible_alerts(server) == 1
    assert _visible_alerts(nurse1) == 1  # the one who raised it
    assert _visible_alerts(as_staff("nurse5")) == 1  # hospital quality
    other_department = 2 if task_department[1] == 1 else 1
    outsider = next(  # an agent of the other department, not the one who raised it
        name for name, dept in (("nurse2", 1), ("nurse3", 2)) if dept == other_department
    )
    assert _visible_alerts(as_staff(outsider)) == 0
