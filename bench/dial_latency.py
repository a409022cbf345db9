"""Time from the agent's click on "Dial" to the INVITE arriving at the far end.

    QT_QPA_PLATFORM=offscreen python bench/dial_latency.py --calls 300

The desk's own call bar (``CallBar`` on a ``PhoneBridge``, as in the main window) has the
number typed in and its Dial button clicked with ``QTest.mouseClick`` (press and release
dispatched by Qt to the widget, as for a real click).
The far end is a plain UDP socket on 127.0.0.1 that answers every INVITE with 486, so each
call ends at once. Arrival is the kernel's receive timestamp (``SO_TIMESTAMPNS``) of the
INVITE datagram, so neither the receiving thread's scheduling nor the GIL shifts it; the
start is ``time.time_ns()`` just before the click (both CLOCK_REALTIME).

The floor, measured the same way in the same run and interleaved with the clicks: a bare
``pjsua2.Call.makeCall`` on the same account and transport, no Qt, no line logic.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pjsua2 as pj
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from agent_app.dialer.events import Ended
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.ui.call_bar import CallBar
from agent_app.ui.phone_bridge import PhoneBridge

LOCALHOST = "127.0.0.1"
# <linux/socket.h>; Python's socket module does not export them.
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
SCM_TIMESTAMPNS = SO_TIMESTAMPNS


class BusyPeer:
    """A UDP "phone" that notes when each INVITE arrived and refuses it with 486."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self.sock.bind((LOCALHOST, 0))
        self.port = int(self.sock.getsockname()[1])
        self.arrivals: dict[str, int] = {}  # Call-ID -> kernel receive time, ns since epoch
        self.arrived = threading.Condition()
        self._stop = False
        self._thread = threading.Thread(target=self._serve, name="busy-peer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            data, ancillary, _, sender = self.sock.recvmsg(65535, 1024)
            stamp = 0
            for level, kind, value in ancillary:
                if level == socket.SOL_SOCKET and kind == SCM_TIMESTAMPNS:
                    seconds, nanos = struct.unpack("qq", value[:16])
                    stamp = seconds * 1_000_000_000 + nanos
            text = data.decode("utf-8", "replace")
            if not text.startswith("INVITE "):
                continue  # the ACK of our 486, or the wake-up at the end
            headers = self._headers(text)
            self.sock.sendto(self._busy(headers).encode(), sender)
            with self.arrived:
                self.arrivals[headers["call-id"]] = stamp or time.time_ns()
                self.arrived.notify_all()

    @staticmethod
    def _headers(text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for line in text.split("\r\n\r\n", 1)[0].split("\r\n")[1:]:
            name, _, value = line.partition(":")
            found.setdefault(name.strip().lower(), value.strip())
        return found

    @staticmethod
    def _busy(h: dict[str, str]) -> str:
        return (
            "SIP/2.0 486 Busy Here\r\n"
            f"Via: {h['via']}\r\nFrom: {h['from']}\r\nTo: {h['to']};tag=busy\r\n"
            f"Call-ID: {h['call-id']}\r\nCSeq: {h['cseq']}\r\nContent-Length: 0\r\n\r\n"
        )

    def wait_for_new(self, known: int, timeout: float = 5.0) -> tuple[str, int]:
        """The INVITE that arrives after ``known`` INVITEs have been seen."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.arrivals) > known, timeout):
                raise TimeoutError("no INVITE arrived")
            call_id = list(self.arrivals)[known]
            return call_id, self.arrivals[call_id]

    def close(self) -> None:
        self._stop = True
        self.sock.sendto(b"stop", (LOCALHOST, self.port))
        self._thread.join(2)
        self.sock.close()


def pump_until(phone: SipPhone, done: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the call did not end")
        phone.pump()
        QApplication.processEvents()
        time.sleep(0.0005)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=300, help="samples of each kind (>= 200)")
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    peer = BusyPeer()
    uri = f"sip:patient@{LOCALHOST}:{peer.port}"
    phone = SipPhone(
        SipLineConfig(user="agent", bound_address=LOCALHOST, null_audio=True, rtp_timeout=0)
    )
    ended: list[str] = []
    phone.add_listener(lambda e: ended.append(e.call_id) if isinstance(e, Ended) else None)
    dialled: list[str] = []
    bridge = PhoneBridge(phone)
    bar = CallBar(bridge, Path(tempfile.mkdtemp(prefix="dial-bench-")))
    bar.sig_call_started.connect(lambda call_id, _number: dialled.append(call_id))
    bar.show()
    # The floor dials on the very account and transport the line uses.
    account: Any = phone._line._account

    def through_qt() -> int:
        before = len(peer.arrivals)
        bar.number_edit.setText(uri)
        start = time.time_ns()
        QTest.mouseClick(bar.dial_button, Qt.MouseButton.LeftButton)
        _, arrived = peer.wait_for_new(before)
        call_id = dialled[-1]
        pump_until(phone, lambda: call_id in ended and not bar.call_id)
        return arrived - start

    def bare_make_call() -> int:
        before = len(peer.arrivals)
        call = pj.Call(account)
        start = time.time_ns()
        call.makeCall(uri, pj.CallOpParam(True))
        _, arrived = peer.wait_for_new(before)
        pump_until(phone, lambda: not call.isActive())
        return arrived - start  # ``call`` is freed on return: ended, outside any callback

    samples: dict[str, list[float]] = {"qt": [], "floor": []}
    try:
        for index in range(args.warmup + args.calls):
            for name, measure in (("qt", through_qt), ("floor", bare_make_call)):
                elapsed_ms = measure() / 1e6
                if index >= args.warmup:
                    samples[name].append(elapsed_ms)
                # pjsua's select ioqueue has 64 socket slots and keeps a closed socket's slot
                # for 500 ms; each call opens two (RTP, RTCP). Faster than ~60 calls a second
                # the stack aborts on an assertion, so the benchmark paces itself like a
                # (very quick) agent would.
                idle_until = time.monotonic() + 0.03
                while time.monotonic() < idle_until:
                    phone.pump()
                    app.processEvents()
                    time.sleep(0.002)
    finally:
        bridge.stop()
        peer.close()

    qt, floor = samples["qt"], samples["floor"]
    for name, values in samples.items():
        print(
            f"{name:>5}: n={len(values)} p50={statistics.median(values):.3f} ms "
            f"p95={percentile(values, 0.95):.3f} ms min={min(values):.3f} ms "
            f"max={max(values):.3f} ms"
        )
    p50, floor_p50 = statistics.median(qt), statistics.median(floor)
    print(
        f"dial_latency p50_ms={p50:.3f} p95_ms={percentile(qt, 0.95):.3f} "
        f"floor_p50_ms={floor_p50:.3f} ratio={p50 / floor_p50:.2f}"
    )


if __name__ == "__main__":
    main()
