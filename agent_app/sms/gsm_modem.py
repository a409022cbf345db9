"""A GSM/4G USB modem driven for text messages in PDU mode (3GPP TS 27.005).

One thread owns the port and drives it in turn: a command is written, then lines are read until
its final result; unsolicited lines that arrive meanwhile (``+CMTI`` for a stored message,
``+CDS`` for a status report) are kept and handed out by ``poll``. No reader thread runs on its
own, so nothing else touches the port between ``AT+CMGS`` and its prompt.
"""

from __future__ import annotations

import importlib
import logging
import re
import threading
import time
from dataclasses import dataclass

from agent_app.dialer.modem_link import SerialPort, reason_of
from agent_app.sms.errors import NotSentError, OutcomeUnknownError, SmsModemError
from agent_app.sms.pdu import SubmitPart

log = logging.getLogger(__name__)

READ_TICK = 0.05
CTRL_Z = "\x1a"
ESC = "\x1b"
#: PDU mode; phase 2 messaging (no acknowledgement of each report); new messages stored and
#: announced with +CMTI, status reports sent straight to the desk with +CDS.
INIT_COMMANDS = ("ATE0", "AT+CMEE=1", "AT+CMGF=0", "AT+CSMS=0", "AT+CNMI=2,1,0,1,0")

_FINAL_OK = "OK"
_ERROR = re.compile(r"^(ERROR|\+CMS ERROR:.*|\+CME ERROR:.*)$")
_CMTI = re.compile(r'^\+CMTI:\s*"?(\w*)"?\s*,\s*(\d+)')
_CDSI = re.compile(r'^\+CDSI:\s*"?(\w*)"?\s*,\s*(\d+)')
_CDS = re.compile(r"^\+CDS:\s*(\d+)")
_CMGS = re.compile(r"^\+CMGS:\s*(\d+)")
_LISTED = re.compile(r"^\+CMG[LR]:\s*(\d+)?")


@dataclass(frozen=True)
class StoredMessage:
    """The modem stored an incoming message (or a status report) in ``slot``."""

    slot: int


@dataclass(frozen=True)
class ReportPdu:
    """A status report the modem passed on at once (``+CDS``)."""

    pdu_hex: str


ModemEvent = StoredMessage | ReportPdu


class _PortLost(Exception):
    pass


