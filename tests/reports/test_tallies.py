"""The statistics tallies give the same figures as the raw rows, however the rows change."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.reports.filters import month_filter
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import followup_rates
from agent_app.reports.tally_filter import tallies_usable
from agent_app.store.schema import FollowupTask
from tests.reports.tally_checks import (
    assert_figures_match_the_raw_rows,
    assert_tallies_match_a_rebuild,
    tiny_filters,
)
from tests.reports.tiny_hospital import TinyHospital, at


def test_tallies_written_row_by_row_equal_a_rebuild(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    assert_tallies_match_a_rebuild(store_engine)


def test_every_figure_read_from_the_tallies_equals_the_raw_queries(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    assert_figures_match_the_raw_rows(store_engine, tiny_filters())


def test_a_filter_in_another_time_zone_reads_the_raw_rows(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    # Due 1 November 03:00 hospital time: still 31 October in UTC.
    with Session(store_engine) as session, session.begin():
        session.add(FollowupTask(id=8, patient_id=2, episode_id=2, plan_id=1, department_id=1,
                                 due_at=at(11, 1, 3), offset_days=9))  # fmt: skip
    utc = month_filter(2026, 10, tz=dt.UTC)
    with store_engine.connect() as connection:
        assert not tallies_usable(connection, utc)
        assert not tallies_usable(connection, month_filter(2026, 10, diagnosis_prefix="%"))
    (hospital_time,) = followup_rates(store_engine, month_filter(2026, 10), Grouping.HOSPITAL)
    (in_utc,) = followup_rates(store_engine, utc, Grouping.HOSPITAL)
    assert (hospital_time.due, in_utc.due) == (5, 6)
