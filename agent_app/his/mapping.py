"""A saved column mapping: which source column holds which canonical field.

Stored as JSON, for example ``resources/his/mapping_zh.json``::

    {"name": "his-export", "columns": {"住院号": "visit_number", "姓名": "name", ...}}

Header matching ignores surrounding spaces and full-width spaces, so a hand-edited export
still maps.

A row needs the patient identifier (``mrn``). An export without one may name another field to
stand in for it, explicitly: ``"mrn_from": "visit_number"``; nothing is guessed otherwise.

HL7 messages have an ``Hl7Mapping`` instead: where the patient identifier is, in order, such as
``["PID-3:MR", "PID-3:PI", "PID-2"]`` (``[his.mllp] patient_id`` in the service settings).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from agent_app.his.errors import MappingError
from agent_app.his.records import FIELDS, SourceRow

REQUIRED = ("visit_number", "name", "discharged_on", "department")


def _clean(header: str) -> str:
    return header.replace("\u3000", " ").strip()


@dataclass(frozen=True)
class ColumnMapping:
    name: str
    columns: Mapping[str, str]  # source header → canonical field
    mrn_from: str = ""  # the field that stands in for an absent MRN, only when named

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns.values()) - FIELDS)
        if unknown:
            raise MappingError(f"The mapping '{self.name}' names an unknown field '{unknown[0]}'.")
        if self.mrn_from and self.mrn_from not in FIELDS:
            raise MappingError(
                f"The mapping '{self.name}' takes the MRN from an unknown field '{self.mrn_from}'."
            )
        missing = [f for f in REQUIRED if f not in self.columns.values()]
        if missing:
            raise MappingError(f"The mapping '{self.name}' has no column for '{missing[0]}'.")

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MappingError(f"The column mapping {path} cannot be read: {exc}.") from exc
        return cls.from_json(data, path.stem)

    @classmethod
    def from_json(cls, data: object, default_name: str = "mapping") -> ColumnMapping:
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise MappingError('A column mapping must be an object with a "columns" table.')
        columns = {_clean(str(k)): str(v) for k, v in data["columns"].items()}
        mrn_from = str(data.get("mrn_from") or "")
        return cls(str(data.get("name") or default_name), columns, mrn_from)

    def bind(self, headers: Sequence[str]) -> list[tuple[int, str]]:
        """(column index, field) pairs for a header row; fail when a required one is absent."""
        wanted = {_clean(h): i for i, h in enumerate(headers)}
        pairs = [(wanted[h], f) for h, f in self.columns.items() if h in wanted]
        present = {f for _, f in pairs}
        missing = [h for h, f in self.columns.items() if f in REQUIRED and f not in present]
        if missing:
            raise MappingError(f"The file has no column '{missing[0]}' that the mapping needs.")
        return pairs

    def row(self, ref: str, cells: Sequence[object], pairs: Sequence[tuple[int, str]]) -> SourceRow:
        values: dict[str, str] = {}
        for index, field in pairs:
            cell = cells[index] if index < len(cells) else None
            values[field] = _text(cell)
        if self.mrn_from and not values.get("mrn", "").strip():
            values["mrn"] = values.get(self.mrn_from, "")
        return SourceRow(ref, values)


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # spreadsheets turn 13812345678 into 13812345678.0
    if hasattr(cell, "isoformat"):
        return str(cell.isoformat())
    return str(cell).strip()


_IDENTIFIER = re.compile(r"^(PID-2|PID-3|PID-4|PID-18|PV1-19)(?::([A-Z0-9_]*))?$")


@dataclass(frozen=True)
class Hl7Mapping:
    """Where an HL7 message carries the patient identifier, in the order to try.

    ``PID-3:MR`` is the PID-3 repetition whose identifier type (CX-5) is MR; ``PID-3:`` one
    with no type; ``PID-2`` (external id, v2.3 senders), ``PID-4``, ``PID-18`` (account) and
    ``PV1-19`` (the visit number) take the first value of that field, and only when listed.
    """

    patient_id: tuple[str, ...] = ("PID-3:MR", "PID-3:")

    def __post_init__(self) -> None:
        if not self.patient_id:
            raise MappingError("The HL7 mapping needs at least one place for the patient id.")
        for spec in self.patient_id:
            if not _IDENTIFIER.match(spec.upper()):
                raise MappingError(
                    f"'{spec}' is not a place for the patient id; use one like PID-3:MR, "
                    "PID-3:PI, PID-2, PID-4, PID-18 or PV1-19."
                )

    def places(self) -> list[tuple[str, int, str | None]]:
        """(segment, field, identifier type or None for any) for each place, in order."""
        out: list[tuple[str, int, str | None]] = []
        for spec in self.patient_id:
            match = _IDENTIFIER.match(spec.upper())
            assert match is not None  # checked in __post_init__
            segment, number = match.group(1).split("-")
            out.append((segment, int(number), match.group(2)))
        return out
