"""Which hosts a central-database URL names, in either of SQLAlchemy's multi-host forms."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from agent_app.store.server_hosts import server_places


@pytest.mark.parametrize(
    ("url", "places"),
    [
        ("postgresql+psycopg://u@db:6432/followup", ("db:6432",)),
        ("postgresql+psycopg://u@db/followup", ("db:5432",)),
        ("postgresql+psycopg://u@/followup?host=db1,db2&port=5432,5433", ("db1:5432", "db2:5433")),
        ("postgresql+psycopg://u@/followup?host=db1:5432&host=db2:5433", ("db1:5432", "db2:5433")),
        ("postgresql+psycopg://u@/followup?host=db1,db2", ("db1:5432", "db2:5432")),
    ],
)
def test_every_host_of_the_url_is_named_with_its_port(url: str, places: tuple[str, ...]) -> None:
    assert server_places(make_url(url)) == places
