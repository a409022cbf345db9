"""Tallies follow every insert, update and delete exactly (both engines)."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.reports.random_writes import RandomWrites
from tests.reports.tally_checks import (
    assert_figures_match_the_raw_rows,
    assert_tallies_match_a_rebuild,
    tiny_filters,
)
from tests.reports.tiny_hospital import TinyHospital


def test_tallies_follow_random_writes_exactly(store_engine: Engine, tiny: TinyHospital) -> None:
    writes = RandomWrites(store_engine, seed=1)
    for _ in range(4):
        for _ in range(40):
            writes.step()
        assert_tallies_match_a_rebuild(store_engine)
    assert_figures_match_the_raw_rows(store_engine, tiny_filters())
