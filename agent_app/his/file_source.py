"""Read discharges from a CSV or XLSX export through a saved column mapping.

CSV may be UTF-8 (with or without BOM) or GB18030, as Chinese Excel saves it. Each data row
becomes a ``SourceRow`` whose ``ref`` is its line number in the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from agent_app.his.errors import SourceError
from agent_app.his.mapping import ColumnMapping
from agent_app.his.records import SourceRow


def read_file(path: Path, mapping: ColumnMapping) -> Iterator[SourceRow]:
    """Yield the rows of a .csv or .xlsx file; raise SourceError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, mapping)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, mapping)
    raise SourceError(f"{path.name} is neither a .csv nor an .xlsx file.")


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"The file {path} cannot be read: {exc.strerror}.") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError(f"The file {path.name} is neither UTF-8 nor GB18030 text.")


def _read_csv(path: Path, mapping: ColumnMapping) -> Iterator[SourceRow]:
    reader = csv.reader(io.StringIO(_decode(path), newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        raise SourceError(f"The file {path.name} is empty.") from None
    pairs = mapping.bind(headers)
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        yield mapping.row(f"line {reader.line_num}", cells, pairs)


def _read_xlsx(path: Path, mapping: ColumnMapping) -> Iterator[SourceRow]:
    # Imported here: only file imports need it.
    import openpyxl  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped, unused-ignore]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError) as exc:
        raise SourceError(f"The workbook {path.name} cannot be opened: {exc}.") from exc
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        headers = next(rows, None)
        if headers is None:
            raise SourceError(f"The workbook {path.name} is empty.")
        pairs = mapping.bind([str(h or "") for h in headers])
        for number, cells in enumerate(rows, start=2):
            if not any(c not in (None, "") for c in cells):
                continue
            yield mapping.row(f"row {number}", cells, pairs)
    finally:
        book.close()
