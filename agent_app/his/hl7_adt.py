"""HL7 v2 ADT messages as the events the follow-up desk acts on.

ADT^A03 (discharge) becomes a ``Discharge`` holding a ``SourceRow``; A13 (cancel discharge)
a ``DischargeCancelled``; A08 (update patient information) a ``PatientUpdated``; A40 (merge
patient) a ``PatientsMerged``. Fields read (v2.5 positions): the patient identifier where the
``Hl7Mapping`` says (PID-3 type MR by default; never the visit number unless the mapping names
PV1-19), PID-3 type NNCHN/ID/NI/PPN → ID number, PID-5 name, PID-7 birth date, PID-8 sex,
PID-11 address, PID-13/PID-14 phones; every NK1 (2 name, 3 relationship, 5 and 6 phones);
PV1-3 ward, PV1-7 attending doctor, PV1-10 department (hospital service), PV1-19 visit number,
PV1-36 discharge disposition, PV1-44/45 admission and discharge times (EVN-6, then EVN-2
when PV1-45 is empty); the final (else first) DG1-3 diagnosis; a ROL segment whose role names
a nurse gives the attending nurse; MRG-1 the prior patient identifier of an A40. Z-segments
and segments not named here are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent_app.his.errors import MessageRefused
from agent_app.his.hl7_message import Hl7Message, Segment
from agent_app.his.mapping import Hl7Mapping
from agent_app.his.records import ContactRow, SourceRow

ACCEPTED = ("A03", "A08", "A13", "A40")
_CJK = re.compile(r"^[\u3400-\u9fff·]+$")
_TS = re.compile(r"^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d{1,4})?([+-]\d{4})?$")
# HL7 table 0063 (relationship) codes, as words ``validate.relation_of`` knows.
_RELATION_CODES = {
    "SEL": "self",
    "SPO": "spouse",
    "DOM": "spouse",
    "HUS": "spouse",
    "WIF": "spouse",
    "SON": "son",
    "DAU": "daughter",
    "FTH": "parent",
    "MTH": "parent",
    "PAR": "parent",
    "BRO": "sibling",
    "SIS": "sibling",
    "SIB": "sibling",
}


@dataclass(frozen=True)
class Discharge:
    row: SourceRow


@dataclass(frozen=True)
class DischargeCancelled:
    ref: str
    visit_number: str


@dataclass(frozen=True)
class PatientUpdated:
    """New names and numbers for a patient; ``row`` holds name, phone and contacts."""

    mrn: str
    row: SourceRow


@dataclass(frozen=True)
class PatientsMerged:
    """``prior_mrn``'s episodes, tasks and history now belong to ``mrn``."""

    mrn: str
    prior_mrn: str
    row: SourceRow


AdtEvent = Discharge | DischargeCancelled | PatientUpdated | PatientsMerged


def _join_name(family: str, given: str) -> str:
    if _CJK.match(family + given):
        return family + given
    return " ".join(part for part in (given, family) if part)


def _phones(segment: Segment, *fields: int) -> str:
    numbers = []
    for field in fields:
        for rep in range(1, segment.repetitions(field) + 1):
            number = (
                segment.get(field, 12, rep)  # XTN-12 unformatted telephone number
                or segment.get(field, 1, rep)  # v2.3 and earlier: the number as text
                or _components_number(segment, field, rep)
            )
            if number and number not in numbers:
                numbers.append(number)
    return ",".join(numbers)


def _components_number(segment: Segment, field: int, rep: int) -> str:
    """XTN-5 country, XTN-6 area and XTN-7 local number; with a country code it is E.164."""
    country, area, local = (segment.get(field, c, rep) for c in (5, 6, 7))
    if not local:
        return ""
    return f"+{country.lstrip('+')} {area} {local}" if country else f"{area} {local}".strip()


def hl7_time(text: str) -> str:
    """An HL7 TS/DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]) as ISO text, in the sender's
    own time of day (a discharge date is the hospital's local date); other text unchanged."""
    match = _TS.match(text.strip())
    if match is None:
        return text
    year, month, day, hour, minute, second = (match.group(i) for i in range(1, 7))
    if not (month and day):
        return text  # a year or month alone is no discharge date
    stamp = f"{year}-{month}-{day}"
    if hour:
        stamp += f" {hour}:{minute or '00'}:{second or '00'}"
    return stamp


def _identifier(message: Hl7Message, mapping: Hl7Mapping) -> str:
    for name, field, kind in mapping.places():
        segment = message.first(name)
        if segment is None:
            continue
        for rep in range(1, segment.repetitions(field) + 1):
            value = segment.get(field, 1, rep)
            if value and (kind is None or segment.get(field, 5, rep).upper() == kind):
                return value
    return ""


