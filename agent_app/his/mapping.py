"""A saved column mapping: which source column holds which canonical field.

Stored as JSON, for example ``resources/his/mapping_zh.json``::

    {"name": "his-export", "columns": {"住院号": "visit_number", "姓名": "name", ...}}

Header matching ignores surrounding spaces and full-width spaces, so a hand-edited export
still maps.
"""

from __future__ import annotations

import json
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

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns.values()) - FIELDS)
        if unknown:
            raise MappingError(f"The mapping '{self.name}' names an unknown field '{unknown[0]}'.")
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
        return cls(str(data.get("name") or default_name), columns)

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
        return SourceRow(ref, values)


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # spreadsheets turn 13812345678 into 13812345678.0
    if hasattr(cell, "isoformat"):
        return str(cell.isoformat())
    return str(cell).strip()
