"""A change the real server refuses shows in the status bar and in the refused-changes list,
in Chinese, and "Send again" puts it back in line without losing it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from agent_app.domain.enums import OutboxState
from agent_app.store.schema import Outbox
from agent_app.sync.pull import pull_changes
from agent_app.sync.worker import SyncWorker
from agent_app.ui.refused_changes import RefusedChangesDialog
from agent_app.ui.sync_status import SyncStatusWidget
from tests.sync.desk_actions import queue_refused_change


def _state(local: Engine) -> OutboxState:
    with local.connect() as connection:
        return connection.execute(
            select(Outbox.state).where(Outbox.table_name == "patient")
        ).scalar_one()


def test_a_refused_change_is_listed_in_chinese_and_sent_again_on_request(
    qtbot: QtBot, chinese: None, server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    queue_refused_change(local)
    worker = SyncWorker(local, server, interval=600, backoff=(600, 600))
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)
    assert widget.refused_button.isHidden()
    worker.run_once()
    qtbot.waitUntil(lambda: widget.status.quarantined == 1)
    assert not widget.refused_button.isHidden()
    assert "1 条被拒绝" in widget.label.text()
    assert _state(local) == OutboxState.QUARANTINED

    resent: list[bool] = []
    dialog = RefusedChangesDialog(local, on_resent=lambda: resent.append(True))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    what = dialog.table.item(0, 1).text()
    why = dialog.table.item(0, 3).text()
    assert what == "患者信息"
    assert "中心数据库" in why and "不接受" in why
    assert "does not accept update of patient" in dialog.table.item(0, 4).text()
    assert not dialog.send_button.isEnabled()  # nothing chosen yet

    dialog.table.selectRow(0)
    assert dialog.send_button.isEnabled()
    dialog.send_button.click()
    qtbot.waitUntil(lambda: resent == [True])
    assert _state(local) == OutboxState.PENDING
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert "下次同步" in dialog.summary.text()
