"""CSV and XLSX exports with Chinese headers are imported idempotently; broken rows are kept."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, func, select, update

from agent_app.domain.enums import Relation, TaskStatus
from agent_app.his.errors import MappingError, SourceError
from agent_app.his.file_source import read_file
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions, RunReport, run_import
from agent_app.store.schema import (
    Contact,
    Episode,
    FollowupTask,
    HisImportRun,
    HisRejectedRow,
    Patient,
    Staff,
)
from tests.his.conftest import NOW, sqlite_only

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "his"
SAMPLE = RESOURCES / "sample_discharges.csv"
MAPPING = ColumnMapping.load(RESOURCES / "mapping_zh.json")
OPTIONS = ImportOptions(now=NOW)


def _import(engine: Engine, path: Path, source: str = "his-export") -> RunReport:
    return run_import(engine, source, "file", read_file(path, MAPPING), options=OPTIONS)


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(model)).scalar_one())


def _rewrite(path: Path, target: Path, change: dict[str, dict[str, str]]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row.update(change.get(row["住院号"], {}))
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_sample_export_imports_valid_rows_and_lists_broken_ones(his_store: Engine) -> None:
    report = _import(his_store, SAMPLE)

    assert (report.status, report.rows_in, report.created, report.rejected) == ("ok", 8, 5, 3)
    with his_store.connect() as connection:
        reasons = {
            visit: reason
            for visit, reason in connection.execute(
                select(HisRejectedRow.visit_number, HisRejectedRow.reason)
            )
        }
        run = connection.execute(select(HisImportRun)).one()
    assert reasons == {
        "ZY20260005": "row_no_phone",  # the store keeps the code; screens say it
        "ZY20260006": "row_bad_date",
        "ZY20260007": "row_unknown_department",
    }
    assert (run.status, run.rows_in, run.created, run.rejected) == ("ok", 8, 5, 3)
    assert run.tasks_created == report.tasks_created == 2 + 5 + 1 + 1  # deceased: none
    assert run.finished_at is not None


@sqlite_only
def test_phone_numbers_are_normalized_like_screen_pop(his_store: Engine) -> None:
    _import(his_store, SAMPLE)
    with his_store.connect() as connection:
        rows = connection.execute(
            select(Patient.mrn, Contact.relation, Contact.number_e164, Contact.name)
            .join(Contact, Contact.patient_id == Patient.id)
            .order_by(Patient.mrn, Contact.priority)
        ).all()
    assert ("BA100001", Relation.SELF, "+8613812345678", "王秀英") in rows
    assert ("BA100001", Relation.DAUGHTER, "+8613912345678", "李娜") in rows
    assert ("BA100002", Relation.SELF, "+8613700001234", "张伟") in rows
    assert ("BA100003", Relation.SELF, "+8657188886666", "赵刚") in rows
    assert ("BA100008", Relation.SPOUSE, "+8615811112222", "吴丽") in rows


@sqlite_only
def test_birth_date_and_sex_come_from_the_id_number_when_missing(his_store: Engine) -> None:
    _import(his_store, SAMPLE)
    with his_store.connect() as connection:
        patient = connection.execute(select(Patient).where(Patient.mrn == "BA100008")).one()
    assert patient.birth_date == dt.date(1958, 4, 12)
    assert patient.sex.value == "M"


def test_importing_the_same_file_twice_changes_nothing(his_store: Engine) -> None:
    _import(his_store, SAMPLE)
    counts = [_count(his_store, m) for m in (Patient, Contact, Episode, FollowupTask)]

    again = _import(his_store, SAMPLE)

    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 5, 3)
    assert (again.tasks_created, again.tasks_updated, again.tasks_cancelled) == (0, 0, 0)
    assert [_count(his_store, m) for m in (Patient, Contact, Episode, FollowupTask)] == counts


def test_a_corrected_row_updates_the_episode_and_moves_its_waiting_tasks(
    his_store: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _import(his_store, SAMPLE)
    corrected = tmp_path / "corrected.csv"
    _rewrite(SAMPLE, corrected, {"ZY20260001": {"出院日期": "2026-11-21", "病区": "CCU"}})

    with caplog.at_level("INFO", logger="agent_app.his.importer"):
        report = _import(his_store, corrected)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    assert "ZY20260001 corrected" in caplog.text
    with his_store.connect() as connection:
        episode = connection.execute(
            select(Episode).join(Patient).where(Patient.mrn == "BA100001")
        ).one()
        dues = connection.execute(
            select(FollowupTask.offset_days, FollowupTask.due_at)
            .where(FollowupTask.episode_id == episode.id)
            .order_by(FollowupTask.offset_days)
        ).all()
    assert (episode.ward, episode.discharged_on) == ("CCU", dt.date(2026, 11, 21))
    # 21 Nov + 3 days is Tuesday 24 Nov, first window 08:30 in Shanghai = 00:30 UTC.
    assert dues[0] == (3, dt.datetime(2026, 11, 24, 0, 30, tzinfo=dt.UTC))
    # The 30-day call stays put: 20 Dec is a Sunday (no calls), so it was already on Monday 21st.
    assert dues[1] == (30, dt.datetime(2026, 12, 21, 0, 30, tzinfo=dt.UTC))
    assert report.tasks_updated == 1


def test_a_later_valid_row_resolves_the_earlier_rejection(
    his_store: Engine, tmp_path: Path
) -> None:
    _import(his_store, SAMPLE)
    fixed = tmp_path / "fixed.csv"
    _rewrite(SAMPLE, fixed, {"ZY20260005": {"联系电话": "13700009999"}})

    report = _import(his_store, fixed)

    assert (report.created, report.rejected) == (1, 2)
    with his_store.connect() as connection:
        open_rows = connection.execute(
            select(HisRejectedRow.visit_number).where(HisRejectedRow.resolved.is_(False))
        ).scalars()
        assert "ZY20260005" not in set(open_rows)


@sqlite_only
def test_tasks_are_assigned_to_the_attending_nurse_doctor_or_the_pool(his_store: Engine) -> None:
    _import(his_store, SAMPLE)
    with his_store.connect() as connection:
        rows = connection.execute(
            select(Patient.mrn, FollowupTask.offset_days, Staff.username, FollowupTask.status)
            .join(Patient, Patient.id == FollowupTask.patient_id)
            .outerjoin(Staff, Staff.id == FollowupTask.assigned_staff_id)
            .order_by(Patient.mrn, FollowupTask.offset_days)
        ).all()
    assert [r for r in rows if r.mrn == "BA100001"] == [
        ("BA100001", 3, "zengqiang", TaskStatus.PENDING),
        ("BA100001", 30, "zengqiang", TaskStatus.PENDING),
    ]
    assert {(r.offset_days, r.username) for r in rows if r.mrn == "BA100002"} == {
        (d, "guoyong") for d in (3, 7, 30, 90, 365)
    }
    assert [(r.offset_days, r.username) for r in rows if r.mrn == "BA100003"] == [(7, None)]
    assert not [r for r in rows if r.mrn == "BA100004"]  # deceased at discharge


def test_existing_patients_are_matched_by_mrn_then_id_number(
    his_store: Engine, tmp_path: Path
) -> None:
    _import(his_store, SAMPLE)
    second = tmp_path / "second.csv"
    # A new stay of 王秀英 under her MRN, and one of 吴建国 under a new MRN but his ID number.
    _rewrite(
        SAMPLE,
        second,
        {
            "ZY20260001": {"住院号": "ZY20269001", "出院日期": "2026-11-22"},
            "ZY20260008": {"住院号": "ZY20269008", "病案号": "BA999999"},
        },
    )
    patients = _count(his_store, Patient)

    report = _import(his_store, second)

    assert report.created == 2
    assert _count(his_store, Patient) == patients
    with his_store.connect() as connection:
        stays = connection.execute(
            select(Patient.mrn, func.count(Episode.id)).join(Episode).group_by(Patient.mrn)
        ).all()
    assert ("BA100001", 2) in stays and ("BA100008", 2) in stays


@sqlite_only
def test_xlsx_export_with_date_cells_imports_like_csv(his_store: Engine, tmp_path: Path) -> None:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for row in rows[1:]:
        cells: list[object] = list(row)
        if row[0] == "ZY20260002":
            cells[11] = dt.datetime(2026, 11, 19, 9, 15)  # a real date cell
            cells[6] = 13700001234.0  # a number cell, as Excel keeps phone numbers
        sheet.append(cells)
    path = tmp_path / "出院患者.xlsx"
    book.save(path)

    report = _import(his_store, path)

    assert (report.created, report.rejected) == (5, 3)
    with his_store.connect() as connection:
        numbers = set(connection.execute(select(Contact.number_e164)).scalars())
    assert "+8613700001234" in numbers


@sqlite_only
def test_gb18030_csv_from_chinese_excel_is_read(his_store: Engine, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(SAMPLE.read_text("utf-8-sig").encode("gb18030"))

    assert _import(his_store, path).created == 5


def test_a_file_without_a_required_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("住院号,姓名\nZY1,王\n", encoding="utf-8")

    with pytest.raises(MappingError, match="出院日期"):
        list(read_file(path, MAPPING))


def test_a_mapping_to_an_unknown_field_is_refused() -> None:
    with pytest.raises(MappingError, match="shoe_size"):
        ColumnMapping.from_json({"columns": {"鞋码": "shoe_size"}})


def test_other_file_types_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"neither a \.csv nor an \.xlsx"):
        read_file(tmp_path / "export.dbf", MAPPING)


def test_deceased_correction_cancels_waiting_tasks(his_store: Engine, tmp_path: Path) -> None:
    _import(his_store, SAMPLE)
    with his_store.begin() as connection:  # the 3-day call was already made
        connection.execute(
            update(FollowupTask)
            .where(FollowupTask.offset_days == 3, FollowupTask.plan_id == 101)
            .values(status=TaskStatus.DONE, attempt_count=1)
        )
    died = tmp_path / "died.csv"
    _rewrite(SAMPLE, died, {"ZY20260001": {"离院方式": "死亡"}})

    report = _import(his_store, died)

    assert report.tasks_cancelled == 1
    with his_store.connect() as connection:
        statuses = {
            offset: status
            for offset, status in connection.execute(
                select(FollowupTask.offset_days, FollowupTask.status).where(
                    FollowupTask.plan_id == 101
                )
            )
        }
    assert statuses == {3: TaskStatus.DONE, 30: TaskStatus.CANCELLED}