def _id_number(pid: Segment) -> str:
    for rep in range(1, pid.repetitions(3) + 1):
        if pid.get(3, 5, rep).upper() in ("NNCHN", "ID", "NI", "PPN"):
            return pid.get(3, 1, rep)
    return pid.get(19)  # PID-19 SSN, where some senders put the national id


def _contacts(message: Hl7Message) -> tuple[ContactRow, ...]:
    out = []
    for kin in message.segments("NK1"):
        code = kin.get(3, 1).upper()
        relation = kin.get(3, 2) or _RELATION_CODES.get(code, code)
        phones = _phones(kin, 5, 6)  # NK1-5 phone, NK1-6 business phone
        if phones:
            out.append(ContactRow(_join_name(kin.get(2, 1), kin.get(2, 2)), relation, phones))
    return tuple(out)


def _patient_values(pid: Segment) -> dict[str, str]:
    return {
        "name": _join_name(pid.get(5, 1), pid.get(5, 2)),
        "birth_date": hl7_time(pid.get(7))[:10],
        "sex": pid.get(8),
        "address": "".join(pid.get(11, c) for c in (4, 3, 1, 2)),
        "phone": _phones(pid, 13, 14),  # home and business numbers
        "id_number": _id_number(pid),
    }


def _required(message: Hl7Message, kind: str, *names: str) -> list[Segment]:
    found = []
    for name in names:
        segment = message.first(name)
        if segment is None:
            raise MessageRefused("hl7_missing_segment", kind=kind, segment=name)
        found.append(segment)
    return found


def read_event(message: Hl7Message, mapping: Hl7Mapping | None = None) -> AdtEvent:
    """What an ADT message asks of us; raise MessageRefused when it cannot be taken."""
    mapping = mapping or Hl7Mapping()
    code, trigger = message.kind
    label = "^".join(k for k in (code, trigger) if k) or "no message type"
    if code != "ADT" or trigger not in ACCEPTED:
        raise MessageRefused("hl7_unsupported_type", kind=label)
    ref = f"message {message.control_id}"
    if trigger == "A13":
        (pv1,) = _required(message, label, "PV1")
        visit = pv1.get(19)
        if not visit:
            raise MessageRefused("hl7_no_visit", kind=label)
        return DischargeCancelled(ref, visit)
    (pid,) = _required(message, label, "PID")
    mrn = _identifier(message, mapping)
    if not mrn:
        raise MessageRefused("hl7_no_patient_id", where=", ".join(mapping.patient_id))
    values = {"mrn": mrn, **_patient_values(pid)}
    if trigger == "A08":
        return PatientUpdated(mrn, SourceRow(ref, values, _contacts(message)))
    if trigger == "A40":
        (mrg,) = _required(message, label, "MRG")
        prior = mrg.get(1, 1)
        if not prior:
            raise MessageRefused("hl7_no_prior_id")
        return PatientsMerged(mrn, prior, SourceRow(ref, values, _contacts(message)))
    return Discharge(_discharge_row(message, ref, values))


def _discharge_row(message: Hl7Message, ref: str, values: dict[str, str]) -> SourceRow:
    (pid, pv1) = _required(message, "ADT^A03", "PID", "PV1")
    evn = message.first("EVN")
    event_time = (evn.get(6) or evn.get(2)) if evn is not None else ""
    values |= {
        "visit_number": pv1.get(19) or pid.get(18),
        "ward": pv1.get(3),
        "attending_doctor": pv1.get(7) or _join_name(pv1.get(7, 2), pv1.get(7, 3)),
        "department": pv1.get(10),
        "disposition": pv1.get(36),
        "admitted_on": hl7_time(pv1.get(44)),
        "discharged_on": hl7_time(pv1.get(45) or event_time),
    }
    contacts = _contacts(message)
    diagnoses = message.segments("DG1")
    final = [d for d in diagnoses if d.get(6).upper() == "F"] or diagnoses
    if final:
        values |= {"diagnosis_code": final[0].get(3, 1), "diagnosis_name": final[0].get(3, 2)}
    for role in message.segments("ROL"):
        words = (role.get(3, 1) + role.get(3, 2)).upper()
        if "NUR" in words or "护" in words:
            values["attending_nurse"] = role.get(4) or _join_name(role.get(4, 2), role.get(4, 3))
            break
    return SourceRow(ref, values, contacts)
