"""Time to acknowledge red-flag alerts, computed by hand on the tiny hospital (both engines),
and its place on the dashboard's export and in the monthly report."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import RedFlagSeverity
from agent_app.reports import tables
from agent_app.reports.filters import month_filter
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.reports.red_flag_stats import AckTime, time_to_acknowledge
from agent_app.store.schema import RedFlagAlert
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY, TinyHospital, at

OCTOBER = month_filter(2026, 10)


def _alerts(engine: Engine, tiny: TinyHospital) -> None:
    """心内科: acknowledged after 10 and 30 minutes, and one escalated and still open; 外科:
    escalated, then acknowledged after 90 minutes; one in November, outside October."""
    rows = (  # (task, result key, department, raised, minutes to acknowledge, escalated)
        (1, "t1b", 1, at(10, 6, 10, 5), 10, False),
        (1, "t1b", 1, at(10, 7, 10, 5), 30, False),
        (2, "t2", 1, at(10, 20, 10, 3), None, True),
        (4, "t4", 2, at(10, 8, 10, 4), 90, True),
        (2, "t2", 1, at(11, 2, 10, 0), 5, False),
    )
    with Session(engine) as session, session.begin():
        for task, key, dept, raised, minutes, escalated in rows:
            session.add(
                RedFlagAlert(
                    id=uuid.uuid4(), result_id=tiny.results[key], task_id=task,
                    patient_id=task, department_id=dept,
                    raised_by_id=NURSE_A if dept == 1 else NURSE_B, rule_id="fever",
                    severity=RedFlagSeverity.URGENT, message="发热", created_at=raised,
                    acknowledged_at=None if minutes is None
                    else raised + dt.timedelta(minutes=minutes),
                    escalated_at=raised + dt.timedelta(minutes=30) if escalated else None,
                )
            )  # fmt: skip


def test_time_to_acknowledge_by_department_and_for_the_hospital(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    _alerts(store_engine, tiny)
    assert time_to_acknowledge(store_engine, OCTOBER) == [
        AckTime("心内科", 3, 2, 1, 10.0, 30.0),
        AckTime("外科", 1, 1, 1, 90.0, 90.0),
        AckTime("全院", 4, 3, 2, 30.0, 90.0),
    ]
    surgery = time_to_acknowledge(store_engine, month_filter(2026, 10, department_id=2))
    assert surgery == [AckTime("外科", 1, 1, 1, 90.0, 90.0), AckTime("全院", 1, 1, 1, 90.0, 90.0)]
    assert time_to_acknowledge(store_engine, month_filter(2026, 9)) == []


def test_the_table_says_it_in_the_reports_words(store_engine: Engine, tiny: TinyHospital) -> None:
    _alerts(store_engine, tiny)
    table = tables.ack_time_table(time_to_acknowledge(store_engine, OCTOBER))
    assert table.title == "红旗警报确认时效" and table.name == "red_flag_ack_time"
    assert table.rows[-1] == ("全院", 4, 3, 2, 30.0, 90.0)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_monthly_report_gives_the_time_to_acknowledge(
    store_engine: Engine, tiny: TinyHospital, tmp_path: Path
) -> None:
    _alerts(store_engine, tiny)
    path = tmp_path / "monthly.pdf"
    figures = write_monthly_report(store_engine, QUALITY, 2026, 10, path)
    assert figures.ack_times[-1] == AckTime("全院", 4, 3, 2, 30.0, 90.0)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "八、红旗警报确认时效" in text
    assert "红旗警报 4 条，已确认 3 条，确认用时中位数 30 分钟。" in text.replace("\n", "")
