"""Statistics tallies kept exact by triggers (tables in ``store.schema.tallies``).

``install_triggers`` and ``rebuild_tallies`` are what migration 0007 runs; ``paused_tallies``
is for bulk loads, which are far faster without a trigger per row: it drops the triggers,
marks the tallies incomplete (the statistics then read the raw rows) and afterwards rebuilds
them from the raw rows and puts the triggers back. On the server the triggers write deltas
that a fold adds to the tallies later (``deltas``, migration 0014).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import time
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, Engine, text

from agent_app.store.tallies.calls import call_sums, span_points
from agent_app.store.tallies.deltas import DELTA_TABLES, has_deltas, hold_fold_lock
from agent_app.store.tallies.dialect import OFFSET_MINUTES, TallySql
from agent_app.store.tallies.episodes import rebuild_episodes
from agent_app.store.tallies.results import result_tallies, writer_tally
from agent_app.store.tallies.tasks import rebuild_tasks
from agent_app.store.tallies.triggers import SOURCE_TABLES, create_sql, drop_sql, triggers

__all__ = [
    "OFFSET_MINUTES",
    "SOURCE_TABLES",
    "TALLY_TABLES",
    "drop_triggers",
    "install_triggers",
    "paused_tallies",
    "rebuild_tallies",
    "set_complete",
    "tallies_complete",
]

log = logging.getLogger(__name__)

REBUILD_CACHE_KIB = -262_144  # 256 MiB (a negative cache_size is in KiB)
_paused: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "paused_tallies", default=frozenset()
)

TALLY_TABLES = (
    "stats_task_fact", "stats_task_next", "stats_task_tally", "stats_call_tally",
    "stats_call_span", "stats_satisfaction_tally", "stats_revisit_tally", "stats_answer_tally",
    "stats_writer_tally", "stats_episode_fact", "stats_survival_tally",
)  # fmt: skip


def _sql(connection: Connection) -> TallySql:
    return TallySql(connection.dialect.name)


def install_triggers(connection: Connection, *, deltas: bool | None = None) -> None:
    """Create the tally triggers (and their functions on PostgreSQL), replacing any there.
    They write to the delta tables where the database has them (``deltas`` None), or as
    ``deltas`` says (a benchmark's comparison).

    After a bulk load that died before its rebuild (the tallies say incomplete and the
    statistics read raw rows), ``rebuild_tallies`` then this put the store right.
    """
    drop_triggers(connection)
    if deltas is None:
        deltas = has_deltas(connection)
    sql = TallySql(connection.dialect.name, deltas=deltas)
    for trigger in triggers(sql):
        for statement in create_sql(sql, trigger):
            connection.exec_driver_sql(statement)


def drop_triggers(connection: Connection) -> None:
    sql = _sql(connection)
    for trigger in triggers(sql):
        for statement in drop_sql(sql, trigger):
            connection.exec_driver_sql(statement)


def rebuild_tallies(connection: Connection) -> None:
    """Work every tally out again from the raw rows, and mark them complete.

    On a server with deltas it first waits for writers that are still adding deltas and
    keeps new ones out until it commits (a delta committed after the rebuild emptied the
    deltas would count its rows twice), and keeps folds out.
    """
    sql = _sql(connection)
    started = time.perf_counter()
    deltas = has_deltas(connection)
    if deltas:
        connection.exec_driver_sql(f"LOCK TABLE {', '.join(SOURCE_TABLES)} IN SHARE MODE")
        hold_fold_lock(connection)
    if sql.is_sqlite:
        # Whole-table passes over a large store: SQLite's default 8 MB page cache would read
        # the same pages from the OS again and again (85 s instead of 17 s for task facts).
        cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
        connection.exec_driver_sql(f"PRAGMA cache_size = {REBUILD_CACHE_KIB}")
    for table in (*TALLY_TABLES, *(DELTA_TABLES if deltas else ())):
        connection.exec_driver_sql(f"DELETE FROM {table}")
    statements = [
        *rebuild_tasks(sql),
        call_sums(sql, "call_attempt", "stats_task_fact", 1),
        span_points(sql, None, "stats_task_fact", 1),
        *result_tallies(sql, "followup_result", "stats_task_fact", 1),
        writer_tally(sql, "followup_result", 1),
        *rebuild_episodes(sql),
    ]
    for statement in statements:
        connection.exec_driver_sql(statement)
    if sql.is_sqlite:
        connection.exec_driver_sql(f"PRAGMA cache_size = {cache}")
    set_complete(connection, True)
    log.info("statistics tallies rebuilt in %.1f s", time.perf_counter() - started)


def set_complete(connection: Connection, complete: bool) -> None:
    """Say whether the tallies may be read (the statistics read raw rows while not)."""
    updated = connection.execute(
        text("UPDATE stats_tally_state SET complete = :c WHERE id = 1"), {"c": complete}
    )
    if not updated.rowcount:
        connection.execute(
            text("INSERT INTO stats_tally_state (id, complete) VALUES (1, :c)"), {"c": complete}
        )


def tallies_complete(connection: Connection) -> bool:
    """Whether the tallies hold every raw row (false during a bulk load, or before 0007)."""
    row = connection.execute(text("SELECT complete FROM stats_tally_state WHERE id = 1")).first()
    return bool(row and row[0])


@contextlib.contextmanager
def paused_tallies(engine: Engine, tables: Iterable[str]) -> Iterator[None]:
    """Load ``tables`` in bulk without the tally triggers; rebuild the tallies afterwards
    (also when the load fails, so the store never keeps incomplete tallies). Inside another
    pause of the same database this does nothing: the outermost one rebuilds."""
    database = engine.url.render_as_string(hide_password=True)
    paused = _paused.get()
    if database in paused or not set(tables) & set(SOURCE_TABLES):
        yield
        return
    token = _paused.set(paused | {database})
    try:
        with engine.begin() as connection:
            set_complete(connection, False)
            drop_triggers(connection)
        try:
            yield
        finally:
            with engine.begin() as connection:
                rebuild_tallies(connection)
                install_triggers(connection)
    finally:
        _paused.reset(token)
