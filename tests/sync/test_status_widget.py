"""The status-bar widget follows the real worker and "Sync now" starts a cycle at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.sync.pull import pull_changes
from agent_app.sync.worker import SyncWorker
from agent_app.ui.qt import Qt
from agent_app.ui.sync_status import SyncStatusWidget
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.tcp_proxy import TcpProxy


def test_widget_shows_online_pending_offline_and_sync_now_runs_a_cycle(
    qtbot: QtBot, server: Engine, server_via_line: Engine, line: TcpProxy, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    worker = SyncWorker(local, server_via_line, interval=600, backoff=(600, 600))
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)
    assert widget.label.text().startswith("Sync: not yet synced")
    worker.start()
    try:
        qtbot.waitUntil(lambda: widget.status.cycles == 1 and not widget.status.syncing)
        assert widget.label.text().startswith("Sync: online · 0 pending · last ")
        assert widget.label.toolTip().startswith("Last complete sync: ")
        assert "never" not in widget.label.text()

        line.cut()
        save_call_result(local, task_id, staff_id)
        qtbot.mouseClick(widget.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: widget.status.cycles == 2 and not widget.status.syncing)
        assert widget.label.text().startswith("Sync: offline · 3 pending · last ")
        assert widget.label.toolTip().startswith("Cannot reach the central database at ")
        assert "#b3261e" in widget.label.styleSheet()

        line.restore()
        widget.sync_now_action.trigger()
        qtbot.waitUntil(lambda: widget.status.cycles == 3 and not widget.status.syncing)
        assert widget.label.text().startswith("Sync: online · 0 pending")
        assert widget.label.styleSheet() == ""
    finally:
        worker.stop()
