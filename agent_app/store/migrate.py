"""Alembic wiring: bring a store to the current schema, or refuse one written by a newer version."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from agent_app.store.errors import SchemaTooNewError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Tables that exist only in the desktop's SQLite store, never on the central server.
LOCAL_ONLY_TABLES = frozenset({"outbox", "sync_state"})

# Sync bookkeeping only the central server has (migration 0002); the models do not describe it.
SERVER_ONLY_TABLES = frozenset({"applied_change"})
SERVER_ONLY_COLUMNS = frozenset({"change_xid"})


def is_server_only(type_: str, name: str | None) -> bool:
    """Whether a reflected server object is sync bookkeeping that the models leave out."""
    if type_ == "table":
        return name in SERVER_ONLY_TABLES
    if type_ == "column":
        return name in SERVER_ONLY_COLUMNS
    return type_ == "index" and bool(name) and str(name).endswith("_change_cursor")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> None:
    """Raise SchemaTooNewError when the store's revision is unknown to this version."""
    revision = current_revision(connection)
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise SchemaTooNewError(
            f"This data store was written by a newer version of the follow-up desk "
            f"(schema {revision}); install that version to open it."
        )


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration inside one transaction."""
    with engine.begin() as connection:
        check_not_newer(connection)
        command.upgrade(alembic_config(connection), "head")
