"""CSV and XLSX exports read back, each one written to the audit log (and the outbox)."""

from __future__ import annotations

import csv
import gc
import sys
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, func, select

from agent_app.reports.errors import ExportError
from agent_app.reports.export import export_csv, export_xlsx
from agent_app.reports.filters import month_filter
from agent_app.reports.followup_stats import Grouping, agent_workload, followup_rates
from agent_app.reports.tables import followup_rate_table, workload_table
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
