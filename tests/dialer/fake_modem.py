"""A Hayes voice modem (V.253 subset) on a pseudo-terminal, for testing ``ModemPhone``.

The phone opens ``link``, a symlink to the pty's slave side; a thread serves the master side.
``unplug()`` closes the master so the phone's next read fails with EIO, as when a USB box is
pulled; ``replug()`` makes a new pty and re-targets the symlink, as when it comes back under
the same udev name.
"""

from __future__ import annotations

import os
import select
import threading
import time
import tty
from collections.abc import Sequence
from pathlib import Path

DLE = b"\x10"
ETX = b"\x03"

#: Outcome of ``ATD<number>;`` by the number's last digit; anything else answers (OK).
#: An empty list means the dial never ends by itself (any input aborts it: NO CARRIER).
DIAL_SCRIPT: dict[str, list[str]] = {
    "2": ["BUSY"],
    "3": ["NO CARRIER"],
    "4": ["NO ANSWER"],
    "5": ["NO DIALTONE"],
    "6": ["RINGING", "OK"],
    "9": [],
}

#: Voice samples streamed on AT+VRX: starts with bytes that need shielding (0x10) and one that
#: would end the stream if it were not (0x10 0x03), then every byte value.
VOICE_PATTERN = bytes([0x10, 0x03, 0x10, 0x10, 0x21, 0x80]) + bytes(range(256))


