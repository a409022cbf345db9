"""Time for the SIP line to be registered again after its network went away and came back.

    python -m bench.sip_reregister --runs 20

A sipp registrar on 127.0.0.1 (digest challenge, then 200) is reached through a TCP proxy.
Each run cuts the proxy (every connection closed, new ones refused: the desk's network is
gone), restores it, tells the line ``network_changed()`` and times until the line reports
REGISTERED again, pumping it as the GUI's 10 ms timer does. pjsua's own retry is set to a
minute, so only the IP-change path can bring the line back within the run.

The floor, measured the same way in the same run and interleaved: ``retry()`` on the live
connection (one REGISTER with its challenge, no transport torn down).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from agent_app.dialer.events import PhoneEvent, Registration, RegistrationChanged
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from tests.dialer.sip_peers import LOCALHOST, PeerSet
from tests.sync.tcp_proxy import TcpProxy

PJSUA_RETRY = 60
TIMEOUT = 10.0


def registered_after(
    phone: SipPhone, seen: list[PhoneEvent], action: Callable[[], object]
) -> float:
    """Seconds from ``action()`` until the line, having left REGISTERED, reports it again."""
    mark = len(seen)
    started = time.perf_counter()
    action()
    while time.perf_counter() - started < TIMEOUT:
        phone.pump()
        states = [e.state for e in seen[mark:] if isinstance(e, RegistrationChanged)]
        if len(states) >= 2 and states[-1] is Registration.REGISTERED:
            return time.perf_counter() - started
        time.sleep(0.001)
    raise RuntimeError("the line did not register again in time")


class TraceTail:
    """Counts the 200s in the registrar's trace, reading only what was added."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0

    def new_oks(self) -> int:
        with self.path.open("rb") as trace:
            trace.seek(self.offset)
            added = trace.read()
        self.offset += len(added)
        return added.count(b"SIP/2.0 200 OK")


def plain_register(phone: SipPhone, trace: TraceTail) -> float:
    """``retry()`` on the live connection; the line stays REGISTERED, so the 200 is timed."""
    trace.new_oks()
    started = time.perf_counter()
    assert phone.retry()
    while not trace.new_oks():
        phone.pump()
        if time.perf_counter() - started > TIMEOUT:
            raise RuntimeError("no 200 for the plain REGISTER")
        time.sleep(0.001)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, PeerSet(Path(folder)) as peers:
        registrar = peers.sipp(
            "registrar", tcp=True, keys={"expires": "300"}, calls=10 * args.runs + 10,
            options=("-deadcall_wait", "0"),
        )  # fmt: skip
        proxy = TcpProxy(LOCALHOST, registrar.port)
        phone = SipPhone(
            SipLineConfig(
                user="1001", registrar=f"sip:{LOCALHOST}:{proxy.port}", transport="tcp",
                bound_address=LOCALHOST, null_audio=True, reg_expires=300,
                reg_retry=PJSUA_RETRY, reg_first_retry=PJSUA_RETRY, reg_retry_jitter=0,
                log_path=Path(folder) / "pjsua.log",
            ),
            password="s3cret-pw",
        )  # fmt: skip
        seen: list[PhoneEvent] = []
        phone.add_listener(seen.append)
        try:
            registered_after(phone, seen, lambda: None)
            trace = TraceTail(registrar.messages)
            changes, floors = [], []
            for _ in range(args.runs):
                floors.append(plain_register(phone, trace))
                proxy.cut()
                proxy.restore()
                changes.append(registered_after(phone, seen, phone.network_changed))
        finally:
            phone.close()
            proxy.close()
    ms = [t * 1000 for t in changes]
    floor = [t * 1000 for t in floors]
    print(f"runs: {args.runs}")
    print(
        f"registered again after a network cut: median {statistics.median(ms):.1f} ms, "
        f"max {max(ms):.1f} ms (goal: under 5000 ms; pjsua's own retry: {PJSUA_RETRY} s)"
    )
    print(
        f"floor, a REGISTER on the live connection: median {statistics.median(floor):.1f} ms, "
        f"max {max(floor):.1f} ms"
    )
    print(f"ratio (median / floor median): {statistics.median(ms) / statistics.median(floor):.1f}")


if __name__ == "__main__":
    main()
