"""CSV and XLSX exports of any table, each written to the audit log.

The rows exported are the rows the caller's statistics returned; build those with a filter
passed through ``restrict_to_account`` so an export never holds more than the user may see.
The audit row is written after the file is complete, so it records exports that happened.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import Engine

from agent_app.reports.errors import ExportError
from agent_app.reports.tables import Cell, Table
from agent_app.store.repositories.audit import AuditAction, record_audit


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell)


def write_csv(table: Table, path: Path) -> int:
    """Write one table as UTF-8 CSV with a byte-order mark (so Excel reads the Chinese)."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows([_text(c) for c in row] for row in table.rows)
    except OSError as error:
        raise ExportError(f"Could not write {path}: {error.strerror or error}.") from error
    return len(table.rows)


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", title).strip()[:28] or "Sheet"
    name, n = base, 2
    while name in used:
        name, n = f"{base[:26]}({n})", n + 1
    used.add(name)
    return name


def _xlsx_value(cell: Cell) -> str | int | float | dt.date | dt.datetime | None:
    if isinstance(cell, dt.datetime) and cell.tzinfo is not None:
        return cell.replace(tzinfo=None)  # Excel has no time zones; stored times are UTC
    return cell


def write_xlsx(tables: Sequence[Table], path: Path) -> int:
    """Write tables to one workbook, a sheet each, header in bold; returns the rows written."""
    if not tables:
        raise ExportError("There is nothing to export: no table was given.")
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    used: set[str] = set()
    rows = 0
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.title, used))
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_xlsx_value(c) for c in row])
        for index, column in enumerate(table.columns, 1):
            width = max([len(str(column)) * 2] + [len(_text(r[index - 1])) for r in table.rows])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(
                40, max(8, width + 2)
            )
        rows += len(table.rows)
    # Built in memory, then written in one go: openpyxl's own save leaves its zip file open
    # when the disk fills mid-way.
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        with path.open("wb") as out:
            out.write(buffer.getbuffer())
    except OSError as error:
        raise ExportError(f"Could not write {path}: {error.strerror or error}.") from error
    return rows


def export_csv(engine: Engine, staff_id: int, table: Table, path: Path) -> int:
    """Write ``table`` as CSV and record the export; returns the number of rows."""
    count = write_csv(table, path)
    record_audit(
        engine,
        staff_id,
        AuditAction.EXPORT,
        "table",
        table.name,
        {"format": "csv", "title": table.title, "rows": count, "file": path.name},
    )
    return count


def export_xlsx(engine: Engine, staff_id: int, tables: Sequence[Table], path: Path) -> int:
    """Write ``tables`` as one XLSX workbook and record the export; returns the rows."""
    count = write_xlsx(tables, path)
    record_audit(
        engine,
        staff_id,
        AuditAction.EXPORT,
        "table",
        ",".join(t.name for t in tables)[:64],
        {
            "format": "xlsx",
            "titles": [t.title for t in tables],
            "rows": count,
            "file": path.name,
        },
    )
    return count
