"""A second PostgreSQL database acts as the HIS: its discharge view is read incrementally."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.his.errors import SourceError
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions
from agent_app.his.sql_source import SqlViewSource, read_watermark, run_sql_import
from tests.his.conftest import NOW, sqlite_only
from tests.his.conftest import add_discharge as _discharge

MAPPING = ColumnMapping.load(
    Path(__file__).resolve().parents[2] / "resources" / "his" / "mapping_zh.json"
)
QUERY = 'SELECT * FROM v_discharge WHERE "出院日期" >= :since ORDER BY "出院日期"'


def _config(his: Engine) -> SqlViewSource:
    return SqlViewSource("his", str(his.url), QUERY, "出院日期", MAPPING)


def test_view_is_read_incrementally_from_the_watermark(his_store: Engine, his_db: Engine) -> None:
    for n, when in enumerate(("2026-11-18 09:00", "2026-11-19 10:00", "2026-11-20 11:00")):
        _discharge(his_db, f"V{n}", when, phone=f"1381234000{n}")
    options = ImportOptions(now=NOW)

    first = run_sql_import(his_store, _config(his_db), options=options, his=his_db)
    assert (first.rows_in, first.created) == (3, 3)
    assert read_watermark(his_store, "his") == "2026-11-20T11:00:00"

    _discharge(his_db, "V3", "2026-11-21 08:00", phone="13812340003")
    _discharge(his_db, "V4", "2026-11-21 15:00", dept="NOWHERE", phone="13812340004")
    second = run_sql_import(his_store, _config(his_db), options=options, his=his_db)

    # The row at the watermark is read again and recognised; only the new ones count.
    assert (second.rows_in, second.created, second.unchanged, second.rejected) == (3, 1, 1, 1)
    assert read_watermark(his_store, "his") == "2026-11-21T15:00:00"
    assert second.tasks_created == 2  # the cardiology plan's 3- and 30-day calls


@sqlite_only
def test_a_query_without_the_watermark_column_is_refused(his_store: Engine, his_db: Engine) -> None:
    config = SqlViewSource("his", str(his_db.url), QUERY, "更新时间", MAPPING)

    with pytest.raises(SourceError, match="no column '更新时间'"):
        run_sql_import(his_store, config, his=his_db)
    assert read_watermark(his_store, "his") is None


@sqlite_only
def test_an_unreachable_his_is_said_plainly(his_store: Engine, his_db: Engine) -> None:
    broken = SqlViewSource("his", "x", "SELECT * FROM missing WHERE t >= :since", "t", MAPPING)

    with pytest.raises(SourceError, match=r"The HIS database could not be read: .*missing"):
        run_sql_import(his_store, broken, his=his_db)


def test_a_query_without_since_is_refused() -> None:
    with pytest.raises(SourceError, match=":since"):
        SqlViewSource("his", "postgresql://h/his", "SELECT * FROM v", "t", MAPPING)
