"""Migration 0007: the tallies it backfills equal those the triggers keep, and downgrade
takes away every table, trigger and function it made."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect, text

from agent_app.store.migrate import alembic_config
from agent_app.store.tallies import TALLY_TABLES, tallies_complete
from tests.reports.tally_checks import tally_rows
from tests.reports.tiny_hospital import build


def _triggers(engine: Engine) -> set[str]:
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        if engine.dialect.name == "sqlite"
        else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal UNION ALL "
        "SELECT proname FROM pg_proc WHERE proname LIKE 'stats%'"
    )
    with engine.connect() as connection:
        return {name for (name,) in connection.execute(text(query)) if name.startswith("stats_")}


def _migrate(engine: Engine, revision: str, *, down: bool) -> None:
    with engine.begin() as connection:
        (command.downgrade if down else command.upgrade)(alembic_config(connection), revision)


def test_downgrade_removes_the_tallies_and_upgrade_backfills_them(store_engine: Engine) -> None:
    build(store_engine)
    kept_by_triggers = tally_rows(store_engine)
    assert kept_by_triggers["stats_task_tally"]
    assert _triggers(store_engine)

    _migrate(store_engine, "0006", down=True)
    tables = set(inspect(store_engine).get_table_names())
    assert not {t for t in tables if t.startswith("stats_")}
    assert not _triggers(store_engine)

    _migrate(store_engine, "head", down=False)
    with store_engine.connect() as connection:
        assert tallies_complete(connection)
    assert tally_rows(store_engine) == kept_by_triggers
    assert set(TALLY_TABLES) <= set(inspect(store_engine).get_table_names())
