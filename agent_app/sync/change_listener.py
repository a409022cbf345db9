"""Wake the desk's sync as soon as the server says rows this desk can see have changed.

The server announces every statement on a pulled table on the ``desk_change`` channel
(migration 0013) as ``<table>:<xid>:<departments>``. A ``ChangeListener`` keeps one
connection of its own (autocommit, ``LISTEN``) on its own thread, drops what concerns other
departments, lets a burst gather for ``coalesce`` seconds, waits until the server's oldest
running transaction is past the announced one (the pull hands out only transactions below
its snapshot's xmin, so pulling earlier would find nothing), then calls ``wake`` once.

When the line drops it reconnects with back-off; while it is not listening the sync worker's
own interval (polling) is the fallback, and ``on_state`` hears each change so the desk can
poll less while notices flow. Anyone may NOTIFY on any channel, so payloads are untrusted:
anything not in the server's format is ignored, and a forged notice costs one pull.

Qt-free: ``wake`` and ``on_state`` are called on the listener's thread.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from agent_app.sync.pull import PULL_TABLES

log = logging.getLogger(__name__)

CHANNEL = "desk_change"
EVERYONE = "*"
# Roles whose desks see every department's rows (the admin sees staff and reference rows of
# every department; patient rows it cannot read are filtered by the server on pull).
HOSPITAL_WIDE = frozenset({"quality", "admin"})
_PAYLOAD = re.compile(r"([a-z_]{1,63}):([0-9]{1,20}):(\*|[0-9]{1,19}(?:,[0-9]{1,19})*|)")
_HORIZON = (
    "SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() s"
)


@dataclass(frozen=True)
class ChangeNotice:
    """One announced statement: the table, the writing transaction, the departments whose
    desks can see its rows (None: every desk)."""

    table: str
    xid: int
    departments: frozenset[int] | None


def parse_notice(payload: str) -> ChangeNotice | None:
    """The notice in ``payload``, or None for anything not in the server's format."""
    match = _PAYLOAD.fullmatch(payload)
    if match is None:
        return None
    table, xid, listed = match.groups()
    if listed == EVERYONE:
        return ChangeNotice(table, int(xid), None)
    departments = frozenset(int(d) for d in listed.split(",")) if listed else frozenset()
    return ChangeNotice(table, int(xid), departments)


@dataclass(frozen=True)
class DeskScope:
    """Whose rows this desk's login sees: its staff role and department (None for a login
    that is no staff member, e.g. an administrator's tool: it sees everything)."""

    role: str | None = None
    department_id: int | None = None

    def wants(self, notice: ChangeNotice, tables: Iterable[str] = PULL_TABLES) -> bool:
        """True when ``notice`` may bring rows this desk pulls."""
        if notice.table not in tables:
            return False
        if notice.departments is None or self.role is None or self.role in HOSPITAL_WIDE:
            return True
        return self.department_id in notice.departments


Wake = Callable[[], None]
StateListener = Callable[[bool], None]


