"""HL7 v2 messages as text: split on the message's own separators, unescape, and answer.

Our own reader rather than the ``hl7`` package's: a sender may declare any encoding
characters in MSH-1/MSH-2 (``#~\\&``, ``^~\\&#`` with the v2.7 truncation character, or a
short MSH-2), and the package then fails in places we cannot guard (building an ACK raised
TypeError and took the MLLP connection down). Here every separator comes from the message
itself, missing ones take the standard defaults, and the ACK is written with the standard
separators whatever the sender used, so building one cannot fail on the sender's choices.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from agent_app.his.errors import MessageRefused

DEFAULT_ENCODING = "^~\\&"
_HEX = re.compile(r"^[0-9A-Fa-f]+$")
# MSH-18 character set names (HL7 table 0211) and the codec that reads their \X..\ bytes.
_CHARSETS = {
    "UNICODE UTF-8": "utf-8",
    "UNICODE": "utf-8",
    "GB 18030-2000": "gb18030",
    "GB18030": "gb18030",
    "ISO IR58": "gb2312",
    "8859/1": "latin-1",
    "ASCII": "ascii",
}


@dataclass(frozen=True)
class Separators:
    field: str = "|"
    component: str = "^"
    repetition: str = "~"
    escape: str = "\\"
    subcomponent: str = "&"

    @classmethod
    def from_msh(cls, msh: str) -> Separators:
        """The separators an MSH segment declares; missing encoding characters take defaults."""
        field = msh[3]
        declared = msh[4:].split(field, 1)[0]
        chars = list(declared[:4])
        defaults = list(DEFAULT_ENCODING)
        chars += defaults[len(chars) :]
        return cls(field, *chars)


@dataclass(frozen=True)
class Segment:
    """One segment's fields as raw text; ``get`` numbers fields as the standard does."""

    name: str
    fields: tuple[str, ...]
    message: Hl7Message

    def raw(self, field: int) -> str:
        return self.fields[field] if 0 <= field < len(self.fields) else ""

    def get(self, field: int, component: int = 1, repetition: int = 1, sub: int = 1) -> str:
        """One value, unescaped and stripped ("" when absent)."""
        sep = self.message.separators
        if self.name == "MSH" and field == 2:
            return self.raw(2)  # the encoding characters are not split or unescaped
        reps = self.raw(field).split(sep.repetition) if field != 1 else [self.raw(field)]
        if repetition > len(reps):
            return ""
        parts = reps[repetition - 1].split(sep.component)
        if component > len(parts):
            return ""
        subs = parts[component - 1].split(sep.subcomponent)
        if sub > len(subs):
            return ""
        return self.message.unescape(subs[sub - 1]).strip()

    def repetitions(self, field: int) -> int:
        text = self.raw(field)
        return len(text.split(self.message.separators.repetition)) if text else 0


@dataclass(frozen=True)
class Hl7Message:
    separators: Separators
    segment_fields: tuple[tuple[str, ...], ...]
    charset: str = "utf-8"

    def segments(self, name: str) -> list[Segment]:
        return [Segment(f[0], f, self) for f in self.segment_fields if f[0] == name]

    def first(self, name: str) -> Segment | None:
        found = self.segments(name)
        return found[0] if found else None

    @property
    def msh(self) -> Segment:
        return self.segments("MSH")[0]

    @property
    def control_id(self) -> str:
        return self.msh.get(10)

    @property
    def kind(self) -> tuple[str, str]:
        """(message code, trigger event), upper case: ("ADT", "A03")."""
        return self.msh.get(9, 1).upper(), self.msh.get(9, 2).upper()

    def unescape(self, text: str) -> str:
        """Undo HL7 escapes: \\F\\ \\S\\ \\T\\ \\R\\ \\E\\, \\X..\\ hex bytes in the message's
        character set, \\.br\\ as a line break; formatting and unknown sequences are dropped."""
        esc = self.separators.escape
        if esc not in text:
            return text
        out: list[str] = []
        for piece, escaped in _pieces(text, esc):
            out.append(self._escape_value(piece) if escaped else piece)
        return "".join(out)

    def _escape_value(self, value: str) -> str:
        sep = self.separators
        simple = {
            "F": sep.field,
            "S": sep.component,
            "T": sep.subcomponent,
            "R": sep.repetition,
            "E": sep.escape,
            ".br": "\n",
            ".sp": "\n",
        }
        if value in simple:
            return simple[value]
        if value[:1] == "X" and _HEX.match(value[1:]) and len(value) % 2 == 1:
            data = bytes.fromhex(value[1:])
            for codec in (self.charset, "utf-8", "gb18030"):
                try:
                    return data.decode(codec)
                except (UnicodeDecodeError, LookupError):
                    continue
            return data.decode("latin-1")
        return ""  # \H\, \N\, \Zxx\, \C..\, \M..\: highlighting and code pages we do not show


