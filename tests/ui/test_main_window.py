"""The main window lists the signed-in agent's queue and says which line is in use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.dialer.events import CallLimitReached
from agent_app.dialer.fake import FakePhone
from agent_app.domain.enums import Role
from agent_app.store.engine import create_server_engine
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope, count_queue
from agent_app.sync.leases import LocalTaskLeases
from agent_app.ui.call_bar import CallBar
from agent_app.ui.main_window import ALL_OPEN, DUE_TODAY, DUE_WEEK, MainWindow, due_cutoff
from agent_app.ui.phone_bridge import PhoneBridge
from tests.pg_server import free_port
from tests.ui.conftest import queue_counted


def test_window_shows_the_agents_queue_and_counts_it(qtbot: QtBot, ui_store: Engine) -> None:
    agent = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    window = MainWindow(ui_store, agent, "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
    queue_counted(qtbot, window)
    expected = count_queue(ui_store, QueueScope.for_account(agent))
    assert window.model.rowCount() == expected > 0
    assert window.count_label.text() == f"{expected:,} follow-ups"
    assert window.line_label.text() == "Line: simulated (demo)"
    assert agent.full_name in window.windowTitle()


def test_due_windows_end_at_hospital_midnight() -> None:
    now = dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.UTC)  # 04:00 on the 24th in UTC+8
    assert due_cutoff(DUE_TODAY, now) == dt.datetime(2026, 11, 24, 16, 0, tzinfo=dt.UTC)
    assert due_cutoff(DUE_WEEK, now) == dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)
    assert due_cutoff(ALL_OPEN, now) is None


def test_unreachable_central_database_is_shown_as_offline_in_plain_words(
    qtbot: QtBot, ui_store: Engine
) -> None:
    agent = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    window = MainWindow(ui_store, agent, "Line: simulated (demo)")
    qtbot.addWidget(window)
    port = free_port()
    window.check_server(
        create_server_engine(
            f"postgresql+psycopg://{agent.username}@127.0.0.1:{port}/followup", connect_timeout=2
        )
    )
    qtbot.waitUntil(
        lambda: window.server_label.text() != "Central database: connecting…", timeout=10_000
    )
    assert window.server_label.text() == "Central database: offline"
    assert window.server_label.toolTip().startswith(
        f"Cannot reach the central database at 127.0.0.1:{port}"
    )
    assert queue_counted(qtbot, window).model.rowCount() > 0  # the local queue keeps working


def test_reachable_central_database_is_shown_online(
    qtbot: QtBot, ui_store: Engine, pg_url: str
) -> None:
    agent = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    window = MainWindow(ui_store, agent, "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.check_server(create_server_engine(pg_url))
    qtbot.waitUntil(
        lambda: window.server_label.text() == "Central database: online", timeout=10_000
    )


def test_a_caller_turned_away_at_the_call_limit_is_said_in_the_status_bar(
    qtbot: QtBot, ui_store: Engine, tmp_path: Path
) -> None:
    agent = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    bridge = PhoneBridge(FakePhone(voice_cache=tmp_path / "voices"))
    window = MainWindow(ui_store, agent, "", CallBar(bridge, tmp_path / "rec"))
    qtbot.addWidget(window)
    try:
        assert window.line_label.text() == "Line: Simulated line — ready"
        assert window.line_retry is not None and window.line_retry.isHidden()
        bridge.require_phone().post(CallLimitReached("", 3))
        qtbot.waitUntil(lambda: "3 calls" in window.statusBar().currentMessage())
        assert window.statusBar().currentMessage() == (
            "The phone line already holds 3 calls, its limit: a caller just heard busy. Answer "
            "or end the calls that ring; if this repeats, ask IT to raise max_calls."
        )
    finally:
        window.writer.wait()
        bridge.stop()


def test_best_chance_first_orders_the_queue_and_next_opens_its_first_free_follow_up(
    qtbot: QtBot, ui_store: Engine, tmp_path: Path
) -> None:
    agent = next(a for a in list_accounts(ui_store) if a.role is Role.AGENT)
    window = MainWindow(ui_store, agent, "Line: simulated (demo)", drafts_dir=tmp_path)
    qtbot.addWidget(window)
    window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
    with qtbot.waitSignal(window.model.sig_sorting, check_params_cb=lambda busy: not busy):
        window.reach_action.trigger()
    assert window.model.reach_ordered
    assert not window.table.horizontalHeader().isSortIndicatorShown()
    first, second = window.model.reach_leaders(2)
    other = next(a for a in list_accounts(ui_store) if a.id != agent.id)
    LocalTaskLeases(ui_store, other.id).claim(first)  # another agent is on the first one
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.followup is not None, timeout=15000)
    assert window.followup is not None and window.followup.work.task_id == second

    window.reach_action.trigger()  # off: the queue is in due order again
    assert not window.model.reach_ordered
    assert window.table.horizontalHeader().isSortIndicatorShown()
