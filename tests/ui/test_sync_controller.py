"""The sync controller: the real worker against the real server, seen through Qt signals."""

# The central-server fixtures of tests/sync are imported by name, so the test arguments
# that use them "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, text

from agent_app.domain.enums import Role, UploadState
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import Recording
from agent_app.sync.server_leases import ServerTaskLeases
from agent_app.sync.worker import SyncStatus
from agent_app.ui.qt import QDialog
from agent_app.ui.sync_controller import SyncController
from tests.sync.conftest import (  # noqa: F401
    as_staff,
    hospital_template,
    line,
    local,
    server,
    server_via_line,
)
from tests.sync.desk_actions import save_recorded_call
from tests.sync.tcp_proxy import TcpProxy

Connect = Callable[..., Engine]


def test_first_sync_shows_progress_then_heartbeat_and_upload_ride_along(
    qtbot: QtBot,
    as_staff: Connect,
    local: Engine,
    server: Engine,
    tmp_path: Path,
) -> None:
    nurse1 = as_staff("nurse1")
    leases = ServerTaskLeases(local, nurse1, 1, lease_seconds=600)
    controller = SyncController(local, nurse1, leases=leases, interval=600)
    controller.worker.page_size = 5
    gui_thread = threading.current_thread()
    seen_on: set[threading.Thread] = set()
    controller.sig_status.connect(lambda _: seen_on.add(threading.current_thread()))
    assert controller.needs_first_sync()
    dialog = controller.show_first_sync()
    qtbot.addWidget(dialog)
    try:
        with qtbot.waitSignal(controller.sig_synced, timeout=20_000):
            controller.start()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.rows["patient"] == 14 and dialog.rows["followup_task"] == 24
        assert seen_on == {gui_thread}
        assert not controller.needs_first_sync()

        lease = leases.claim_next(QueueScope(1, Role.AGENT, 2))
        assert lease is not None
        call = save_recorded_call(local, lease.task_id, 1, tmp_path, seconds=5)
        with qtbot.waitSignal(controller.sig_synced, timeout=20_000) as synced:
            controller.sync_now()
        status: SyncStatus = synced.args[0]
        assert status.pending == 0 and status.online is True
        assert leases.held()[0].expires_at > lease.expires_at  # renewed by the cycle
        with local.connect() as connection:
            state = connection.execute(
                select(Recording.upload_state).where(Recording.id == call.recording_id)
            ).scalar_one()
        assert state is UploadState.VERIFIED
    finally:
        controller.shutdown()
    assert not any(t.name == "sync-worker" for t in threading.enumerate())


def test_cancelled_first_sync_keeps_its_pages_and_the_next_cycle_finishes(
    qtbot: QtBot,
    as_staff: Connect,
    local: Engine,
) -> None:
    controller = SyncController(local, as_staff("nurse1"), interval=600)
    controller.worker.page_size = 3
    dialog = controller.show_first_sync()
    qtbot.addWidget(dialog)
    controller.sig_pull_page.connect(lambda *_: dialog.canceled.emit())
    try:
        with qtbot.waitSignal(controller.sig_failed, timeout=20_000) as failed:
            controller.start()
        assert failed.args[0].startswith("The sync was cancelled")
        assert dialog.result() == QDialog.DialogCode.Rejected
        with local.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM department")).scalar() == 2
            assert connection.execute(text("SELECT count(*) FROM patient")).scalar() == 0
        assert controller.needs_first_sync()
        with qtbot.waitSignal(controller.sig_synced, timeout=20_000):
            controller.sync_now()
        with local.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM patient")).scalar() == 14
    finally:
        controller.shutdown()


def test_offline_cycle_is_reported_as_a_failure_in_plain_words(
    qtbot: QtBot, as_staff: Connect, local: Engine, server_via_line: Engine,
    line: TcpProxy,
) -> None:  # fmt: skip
    line.cut()
    controller = SyncController(
        local, as_staff("nurse1", via=server_via_line.url), interval=600, backoff=(600, 600)
    )
    try:
        with qtbot.waitSignal(controller.sig_failed, timeout=20_000) as failed:
            controller.start()
        assert failed.args[0].startswith("Cannot reach the central database at 127.0.0.1:")
        assert controller.status.online is False
    finally:
        controller.shutdown()
