"""Push and pull across a cut line (a real TCP proxy in front of the real server)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from agent_app.domain.enums import OutboxState
from agent_app.store.outbox import count_by_state
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.tcp_proxy import TcpProxy


def _results_on_server(server: Engine) -> int:
    with server.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM followup_result")).scalar_one())


def _save_calls(local: Engine, server: Engine, count: int) -> None:
    pull_changes(local, server)
    for task_id, staff_id in open_tasks(local)[:count]:
        save_call_result(local, task_id, staff_id)


def test_push_over_a_cut_line_keeps_everything_pending_then_goes_through(
    server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    _save_calls(local, server, 3)
    line.cut()
    with pytest.raises(SyncOfflineError, match=r"^Cannot reach the central database at 127\.0"):
        push_pending(local, server_via_line)
    assert count_by_state(local)[OutboxState.PENDING] == 9
    line.restore()
    assert push_pending(local, server_via_line).applied == 9
    assert _results_on_server(server) == 3


def test_cut_in_the_middle_of_a_batch_rolls_back_and_the_retry_applies_once(
    server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    _save_calls(local, server, 4)
    fired = line.cut_after(b"sync_push", delay=0.3)  # the batch arrives; no reply, no COMMIT
    with pytest.raises(SyncOfflineError):
        push_pending(local, server_via_line)
    assert fired.is_set()
    assert _results_on_server(server) == 0
    assert count_by_state(local)[OutboxState.PENDING] == 12
    report = push_pending(local, server_via_line)
    assert (report.applied, report.duplicate) == (12, 0)
    assert _results_on_server(server) == 4


def test_cut_after_the_server_committed_but_before_the_ack_retries_without_duplicates(
    server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    _save_calls(local, server, 4)
    fired = line.cut_after(b"COMMIT", delay=0.3)
    with pytest.raises(SyncOfflineError):
        push_pending(local, server_via_line)
    assert fired.is_set()
    assert _results_on_server(server) == 4  # committed on the server, unheard by the desk
    assert count_by_state(local)[OutboxState.PENDING] == 12
    report = push_pending(local, server_via_line)
    assert (report.applied, report.duplicate) == (0, 12)
    assert count_by_state(local)[OutboxState.PUSHED] == 12
    assert _results_on_server(server) == 4


def test_pull_cut_midway_resumes_after_the_last_stored_page(
    server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    pages: list[tuple[str, int]] = []

    def cut_after_three(table: str, rows: int) -> None:
        pages.append((table, rows))
        if len(pages) == 3:
            line.cut()

    tables = ("patient", "contact", "followup_task")
    with pytest.raises(SyncOfflineError):
        pull_changes(local, server_via_line, tables=tables, page_size=5, on_page=cut_after_three)
    stored_before_cut = sum(rows for _, rows in pages)
    # Rows already on their way when the line went are stored too; the rest waits.
    assert pages[:3] == [("patient", 5)] * 3
    line.restore()
    resumed = pull_changes(local, server_via_line, tables=tables, page_size=5)
    with local.connect() as mine, server.connect() as remote:
        counts = {
            table: (
                mine.execute(text(f"SELECT count(*) FROM {table}")).scalar_one(),
                remote.execute(text(f"SELECT count(*) FROM {table}")).scalar_one(),
            )
            for table in tables
        }
    assert all(here == there for here, there in counts.values()), counts
    assert stored_before_cut < sum(there for _, there in counts.values())
    # Resumed, not restarted: nothing fetched twice, nothing missed.
    assert stored_before_cut + resumed.total == sum(there for _, there in counts.values())
