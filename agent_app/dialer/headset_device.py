"""A USB headset's HID interface, opened with hidapi and read on a thread of its own.

``HeadsetDevice.start()`` opens the device the selector names (``auto``, or empty: the first
HID interface on the Telephony page; ``vvvv:pppp``: that vendor and product; a path as hidapi
enumerates it), reads its report descriptor into a ``TelephonyLayout`` and then reads input
reports, handing every decoded event to ``on_event`` on the reader thread (never Qt: ui/
re-emits them). Lights are written on the same thread between reads, so hidapi is used from
one thread only. Like the phone-line box, a headset that is unplugged ends as
``HeadsetLost`` with a code, and is looked for again with a growing wait (0.5 s doubling to
8 s) until it is back (``HeadsetConnected``) or the device is stopped.

On Linux the ``hidraw`` backend is used (the kernel keeps the headset; the desk needs read and
write access to /dev/hidraw*, see README); elsewhere hidapi's default.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from agent_app.config import headset_selector
from agent_app.dialer.headset_descriptor import (
    TELEPHONY_PAGE,
    DescriptorError,
    TelephonyLayout,
    telephony_layout,
)
from agent_app.dialer.headset_hid import (
    HeadsetDecoder,
    HeadsetEvent,
    Lights,
    ReportError,
    encode_lights,
)
from agent_app.domain.coded_error import CodedError

log = logging.getLogger(__name__)

READ_MS = 50  # the reader wakes this often to write pending lights and see a stop
RETRY_DELAYS = (0.5, 8.0)
_SELECTOR = re.compile(r"^(?P<vendor>[0-9a-fA-F]{4}):(?P<product>[0-9a-fA-F]{4})$")


class HeadsetError(CodedError):
    ENGLISH: ClassVar[dict[str, str]] = {
        "headset_no_hidapi": "The hidapi package is not installed; headset buttons are off.",
        "headset_not_found": "No headset with call buttons ({selector}) is plugged in.",
        "headset_open_failed": "The headset {name} cannot be opened: {detail}.",
        "headset_lost": "The headset {name} was unplugged or stopped answering: {detail}.",
    }


@dataclass(frozen=True)
class HeadsetConnected(HeadsetEvent):
    name: str


@dataclass(frozen=True)
class HeadsetLost(HeadsetEvent):
    """The headset is gone or unusable; ``error`` says why (a code with parameters)."""

    error: CodedError


class HidHandle(Protocol):
    """The part of hidapi's ``device`` the headset uses."""

    def read(self, max_length: int, timeout_ms: int = 0) -> list[int]: ...

    def write(self, data: bytes) -> int: ...

    def get_report_descriptor(self) -> list[int]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class HidInfo:
    path: bytes
    vendor_id: int
    product_id: int
    usage_page: int
    product: str

    @property
    def name(self) -> str:
        return self.product or f"{self.vendor_id:04x}:{self.product_id:04x}"


class HidBackend(Protocol):
    """Finding and opening HID devices (hidapi, or a test double)."""

    def enumerate(self) -> list[HidInfo]: ...

    def open(self, path: bytes) -> HidHandle: ...


class HidapiBackend:
    """hidapi's module: ``hidraw`` on Linux when present, else ``hid``."""

    def __init__(self) -> None:
        self._hid: Any = _hidapi_module()

    def enumerate(self) -> list[HidInfo]:
        return [
            HidInfo(
                d["path"],
                d["vendor_id"],
                d["product_id"],
                d.get("usage_page", 0),
                d.get("product_string") or "",
            )
            for d in self._hid.enumerate()
        ]

    def open(self, path: bytes) -> HidHandle:
        handle: HidHandle = self._hid.device()
        handle.open_path(path)  # type: ignore[attr-defined]
        return handle


def _hidapi_module() -> Any:
    """hidapi's Python module; plain imports, so that the installer's scan bundles them."""
    if sys.platform.startswith("linux"):
        try:
            import hidraw

            return hidraw
        except ImportError:
            pass
    try:
        import hid
    except ImportError as exc:
        raise HeadsetError("headset_no_hidapi") from exc
    return hid


def choose(devices: list[HidInfo], selector: str) -> HidInfo | None:
    """The interface to open: on the Telephony page, of the selected vendor:product or path."""
    found = _SELECTOR.match(selector)
    if found:
        vendor, product = int(found["vendor"], 16), int(found["product"], 16)
        devices = [d for d in devices if (d.vendor_id, d.product_id) == (vendor, product)]
    elif selector != "auto":
        return next((d for d in devices if d.path.decode(errors="replace") == selector), None)
    telephony = [d for d in devices if d.usage_page == TELEPHONY_PAGE]
    candidates = telephony or (devices if found else [])
    return candidates[0] if candidates else None


