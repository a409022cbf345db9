"""CSV and XLSX exports of any table, each written to the audit log.

The rows exported are the rows the caller's statistics returned; build those with a filter
passed through ``restrict_to_account`` so an export never holds more than the user may see.
The audit row is written after the file is complete, so it records exports that happened.

Text cells hold what patients and staff typed (names, free answers, complaint words). A
spreadsheet opening the file would run one starting with ``=`` as a formula, so every text
cell that could start one is written with a leading single quote (OWASP "CSV injection"), in
CSV and XLSX alike; numbers and dates are left as they are.
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
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine

from agent_app.reports.errors import ExportError
from agent_app.reports.tables import Cell, Table
from agent_app.store.repositories.audit import AuditAction, record_audit

# OWASP's formula starters, plus their full-width forms: a Chinese input method types those,
# and some spreadsheet versions accept them as formula starters too.
FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralize_text(text: str) -> str:
    """``text`` as a spreadsheet shows it, never as a formula: a single quote goes before a
    text that starts with a formula character (OWASP CSV-injection guidance)."""
    return "'" + text if text.startswith(FORMULA_STARTERS) else text


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    if isinstance(cell, str):
        return neutralize_text(cell)
    return str(cell)  # a number; a negative one stays a plain number


def write_csv(table: Table, path: Path) -> int:
    """Write one table as UTF-8 CSV with a byte-order mark (so Excel reads the Chinese)."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([neutralize_text(c) for c in table.columns])
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
    if isinstance(cell, str):
        return neutralize_text(cell)
    return cell


def _append_row(sheet: Worksheet, values: Sequence[Cell]) -> None:
    """Append one row; text is always a text cell, never a formula or an error value."""
    sheet.append([_xlsx_value(v) for v in values])
    for cell in sheet[sheet.max_row]:
        # openpyxl guesses a type from the text ("#N/A" would become an error value); text
        # from the database is text, whatever it looks like.
        if isinstance(cell.value, str):
            cell.data_type = "s"


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
        _append_row(sheet, table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            _append_row(sheet, row)
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
