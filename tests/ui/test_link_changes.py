"""Sleep and network changes reach the line and the sync at once, through real Qt signals.

The watch runs on its own thread with injected clocks (a resume is a wall-clock jump); the
sync controller drives the real worker against the real server.
"""

# The central-server fixtures of tests/sync are imported by name, so the test arguments
# that use them "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.dialer.fake import FakePhone
from agent_app.netwatch.link_watch import LinkChange, LinkEvent
from agent_app.ui.link_changes import LinkRelay, link_text
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QMainWindow
from agent_app.ui.sync_controller import SyncController
from tests.netwatch.test_link_watch import Clocks, Routes
from tests.sync.conftest import hospital_template, local, server  # noqa: F401


class WatchedPhone(FakePhone):
    """The simulated line, noting each reconnect it is asked for and on which thread."""

    def __init__(self) -> None:
        super().__init__()
        self.reconnects: list[tuple[bool, str]] = []

    def network_changed(self, resumed: bool = False) -> bool:
        self.reconnects.append((resumed, threading.current_thread().name))
        return True


def test_a_resume_reconnects_the_line_on_the_gui_thread_and_syncs_at_once(
    qtbot: QtBot, local: Engine, server: Engine
) -> None:
    controller = SyncController(local, server, interval=600)
    with qtbot.waitSignal(controller.sig_synced, timeout=20_000):
        controller.start()
    phone = WatchedPhone()
    bridge = PhoneBridge(phone)
    window = QMainWindow()
    qtbot.addWidget(window)
    clocks, routes = Clocks(), Routes("10.1.2.3")
    relay = LinkRelay(probe=routes.read, sleep=clocks.detector())
    relay.follow_line(bridge)
    relay.follow_sync(controller)
    relay.follow_status(window)
    relay.watch.interval = 600  # only the poke below makes it look
    relay.start()
    try:
        cycles = controller.status.cycles
        clocks.wall += 3600  # the desk slept for an hour
        started = time.monotonic()
        with qtbot.waitSignal(relay.sig_link, timeout=2_000) as heard:
            relay.watch.poke()
        assert heard.args == [LinkEvent(LinkChange.RESUMED, 3600)]
        qtbot.waitUntil(lambda: controller.status.cycles > cycles, timeout=5_000)
        assert time.monotonic() - started < 5  # not the 600 s interval
        assert phone.reconnects == [(True, threading.current_thread().name)]
        assert window.statusBar().currentMessage() == link_text(heard.args[0])
    finally:
        relay.stop()
        bridge.stop()
        controller.shutdown()


def test_a_line_that_could_not_be_opened_is_tried_again_after_a_change(qtbot: QtBot) -> None:
    opened: list[FakePhone] = []

    def opener() -> FakePhone:
        opened.append(FakePhone())
        return opened[-1]

    bridge = PhoneBridge(None, opener=opener, open_anywhere=False, failure="no network")
    try:
        bridge.network_changed(resumed=False)
        qtbot.waitUntil(lambda: bridge.phone is not None, timeout=2_000)
        assert len(opened) == 1
    finally:
        bridge.stop()