class HeadsetDevice:
    """One headset, its reader thread and its lights."""

    def __init__(
        self,
        selector: str,
        on_event: Callable[[HeadsetEvent], None],
        backend: HidBackend | None = None,
        delays: tuple[float, float] = RETRY_DELAYS,
    ) -> None:
        self.selector = headset_selector(selector)  # ConfigError when it names nothing
        self._on_event = on_event
        self._backend = backend
        self._delays = delays
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._lights: Lights | None = None  # pending, written by the reader
        self._shown: Lights | None = None
        self._again = False
        self._thread: threading.Thread | None = None
        self.layout: TelephonyLayout | None = None

    @property
    def enabled(self) -> bool:
        return self.selector != "none"

    def start(self) -> None:
        """Start looking for the headset and reading it (nothing when the selector is none)."""
        if not self.enabled or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="headset-reader", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)

    def retry(self) -> None:
        """Look for the headset now instead of at the end of the current wait."""
        self._wake.set()

    def show(self, lights: Lights, *, again: bool = False) -> None:
        """Show the call state on the headset (written by the reader within ``READ_MS``);
        ``again``: write it even if the headset shows it already (the answer a headset waits
        for after its mute press)."""
        with self._lock:
            self._lights = lights
            if again:
                self._again = True

    # The reader thread -------------------------------------------------------------------
    def _run(self) -> None:
        delay, longest = self._delays
        quiet_not_found = False
        while not self._stop.is_set():
            try:
                backend = self._backend = self._backend or HidapiBackend()
                info, handle = self._open(backend)
            except HeadsetError as exc:
                if exc.code == "headset_no_hidapi":
                    self._on_event(HeadsetLost(exc))
                    return
                if not quiet_not_found or exc.code != "headset_not_found":
                    self._on_event(HeadsetLost(exc))
                quiet_not_found = exc.code == "headset_not_found"
            except DescriptorError as exc:
                self._on_event(HeadsetLost(exc))
            else:
                quiet_not_found = False
                delay = self._delays[0]
                self._on_event(HeadsetConnected(info.name))
                self._read(info, handle)
            self._wake.wait(delay)
            self._wake.clear()
            delay = min(delay * 2, longest)

    def _open(self, backend: HidBackend) -> tuple[HidInfo, HidHandle]:
        info = choose(backend.enumerate(), self.selector)
        if info is None:
            raise HeadsetError("headset_not_found", selector=self.selector)
        try:
            handle = backend.open(info.path)
        except OSError as exc:
            raise HeadsetError("headset_open_failed", name=info.name, detail=exc) from exc
        try:
            self.layout = telephony_layout(bytes(handle.get_report_descriptor()))
        except DescriptorError:
            _close(handle)
            raise
        except (OSError, ValueError) as exc:
            _close(handle)
            raise HeadsetError("headset_open_failed", name=info.name, detail=exc) from exc
        return info, handle

    def _read(self, info: HidInfo, handle: HidHandle) -> None:
        assert self.layout is not None
        decoder = HeadsetDecoder(self.layout)
        size = 1 + max(self.layout.input_bytes.values(), default=63)
        self._shown = None
        try:
            while not self._stop.is_set():
                self._write_lights(handle, decoder)
                data = handle.read(size, READ_MS)
                if not data:
                    continue
                try:
                    events = decoder.decode(bytes(data))
                except ReportError as exc:
                    log.warning("headset report skipped: %s", exc)
                    continue
                for event in events:
                    self._on_event(event)
        except (OSError, ValueError) as exc:  # hidapi raises both when the device goes
            if not self._stop.is_set():
                log.warning("headset %s lost: %s", info.name, exc)
                self._on_event(
                    HeadsetLost(HeadsetError("headset_lost", name=info.name, detail=exc))
                )
        finally:
            _close(handle)

    def _write_lights(self, handle: HidHandle, decoder: HeadsetDecoder) -> None:
        with self._lock:
            lights, again, self._again = self._lights, self._again, False
        if lights is None or (lights == self._shown and not again) or self.layout is None:
            return
        for report in encode_lights(self.layout, lights):
            if handle.write(report) < 0:
                raise OSError("the headset refused its lights")
        self._shown = lights
        decoder.expect_hook(lights.off_hook)


def _close(handle: HidHandle) -> None:
    try:
        handle.close()
    except OSError as exc:
        log.debug("closing the headset failed: %s", exc)
