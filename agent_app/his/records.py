"""What every extract adapter produces: raw source rows, validated discharge records, rejections.

A ``SourceRow`` holds text by canonical field name (see ``FIELDS``), whatever the source's own
column names were; ``validate.validate_row`` turns it into a ``DischargeRecord`` or a
``Rejection`` with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from agent_app.domain.enums import DischargeDisposition, PhoneKind, Relation, Sex

# Canonical field names a mapping may point source columns at.
FIELDS: frozenset[str] = frozenset(
    {
        "visit_number",  # 住院号 / visit id: with the source it identifies the episode
        "mrn",  # 病案号 / patient id
        "id_number",  # 身份证号
        "name",
        "sex",
        "birth_date",
        "address",
        "phone",  # the patient's own number
        "contact_name",
        "contact_relation",
        "contact_phone",
        "admitted_on",
        "discharged_on",  # a date or a date and time
        "revisit_on",  # the booked re-visit (复诊日期), when the HIS has it
        "department",  # department code (or name)
        "ward",
        "diagnosis_code",
        "diagnosis_name",
        "attending_doctor",  # staff username or full name
        "attending_nurse",
        "disposition",
    }
)


@dataclass(frozen=True)
class ContactRow:
    """A relative or other contact as a source gave it; ``phones`` may hold several numbers."""

    name: str
    relation: str
    phones: str


@dataclass(frozen=True)
class SourceRow:
    """One row as a source delivered it; ``ref`` says where (line 12, message 0042).

    ``contacts`` holds further contacts from sources that carry more than one (HL7 NK1
    segments); a flat export has at most the one in ``contact_*``.
    """

    ref: str
    values: Mapping[str, str]
    contacts: tuple[ContactRow, ...] = ()

    def get(self, field: str) -> str:
        return (self.values.get(field) or "").strip()


@dataclass(frozen=True)
class Phone:
    relation: Relation
    name: str
    raw: str
    e164: str
    national: str
    kind: PhoneKind


@dataclass(frozen=True)
class DischargeRecord:
    """A validated discharge episode, ready to import."""

    source: str
    visit_number: str
    mrn: str
    id_number: str
    name: str
    sex: Sex
    birth_date: dt.date
    address: str
    phones: tuple[Phone, ...]
    admitted_on: dt.date
    discharged_on: dt.date
    department_code: str
    ward: str
    diagnosis_code: str
    diagnosis_name: str
    attending_doctor: str
    attending_nurse: str
    disposition: DischargeDisposition
    revisit_on: dt.date | None = None

    def content_hash(self) -> str:
        """Hash of everything imported; equal hashes mean a repeated row, not a correction."""
        parts = [
            self.mrn,
            self.id_number,
            self.name,
            self.sex.value,
            self.birth_date.isoformat(),
            self.address,
            *(f"{p.relation.value}:{p.name}:{p.e164}" for p in self.phones),
            self.admitted_on.isoformat(),
            self.discharged_on.isoformat(),
            self.department_code,
            self.ward,
            self.diagnosis_code,
            self.diagnosis_name,
            self.attending_doctor,
            self.attending_nurse,
            self.disposition.value,
            *([self.revisit_on.isoformat()] if self.revisit_on else []),  # older hashes hold
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    """A row that cannot be imported, kept for review with the reason (never dropped)."""

    source: str
    ref: str
    visit_number: str
    reason: str  # English, for logs and the HL7 acknowledgement
    raw: Mapping[str, object]
    code: str = ""  # when set, the store keeps the code and ``params`` instead of ``reason``
    params: Mapping[str, str] = field(default_factory=dict)
