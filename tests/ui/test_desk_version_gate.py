# ruff: noqa: F811
"""A desk below the server's version gate says so in the status bar, in Chinese, in one
sentence, and keeps its work; once the gate is lowered the next cycle sends it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from agent_app import __version__
from agent_app.store.desk_versions import set_min_version
from agent_app.sync.pull import pull_changes
from agent_app.sync.worker import SyncWorker
from agent_app.ui.sync_status import SyncStatusWidget
from tests.sync.conftest import hospital_template, local, server  # noqa: F401
from tests.sync.desk_actions import open_tasks, save_call_result


def test_the_status_bar_says_in_chinese_that_the_desk_needs_an_update(
    qtbot: QtBot, chinese: None, server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    with server.begin() as connection:
        set_min_version(connection, "9.9.9")
    worker = SyncWorker(local, server)
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)

    worker.run_once()  # on this (the GUI) thread: the widget hears it at once

    assert "本工作台需要更新" in widget.label.text()
    assert "3" in widget.label.text()  # the three changes still waiting
    assert widget.label.toolTip() == (
        f"本工作台（版本 {__version__}）低于中心数据库要求的版本（9.9.9 或更高），"
        "因此不发送任何内容，您的工作保留在本机，等待信息科更新工作台。"
    )

    with server.begin() as connection:
        set_min_version(connection, __version__)
    worker.run_once()
    assert "本工作台需要更新" not in widget.label.text()
    with server.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM followup_result")).scalar_one() == 1
