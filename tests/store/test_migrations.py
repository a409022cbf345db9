"""Alembic builds the same schema on SQLite and PostgreSQL, and it matches the models."""

from __future__ import annotations

import warnings
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from agent_app.store.engine import open_local_store
from agent_app.store.migrate import (
    LOCAL_ONLY_TABLES,
    current_revision,
    head_revision,
    is_current,
    is_search_index,
    is_server_only,
    newest_revision,
)
from agent_app.store.schema import Base


def _diff(engine: Engine) -> list[object]:
    def include(
        obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
    ) -> bool:
        if type_ == "table" and name == "alembic_version":
            return False
        if reflected and is_search_index(type_, name):
            return False
        if engine.dialect.name != "sqlite" and reflected and is_server_only(type_, name):
            return False
        return not (
            engine.dialect.name != "sqlite" and type_ == "table" and name in LOCAL_ONLY_TABLES
        )

    with engine.connect() as connection, warnings.catch_warnings():
        # change_xid (xid8, server-only sync bookkeeping) has no SQLAlchemy type.
        warnings.filterwarnings("ignore", "Did not recognize type 'xid8'")
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include}
        )
        return list(compare_metadata(context, Base.metadata))


def test_upgrade_head_reaches_the_newest_revision(store_engine: Engine) -> None:
    with store_engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert is_current(connection)


def test_the_quick_head_check_agrees_with_alembic() -> None:
    assert newest_revision() == head_revision()


def test_migrated_schema_matches_the_models(store_engine: Engine) -> None:
    assert _diff(store_engine) == []


def test_every_model_table_exists_after_migration(store_engine: Engine) -> None:
    tables = set(inspect(store_engine).get_table_names())
    expected = set(Base.metadata.tables)
    if store_engine.dialect.name != "sqlite":
        expected -= LOCAL_ONLY_TABLES
        assert not tables & LOCAL_ONLY_TABLES
    assert expected <= tables


def test_sqlite_store_uses_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_downgrade_to_base_removes_every_table(store_engine: Engine) -> None:
    from alembic import command

    from agent_app.store.migrate import alembic_config

    with store_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(inspect(store_engine).get_table_names()) <= {"alembic_version"}


def test_sqlite_store_has_both_knowledge_search_indexes(tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    tables = set(inspect(engine).get_table_names())
    assert {"knowledge_fts", "knowledge_gram", "knowledge_gram_pos"} <= tables
