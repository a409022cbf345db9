"""HL7 v2 ADT^A03 (discharge) messages: read one into a ``SourceRow``, and answer with an ACK.

Fields read (v2.5 positions): PID-3 identifiers (type MR → MRN; NNCHN/ID → ID number), PID-5
name, PID-7 birth date, PID-8 sex, PID-11 address, PID-13 phones; the first NK1 (2 name,
3 relationship, 5 phone); PV1-3 ward, PV1-7 attending doctor, PV1-10 department (hospital
service), PV1-19 visit number, PV1-36 discharge disposition, PV1-44/45 admission and discharge
times (EVN-2 when PV1-45 is empty); the final (else first) DG1-3 diagnosis; a ROL segment
whose role names a nurse gives the attending nurse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import hl7  # type: ignore[import-untyped, unused-ignore]

from agent_app.his.records import SourceRow

ACCEPTED = ("ADT", "A03")
_CJK = re.compile(r"^[\u3400-\u9fff·]+$")


class MessageRefused(ValueError):
    """The message cannot be taken; the text goes back to the sender in the AE acknowledgement."""


@dataclass(frozen=True)
class _Segment:
    """One segment's fields as raw text, split on the message's own separators."""

    fields: list[str]
    component: str
    repetition: str
    message: Any

    def get(self, field: int, component: int = 1, repetition: int = 1) -> str:
        if field >= len(self.fields):
            return ""
        reps = self.fields[field].split(self.repetition)
        if repetition > len(reps):
            return ""
        parts = reps[repetition - 1].split(self.component)
        if component > len(parts):
            return ""
        text = parts[component - 1].split("&")[0]
        return str(self.message.unescape(text)).strip()

    def repetitions(self, field: int) -> int:
        if field >= len(self.fields) or not self.fields[field]:
            return 0
        return len(self.fields[field].split(self.repetition))


def parse_message(text: str) -> Any:
    """Parse HL7 text (segments separated by CR) or raise MessageRefused."""
    cleaned = text.replace("\r\n", "\r").replace("\n", "\r").strip("\r\x0b\x1c")
    if not cleaned.startswith("MSH"):
        raise MessageRefused("The message does not start with an MSH segment.")
    try:
        return hl7.parse(cleaned)
    except (hl7.ParseException, ValueError, IndexError) as exc:
        raise MessageRefused(f"The message cannot be parsed: {exc}.") from exc


def _segments(message: Any, name: str) -> list[_Segment]:
    msh = str(message.segment("MSH"))
    component, repetition = msh[4], msh[5]
    try:
        found = message.segments(name)
    except KeyError:
        return []
    out = []
    for segment in found:
        fields = str(segment).split(msh[3])
        if name == "MSH":  # MSH-1 is the separator itself: keep numbering as the standard does
            fields.insert(1, msh[3])
        out.append(_Segment(fields, component, repetition, message))
    return out


def control_id(message: Any) -> str:
    return _segments(message, "MSH")[0].get(10)


def _join_name(family: str, given: str) -> str:
    if _CJK.match(family + given):
        return family + given
    return " ".join(part for part in (given, family) if part)


def _phones(segment: _Segment, field: int) -> str:
    numbers = []
    for rep in range(1, segment.repetitions(field) + 1):
        number = (
            segment.get(field, 12, rep)
            or segment.get(field, 1, rep)
            or segment.get(field, 6, rep) + segment.get(field, 7, rep)
        )
        if number:
            numbers.append(number)
    return ",".join(numbers)


def _identifiers(pid: _Segment) -> tuple[str, str]:
    mrn = id_number = ""
    for rep in range(1, pid.repetitions(3) + 1):
        kind = pid.get(3, 5, rep).upper()
        value = pid.get(3, 1, rep)
        if kind in ("NNCHN", "ID", "NI", "PPN") and not id_number:
            id_number = value
        elif (kind == "MR" or not kind) and not mrn:
            mrn = value
    return mrn, id_number


def adt_a03_row(message: Any) -> SourceRow:
    """The discharge in an ADT^A03 message as a source row; raise MessageRefused if not one."""
    msh = _segments(message, "MSH")[0]
    kind = (msh.get(9, 1).upper(), msh.get(9, 2).upper())
    if kind != ACCEPTED:
        got = "^".join(k for k in kind if k) or "no message type"
        raise MessageRefused(f"Only ADT^A03 (discharge) messages are accepted, not {got}.")
    pid_list, pv1_list = _segments(message, "PID"), _segments(message, "PV1")
    if not pid_list or not pv1_list:
        raise MessageRefused("An ADT^A03 message needs a PID and a PV1 segment.")
    pid, pv1 = pid_list[0], pv1_list[0]
    mrn, id_number = _identifiers(pid)
    values = {
        "visit_number": pv1.get(19) or pid.get(18),
        "mrn": mrn,
        "id_number": id_number or pid.get(19),
        "name": _join_name(pid.get(5, 1), pid.get(5, 2)),
        "birth_date": pid.get(7)[:8],
        "sex": pid.get(8),
        "address": "".join(pid.get(11, c) for c in (4, 3, 1, 2)),
        "phone": _phones(pid, 13),
        "ward": pv1.get(3),
        "attending_doctor": pv1.get(7) or _join_name(pv1.get(7, 2), pv1.get(7, 3)),
        "department": pv1.get(10),
        "disposition": pv1.get(36),
        "admitted_on": pv1.get(44),
        "discharged_on": pv1.get(45) or next((e.get(2) for e in _segments(message, "EVN")), ""),
    }
    kin = _segments(message, "NK1")
    if kin:
        values |= {
            "contact_name": _join_name(kin[0].get(2, 1), kin[0].get(2, 2)),
            "contact_relation": kin[0].get(3, 2) or kin[0].get(3, 1),
            "contact_phone": _phones(kin[0], 5),
        }
    diagnoses = _segments(message, "DG1")
    final = [d for d in diagnoses if d.get(6).upper() == "F"] or diagnoses
    if final:
        values |= {"diagnosis_code": final[0].get(3, 1), "diagnosis_name": final[0].get(3, 2)}
    for role in _segments(message, "ROL"):
        words = (role.get(3, 1) + role.get(3, 2)).upper()
        if "NUR" in words or "护" in words:
            values["attending_nurse"] = role.get(4) or _join_name(role.get(4, 2), role.get(4, 3))
            break
    return SourceRow(f"message {control_id(message)}", values)


def _escape(text: str) -> str:
    escapes = (("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\"))
    for raw, escaped in escapes:
        text = text.replace(raw, escaped)
    return text.replace("\r", " ").replace("\n", " ")


def ack(message: Any, code: str, reason: str = "") -> str:
    """An original-mode ACK: AA, or AE with the reason in MSA-3 and an ERR segment."""
    if message is not None:
        head = str(message.create_ack(code)).split("\r")[0]
        control = control_id(message)
    else:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        head = f"MSH|^~\\&|FOLLOWUP||||{stamp}||ACK|{stamp}|P|2.5"
        control = ""
    msa = f"MSA|{code}|{control}"
    if not reason:
        return f"{head}\r{msa}\r"
    text = _escape(reason)[:200]
    return f"{head}\r{msa}|{text}\rERR||||E|||{text}\r"
