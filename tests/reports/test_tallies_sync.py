"""Tallies stay exact when the desk's rows come from the server: pulled tasks and episodes
(new ones, and later versions that move a task or change a diagnosis), and on the server
itself, where the desk's calls and results arrive through ``sync_push``."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.reports.tally_filter import tallies_usable
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.reports.tally_checks import (
    assert_figures_match_the_raw_rows,
    assert_tallies_match_a_rebuild,
    figures,
)
from tests.sync.conftest import as_staff, hospital_template, local, server  # noqa: F401
from tests.sync.desk_actions import open_tasks, save_call_result

FIGURES = {"template": "general", "questions": ("q1", "note")}
SERVER_CHANGES = (
    "UPDATE followup_task SET assigned_staff_id = 2, department_id = 1 WHERE id IN (2, 3)",
    "UPDATE followup_task SET status = 'cancelled', due_at = due_at + interval '40 days' "
    "WHERE id = 4",
    "UPDATE episode SET diagnosis_code = 'C34', discharged_on = DATE '2026-10-30' "
    "WHERE id IN (1, 5)",
    "INSERT INTO episode (id, patient_id, department_id, ward, admitted_on, discharged_on, "
    "diagnosis_code, diagnosis_name, discharge_disposition, change_seq) VALUES (101, 7, 2, "
    "'2', DATE '2026-11-01', DATE '2026-11-12', 'K35', '阑尾炎', 'home', 0)",
    "INSERT INTO followup_task (id, patient_id, episode_id, plan_id, department_id, "
    "offset_days, due_at, level, status, attempt_count, change_seq) VALUES (1001, 7, 101, 1, "
    "2, 3, TIMESTAMPTZ '2026-11-15 01:00+00', 1, 'pending', 0, 0)",
)


def _filters() -> list[StatsFilter]:
    return [
        StatsFilter(dt.date(2026, 10, 1), dt.date(2027, 1, 31)),
        month_filter(2026, 11, department_id=1),
        month_filter(2026, 11, staff_id=2),
        month_filter(2026, 11, diagnosis_prefix="C"),
    ]


@pytest.mark.slow
def test_tallies_follow_pulled_rows_and_pushed_calls(request: pytest.FixtureRequest) -> None:
    desk: Engine = request.getfixturevalue("local")
    central: Engine = request.getfixturevalue("server")
    pull_changes(desk, central)
    for task_id, staff_id in open_tasks(desk)[:6]:
        save_call_result(desk, task_id, staff_id, finish_task=task_id % 2 == 0, note="好")
    push_pending(desk, central)
    with central.begin() as connection:
        for statement in SERVER_CHANGES:
            connection.execute(text(statement))
    pull_changes(desk, central)
    with desk.connect() as connection:
        moved = connection.execute(text("SELECT department_id FROM followup_task WHERE id = 2"))
        assert moved.scalar_one() == 1
        code = connection.execute(text("SELECT diagnosis_code FROM episode WHERE id = 5"))
        assert code.scalar_one() == "C34"
        new = connection.execute(text("SELECT count(*) FROM followup_task WHERE id = 1001"))
        assert new.scalar_one() == 1
    for engine in (desk, central):
        assert_tallies_match_a_rebuild(engine)
        assert_figures_match_the_raw_rows(engine, _filters(), **FIGURES)


def test_on_the_server_quality_staff_read_the_tallies_and_agents_the_rows_they_may_see(
    request: pytest.FixtureRequest,
) -> None:
    desk: Engine = request.getfixturevalue("local")
    central: Engine = request.getfixturevalue("server")
    pull_changes(desk, central)
    for task_id, staff_id in open_tasks(desk)[:6]:
        save_call_result(desk, task_id, staff_id, note="好")
    push_pending(desk, central)
    login = request.getfixturevalue("as_staff")
    quality, agent = login("nurse5"), login("nurse1")
    november = month_filter(2026, 11)
    with quality.connect() as q, agent.connect() as a:
        assert tallies_usable(q, november)
        assert not tallies_usable(a, november)
    assert_figures_match_the_raw_rows(quality, _filters(), central, **FIGURES)
    # The owner sees what quality staff see: every row.
    assert figures(quality, november, **FIGURES) == figures(central, november, **FIGURES)
