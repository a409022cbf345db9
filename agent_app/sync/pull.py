"""Pull server changes into the local store, table by table, streamed in chunks.

Each table's settled changes come in one COPY (``copy_stream``): row versions after the
table's cursor, in ``(change_xid, change_seq)`` order, limited to transactions older than the
reading snapshot's xmin (why this never skips a late commit: migration 0002). Every chunk's
rows and the cursor after its last row are written in one local transaction
(``chunk_store``), so an interrupted pull resumes after the last stored chunk.

The local store is a partial copy kept consistent by the server, and chunks arrive in commit
order, not foreign-key order (a child row can come before the later version of its parent),
so they are written with SQLite's foreign-key checks off for that connection. Rows with
local changes still waiting in the outbox are not overwritten; the server's answer to the push
bumps them, so they come back in a later pull. A row the desk made under a provisional id
(a contact) is recognised by its client uuid and takes the server's id (server_keys.py).

One probe first says which tables have anything new for this login (``change_probe``), so an
idle pull is one server read.

A new desk is usable before its first pull ends: given the signed-in desk's queue scope, the
pull brings in the queue's first page (tasks with their patients, contacts and episodes) right
after the small reference tables, and reports ``queue_ready`` before streaming the rest.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import Engine

from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import Base
from agent_app.store.tallies import SOURCE_TABLES, paused_tallies, tallies_complete
from agent_app.sync.change_probe import advance_cursors, load_cursors, tables_with_news
from agent_app.sync.chunk_store import (
    indexes_deferred,
    loading_connection,
    restore_indexes,
    store_chunk,
)
from agent_app.sync.copy_stream import estimate_rows, stream_changes
from agent_app.sync.cursor import PullCursor
from agent_app.sync.first_page import QUEUE_TABLES, pull_first_page
from agent_app.sync.pull_tables import (
    DESK_KEPT_COLUMNS,
    PULL_TABLES,
    SERVER_ONLY_COLUMNS,
    pulled_columns,
)
from agent_app.sync.read_ahead import read_ahead
from agent_app.sync.single_rows import fetch_rows, store_page

__all__ = [
    "CHUNK_ROWS",
    "DESK_KEPT_COLUMNS",
    "FIRST_PAGE_TASKS",
    "PULL_TABLES",
    "SERVER_ONLY_COLUMNS",
    "PageDone",
    "ProgressListener",
    "PullProgress",
    "PullReport",
    "fetch_rows",
    "pull_changes",
    "pulled_columns",
    "store_page",
]

log = logging.getLogger(__name__)

# Rows per local transaction: large enough that commits cost nothing next to the rows,
# small enough that a cut line loses only seconds of work.
CHUNK_ROWS = 20_000
FIRST_PAGE_TASKS = 200

PageDone = Callable[[str, int], None]


@dataclass(frozen=True)
class PullProgress:
    """How far a pull is: rows received so far against the server's estimate of the whole
    pull (0 when not estimated), and whether the queue's first page is in the store."""

    table: str
    rows_done: int
    rows_expected: int
    queue_ready: bool


ProgressListener = Callable[[PullProgress], None]


@dataclass
class PullReport:
    """Row versions received per table, and chunks stored."""

    rows: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    kept_local: int = 0  # rows not overwritten because the outbox still holds a change

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@dataclass
class _Progress:
    listener: ProgressListener | None
    expected: int = 0
    done: int = 0
    queue_ready: bool = False

    def report(self, table: str, rows: int) -> None:
        self.done += rows
        if self.listener is not None:
            expected = max(self.expected, self.done)
            self.listener(PullProgress(table, self.done, expected, self.queue_ready))


