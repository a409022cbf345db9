"""The serial link to a voice modem, built like pyserial's ``examples/at_protocol.py``.

One reader thread owns the port's input: it splits lines, or, after ``CONNECT`` to ``AT+VRX``,
decodes DLE-shielded voice until ``DLE ETX``. Each line goes first to the handler (the phone's
call state decides what ``OK`` or ``BUSY`` means while a number is being dialled); final result
codes nobody claimed answer the command that is waiting. Commands are written under a lock and
wait for their final result with a timeout. A read error means the device is gone: the reader
closes the port, wakes any waiting command and tells the handler, then ends.
"""

from __future__ import annotations

import importlib
import logging
import os
import queue
import re
import threading
from collections.abc import Callable
from typing import Protocol

from agent_app.dialer.errors import DialerError, LineUnavailableError
from agent_app.dialer.modem_lines import FINAL_RESULTS, DleDecoder
from agent_app.domain.views import mask_phone_number

log = logging.getLogger(__name__)

OK = frozenset({"OK"})
ANY_FINAL = FINAL_RESULTS
#: How often the reader wakes up when the line is quiet (drives ring and caller ID timers).
READ_TICK = 0.05
_MAX_LINE = 1024  # a modem line is short; more without a line end is noise
_LOST = "\x00lost"  # wakes a waiting command when the port goes away


class SerialPort(Protocol):
    """The part of ``serial.Serial`` the link uses (any ``serial_for_url`` object has it)."""

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...

    def close(self) -> None: ...


class LinkHandler(Protocol):
    """What the link tells its owner; every call comes from the reader thread."""

    def line_received(self, line: str) -> bool:
        """Handle an input line; False leaves it to the link (command answer or noise)."""

    def voice_received(self, audio: bytes, codes: list[str]) -> None:
        """Voice samples (still 8-bit) and the DLE event codes found among them."""

    def tick(self) -> None:
        """Called after every read, at least every ``READ_TICK`` seconds."""

    def link_lost(self, reason: str) -> None:
        """The port failed; it is already closed."""