class ChangeListener:
    """Listens on ``CHANNEL`` over its own connection to ``server`` and calls ``wake`` for
    each burst of relevant notices; ``on_state(True/False)`` when it starts or stops
    listening."""

    def __init__(
        self,
        server: Engine,
        wake: Wake,
        *,
        on_state: StateListener | None = None,
        tables: Iterable[str] = PULL_TABLES,
        coalesce: float = 0.02,
        settle_limit: float = 10.0,
        backoff: tuple[float, float] = (1.0, 60.0),
        tick: float = 0.2,
    ) -> None:
        self.server = server
        self.wake = wake
        self.on_state = on_state
        self.tables = frozenset(tables)
        self.coalesce = coalesce
        self.settle_limit = settle_limit
        self.backoff = backoff
        self.tick = tick
        self.wakes = 0  # bursts that woke the desk
        self.ignored = 0  # notices for other departments, other tables, or not ours at all
        self.backend_pid: int | None = None
        # Seconds each burst waited for older transactions to end (the last thousand).
        self.settle_waits: deque[float] = deque(maxlen=1000)
        self._connected = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._scope = DeskScope()
        self._scope_stale = False

    @property
    def connected(self) -> bool:
        """True while the listening connection is up and LISTEN has been sent."""
        return self._connected.is_set()

    @property
    def scope(self) -> DeskScope:
        return self._scope

    def start(self) -> None:
        """Start listening on a thread of its own (connecting in the background)."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="change-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close the connection; waits up to ``timeout`` seconds."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_ready(self, timeout: float) -> bool:
        """Block until listening (True) or ``timeout`` seconds pass (False)."""
        return self._connected.wait(timeout)

    # The connection ------------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        # The engine's own recipe (credentials, TLS, keepalives), taken out of its pool: this
        # connection lives as long as the listener, never serves a query of the sync.
        fairy = self.server.raw_connection()
        connection = fairy.driver_connection
        fairy.detach()
        if not isinstance(connection, psycopg.Connection):
            connection_type = type(connection).__name__
            raise TypeError(f"listening needs a psycopg connection, not {connection_type}")
        try:
            connection.rollback()
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self.backend_pid = connection.info.backend_pid
            self._scope = self._read_scope(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _read_scope(connection: psycopg.Connection[tuple[object, ...]]) -> DeskScope:
        try:
            row = connection.execute("SELECT role, department_id FROM desk_staff()").fetchone()
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.UndefinedFunction):
            return DeskScope()  # a login outside the desk roles: listen to everything
        if row is None:
            return DeskScope()
        role, department = row
        return DeskScope(
            str(role) if role is not None else None,
            int(str(department)) if department is not None else None,
        )

    def _set_connected(self, up: bool) -> None:
        if up == self._connected.is_set():
            return
        if not up:
            self._connected.clear()
        if self.on_state is not None:
            try:
                self.on_state(up)
            except Exception:  # a broken listener must not stop listening
                log.exception("change listener state callback failed")
        if up:  # after on_state: whoever waits for it sees the new state settled
            self._connected.set()

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                connection = self._connect()
            except (SQLAlchemyError, psycopg.Error, OSError) as exc:
                failures += 1
                log.info("not listening for changes (%s)", type(exc).__name__)
                self._pause(failures)
                continue
            except Exception:  # never let the thread die: polling goes on, and so do retries
                failures += 1
                log.exception("change listener could not start listening")
                self._pause(failures)
                continue
            failures = 0
            self._set_connected(True)
            try:
                self._listen(connection)
            except (psycopg.Error, OSError) as exc:
                log.info("change listening stopped (%s); reconnecting", type(exc).__name__)
                failures = 1
            finally:
                self.backend_pid = None
                connection.close()
                self._set_connected(False)
            if not self._stopping.is_set():
                self._pause(failures)

    def _pause(self, failures: int) -> None:
        first, ceiling = self.backoff
        self._stopping.wait(min(ceiling, first * 2.0 ** max(0, failures - 1)))

    # Listening -----------------------------------------------------------------------------
    def _listen(self, connection: psycopg.Connection[tuple[object, ...]]) -> None:
        wanted: int | None = None  # the newest announced transaction not yet pulled
        due = 0.0
        while not self._stopping.is_set():
            # Idle: return at the first notice (with the rest of its packet), so the coalescing
            # pause starts then, not at the end of the tick. Then: gather until it is over.
            if wanted is None:
                notices = connection.notifies(timeout=self.tick, stop_after=1)
            else:
                notices = connection.notifies(timeout=max(0.0, due - time.monotonic()))
            for notify in notices:
                notice = parse_notice(notify.payload) if notify.channel == CHANNEL else None
                if notice is None or not self._scope.wants(notice, self.tables):
                    self.ignored += 1
                    continue
                if notice.table == "staff":
                    self._scope_stale = True  # a move to another department changes scope
                if wanted is None:
                    due = time.monotonic() + self.coalesce
                wanted = max(wanted or 0, notice.xid)
            if wanted is not None and time.monotonic() >= due:
                self._settle(connection, wanted)
                wanted = None
                if self._scope_stale:
                    self._scope_stale = False
                    self._scope = self._read_scope(connection)
                if not self._stopping.is_set():
                    self.wakes += 1
                    self.wake()

    def _settle(self, connection: psycopg.Connection[tuple[object, ...]], xid: int) -> None:
        """Wait until every transaction up to ``xid`` has ended (so a pull finds its rows),
        at most ``settle_limit`` seconds; an id the server never handed out is forged and
        not waited for."""
        started = time.monotonic()
        deadline = started + self.settle_limit
        delay = 0.005
        while not self._stopping.is_set():
            row = connection.execute(_HORIZON).fetchone()
            if row is None:
                break
            oldest, next_xid = int(str(row[0])), int(str(row[1]))
            if oldest > xid or xid >= next_xid or time.monotonic() + delay > deadline:
                break
            self._stopping.wait(delay)
            delay = min(delay * 2, 0.5)
        self.settle_waits.append(time.monotonic() - started)