class FakeModem:
    """Serves AT commands on a pty; every helper is safe to call from the test thread."""

    def __init__(
        self,
        link: Path,
        *,
        dial_script: dict[str, list[str]] | None = None,
        voice: bytes = VOICE_PATTERN,
        chunk: int = 80,
        interval: float = 0.005,
        voice_class: bool = True,
    ) -> None:
        self.link = link
        self.voice_class = voice_class  # False: a data-only modem that refuses AT+FCLASS=8
        self.dial_script = dict(DIAL_SCRIPT if dial_script is None else dial_script)
        self.voice = voice
        self.chunk = chunk
        self.interval = interval
        self.commands: list[str] = []
        self.voice_sent = bytearray()  # samples sent on AT+VRX, before shielding
        self.caller_id_enabled = False
        self.echo = True
        self.off_hook = False
        self.streaming = False
        self._dialling = False
        self._pending_codes: list[str] = []
        self._lock = threading.Lock()
        self._master = -1
        self._slave = -1
        self._stale: list[int] = []  # ports left open by ``vanish_in_sleep``
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._plug()

    # Test controls -----------------------------------------------------------------------
    def send_lines(self, lines: Sequence[str]) -> None:
        """Write result or unsolicited lines as the modem frames them (CR LF around)."""
        self.send_raw(b"".join(b"\r\n" + line.encode("latin-1") + b"\r\n" for line in lines))

    def send_raw(self, data: bytes) -> None:
        with self._lock:
            self._write(data)

    def ring(self, caller_id: Sequence[str] = ()) -> None:
        """One RING, followed by caller ID lines if the phone enabled caller ID (AT+VCID=1)."""
        self.send_lines(["RING", *(caller_id if self.caller_id_enabled else ())])

    def dle_event(self, code: str) -> None:
        """Send ``DLE code`` in the voice stream (DTMF digit, ``b`` busy tone...)."""
        with self._lock:
            self._pending_codes.append(code)

    def far_end_hangs_up(self) -> None:
        """What the modem reports when the other side hangs up outside voice receive."""
        self.send_lines(["NO CARRIER"])

    def commands_since(self, start: int) -> list[str]:
        with self._lock:
            return self.commands[start:]

    def unplug(self) -> None:
        """Pull the cable: the master side closes and the phone's reads fail."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        with self._lock:
            os.close(self._master)
            os.close(self._slave)
            self._master = self._slave = -1
        self.streaming = self._dialling = self.off_hook = False

    def replug(self) -> None:
        """Plug back in: a new pty behind the same symlink, modem settings as after power-on."""
        self.caller_id_enabled, self.echo = False, True
        self._plug()

    def vanish_in_sleep(self) -> None:
        """The box went away while the computer slept and came back under the same name: the
        phone's old port goes quiet without an error (a stale USB handle) and a fresh modem,
        as after power-on, waits behind the link."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        with self._lock:
            self._stale += [self._master, self._slave]
        self.streaming = self._dialling = self.off_hook = False
        self.replug()

    def stop(self) -> None:
        if self._master >= 0:
            self.unplug()
        for fd in self._stale:
            os.close(fd)
        self._stale.clear()
        self.link.unlink(missing_ok=True)

    # Serving -----------------------------------------------------------------------------
    def _plug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)
        temp = self.link.with_name(self.link.name + ".new")
        temp.unlink(missing_ok=True)
        temp.symlink_to(os.ttyname(slave))
        os.replace(temp, self.link)
        # The slave stays open here too: reading a master with no slave open fails with EIO.
        # Writes never block, so a phone that stops reading cannot wedge the test's teardown.
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(master, self._stop), name="fake-modem", daemon=True
        )
        self._thread.start()

    def _serve(self, master: int, stop: threading.Event) -> None:
        pending = bytearray()
        next_chunk = time.monotonic()
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], self.interval)
            if ready:
                try:
                    pending += os.read(master, 4096)
                except BlockingIOError:
                    continue
                self._take_input(pending)
            if self.streaming and time.monotonic() >= next_chunk:
                self._stream_chunk()
                next_chunk = time.monotonic() + self.interval

    def _take_input(self, pending: bytearray) -> None:
        if self._dialling and pending:
            # Any character aborts dialling on a Hayes modem.
            pending.clear()
            self._dialling = False
            self.send_lines(["NO CARRIER"])
            return
        if self.streaming:
            for abort in (DLE + b"!", DLE + b"^"):
                if abort in pending:
                    pending.clear()
                    self.streaming = False
                    self.send_raw(DLE + ETX + b"\r\nOK\r\n")
            return
        while b"\r" in pending:
            end = pending.index(b"\r")
            line = bytes(pending[:end]).decode("latin-1").strip()
            del pending[: end + 1]
            if self.echo:
                self.send_raw(line.encode("latin-1") + b"\r")
            if line.upper().startswith("AT"):
                with self._lock:
                    self.commands.append(line)
                self._command(line.upper())

    def _command(self, line: str) -> None:
        reply = "OK"
        if line == "ATZ":
            self.caller_id_enabled, self.echo, self.off_hook = False, True, False
        elif line == "ATE0":
            self.echo = False
        elif line.startswith("AT+FCLASS=") and not self.voice_class:
            reply = "ERROR"
        elif line.startswith("AT+VCID="):
            self.caller_id_enabled = line.endswith("=1")
        elif line.startswith("ATD") and line.endswith(";"):
            outcome = self.dial_script.get(line[-2], ["OK"])
            if not outcome:
                self._dialling = True
                return
            self.off_hook = outcome[-1] == "OK"
            self.send_lines(outcome)
            return
        elif line == "ATA":
            self.off_hook, reply = True, "VCON"
        elif line in {"ATH", "ATH0"}:
            self.off_hook = False
        elif line == "AT+VRX":
            if not self.off_hook:
                reply = "ERROR"
            else:
                self.send_lines(["CONNECT"])
                self.streaming = True
                return
        elif not (line == "AT" or line.startswith(("AT+FCLASS=", "AT+VSM=", "AT+VTS=", "AT+V"))):
            reply = "ERROR"
        self.send_lines([reply])

    def _stream_chunk(self) -> None:
        start = len(self.voice_sent) % len(self.voice)
        samples = (self.voice * 2)[start : start + self.chunk]
        with self._lock:
            codes, self._pending_codes = self._pending_codes, []
            self._write(samples.replace(DLE, DLE + DLE))
            self.voice_sent += samples
            for code in codes:
                self._write(DLE + code.encode("ascii"))

    def _write(self, data: bytes) -> None:
        """Write all of ``data`` unless unplugged or the phone stops reading for a second."""
        view = memoryview(data)
        deadline = time.monotonic() + 1.0
        while view and self._master >= 0 and time.monotonic() < deadline:
            try:
                view = view[os.write(self._master, view) :]
            except BlockingIOError:
                select.select([], [self._master], [], 0.05)