def reason_of(exc: BaseException) -> str:
    """The operating system's words for an error, without pyserial's wrapping."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number > 0:
        return os.strerror(number)
    return str(exc).rstrip(".") or type(exc).__name__


def open_port(url: str, baudrate: int) -> SerialPort:
    """Open a device path or pyserial URL; raises LineUnavailableError with one sentence."""
    try:
        serial = importlib.import_module("serial")
    except ImportError as exc:
        raise LineUnavailableError(
            "The phone-line box needs the pyserial package, which is not installed."
        ) from exc
    try:
        port: SerialPort = serial.serial_for_url(
            url, baudrate=baudrate, timeout=READ_TICK, write_timeout=2.0
        )
    except (OSError, ValueError) as exc:
        raise LineUnavailableError(
            f"The phone-line box at {url} cannot be opened: {reason_of(exc)}."
        ) from exc
    return port


class AtLink:
    """An AT command link over one serial port; reopenable after the device comes back."""

    def __init__(
        self, url: str, baudrate: int, command_timeout: float, handler: LinkHandler
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.command_timeout = command_timeout
        self._handler = handler
        #: Held for one command, or for a sequence that must not be interleaved with others.
        self.lock = threading.RLock()
        self._port: SerialPort | None = None
        self._reader: threading.Thread | None = None
        self._stop = threading.Event()
        self._responses: queue.Queue[str] = queue.Queue(maxsize=64)
        self._buffer = bytearray()
        self._voice: DleDecoder | None = None
        self._want_connect = False

    @property
    def is_open(self) -> bool:
        return self._port is not None

    @property
    def in_voice(self) -> bool:
        """True while the modem streams voice (between CONNECT and DLE ETX)."""
        return self._voice is not None

    def open(self) -> None:
        """Open the port and start its reader thread."""
        port = open_port(self.url, self.baudrate)
        self._buffer.clear()
        self._voice = None
        self._drain()
        self._stop = threading.Event()
        self._port = port
        self._reader = threading.Thread(
            target=self._read_loop, args=(port, self._stop), name="modem-reader", daemon=True
        )
        self._reader.start()

    def close(self) -> None:
        """Stop the reader and close the port; safe to call twice or after a loss."""
        self._stop.set()
        reader, self._reader = self._reader, None
        if reader is not None and reader is not threading.current_thread():
            reader.join(timeout=2.0)
        port, self._port = self._port, None
        if port is not None:
            _close(port)

    def reopen(
        self,
        initialise: Callable[[], None],
        stop: threading.Event,
        delays: tuple[float, float],
        wake: threading.Event | None = None,
    ) -> bool:
        """Try to open the port and ``initialise`` the device until it works or ``stop`` is set.

        Waits ``delays[0]`` seconds before the first try and doubles the wait up to
        ``delays[1]``, so a box left unplugged costs one attempt every few seconds; setting
        ``wake`` ends the current wait at once (the agent asked to retry). Returns True once
        the device is back, False when stopped.
        """
        delay, longest = delays
        wake = wake or threading.Event()
        while True:
            wake.wait(delay)
            wake.clear()
            if stop.is_set():
                break
            try:
                self.open()
                initialise()
            except LineUnavailableError as exc:
                log.debug("The phone-line box is still away: %s", exc)
                self.close()
                delay = min(delay * 2, longest)
                continue
            return True
        return False

    def send(self, command: str) -> None:
        """Write a command without waiting (``ATD`` answers only when the call is decided)."""
        with self.lock:
            self._drain()
            self._write(command, (command + "\r").encode("ascii"))

    def command(
        self,
        command: str,
        *,
        accept: frozenset[str] = OK,
        timeout: float | None = None,
        raw: bytes | None = None,
        drain: bool = True,
    ) -> str:
        """Send ``command`` (or ``raw`` bytes) and return the final result code.

        Raises LineUnavailableError when the device is gone or silent, DialerError when it
        answers with a result not in ``accept``. ``drain=False`` keeps a result that arrived
        just before, for aborting a dial whose own result may already be on its way.
        """
        with self.lock:
            if drain:
                self._drain()
            self._want_connect = "CONNECT" in accept
            try:
                self._write(command, raw if raw is not None else (command + "\r").encode("ascii"))
                line = self._responses.get(timeout=timeout or self.command_timeout)
            except queue.Empty:
                raise LineUnavailableError(
                    f"The phone-line box at {self.url} did not answer {command}."
                ) from None
            finally:
                self._want_connect = False
            if line == _LOST:
                raise LineUnavailableError(self.gone_text)
            if line not in accept:
                raise DialerError(f"The phone-line box answered {command} with {line}.")
            return line

    def start_voice(self) -> None:
        """``AT+VRX``: from its CONNECT on, input is decoded as voice."""
        self.command("AT+VRX", accept=frozenset({"CONNECT"}))

    def stop_voice(self) -> None:
        """End voice receive with ``DLE !`` (V.253 receive abort) and wait for the modem's OK.

        Never raises: a modem that does not confirm is logged and treated as back in command
        mode, which is what the next command needs anyway.
        """
        with self.lock:
            if self._voice is None:
                return
            try:
                self.command("DLE !", raw=bytes([0x10, ord("!")]), accept=frozenset({"OK", "VCON"}))
            except DialerError as exc:
                log.warning("Voice receive did not end cleanly: %s", exc)
            finally:
                # Without the DLE ETX the stream state is unknown; lines are the safer guess.
                self._voice = None

    @property
    def gone_text(self) -> str:
        return f"The phone-line box at {self.url} is disconnected."

    # Reader thread -----------------------------------------------------------------------
    def _read_loop(self, port: SerialPort, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except OSError as exc:  # pyserial's SerialException is an OSError
                if not stop.is_set():
                    self._lost(port, exc)
                return
            try:
                if data:
                    self._feed(data)
                self._handler.tick()
            except Exception:
                # A bug in handling one burst must not take the whole line down.
                log.exception("Failed to handle input from the phone-line box")
                self._buffer.clear()

    def _lost(self, port: SerialPort, exc: OSError) -> None:
        if self._port is port:
            self._port = None
        _close(port)
        self._voice = None
        self._buffer.clear()
        self._respond(_LOST)
        log.warning("The phone-line box at %s was lost: %s", self.url, reason_of(exc))
        self._handler.link_lost(reason_of(exc))

    def _feed(self, data: bytes) -> None:
        self._buffer += data
        while self._buffer:
            decoder = self._voice
            if decoder is not None:
                audio, codes, rest = decoder.feed(bytes(self._buffer))
                self._buffer.clear()
                if audio or codes:
                    self._handler.voice_received(audio, codes)
                if rest is None:
                    return
                self._voice = None
                self._buffer += rest
                continue
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > _MAX_LINE:
                    log.warning(
                        "Dropped %d bytes of noise from the phone-line box", len(self._buffer)
                    )
                    self._buffer.clear()
                return
            raw = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            self._line(raw.decode("ascii", "replace").strip())

    def _line(self, line: str) -> None:
        if not line or self._handler.line_received(line):
            return
        if line in FINAL_RESULTS or line.startswith("+CME ERROR"):
            if line == "CONNECT" and self._want_connect:
                # Switch before the next byte is read: everything after this line is voice.
                self._voice = DleDecoder()
            self._respond("ERROR" if line.startswith("+CME") else line)
        elif line.upper().startswith("AT"):
            # The echo of a dial command holds the number dialled.
            log.debug("Command echo from the phone-line box: %r", mask_phone_number(line))
        else:
            # Unknown lines may be caller ID in a format we do not read: no whole numbers here.
            shown = re.sub(r"\d{4,}", lambda m: m.group()[:3] + "…", line[:60])
            log.warning("Ignored a line from the phone-line box that is not understood: %r", shown)

    def _respond(self, line: str) -> None:
        try:
            self._responses.put_nowait(line)
        except queue.Full:
            log.warning("Dropped a result from the phone-line box nobody was waiting for")

    # Helpers ---------------------------------------------------------------------------
    def _write(self, command: str, data: bytes) -> None:
        port = self._port
        if port is None:
            raise LineUnavailableError(self.gone_text)
        try:
            port.write(data)
        except OSError as exc:
            raise LineUnavailableError(
                f"The phone-line box at {self.url} could not take {command}: {reason_of(exc)}."
            ) from exc

    def _drain(self) -> None:
        while True:
            try:
                self._responses.get_nowait()
            except queue.Empty:
                return


def _close(port: SerialPort) -> None:
    try:
        port.close()
    except OSError as exc:
        log.debug("Closing the serial port failed: %s", exc)
