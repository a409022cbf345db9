"""Migration 0023 on the central server: downgraded, the old acknowledgement rules are back and
its functions are gone; upgraded again, the server is as before (the catalog test then holds)."""

from __future__ import annotations

import importlib.util

from alembic import command
from sqlalchemy import Engine, text

from agent_app.store.migrate import MIGRATIONS_DIR, alembic_config


def _before_0023() -> str:
    """The revision 0023 follows (read from its file: the chain may be re-ordered)."""
    path = next((MIGRATIONS_DIR / "versions").glob("0023_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0023", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.down_revision)


def _migrate(engine: Engine, revision: str, *, down: bool) -> None:
    with engine.begin() as connection:
        (command.downgrade if down else command.upgrade)(alembic_config(connection), revision)


def _names(engine: Engine, sql: str) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text(sql)).scalars())


FUNCTIONS = "SELECT proname FROM pg_proc WHERE proname LIKE 'red_flag%'"
POLICIES = "SELECT policyname FROM pg_policies WHERE policyname LIKE '%doctor%' " \
    "OR policyname LIKE 'red_flag_alert%'"  # fmt: skip
COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_name = 'red_flag_alert'"


def test_0023_downgrades_and_upgrades_again_on_the_server(server: Engine) -> None:
    with_it = (_names(server, FUNCTIONS), _names(server, POLICIES), _names(server, COLUMNS))
    assert {"red_flag_acknowledge", "red_flag_escalate"} <= with_it[0]
    _migrate(server, _before_0023(), down=True)
    assert _names(server, FUNCTIONS) == set()
    assert _names(server, POLICIES) == {
        "red_flag_alert_read", "red_flag_alert_read_all", "red_flag_alert_write",
        "red_flag_alert_acknowledge",
    }  # fmt: skip
    assert "ack_action" not in _names(server, COLUMNS)
    _migrate(server, "head", down=False)
    assert (_names(server, FUNCTIONS), _names(server, POLICIES), _names(server, COLUMNS)) == (
        with_it
    )
