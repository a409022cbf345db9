"""Exports, printing and the monthly PDF from the dashboard: files written, audited, errors said."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.audit import audit_entries
from agent_app.ui.qt import QMessageBox
from agent_app.ui.qt_media import QPrinter
from agent_app.ui.reports.dashboard import StatsDashboard
from agent_app.ui.reports.dashboard_figures import Page
from tests.reports.tiny_hospital import NURSE_B, QUALITY
from tests.ui.reports.dashboard_driver import WAIT_MS, open_dashboard

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler-utils")


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What QMessageBox.warning would have shown."""
    shown: list[str] = []

    def warn(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def _answer_path(dashboard: StatsDashboard, path: Path, kind: str = "") -> list[tuple[str, bool]]:
    """Answer the file dialog with ``path``, in the format its suffix says unless ``kind``."""
    asked: list[tuple[str, bool]] = []

    def ask(suggested: str, allow_csv: bool) -> tuple[Path, str]:
        asked.append((suggested, allow_csv))
        return path, kind or path.suffix.lstrip(".")

    dashboard.outputs.ask_export_path = ask  # type: ignore[method-assign]
    return asked


def test_the_current_table_exports_to_csv_and_is_audited(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, tmp_path: Path
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    asked = _answer_path(dashboard, tmp_path / "rate.csv")

    with qtbot.waitSignal(dashboard.outputs.sig_exported, timeout=WAIT_MS):
        dashboard.outputs.export_action.trigger()

    table = dashboard.pages[Page.RATE].table
    assert table is not None and asked == [("followup_rate.xlsx", True)]
    with (tmp_path / "rate.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(table.columns)
    assert [r[:3] for r in rows[1:]] == [["心内科", "3", "2"], ["外科", "2", "1"]]
    (entry,) = audit_entries(tiny_store, object_type="table")
    assert (entry.staff_id, entry.object_id, entry.detail["format"]) == (
        QUALITY, "followup_rate", "csv",
    )  # fmt: skip
    assert "2 rows" in dashboard.status.text()


def test_the_current_table_exports_to_xlsx_read_back_with_openpyxl(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, tmp_path: Path
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    dashboard.tabs.setCurrentIndex(list(dashboard.pages).index(Page.WORKLOAD))
    _answer_path(dashboard, tmp_path / "work.xlsx")

    with qtbot.waitSignal(dashboard.outputs.sig_exported, timeout=WAIT_MS):
        dashboard.outputs.export_action.trigger()

    table = dashboard.pages[Page.WORKLOAD].table
    assert table is not None
    book = load_workbook(tmp_path / "work.xlsx")
    assert book.sheetnames == [table.title]
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0] == table.columns and rows[1:] == list(table.rows)
    (entry,) = audit_entries(tiny_store, object_type="table")
    assert (entry.object_id, entry.detail["format"]) == ("workload", "xlsx")


def test_all_tables_export_to_one_workbook(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, tmp_path: Path
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    asked = _answer_path(dashboard, tmp_path / "all.xlsx")

    with qtbot.waitSignal(dashboard.outputs.sig_exported, timeout=WAIT_MS):
        dashboard.outputs.export_all_action.trigger()

    assert asked == [("statistics.xlsx", False)]
    book = load_workbook(tmp_path / "all.xlsx")
    assert len(book.sheetnames) == len(Page)
    assert list(book["随访率"].iter_rows(values_only=True))[1][:3] == ("心内科", 3, 2)
    (entry,) = audit_entries(tiny_store, object_type="table")
    assert len(entry.detail["titles"]) == len(Page)


def test_an_export_to_a_full_disk_is_said_plainly_and_not_audited(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, warnings: list[str]
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    _answer_path(dashboard, Path("/dev/full"), "csv")

    with qtbot.waitSignal(dashboard.outputs.sig_export_failed, timeout=WAIT_MS) as failed:
        dashboard.outputs.export_action.trigger()

    assert warnings == [failed.args[0]]
    assert failed.args[0] == (
        "The export did not complete. The disk is full, so the file could not be written. "
        "Free some space or choose another place."
    )
    assert audit_entries(tiny_store) == []


def test_an_export_into_a_missing_folder_names_it(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, tmp_path: Path, warnings: list[str]
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    _answer_path(dashboard, tmp_path / "gone" / "rate.csv")

    with qtbot.waitSignal(dashboard.outputs.sig_export_failed, timeout=WAIT_MS):
        dashboard.outputs.export_action.trigger()

    assert "Could not write" in warnings[0] and "No such file or directory" in warnings[0]
    assert audit_entries(tiny_store) == []


@needs_poppler
def test_printing_the_current_page_to_pdf_holds_its_table(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, tmp_path: Path
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dashboard.outputs.ask_printer = lambda: printer  # type: ignore[method-assign]

    dashboard.outputs.print_action.trigger()

    text = _pdf_text(tmp_path / "printed.pdf")
    assert "心内科" in text and "外科" in text and "2026-10-01" in text
    images = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "printed.pdf")],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert len(images.strip().splitlines()) - 2 >= 1  # the chart


@needs_poppler
@pytest.mark.parametrize("role", ["quality", "supervisor"])
def test_the_monthly_pdf_is_written_with_progress_to_the_end(
    qtbot: QtBot,
    tiny_store: Engine,
    role: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    account: StaffAccount = request.getfixturevalue(role)
    dashboard = open_dashboard(qtbot, tiny_store, account)
    path = tmp_path / "monthly.pdf"
    dashboard.outputs.ask_monthly_report = lambda: (2026, 10, path)  # type: ignore[method-assign]
    offered: list[Path] = []
    dashboard.outputs.offer_to_open = offered.append  # type: ignore[method-assign,assignment]

    with qtbot.waitSignal(dashboard.outputs.sig_report_finished, timeout=WAIT_MS) as finished:
        dashboard.outputs.report_action.trigger()
        assert dashboard.outputs.report_job.running

    assert finished.args[0] == path and offered == [path]
    dialog = dashboard.outputs.report_job.dialog
    assert dialog is not None and dialog.value() == dialog.maximum() == 19
    text = _pdf_text(path)
    assert "2026年10月随访工作月度分析报告" in text
    if role == "supervisor":  # their department's report, not the hospital's
        assert "范围：外科" in text and "应随访 2 人次" in text
        staff = NURSE_B
    else:
        assert "范围：全院" in text and "应随访 5 人次" in text
        staff = QUALITY
    (entry,) = audit_entries(tiny_store, object_type="monthly_report")
    assert (entry.staff_id, entry.object_id) == (staff, "2026-10")
