"""Telling a resume and a network change from the clocks and the routes (injected here)."""

from __future__ import annotations

import socket
import threading

from agent_app.netwatch.link_watch import LinkChange, LinkEvent, LinkWatch
from agent_app.netwatch.routes import RouteFingerprint, RouteProbe, Target, interface_names
from agent_app.netwatch.sleep_gap import SleepDetector


class Clocks:
    """A wall clock and a monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.wall = 1_700_000_000.0
        self.mono = 500.0

    def tick(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds

    def detector(self, interval: float = 3.0) -> SleepDetector:
        return SleepDetector(interval, wall=lambda: self.wall, monotonic=lambda: self.mono)


def test_a_wall_clock_jump_past_a_still_monotonic_clock_is_a_resume() -> None:
    clocks = Clocks()
    sleep = clocks.detector()
    clocks.tick(3)
    assert sleep.check() is None
    clocks.wall += 600  # Linux: the monotonic clock stands still while suspended
    clocks.tick(3)
    assert sleep.check() == 600
    clocks.tick(3)
    assert sleep.check() is None  # once


def test_a_long_overdue_check_with_both_clocks_moved_is_a_resume() -> None:
    clocks = Clocks()
    sleep = clocks.detector(interval=3.0)
    clocks.tick(903)  # Windows: the monotonic clock counts the sleep too
    assert sleep.check() == 900


def test_clock_adjustments_and_late_timers_are_not_sleep() -> None:
    clocks = Clocks()
    sleep = clocks.detector(interval=3.0)
    for wall_step, mono_step in [(3, 3), (5, 3), (-3600, 3), (3, 3), (10, 10)]:
        clocks.wall += wall_step
        clocks.mono += mono_step
        assert sleep.check() is None, (wall_step, mono_step)


class Routes:
    def __init__(self, *addresses: str | None) -> None:
        self.now = RouteFingerprint(addresses, ("eth0", "lo"))

    def set(self, *addresses: str | None) -> None:
        self.now = RouteFingerprint(addresses, self.now.interfaces)

    def read(self) -> RouteFingerprint:
        return self.now


def watch(routes: Routes, clocks: Clocks) -> tuple[LinkWatch, list[LinkEvent]]:
    seen: list[LinkEvent] = []
    return LinkWatch(seen.append, probe=routes.read, sleep=clocks.detector()), seen


def test_a_new_address_is_a_network_change_and_the_same_one_is_not() -> None:
    routes, clocks = Routes("10.1.2.3"), Clocks()
    link, seen = watch(routes, clocks)
    for _ in range(3):
        clocks.tick(3)
        link.check()
    assert seen == []
    routes.set("192.168.8.20")  # another Wi-Fi, another lease
    clocks.tick(3)
    assert link.check() == LinkEvent(LinkChange.NETWORK_CHANGED)
    clocks.tick(3)
    assert link.check() is None
    assert seen == [LinkEvent(LinkChange.NETWORK_CHANGED)]


def test_a_network_that_goes_is_not_reported_but_its_return_is() -> None:
    routes, clocks = Routes("10.1.2.3"), Clocks()
    link, seen = watch(routes, clocks)
    link.check()
    routes.set(None)
    clocks.tick(3)
    assert link.check() is None
    routes.set("10.1.2.3")  # the same network back: its connections are gone all the same
    clocks.tick(3)
    assert link.check() == LinkEvent(LinkChange.NETWORK_CHANGED)
    assert len(seen) == 1


def test_an_interface_that_appears_is_a_network_change() -> None:
    routes, clocks = Routes("10.1.2.3"), Clocks()
    link, _seen = watch(routes, clocks)
    link.check()
    routes.now = RouteFingerprint(routes.now.addresses, ("eth0", "lo", "tun0"))  # VPN up
    clocks.tick(3)
    assert link.check() == LinkEvent(LinkChange.NETWORK_CHANGED)


def test_a_resume_is_reported_even_on_the_same_network() -> None:
    routes, clocks = Routes("10.1.2.3"), Clocks()
    link, seen = watch(routes, clocks)
    link.check()
    clocks.wall += 3600
    clocks.tick(3)
    event = link.check()
    assert event == LinkEvent(LinkChange.RESUMED, 3600) and event.resumed
    assert seen == [event]


def test_a_poke_checks_at_once_on_the_watch_thread() -> None:
    routes, clocks = Routes("10.1.2.3"), Clocks()
    heard = threading.Event()
    threads: list[str] = []

    def on_event(event: LinkEvent) -> None:
        threads.append(threading.current_thread().name)
        heard.set()

    link = LinkWatch(on_event, probe=routes.read, sleep=clocks.detector(), interval=600)
    link.start()
    try:
        routes.set("192.168.8.20")
        link.poke()
        assert heard.wait(2), "the poke did not make the watch look"
    finally:
        link.stop()
    assert threads == ["link-watch"]


def test_the_route_probe_reads_the_local_address_toward_a_server() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        port = server.getsockname()[1]
        found = RouteProbe([Target("127.0.0.1", port), Target("localhost", port)]).read()
    assert found.addresses == ("127.0.0.1", "127.0.0.1")
    assert found.reachable and found.interfaces == interface_names()


def test_a_name_that_does_not_resolve_has_no_route() -> None:
    found = RouteProbe([Target("no-such-host.invalid", 5060)]).read()
    assert found.addresses == (None,) and not found.reachable


def test_the_desk_watches_its_registrar_and_every_database_host() -> None:
    from agent_app.config import ServerSettings, Settings, SipSettings
    from agent_app.netwatch.desk_targets import desk_targets

    settings = Settings(
        sip=SipSettings(registrar="sip:pbx.hospital.local:5070;transport=tcp", user="1001"),
        server=ServerSettings(host="db1.hospital,db2.hospital:5433", port=5432),
    )
    assert desk_targets(settings) == [
        Target("pbx.hospital.local", 5070),
        Target("db1.hospital", 5432),
        Target("db2.hospital", 5433),
    ]
    assert desk_targets(Settings(sip=SipSettings(registrar="[fd00::5]"))) == [
        Target("fd00::5", 5060)
    ]
