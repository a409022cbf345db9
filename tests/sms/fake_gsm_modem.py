"""A GSM modem (3GPP TS 27.005 PDU mode) on a pseudo-terminal, for testing the text sender.

It borrows the pty plumbing of the voice modem fake (``unplug`` closes the pty as when the USB
stick is pulled) and speaks the messaging commands instead: ``AT+CMGS`` with its ``> `` prompt,
each part taking ``pace`` seconds as on a real network, ``+CMGS: <mr>`` answers, status reports
(``+CDS``) for parts that asked for one, and incoming messages stored and announced with
``+CMTI`` then read with ``AT+CMGR`` / ``AT+CMGL`` and deleted with ``AT+CMGD``. The parts it
was given are decoded and put back together, so a test sees the messages a phone would show.
"""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gsmmodem import pdu as codec

from tests.dialer.fake_modem import FakeModem

CTRL_Z = 0x1A
ESC = 0x1B
_UCS2_PART = 67  # characters per part of a concatenated UCS2 message


@dataclass(frozen=True)
class SubmittedPart:
    reference: int  # the modem's message reference (+CMGS)
    number: str
    text: str
    concat: tuple[int, int, int] | None  # (reference, total, number)
    status_report: bool


def _semi_octets(digits: str) -> str:
    padded = digits + ("F" if len(digits) % 2 else "")
    return "".join(padded[i + 1] + padded[i] for i in range(0, len(padded), 2))


def _address(number: str) -> str:
    digits = number.lstrip("+")
    kind = "91" if number.startswith("+") else "81"
    return f"{len(digits):02X}{kind}{_semi_octets(digits)}"


_TIMESTAMP = "62301241000023"  # 2026-03-21 14:00:00 +08:00, in semi-octets


def deliver_pdus(sender: str, text: str, reference: int = 1) -> list[str]:
    """SMS-DELIVER PDUs (UCS2) of ``text`` from ``sender``, concatenated when it is long."""
    if len(text) <= 70:
        chunks = [text]
    else:
        chunks = [text[i : i + _UCS2_PART] for i in range(0, len(text), _UCS2_PART)]
    pdus = []
    for number, chunk in enumerate(chunks, start=1):
        body = chunk.encode("utf-16-be")
        first = 0x04  # SMS-DELIVER, no more messages waiting
        if len(chunks) > 1:
            first |= 0x40
            body = bytes([5, 0, 3, reference % 256, len(chunks), number]) + body
        pdus.append(
            "00" + f"{first:02X}" + _address(sender) + "0008" + _TIMESTAMP
            + f"{len(body):02X}" + body.hex().upper()
        )  # fmt: skip
    return pdus


def status_report_pdu(reference: int, recipient: str, status: int = 0) -> str:
    """An SMS-STATUS-REPORT PDU for the part sent with ``reference``."""
    return (
        "00" + "06" + f"{reference % 256:02X}" + _address(recipient)
        + _TIMESTAMP + _TIMESTAMP + f"{status:02X}"
    )  # fmt: skip


