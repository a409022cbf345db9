"""Sleep and network changes reach the phone line and the sync at once, on the GUI thread.

``LinkRelay`` owns the desk's ``LinkWatch`` (agent_app.netwatch: clocks and routes polled on a
thread of its own) and re-emits each ``LinkEvent`` as ``sig_link`` here, where pjsua lives:
the phone line registers again (or reopens its port after sleep) and the sync worker runs a
cycle without waiting for its interval. Where Qt has a network backend (NetworkManager on
Linux, the Network List Manager on Windows), the OS's own notices poke the watch, so a change
is seen at once rather than at the next poll; without one, polling alone finds it.

Wiring (see desk_session.py)::

    relay = LinkRelay(desk_targets(settings))
    relay.follow_line(bridge)           # once: the line outlives sign-ins
    relay.follow_sync(controller)       # per signed-in window
    relay.follow_status(window)         # one sentence in the status bar
    relay.start(); ... relay.stop()
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from agent_app.netwatch.link_watch import LinkEvent, LinkWatch
from agent_app.netwatch.routes import RouteFingerprint, RouteProbe, Target
from agent_app.netwatch.sleep_gap import SleepDetector
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import (
    QCoreApplication,
    QMainWindow,
    QNetworkInformation,
    QObject,
    Signal,
    Slot,
)
from agent_app.ui.sync_controller import SyncController

log = logging.getLogger(__name__)

NOTICE_MS = 15_000


def link_text(event: LinkEvent) -> str:
    """What the status bar says when the desk reconnects."""
    if event.resumed:
        return QCoreApplication.translate(
            "LinkChanges", "The computer woke up: reconnecting the phone line and syncing."
        )
    return QCoreApplication.translate(
        "LinkChanges", "The network changed: reconnecting the phone line and syncing."
    )


class _StatusNotice(QObject):
    """A child of the window, so its connection ends with the window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot(object)
    def show(self, event: LinkEvent) -> None:
        self._window.statusBar().showMessage(link_text(event), NOTICE_MS)


class LinkRelay(QObject):
    sig_link = Signal(object)  # LinkEvent, delivered on the GUI thread

    def __init__(
        self,
        targets: Sequence[Target] = (),
        parent: QObject | None = None,
        *,
        probe: Callable[[], RouteFingerprint] | None = None,
        sleep: SleepDetector | None = None,
    ) -> None:
        """Watch the routes toward ``targets`` (``probe`` and ``sleep`` replace the real
        routes and clocks, in tests)."""
        super().__init__(parent)
        # Emitted on the watch's thread; Qt queues it to this object's (the GUI) thread.
        self.watch = LinkWatch(
            self.sig_link.emit, probe=probe or RouteProbe(targets).read, sleep=sleep
        )
        watch = self.watch
        self.destroyed.connect(lambda _obj=None: watch.stop())  # no thread outlives the relay
        self._bridges: list[PhoneBridge] = []
        self.sig_link.connect(self._tell_lines)  # the line first: the sync may take a while
        self._os_notices = self._listen_to_the_os()

    def _listen_to_the_os(self) -> bool:
        if not QNetworkInformation.loadDefaultBackend():
            log.info("no OS network notices here; the network is polled")
            return False
        info = QNetworkInformation.instance()
        if info is None:
            return False
        info.reachabilityChanged.connect(self._os_says_changed)
        info.transportMediumChanged.connect(self._os_says_changed)
        log.info("OS network notices from %s", info.backendName())
        return True

    def _os_says_changed(self, *_args: object) -> None:
        self.watch.poke()

    def follow_line(self, bridge: PhoneBridge) -> None:
        """The line reconnects after each change (registers again, reopens its device)."""
        self._bridges.append(bridge)

    def _tell_lines(self, event: LinkEvent) -> None:
        for bridge in self._bridges:
            bridge.network_changed(event.resumed)

    def follow_sync(self, controller: SyncController) -> None:
        """The sync runs a cycle after each change (until the controller is gone)."""
        self.sig_link.connect(controller.network_changed)

    def follow_status(self, window: QMainWindow) -> None:
        """The window says what happens, for a while, in its status bar (until it is gone)."""
        self.sig_link.connect(_StatusNotice(window).show)

    def start(self) -> None:
        self.watch.start()

    def stop(self) -> None:
        self.watch.stop()
