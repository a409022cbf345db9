"""One plan never stops an import: spot-check plans are not import plans, a bad plan is skipped.

Field test: after a spot-check sampling stored its verification plan (rule ``spot_check``), the
next discharge import failed for the whole file and created no follow-up at all.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, insert, select, update

from agent_app.his.file_source import read_file
from agent_app.his.history import plan_overview, recent_runs
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions, run_import
from agent_app.store.schema import FollowupPlan, FollowupTask, HisImportRun
from tests.his.conftest import HOURS, NOW

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "his"
SPOT_CHECK_PLAN = 190


def _import(engine: Engine) -> None:
    rows = read_file(
        RESOURCES / "sample_discharges.csv", ColumnMapping.load(RESOURCES / "mapping_zh.json")
    )
    report = run_import(engine, "his-export", "file", rows, options=ImportOptions(now=NOW))
    assert report.status == "ok"


def _add_spot_check_plan(engine: Engine) -> None:
    """What sampling stores (supervision.verification_plan): a plan with only ``spot_check``."""
    with engine.begin() as connection:
        connection.execute(
            insert(FollowupPlan).values(
                id=SPOT_CHECK_PLAN,
                name="质控抽查核实",
                template_id=1,
                rules={"spot_check": True},
                offsets_days=[0],
                max_attempts=3,
                retry_spacing_minutes=120,
                calling_hours={},
                sms_before_call=False,
                active=True,
            )
        )


def _task_plans(engine: Engine) -> dict[int, int]:
    with engine.connect() as connection:
        plans = connection.execute(select(FollowupTask.plan_id)).scalars().all()
    return {plan: plans.count(plan) for plan in set(plans)}


def test_an_import_after_a_sampling_creates_its_follow_ups(his_store: Engine) -> None:
    _add_spot_check_plan(his_store)

    _import(his_store)

    made = _task_plans(his_store)
    assert made.get(101, 0) > 0 and made.get(102, 0) > 0  # the import plans all applied
    assert SPOT_CHECK_PLAN not in made  # an episode is never matched to the spot-check plan
    assert recent_runs(his_store)[0].skipped_plans == []  # nothing was wrong, nothing is said


def test_a_bad_plan_is_skipped_and_named_on_the_run(his_store: Engine) -> None:
    with his_store.begin() as connection:
        connection.execute(
            update(FollowupPlan)
            .where(FollowupPlan.id == 103)
            .values(calling_hours={**HOURS, "days": [0, 1, 2]})
        )

    _import(his_store)

    made = _task_plans(his_store)
    assert made.get(101, 0) > 0 and made.get(102, 0) > 0
    assert 103 not in made
    run = recent_runs(his_store)[0]
    assert run.status == "ok" and run.tasks_created == sum(made.values())
    assert run.skipped_plans == [{"plan": "通用出院随访", "code": "hours_bad_days", "params": {}}]
    with his_store.connect() as connection:  # the store keeps the code, not a sentence
        stored = connection.execute(select(HisImportRun.skipped_plans)).scalar_one()
    assert stored[0]["code"] == "hours_bad_days"


def test_the_plan_list_says_which_plan_is_for_spot_checks(his_store: Engine) -> None:
    _add_spot_check_plan(his_store)

    plans = {p.id: p for p in plan_overview(his_store)}

    assert plans[SPOT_CHECK_PLAN].spot_check and plans[SPOT_CHECK_PLAN].problem is None
    assert not plans[101].spot_check and plans[101].problem is None