def pull_changes(
    local: Engine,
    server: Engine,
    *,
    tables: Sequence[str] = PULL_TABLES,
    page_size: int = CHUNK_ROWS,
    on_page: PageDone | None = None,
    on_progress: ProgressListener | None = None,
    first_page: QueueScope | None = None,
    first_page_size: int = FIRST_PAGE_TASKS,
) -> PullReport:
    """Bring every table in ``tables`` up to the server's settled changes; one probe first
    says which tables have any (``change_probe``), so an idle pull is one server read.

    Each table streams in one COPY, stored ``page_size`` rows per local transaction with its
    cursor; ``on_page(table, rows)`` hears of each stored chunk (it may raise to stop the
    pull: what was stored stays). With ``on_progress`` the pull first asks the server for
    an estimate of the rows to come and reports rows done against it. With ``first_page``
    (the signed-in desk's queue scope) a desk that never pulled its tasks brings in the
    queue's first ``first_page_size`` tasks with their patients, contacts and episodes
    right after the small reference tables, and says so (``queue_ready``) before the rest.

    Raises SyncOfflineError or SyncServerError when the server stops answering; the chunks
    already stored stay, and the next pull continues from there.
    """
    report = PullReport()
    metadata = Base.metadata.tables
    cursors = load_cursors(local, list(tables))
    with local.connect() as connection:
        complete = tallies_complete(connection)
    news = tables_with_news(server, cursors)
    progress = _Progress(on_progress)
    if on_progress is not None:
        estimates = estimate_rows(
            server, [(metadata[name], cursors[name]) for name in tables if name in news.tables]
        )
        progress.expected = sum(estimates.values())
    wants_first_page = first_page is not None and cursors.get("followup_task") == PullCursor()
    restore_indexes(local, [metadata[name] for name in tables])
    with _TallyPause(local) as pause:
        if not complete:  # an earlier bulk pull died before its rebuild: finish it now
            pause.begin()
        for name in tables:
            if wants_first_page and name in QUEUE_TABLES:
                assert first_page is not None
                brought = pull_first_page(local, server, first_page, first_page_size)
                wants_first_page = False
                progress.queue_ready = True
                progress.report("followup_task", 0)
                log.info("first page of the queue brought in: %d tasks", brought)
            if name not in news.tables:
                continue
            table = metadata[name]
            bulk_load = False
            chunks = read_ahead(partial(stream_changes, server, table, cursors[name], page_size))
            with (  # left in reverse: the reader stops before the indexes are sorted in
                contextlib.ExitStack() as bulk,
                loading_connection(local) as connection,
                contextlib.closing(chunks),
            ):
                for chunk in chunks:
                    if len(chunk.rows) >= page_size and not bulk_load:
                        # A bulk load: tallies rebuilt once and indexes sorted in at the end
                        # beat a trigger and nine index updates a row.
                        bulk_load = True
                        bulk.enter_context(indexes_deferred(local, table))
                        if name in SOURCE_TABLES:
                            pause.begin()
                    stored = store_chunk(connection, table, chunk.rows, chunk.cursor)
                    received = len(chunk.rows)
                    report.rows[name] = report.rows.get(name, 0) + received
                    report.kept_local += received - stored
                    report.pages += 1
                    cursors[name] = chunk.cursor
                    progress.report(name, received)
                    if on_page is not None:
                        on_page(name, received)
    # Every table is read to its end now: all it holds for this login below the probe's
    # horizon is stored, so no cursor needs to stay below it (``change_probe``).
    advance_cursors(local, cursors, news.horizon)
    return report


class _TallyPause(contextlib.ExitStack):
    """Pauses the statistics tallies' triggers from ``begin()`` to the end of the pull, then
    rebuilds them once from the rows (also when the pull fails). A desk killed meanwhile
    finds its tallies marked incomplete (the statistics read raw rows until then) and the
    next pull finishes the job."""

    def __init__(self, local: Engine) -> None:
        super().__init__()
        self.local = local
        self.paused = False

    def begin(self) -> None:
        if not self.paused:
            self.enter_context(paused_tallies(self.local, SOURCE_TABLES))
            self.paused = True
