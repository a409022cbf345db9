"""Two desks that each planned the same notice push it to a real PostgreSQL: the server keeps
one message, and answers the second push without an error (the push goes on)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from sqlalchemy import Engine, text

Connect = Callable[..., Engine]


def _push(engine: Engine, key: str) -> str:
    sms_id = uuid.uuid4()
    payload = {
        "id": str(sms_id), "task_id": int(key.rsplit(":", 1)[1]), "number_e164": "+8613800000001",
        "body": "【市一院】将于明天上午致电您", "state": "queued",
        "created_at": "2026-11-16T10:00:00+00:00", "direction": "out", "patient_id": 1,
        "part_refs": [], "delivered_refs": [], "attempts": 0, "next_try_at": None,
        "sent_at": None, "delivered_at": None, "error": "", "purpose": "pre_call_notice",
        "episode_id": None, "plan_key": key,
    }  # fmt: skip
    change = {"change_id": str(uuid.uuid4()), "table": "sms_message", "op": "insert",
              "row_id": str(sms_id), "payload": payload}  # fmt: skip
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT * FROM sync_push(CAST(:c AS jsonb))"), {"c": json.dumps([change])}
        ).one()
    return str(row[1])


def test_the_same_planned_notice_from_two_desks_is_kept_once(
    server: Engine, as_staff: Connect
) -> None:
    # Task 2 is in department 2's pool: both agents of department 2 may write for it.
    first, second = as_staff("nurse1"), as_staff("nurse3")
    with server.connect() as connection:
        other = connection.execute(
            text("SELECT min(id) FROM followup_task WHERE department_id = 2 "
                 "AND assigned_staff_id IS NULL AND id <> 2")
        ).scalar_one()  # fmt: skip
    assert _push(first, "pre_call_notice:task:2") == "applied"
    assert _push(second, "pre_call_notice:task:2") == "duplicate"
    assert _push(second, f"pre_call_notice:task:{other}") == "applied"  # another task's goes in
    with server.connect() as connection:
        keys = connection.execute(
            text("SELECT plan_key, count(*) FROM sms_message GROUP BY plan_key")
        ).all()
    assert sorted(keys) == sorted(
        [("pre_call_notice:task:2", 1), (f"pre_call_notice:task:{other}", 1)]
    )


def test_a_notice_key_its_own_row_does_not_stand_for_is_refused(
    server: Engine, as_staff: Connect
) -> None:
    """Another task's key on task 2's row would drop that task's own notice later."""
    payload_key = "pre_call_notice:task:4"
    engine = as_staff("nurse1")
    sms_id = uuid.uuid4()
    change = {"change_id": str(uuid.uuid4()), "table": "sms_message", "op": "insert",
              "row_id": str(sms_id), "payload": {
                  "id": str(sms_id), "task_id": 2, "number_e164": "+8613800000001",
                  "body": "x", "state": "queued", "created_at": "2026-11-16T10:00:00+00:00",
                  "direction": "out", "patient_id": 1, "purpose": "pre_call_notice",
                  "episode_id": None, "plan_key": payload_key}}  # fmt: skip
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT * FROM sync_push(CAST(:c AS jsonb))"), {"c": json.dumps([change])}
        ).one()
    assert str(row[1]) == "refused"