class FakeGsmModem(FakeModem):
    """Serves messaging AT commands on a pty; helpers are safe to call from the test thread."""

    def __init__(
        self,
        link: Path,
        *,
        pace: tuple[float, float] = (0.0, 0.0),
        reports: bool = True,
        first_reference: int = 0,
    ) -> None:
        self.pace = pace
        self.reports = reports  # send +CDS for parts that asked for a status report
        self.parts: list[SubmittedPart] = []
        self.pdus_received = 0  # PDUs handed over, answered or not (counted on CTRL-Z)
        self.pdus_answered = 0  # of those, the ones the network has answered
        self.busy_seconds = 0.0  # time spent "on the network" (the pace), for the benchmark
        self.refusals: list[str] = []  # answers for the next PDUs instead of +CMGS
        self.silent_prompts = 0  # the next AT+CMGS get no prompt at all
        self.stored: dict[int, str] = {}
        self.settings: dict[str, str] = {}
        self._next_reference = first_reference
        self._next_slot = 1
        self._entry: str | None = None  # the pending AT+CMGS while the PDU is typed
        self._lock_parts = threading.Lock()
        super().__init__(link)

    # Test controls -----------------------------------------------------------------------
    def receive(self, sender: str, text: str, reference: int = 1) -> list[int]:
        """A message arrives: store its parts and announce each with +CMTI; their slots."""
        slots = []
        for pdu_hex in deliver_pdus(sender, text, reference):
            slot = self._store(pdu_hex)
            slots.append(slot)
            self.send_lines([f'+CMTI: "ME",{slot}'])
        return slots

    def store_quietly(self, sender: str, text: str, reference: int = 1) -> list[int]:
        """Parts that arrived while nobody listened (no +CMTI)."""
        return [self._store(p) for p in deliver_pdus(sender, text, reference)]

    def messages(self) -> list[tuple[str, str]]:
        """The messages sent, each put back together from its parts, in order."""
        with self._lock_parts:
            parts = list(self.parts)
        whole: list[tuple[str, str]] = []
        pending: dict[tuple[str, int], dict[int, str]] = {}
        for part in parts:
            if part.concat is None:
                whole.append((part.number, part.text))
                continue
            reference, total, number = part.concat
            got = pending.setdefault((part.number, reference), {})
            got[number] = part.text
            if len(got) == total:
                whole.append((part.number, "".join(got[n] for n in sorted(got))))
                del pending[(part.number, reference)]
        return whole

    # Serving -----------------------------------------------------------------------------
    def _store(self, pdu_hex: str) -> int:
        with self._lock:
            slot = self._next_slot
            self._next_slot += 1
            self.stored[slot] = pdu_hex
        return slot

    def _take_input(self, pending: bytearray) -> None:
        while pending:
            if self._entry is not None:
                ends = [i for i in (pending.find(bytes([CTRL_Z])), pending.find(bytes([ESC])))]
                ends = [i for i in ends if i >= 0]
                if not ends:
                    return
                end = min(ends)
                pdu_hex = bytes(pending[:end]).decode("latin-1").strip()
                cancelled = pending[end] == ESC
                del pending[: end + 1]
                self._entry = None
                if cancelled:
                    self.send_lines(["OK"])
                else:
                    self._submitted(pdu_hex)
                continue
            cut = [i for i in (pending.find(b"\r"), pending.find(bytes([ESC]))) if i >= 0]
            if not cut:
                return
            end = min(cut)
            line = bytes(pending[:end]).decode("latin-1").strip()
            del pending[: end + 1]
            if not line.upper().startswith("AT"):
                continue
            if self.echo:
                self.send_raw(line.encode("latin-1") + b"\r")
            with self._lock:
                self.commands.append(line)
            self._command(line.upper())

    def _command(self, line: str) -> None:
        reply: list[str] = ["OK"]
        if line == "ATE0":
            self.echo = False
        elif match := re.fullmatch(r"AT\+(CMGF|CSMS|CNMI|CMEE)=(.*)", line):
            self.settings[match.group(1)] = match.group(2)
        elif match := re.fullmatch(r"AT\+CMGS=(\d+)", line):
            if self.silent_prompts:
                self.silent_prompts -= 1
                return
            if self.settings.get("CMGF") != "0":
                reply = ["+CMS ERROR: 302"]  # not in PDU mode
            else:
                self._entry = match.group(1)
                self.send_raw(b"\r\n> ")
                return
        elif match := re.fullmatch(r"AT\+CMGR=(\d+)", line):
            pdu_hex = self.stored.get(int(match.group(1)))
            if pdu_hex is None:
                reply = ["+CMS ERROR: 321"]
            else:
                reply = [f"+CMGR: 0,,{len(pdu_hex) // 2 - 1}", pdu_hex, "OK"]
        elif line == "AT+CMGL=4":
            reply = []
            for slot, pdu_hex in sorted(self.stored.items()):
                reply += [f"+CMGL: {slot},0,,{len(pdu_hex) // 2 - 1}", pdu_hex]
            reply.append("OK")
        elif match := re.fullmatch(r"AT\+CMGD=(\d+)", line):
            with self._lock:
                self.stored.pop(int(match.group(1)), None)
        self.send_lines(reply)

    def _submitted(self, pdu_hex: str) -> None:
        self.pdus_received += 1
        stop = self._stop
        pace = random.uniform(*self.pace)
        if stop.wait(pace):
            return  # unplugged while the network was busy with it
        self.busy_seconds += pace
        if self.refusals:
            self.send_lines([self.refusals.pop(0)])
            self.pdus_answered += 1
            return
        fields = codec.decodeSmsPdu(pdu_hex)
        concat = None
        for header in fields.get("udh") or ():
            if isinstance(header, codec.Concatenation):
                concat = (header.reference, header.parts, header.number)
        reference = self._next_reference
        self._next_reference = (reference + 1) % 256
        wants_report = bool(int(pdu_hex[2:4], 16) & 0x20)
        part = SubmittedPart(reference, fields["number"], fields["text"], concat, wants_report)
        with self._lock_parts:
            self.parts.append(part)
        self.send_lines([f"+CMGS: {reference}", "OK"])
        self.pdus_answered += 1
        if wants_report and self.reports:
            report = status_report_pdu(reference, part.number)
            self.send_lines([f"+CDS: {len(report) // 2 - 1}", report])

    def script_refusals(self, answers: Sequence[str]) -> None:
        self.refusals.extend(answers)
