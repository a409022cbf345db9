"""A stand-in for hidapi (no USB headset can be plugged in here): it enumerates one headset
with a recorded report descriptor, plays input reports that tests queue, keeps what the desk
writes, and can be unplugged and plugged in again."""

from __future__ import annotations

import queue
import threading

from agent_app.dialer.headset_device import HidInfo

TELEPHONY = 0x0B


class FakeHandle:
    def __init__(self, device: FakeHidDevice) -> None:
        self.device = device
        self.closed = False

    def read(self, max_length: int, timeout_ms: int = 0) -> list[int]:
        try:
            item = self.device.reports.get(timeout=timeout_ms / 1000)
        except queue.Empty:
            return []
        if isinstance(item, OSError):
            raise item
        return list(item[:max_length])

    def write(self, data: bytes) -> int:
        if not self.device.plugged:
            raise OSError("No such device")
        with self.device.lock:
            self.device.written.append(bytes(data))
        self.device.wrote.set()
        return len(data)

    def get_report_descriptor(self) -> list[int]:
        return list(self.device.descriptor)

    def close(self) -> None:
        self.closed = True


class FakeHidDevice:
    """One headset behind a fake hidapi backend (``enumerate``/``open``)."""

    def __init__(self, descriptor: bytes, vendor: int = 0x047F, product: int = 0xC056) -> None:
        self.descriptor = descriptor
        self.info = HidInfo(b"/dev/hidraw-test", vendor, product, TELEPHONY, "Test headset")
        self.plugged = True
        self.opened = 0
        self.reports: queue.Queue[bytes | OSError] = queue.Queue()
        self.written: list[bytes] = []
        self.wrote = threading.Event()
        self.lock = threading.Lock()

    # The backend -------------------------------------------------------------------------
    def enumerate(self) -> list[HidInfo]:
        return [self.info] if self.plugged else []

    def open(self, path: bytes) -> FakeHandle:
        if not self.plugged or path != self.info.path:
            raise OSError("open failed")
        self.opened += 1
        return FakeHandle(self)

    # What tests do -----------------------------------------------------------------------
    def press(self, *reports: bytes) -> None:
        for report in reports:
            self.reports.put(report)

    def unplug(self) -> None:
        self.plugged = False
        self.reports.put(OSError("read error: No such device"))

    def plug_in(self) -> None:
        self.plugged = True
