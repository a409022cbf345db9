"""Is the store's file sound? ``PRAGMA quick_check`` over the whole file.

quick_check reads every page and checks the b-trees' structure (not that indexes match their
tables, which the full integrity_check adds at several times the cost). Zeroed or overwritten
pages in the middle of the file are found; a plain query would only trip over them when it
happens to read that page, perhaps weeks later while an agent saves a follow-up.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from agent_app.store.health_errors import BackupDamagedError, StoreDamagedError

log = logging.getLogger(__name__)

# Enough problems to say what is wrong; a badly damaged file lists thousands.
MAX_PROBLEMS = 5

# SQLite's primary result codes for a damaged file and for a file that is not a database.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


@dataclass(frozen=True)
class HealthReport:
    """What quick_check said: no problems means the file is sound."""

    problems: tuple[str, ...]
    seconds: float

    @property
    def sound(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """The first problem, on one line and short enough for one sentence."""
        for problem in self.problems:
            for line in problem.splitlines():
                line = line.strip()
                if line and not line.startswith("***"):  # "*** in database main ***"
                    return line[:200]
        return "ok"


def quick_check(dbapi_connection: Any) -> HealthReport:
    """Run ``PRAGMA quick_check`` on an open DB-API connection (sqlite3 or SQLCipher).

    A damaged file may make SQLite refuse the pragma itself ("database disk image is
    malformed"); that is a finding, not a failure to check. Other errors (a locked or vanished
    file) are raised as they are.
    """
    started = time.perf_counter()
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA quick_check({MAX_PROBLEMS})")
        rows = [str(row[0]) for row in cursor.fetchall()]
    except Exception as exc:  # sqlite3's or SQLCipher's DatabaseError: two class trees
        if not is_damage(exc):
            raise
        rows = [str(exc)]
    finally:
        cursor.close()
    problems = () if rows == ["ok"] else tuple(rows)
    return HealthReport(problems, time.perf_counter() - started)


def is_damage(exc: BaseException) -> bool:
    """Whether a driver error says the file is damaged or is not a database at all."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def require_sound_store(engine: Engine, path: Path) -> HealthReport:
    """Check the store behind ``engine``; raise StoreDamagedError (nothing written) if damaged."""
    try:
        raw = engine.raw_connection()  # connecting sets pragmas, which read the first page
    except Exception as exc:  # wrapped in DBAPIError, or the driver's own from the pragmas
        cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
        if not is_damage(cause):
            raise
        raise StoreDamagedError(str(path), str(cause)) from exc
    try:
        report = quick_check(raw.driver_connection)
    finally:
        raw.close()
    log.info("store quick_check took %.2f s", report.seconds)
    if not report.sound:
        log.error("store %s failed quick_check: %s", path, report.summary)
        raise StoreDamagedError(str(path), report.summary)
    return report


def open_read_only(path: Path) -> sqlite3.Connection:
    """A plain SQLite file opened so that nothing can be written to it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def require_sound_file(path: Path, connect: Callable[[Path], Any] = open_read_only) -> HealthReport:
    """Check a file that is not open yet (a backup); raise BackupDamagedError if damaged.

    ``connect`` opens it (read-only by default; an encrypted store passes its own)."""
    try:
        connection = connect(path)
        try:
            report = quick_check(connection)
        finally:
            connection.close()
    except Exception as exc:  # the driver's own error: unreadable, locked, wrong key
        raise BackupDamagedError(str(path), str(exc) or type(exc).__name__) from exc
    if not report.sound:
        raise BackupDamagedError(str(path), report.summary)
    return report
