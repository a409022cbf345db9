"""The admin views: runs newest first, open rejections with reasons, plans with their problems."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, update

from agent_app.his.file_source import read_file
from agent_app.his.history import open_rejections, plan_overview, recent_runs
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions, run_import
from agent_app.store.schema import FollowupPlan
from tests.his.conftest import NOW, sqlite_only

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "his"


def _import(engine: Engine) -> None:
    mapping = ColumnMapping.load(RESOURCES / "mapping_zh.json")
    rows = read_file(RESOURCES / "sample_discharges.csv", mapping)
    run_import(engine, "his-export", "file", rows, options=ImportOptions(now=NOW))


def test_runs_and_rejections_are_listed_for_review(his_store: Engine) -> None:
    _import(his_store)
    _import(his_store)

    runs = recent_runs(his_store)
    rejected = open_rejections(his_store)

    assert [(r.created, r.unchanged, r.rejected) for r in runs] == [(0, 5, 3), (5, 0, 3)]
    assert runs[0].id > runs[1].id and runs[0].status == "ok"
    assert len(rejected) == 6  # each run keeps its own copy of what it could not take
    assert {r.reason for r in rejected} == {
        "row_no_phone",  # the store keeps the code; screens say it
        "row_bad_date",
        "row_unknown_department",
    }
    assert {r.row_ref for r in rejected} == {"line 6", "line 7", "line 8"}


@sqlite_only
def test_plans_are_listed_with_the_reason_one_cannot_be_used(his_store: Engine) -> None:
    with his_store.begin() as connection:
        connection.execute(
            update(FollowupPlan).where(FollowupPlan.id == 103).values(offsets_days=[])
        )

    plans = {p.id: p for p in plan_overview(his_store)}

    assert plans[102].offsets_days == (3, 7, 30, 90, 365)
    assert plans[102].rules == {"icd10": ["C00-C97"], "assign": "doctor"}
    assert plans[101].problem is None
    assert plans[103].problem == {
        "plan": "通用出院随访",
        "code": "plan_points_not_list",
        "params": {},
    }