def _pieces(text: str, esc: str) -> Iterator[tuple[str, bool]]:
    """Plain and escaped runs of ``text``; an escape that never closes stays plain text."""
    rest = text
    while rest:
        start = rest.find(esc)
        if start < 0:
            yield rest, False
            return
        end = rest.find(esc, start + 1)
        if end < 0:
            yield rest, False
            return
        if start:
            yield rest[:start], False
        yield rest[start + 1 : end], True
        rest = rest[end + 1 :]


def parse_message(text: str) -> Hl7Message:
    """Split HL7 text (segments ended by CR, or LF from a file) or raise MessageRefused."""
    cleaned = text.replace("\r\n", "\r").replace("\n", "\r").strip("\r\x0b\x1c \t")
    if not cleaned.startswith("MSH") or len(cleaned) < 8:
        raise MessageRefused("hl7_no_msh")
    field = cleaned[3]
    if field.isalnum() or field in " \r":
        raise MessageRefused("hl7_bad_separators", found=cleaned[3:8])
    separators = Separators.from_msh(cleaned.split("\r", 1)[0])
    chars = {field, separators.component, separators.repetition, separators.escape}
    if len(chars | {separators.subcomponent}) < 5:
        raise MessageRefused("hl7_bad_separators", found=cleaned[3:8])
    segments: list[tuple[str, ...]] = []
    for line in cleaned.split("\r"):
        line = line.strip("\x0b\x1c")
        if not line.strip():
            continue
        parts = line.split(field)
        if parts[0] == "MSH":  # MSH-1 is the separator itself: number fields as the standard does
            parts.insert(1, field)
        segments.append(tuple(parts))
    if not segments or segments[0][0] != "MSH":
        raise MessageRefused("hl7_no_msh")
    message = Hl7Message(separators, tuple(segments))
    charset = _CHARSETS.get(message.msh.get(18).upper(), "utf-8")
    return Hl7Message(separators, tuple(segments), charset)


def control_id_of(text: str) -> str:
    """MSH-10 of text that may not parse, so even a refusal names the message it answers."""
    try:
        return parse_message(text).control_id
    except (MessageRefused, IndexError):
        return ""


def escape(text: str) -> str:
    """Text for a field of our own messages (written with the standard separators)."""
    escapes = (("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\"))
    for raw, escaped in escapes:
        text = text.replace(raw, escaped)
    return text.replace("\r", " ").replace("\n", " ")


def ack(message: Hl7Message | None, code: str, reason: str = "", control: str = "") -> str:
    """An original-mode ACK (AA, AE or AR) with the reason in MSA-3 and an ERR segment.

    Written with the standard separators and only from values already read, so it cannot
    fail on whatever the sender declared. ``control`` names the message when it did not parse.
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    if message is not None:
        msh = message.msh
        trigger = message.kind[1]
        apps = [escape(msh.get(n)) for n in (5, 6, 3, 4)]
        processing, version = escape(msh.get(11)) or "P", escape(msh.get(12)) or "2.5"
        control = message.control_id
        kind = f"ACK^{escape(trigger)}^ACK" if trigger else "ACK"
    else:
        apps = ["FOLLOWUP", "", "", ""]
        processing, version, kind = "P", "2.5", "ACK"
    head = "|".join(["MSH", DEFAULT_ENCODING, *apps, stamp, "", kind, stamp, processing, version])
    msa = f"MSA|{code}|{escape(control)}"
    if not reason:
        return f"{head}\r{msa}\r"
    text = escape(reason)[:200]
    return f"{head}\r{msa}|{text}\rERR||||E|||{text}\r"
