"""Bulk loading keeps the schema whole: indexes come back after success and after failure."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect

from agent_app.store.bulk import bulk_insert, deferred_indexes
from agent_app.store.schema import Base
from tests.store.test_migrations import _diff


def _index_names(engine: Engine, table: str) -> set[str]:
    return {i["name"] for i in inspect(engine).get_indexes(table) if i["name"]}


def test_indexes_are_rebuilt_after_a_load(store_engine: Engine) -> None:
    expected = {i.name for i in Base.metadata.tables["followup_task"].indexes}
    with deferred_indexes(store_engine, ["followup_task", "contact"]):
        assert not _index_names(store_engine, "followup_task") & expected
    assert expected <= _index_names(store_engine, "followup_task")
    assert _diff(store_engine) == []


def test_indexes_are_rebuilt_when_the_load_fails(store_engine: Engine) -> None:
    with pytest.raises(RuntimeError), deferred_indexes(store_engine, ["contact"]):
        with store_engine.begin() as connection:
            bulk_insert(
                connection,
                "department",
                ("id", "code", "name", "name_en", "change_seq"),
                [(1, "X", "X", "X", 0)],
            )
        raise RuntimeError("generator broke")
    assert _diff(store_engine) == []
