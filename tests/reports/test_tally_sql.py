"""The tally triggers compute days and talk time with the very SQL the raw queries use."""

from __future__ import annotations

import pytest
from sqlalchemy import literal_column
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from agent_app.reports.filters import date_day, day_of, month_filter, seconds_between
from agent_app.store.tallies.dialect import TallySql


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_day_and_talk_expressions_match_the_raw_queries(dialect: Dialect) -> None:
    tally = TallySql(dialect.name)
    x, y = literal_column("x"), literal_column("y")

    def sql(expression: object) -> str:
        return str(expression.compile(dialect=dialect))  # type: ignore[attr-defined]

    assert sql(day_of(x, month_filter(2026, 10))) == tally.local_day("x")
    assert sql(date_day(x)) == tally.date_day("x")
    assert sql(seconds_between(x, y)) == tally.seconds("x", "y")
