"""Push: applied once by change id, results kept and flagged, bad entries quarantined."""

from __future__ import annotations

from sqlalchemy import Engine, select, text, update

from agent_app.domain.enums import OutboxState
from agent_app.store.outbox import count_by_state
from agent_app.store.schema import FollowupResult, FollowupTask, Outbox
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import open_tasks, queue_refused_change, save_call_result


def _server_count(server: Engine, sql: str, **params: object) -> int:
    with server.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


def test_saved_calls_reach_the_server_once_and_are_marked_pushed(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    saved = [save_call_result(local, t, s) for t, s in open_tasks(local)[:6]]
    report = push_pending(local, server, batch_size=5)
    assert (report.applied, report.quarantined, report.batches) == (18, 0, 4)
    assert count_by_state(local)[OutboxState.PUSHED] == 18
    ids = [str(call.result_id) for call in saved]
    found = "SELECT count(*) FROM followup_result WHERE id = ANY(CAST(:ids AS uuid[]))"
    assert _server_count(server, found, ids=ids) == 6
    assert _server_count(server, "SELECT count(*) FROM followup_task WHERE status = 'done'") == 6


def test_pushing_the_same_entries_again_never_duplicates(server: Engine, local: Engine) -> None:
    pull_changes(local, server)
    for task_id, staff_id in open_tasks(local)[:4]:
        save_call_result(local, task_id, staff_id)
    push_pending(local, server)
    with local.begin() as connection:  # as if every acknowledgement had been lost
        connection.execute(update(Outbox).values(state=OutboxState.PENDING))
    again = push_pending(local, server)
    assert (again.duplicate, again.applied) == (12, 0)
    assert _server_count(server, "SELECT count(*) FROM followup_result") == 4
    assert _server_count(server, "SELECT count(*) FROM call_attempt") == 4
    assert _server_count(server, "SELECT count(*) FROM applied_change") == 12
    assert _server_count(server, "SELECT max(attempt_count) FROM followup_task") == 1


def test_result_for_a_task_reassigned_meanwhile_is_kept_and_flagged(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = next((t, s) for t, s in open_tasks(local) if s == 1)
    call = save_call_result(local, task_id, staff_id)
    with server.begin() as connection:  # the supervisor hands the task to nurse 2
        connection.execute(
            update(FollowupTask).where(FollowupTask.id == task_id).values(assigned_staff_id=2)
        )
    report = push_pending(local, server)
    assert (report.flagged, report.stale, report.quarantined) == (1, 1, 0)
    with server.connect() as connection:
        flagged = connection.execute(
            select(FollowupResult.flagged_reason).where(FollowupResult.id == call.result_id)
        ).scalar_one()
        task = connection.execute(
            select(FollowupTask.status, FollowupTask.attempt_count).where(
                FollowupTask.id == task_id
            )
        ).one()
    assert flagged == "task_reassigned:2"
    assert task == ("pending", 1)  # nurse 2 keeps the task open; the attempt still counts


def test_refused_entry_is_quarantined_with_its_reason_and_the_rest_go_through(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    (first, s1), (second, s2) = open_tasks(local)[:2]
    save_call_result(local, first, s1)
    queue_refused_change(local)  # a change the server can never take, between two good
    save_call_result(local, second, s2)
    report = push_pending(local, server, batch_size=100)
    assert (report.applied, report.quarantined, report.batches) == (6, 1, 1)
    with local.connect() as connection:
        state, error = connection.execute(
            select(Outbox.state, Outbox.error).where(Outbox.table_name == "patient")
        ).one()
    assert state == OutboxState.QUARANTINED
    assert error == "the server does not accept update of patient from the desk"
    assert _server_count(server, "SELECT count(*) FROM followup_result") == 2


def test_result_for_a_task_missing_on_the_server_is_quarantined(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    with server.begin() as connection:
        connection.execute(text("DELETE FROM followup_task WHERE id = :t"), {"t": task_id})
    report = push_pending(local, server)
    assert (report.applied, report.quarantined) == (0, 3)
    with local.connect() as connection:
        errors = connection.execute(select(Outbox.error).order_by(Outbox.seq)).scalars().all()
    assert "violates foreign key constraint" in errors[0]
    assert f"task {task_id} does not exist on the server" in errors[1]