class GsmModem:
    """Text messages through one modem port; every method must be called from one thread."""

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 115200,
        command_timeout: float = 5.0,
        send_timeout: float = 60.0,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.command_timeout = command_timeout
        #: A real network answers ``+CMGS`` in a few seconds; congestion can take a minute.
        self.send_timeout = send_timeout
        self._port: SerialPort | None = None
        self._buffer = bytearray()
        self._events: list[ModemEvent] = []
        self._cds_length: int | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def open(self) -> None:
        """Open the port and set the modem up for PDU messaging."""
        try:
            serial = importlib.import_module("serial")
            self._port = serial.serial_for_url(
                self.url, baudrate=self.baudrate, timeout=READ_TICK, write_timeout=2.0
            )
        except (ImportError, OSError, ValueError) as exc:
            raise NotSentError(
                "sms_port_unavailable", port=self.url, reason=reason_of(exc)
            ) from exc
        self._buffer.clear()
        try:
            # A process killed mid-send may have left the modem waiting for a PDU, or its
            # late answers in the port: leave text entry and let old answers go first.
            self._write(ESC)
            self._drain()
        except _PortLost as lost:
            raise NotSentError("sms_port_lost", reason=str(lost)) from None
        for command in INIT_COMMANDS:
            self.command(command)

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except OSError as exc:
                log.debug("closing the modem port: %s", reason_of(exc))

    # Commands ----------------------------------------------------------------------------
    def command(self, command: str, timeout: float | None = None) -> list[str]:
        """Send one command; the lines before ``OK``. Raises NotSentError otherwise."""
        with self._lock:
            try:
                self._write(command + "\r")
                return self._answer(command, time.monotonic() + (timeout or self.command_timeout))
            except _PortLost as lost:
                raise NotSentError("sms_port_lost", reason=str(lost)) from None

    def send_part(self, part: SubmitPart) -> int:
        """Send one SMS-SUBMIT; the message reference the modem gave it (``+CMGS: <mr>``).

        Raises NotSentError while the message cannot have left, OutcomeUnknownError once the
        PDU was handed over without an answer."""
        command = f"AT+CMGS={part.tpdu_length}"
        with self._lock:
            try:
                self._write(command + "\r")
                if not self._prompt(command, time.monotonic() + self.command_timeout):
                    self._write(ESC)  # leave text entry, should the prompt come late
                    raise NotSentError("sms_no_prompt")
            except _PortLost as lost:
                raise NotSentError("sms_port_lost", reason=str(lost)) from None
            try:
                self._write(part.pdu_hex + CTRL_Z)
                lines = self._answer(command, time.monotonic() + self.send_timeout)
            except _PortLost as lost:
                raise OutcomeUnknownError("sms_port_lost", reason=str(lost)) from None
            except NotSentError as error:
                if error.code == "sms_no_answer":
                    raise OutcomeUnknownError("sms_sent_no_answer") from None
                raise  # +CMS ERROR after the PDU: the network refused it, nothing left
        for line in lines:
            match = _CMGS.match(line)
            if match:
                return int(match.group(1))
        raise OutcomeUnknownError("sms_sent_no_answer")

    def read_slot(self, slot: int) -> str:
        """The PDU stored in ``slot`` (``AT+CMGR``)."""
        return _pdus(self.command(f"AT+CMGR={slot}"))[0][1]

    def delete_slot(self, slot: int) -> None:
        self.command(f"AT+CMGD={slot}")

    def list_stored(self) -> list[tuple[int, str]]:
        """Every stored message as (slot, PDU) (``AT+CMGL=4``: read and unread alike)."""
        return _pdus(self.command("AT+CMGL=4"))

    def poll(self, seconds: float = 0.0) -> list[ModemEvent]:
        """Read unsolicited lines for up to ``seconds``; the events seen since the last poll."""
        deadline = time.monotonic() + seconds
        with self._lock:
            try:
                while True:
                    line = self._line(deadline)
                    if line is None:
                        break
                    if not self._unsolicited(line):
                        log.debug("unexpected modem line: %s", line[:40])
            except _PortLost as lost:
                raise NotSentError("sms_port_lost", reason=str(lost)) from None
        events, self._events = self._events, []
        return events

    # Reading -----------------------------------------------------------------------------
    def _drain(self, quiet: float = 0.3, limit: float = 3.0) -> None:
        """Read until the port has been quiet for ``quiet`` seconds: answers meant for an
        earlier process are thrown away, status reports and new-message notices are kept."""
        end = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() - last < quiet and time.monotonic() < end:
            before = len(self._buffer)
            self._fill()
            if len(self._buffer) > before:
                last = time.monotonic()
            while (line := self._complete_line()) is not None:
                self._unsolicited(line)
        self._buffer.clear()

    def _answer(self, command: str, deadline: float) -> list[str]:
        lines: list[str] = []
        while True:
            line = self._line(deadline)
            if line is None:
                raise NotSentError("sms_no_answer", command=command)
            if self._unsolicited(line) or line.startswith("AT"):
                continue  # an echo, should ATE0 have been lost to a modem reset
            if line == _FINAL_OK:
                return lines
            if _ERROR.match(line):
                raise NotSentError("sms_refused", command=command, answer=line)
            lines.append(line)

    def _prompt(self, command: str, deadline: float) -> bool:
        """Wait for ``> ``; an error answer raises, silence answers False."""
        while True:
            stripped = self._buffer.lstrip(b"\r\n")
            if stripped.startswith(b">"):
                self._buffer.clear()
                return True
            line = self._complete_line()
            if line is not None:
                if _ERROR.match(line):
                    raise NotSentError("sms_refused", command=command, answer=line)
                self._unsolicited(line)
                continue
            if time.monotonic() >= deadline:
                return False
            self._fill()

    def _unsolicited(self, line: str) -> bool:
        """Keep an unsolicited line as an event; False for any other line."""
        if self._cds_length is not None:
            self._cds_length = None
            self._events.append(ReportPdu(line))
            return True
        for pattern in (_CMTI, _CDSI):
            match = pattern.match(line)
            if match:
                self._events.append(StoredMessage(int(match.group(2))))
                return True
        match = _CDS.match(line)
        if match:
            self._cds_length = int(match.group(1))
            return True
        return line in ("RING", "+CRING: VOICE")  # a call on the messaging modem: not ours

    def _line(self, deadline: float) -> str | None:
        while True:
            line = self._complete_line()
            if line is not None:
                return line
            if time.monotonic() >= deadline:
                return None
            self._fill()

    def _complete_line(self) -> str | None:
        while True:
            ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
            if not ends:
                return None
            end = min(ends)
            raw = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            line = raw.decode("latin-1").strip()
            if line:
                return line

    def _fill(self) -> None:
        port = self._port
        if port is None:
            raise _PortLost("the port is closed")
        try:
            data = port.read(max(1, port.in_waiting))
        except (OSError, TypeError) as exc:  # pyserial's SerialException is an OSError
            self.close()
            raise _PortLost(reason_of(exc)) from exc
        self._buffer += data

    def _write(self, text: str) -> None:
        port = self._port
        if port is None:
            raise _PortLost("the port is closed")
        try:
            port.write(text.encode("latin-1"))
        except OSError as exc:
            self.close()
            raise _PortLost(reason_of(exc)) from exc


def _pdus(lines: list[str]) -> list[tuple[int, str]]:
    """(slot, PDU) pairs from a ``+CMGL`` / ``+CMGR`` answer (a header line, then the PDU)."""
    found: list[tuple[int, str]] = []
    slot: int | None = None
    for line in lines:
        match = _LISTED.match(line)
        if match:
            slot = int(match.group(1)) if line.startswith("+CMGL") and match.group(1) else -1
        elif slot is not None:
            found.append((slot, line))
            slot = None
    return found


__all__ = [
    "GsmModem",
    "ModemEvent",
    "NotSentError",
    "OutcomeUnknownError",
    "ReportPdu",
    "SmsModemError",
    "StoredMessage",
]
