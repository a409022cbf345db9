"""A store holding the demo hospital's departments and staff and three follow-up plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, delete, insert, text

from agent_app.demo.hospital import DemoHospital
from agent_app.demo.rows import COLUMNS
from agent_app.store.bulk import bulk_insert, reset_id_sequences
from agent_app.store.schema import FollowupPlan

# Engine-independent behaviour (file formats, message parsing) runs on SQLite only, to keep
# the suite fast; everything that writes the store runs on both engines.
sqlite_only = pytest.mark.parametrize("store_engine", ["sqlite"], indirect=True)

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 0, 0, tzinfo=dt.UTC)  # 08:00 in the hospital
HOURS = {"days": [1, 2, 3, 4, 5, 6], "windows": [["08:30", "11:30"], ["14:00", "20:00"]]}

PLANS: tuple[dict[str, Any], ...] = (
    {
        "id": 101,
        "name": "心内科出院随访",
        "rules": {"department": "CARD", "assign": "nurse"},
        "offsets_days": [3, 30],
    },
    {
        "id": 102,
        "name": "肿瘤生存随访",
        "rules": {"icd10": ["C00-C97"], "assign": "doctor"},
        "offsets_days": [3, 7, 30, 90, 365],
    },
    {
        "id": 103,
        "name": "通用出院随访",
        "rules": {"fallback": True, "assign": "pool"},
        "offsets_days": [7],
    },
)


def load_reference(engine: Engine, plans: tuple[dict[str, Any], ...] = PLANS) -> None:
    """Departments, staff, a template and ``plans`` (the demo's own plans are replaced)."""
    hospital = DemoHospital(0, seed=7, today=TODAY)
    with engine.begin() as connection:
        for table, rows in hospital.reference_rows().items():
            bulk_insert(connection, table, COLUMNS[table], rows)
        connection.execute(delete(FollowupPlan))
        connection.execute(
            insert(FollowupPlan),
            [
                {
                    "template_id": 1,
                    "max_attempts": 3,
                    "retry_spacing_minutes": 120,
                    "calling_hours": HOURS,
                    "sms_before_call": False,
                    "active": True,
                    **plan,
                }
                for plan in plans
            ],
        )
        reset_id_sequences(connection, list(COLUMNS)[:5])


@pytest.fixture
def his_store(store_engine: Engine) -> Iterator[Engine]:
    load_reference(store_engine)
    yield store_engine


HIS_SCHEMA = """
CREATE TABLE zy_discharge (
    zyh text PRIMARY KEY, bah text, xm text, xb text, csrq date, sfzh text, lxdh text,
    ryrq date, cyrq timestamp, ks text, bq text, zdbm text, zdmc text, zzys text, zrhs text,
    lyfs text
);
CREATE VIEW v_discharge AS SELECT
    zyh AS "住院号", bah AS "病案号", xm AS "姓名", xb AS "性别", csrq AS "出生日期",
    sfzh AS "身份证号", lxdh AS "联系电话", ryrq AS "入院日期", cyrq AS "出院日期",
    ks AS "科室", bq AS "病区", zdbm AS "出院诊断编码", zdmc AS "出院诊断",
    zzys AS "主治医师", zrhs AS "责任护士", lyfs AS "离院方式"
FROM zy_discharge;
"""


@pytest.fixture
def his_db(pg_url: str) -> Iterator[Engine]:
    """The hospital's HIS: a throwaway database with a discharge table and a Chinese view."""
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        for statement in HIS_SCHEMA.split(";"):
            if statement.strip():
                connection.execute(text(statement))
    yield engine
    engine.dispose()


def add_discharge(his: Engine, visit: str, when: str, dept: str = "CARD", phone: str = "") -> None:
    with his.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO zy_discharge VALUES (:zyh, :bah, '李明', '男', '1960-01-01', '', "
                ":phone, '2026-11-10', :when, :dept, '心内一病区', 'I48.9', '心房颤动', "
                "'wujianhua', 'zhuna', '1')"
            ),
            {"zyh": visit, "bah": "BA" + visit, "when": when, "dept": dept, "phone": phone},
        )
