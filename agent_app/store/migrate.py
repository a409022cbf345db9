"""Alembic wiring: bring a store to the current schema, or refuse one written by a newer version.

Alembic (with Mako and Pygments behind it) takes over half a second to import, so a store that
is already current is recognised with one plain query and alembic is imported only to migrate.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

from agent_app.store.errors import SchemaTooNewError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Tables that exist only in the desktop's SQLite store, never on the central server.
LOCAL_ONLY_TABLES = frozenset({"outbox", "sync_state", "sign_in_guard", "provisional_key"})

# Sync bookkeeping only the central server has (migration 0002); the models do not describe it.
# One name per line, so each migration adds its own line.
SERVER_ONLY_TABLES = frozenset(
    {
        "applied_change",
        "sync_insert_only",  # 0003
        "task_lease",  # 0003
        "recording_chunk",  # 0003
        "desk_server_setting",  # 0009
        "stats_task_tally_delta",  # 0014
        "stats_call_tally_delta",  # 0014
        "stats_call_span_delta",  # 0014
        "stats_satisfaction_tally_delta",  # 0014
        "stats_revisit_tally_delta",  # 0014
        "stats_answer_tally_delta",  # 0014
        "stats_writer_tally_delta",  # 0014
        "stats_survival_tally_delta",  # 0014
        "desk_version_gate",  # 0016
    }
)
SERVER_ONLY_COLUMNS = frozenset({"change_xid", "search_grams"})  # 0002, 0017
# Search indexes the models leave out (0017): the desk's FTS5 tables (and their shadow tables)
# and position table, the server's GIN index over an expression.
SEARCH_INDEX_PREFIXES = ("knowledge_fts", "knowledge_gram")
SEARCH_INDEXES = frozenset({"ix_knowledge_article_grams"})


def is_server_only(type_: str, name: str | None) -> bool:
    """Whether a reflected server object is sync bookkeeping that the models leave out."""
    if type_ == "table":
        return name in SERVER_ONLY_TABLES or is_search_index(type_, name)
    if type_ == "column":
        return name in SERVER_ONLY_COLUMNS
    if is_search_index(type_, name):
        return True
    return type_ == "index" and bool(name) and str(name).endswith("_change_cursor")


def is_search_index(type_: str, name: str | None) -> bool:
    """Whether a reflected object is a knowledge-base search index the models leave out."""
    if type_ == "table":
        return bool(name) and str(name).startswith(SEARCH_INDEX_PREFIXES)
    return type_ == "index" and name in SEARCH_INDEXES


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> None:
    """Raise SchemaTooNewError when the store's revision is unknown to this version."""
    revision = current_revision(connection)
    if revision is None:
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise SchemaTooNewError(
            f"This data store was written by a newer version of the follow-up desk "
            f"(schema {revision}); install that version to open it."
        )


_REVISION = re.compile(r"^(down_revision|revision) = (?:\"([^\"]*)\"|None)", re.MULTILINE)


@cache
def _revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision, every revision named as a ``down_revision``) read from the migration
    files, without importing alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for kind, value in _REVISION.findall(path.read_text("utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    return frozenset(revisions), frozenset(parents)


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of the desk has migrations for."""
    return _revision_graph()[0]


@cache
def newest_revision() -> str | None:
    """The head revision read from the migration files (no alembic import): the one revision
    that no other names as its ``down_revision``; None if that is not a single revision."""
    revisions, parents = _revision_graph()
    heads = set(revisions - parents)
    return heads.pop() if len(heads) == 1 else None


def is_current(connection: Connection) -> bool:
    """Whether the store is already at the newest schema (one query, no alembic)."""
    if not inspect(connection).has_table("alembic_version"):
        return False
    stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return len(stamped) == 1 and stamped[0] == newest_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration inside one transaction."""
    from alembic import command

    with engine.begin() as connection:
        check_not_newer(connection)
        command.upgrade(alembic_config(connection), "head")
