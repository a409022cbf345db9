"""Outbound calls written straight into a store, for the best-time tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import Direction, LineType
from agent_app.store.schema import CallAttempt, FollowupTask


def add_calls(engine: Engine, task_id: int, calls: Iterable[tuple[dt.datetime, bool]]) -> None:
    """One outbound attempt of the task's patient per (start, answered)."""
    with Session(engine) as session, session.begin():
        task = session.get_one(FollowupTask, task_id)
        for started, answered in calls:
            session.add(
                CallAttempt(
                    task_id=task.id,
                    patient_id=task.patient_id,
                    staff_id=1,
                    direction=Direction.OUTBOUND,
                    line=LineType.FAKE,
                    number="010-1",
                    started_at=started,
                    answered_at=started + dt.timedelta(seconds=9) if answered else None,
                    ended_at=started + dt.timedelta(minutes=3),
                )
            )
