"""Push and pull signed in as a staff member: the server rules still apply, RLS on top."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from agent_app.domain.enums import OutboxState, SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.outbox import enqueue
from agent_app.store.schema import AuditLog, Outbox, SmsMessage
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import save_call_result

Connect = Callable[..., Engine]


def _count(server: Engine, sql: str) -> int:
    with server.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def _own_open_tasks(local: Engine, staff_id: int) -> list[int]:
    with local.connect() as connection:
        return list(
            connection.execute(
                text(
                    "SELECT id FROM followup_task WHERE status = 'pending' AND"
                    " (assigned_staff_id = :s OR assigned_staff_id IS NULL) ORDER BY id"
                ),
                {"s": staff_id},
            ).scalars()
        )


def _queue_raw(local: Engine, table: str, payload: dict[str, object]) -> None:
    with local.begin() as connection:
        connection.execute(
            Outbox.__table__.insert().values(
                change_id=uuid.uuid4(), table_name=table, row_id=str(payload["id"]),
                operation="insert", payload=json.loads(json.dumps(payload)),
                state=OutboxState.PENDING, error="",
            )
        )  # fmt: skip


def _quarantined(local: Engine) -> list[tuple[str, str]]:
    with local.connect() as connection:
        return [
            (table, error)
            for table, error in connection.execute(
                select(Outbox.table_name, Outbox.error)
                .where(Outbox.state == OutboxState.QUARANTINED)
                .order_by(Outbox.seq)
            )
        ]


def test_agent_pushes_its_calls_and_a_row_in_another_name_is_quarantined(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    first, second = _own_open_tasks(local, 1)[:2]
    save_call_result(local, first, 1)
    forged = save_call_result(local, second, 3, finish_task=False)  # in nurse3's name
    report = push_pending(local, nurse1)
    assert (report.applied, report.quarantined) == (4, 2)  # the forged attempt and result
    assert [table for table, _ in _quarantined(local)] == ["call_attempt", "followup_result"]
    assert "row-level security" in _quarantined(local)[0][1]
    assert _count(server, "SELECT count(*) FROM followup_result") == 1
    assert (
        _count(server, f"SELECT count(*) FROM call_attempt WHERE id = '{forged.attempt_id}'") == 0
    )
    with server.connect() as connection:
        status = connection.execute(
            text("SELECT status FROM followup_task WHERE id = :t"), {"t": first}
        ).scalar_one()
    assert status == "done"


def test_audit_and_sms_rows_are_insert_only_through_the_push(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    task_id = _own_open_tasks(local, 1)[0]
    with Session(local) as session, session.begin():
        audit = AuditLog(staff_id=1, action="view", object_type="patient", object_id="1")
        session.add(audit)
        enqueue(session, audit)
        sms = SmsMessage(task_id=task_id, number_e164="+8613800000001", body="明天回访")
        session.add(sms)
        enqueue(session, sms)
        sms_id = str(sms.id)
    report = push_pending(local, nurse1)
    assert (report.applied, report.quarantined) == (2, 0), _quarantined(local)
    with local.begin() as connection:  # an update of an insert-only row is refused
        connection.execute(
            Outbox.__table__.insert().values(
                change_id=uuid.uuid4(), table_name="sms_message", row_id=sms_id,
                operation="update", payload={"id": sms_id, "state": SmsState.SENT.value},
                state=OutboxState.PENDING, error="",
            )
        )  # fmt: skip
    assert push_pending(local, nurse1).quarantined == 1
    assert _count(server, "SELECT count(*) FROM audit_log") == 1
    assert _count(server, "SELECT count(*) FROM sms_message WHERE state = 'queued'") == 1


def test_a_table_registered_in_sync_insert_only_is_taken_by_the_push(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    with server.begin() as connection:  # what a later migration does for its own table
        connection.execute(text("CREATE TABLE desk_note (id uuid PRIMARY KEY, body text)"))
        connection.execute(text("GRANT INSERT ON desk_note TO desk_staff"))
    _queue_raw(local, "desk_note", {"id": str(uuid.uuid4()), "body": "before"})
    assert push_pending(local, nurse1).quarantined == 1
    assert "does not accept insert of desk_note" in _quarantined(local)[0][1]
    with server.begin() as connection:
        connection.execute(text("INSERT INTO sync_insert_only VALUES ('desk_note')"))
    _queue_raw(local, "desk_note", {"id": str(uuid.uuid4()), "body": "after"})
    assert push_pending(local, nurse1).applied == 1
    assert _count(server, "SELECT count(*) FROM desk_note WHERE body = 'after'") == 1


def test_pull_as_an_agent_brings_only_its_part_of_the_hospital(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    report = pull_changes(local, as_staff("nurse2"))
    with server.connect() as connection:
        expected = connection.execute(
            text("SELECT count(*) FROM followup_task WHERE department_id = 1 OR"
                 " assigned_staff_id = 2")
        ).scalar_one()  # fmt: skip
        everything = connection.execute(text("SELECT count(*) FROM followup_task")).scalar_one()
    assert report.rows["followup_task"] == expected < everything
    assert dt.datetime.now(dt.UTC)  # the desk's store now holds exactly that part
    with local.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM followup_task")).scalar_one() == (
            expected
        )


def test_result_for_a_task_moved_to_another_department_is_kept_and_flagged(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    task_id = _own_open_tasks(local, 1)[0]
    with nurse1.begin() as connection:  # the desk leases every follow-up it opens
        connection.execute(text("SELECT lease_claim(:t, 900)"), {"t": task_id})
    call = save_call_result(local, task_id, 1)  # done offline
    with server.begin() as connection:  # meanwhile the task moves to department 1, nurse2
        connection.execute(
            text("UPDATE followup_task SET department_id = 1, assigned_staff_id = 2 WHERE id = :t"),
            {"t": task_id},
        )
    report = push_pending(local, nurse1)
    assert (report.applied, report.flagged, report.stale, report.quarantined) == (1, 1, 1, 0)
    with server.connect() as connection:
        flagged = connection.execute(
            text("SELECT flagged_reason FROM followup_result WHERE id = :r"),
            {"r": call.result_id},
        ).scalar_one()
        status = connection.execute(
            text("SELECT status FROM followup_task WHERE id = :t"), {"t": task_id}
        ).scalar_one()
    assert flagged == "task_reassigned:2" and status == "pending"


def test_a_second_result_for_a_follow_up_a_colleague_already_finished_is_kept_and_flagged(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Path
) -> None:
    nurse1, nurse3 = as_staff("nurse1"), as_staff("nurse3")  # both agents of department 2
    theirs = open_local_store(tmp_path / "nurse3.sqlite3")
    pull_changes(local, nurse1)
    pull_changes(theirs, nurse3)
    with local.connect() as connection:
        pool = connection.execute(
            text("SELECT id FROM followup_task WHERE department_id = 2 "
                 "AND assigned_staff_id IS NULL ORDER BY id LIMIT 1")
        ).scalar_one()  # fmt: skip
    mine = save_call_result(local, pool, 1)  # both called the patient while offline
    first = save_call_result(theirs, pool, 3)
    push_pending(theirs, nurse3)
    report = push_pending(local, nurse1)
    assert report.flagged == 1 and report.quarantined == 0
    with server.connect() as connection:
        flags = dict(
            connection.execute(
                text("SELECT id, flagged_reason FROM followup_result WHERE task_id = :t"),
                {"t": pool},
            ).all()
        )
    assert flags == {first.result_id: "", mine.result_id: "task_already_done"}
