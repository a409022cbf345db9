"""The planner's thread runs at once and again each turn, and stops when asked."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.sms.plan_schedule import PlanSchedule
from agent_app.sms.planner import Hospital, PlanReport
from agent_app.store.engine import open_local_store
from agent_app.store.schema import SmsMessage
from tests.sms.plan_hospital import AGENT, add_patient, local, seed_plan_hospital


def test_the_schedule_plans_on_its_thread_until_stopped(tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_plan_hospital(engine)
    add_patient(engine, 1, due_at=local(2026, 11, 17, 9, 0))
    reports: list[PlanReport] = []
    twice = threading.Event()

    def heard(report: PlanReport) -> None:
        reports.append(report)
        if len(reports) >= 2:
            twice.set()

    schedule = PlanSchedule(engine, Hospital("市一院", ""), AGENT, every_seconds=0.05,
                            clock=lambda: local(2026, 11, 16, 18, 0), on_report=heard)  # fmt: skip
    schedule.start()
    assert twice.wait(10)
    schedule.stop()
    assert reports[0].notices == 1 and reports[1].notices == 0
    with Session(engine) as session:
        assert len(session.scalars(select(SmsMessage.id)).all()) == 1
