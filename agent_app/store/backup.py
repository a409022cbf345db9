"""Local backups of the store through SQLite's online backup API, rotated, and restored.

A backup is a consistent snapshot taken from the desk's own open connection (so it works for
whatever engine opened the store, encrypted or not) while the desk keeps working: in WAL mode
the copy reads one snapshot and writers are not blocked. Files are named by the UTC time they
were taken, live in a 0700 folder and are 0600 themselves. Nothing here deletes a store:
restoring renames the current one aside.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from agent_app.store import encryption
from agent_app.store.encryption import StoreFile, connect_local_store, store_file_kind
from agent_app.store.health import HealthReport, open_read_only, require_sound_file
from agent_app.store.health_errors import BackupFailedError, RestoreFailedError, StoreDamagedError

log = logging.getLogger(__name__)

_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime  # UTC
    size: int  # bytes


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def list_backups(folder: Path, store_path: Path) -> list[BackupFile]:
    """The backups of this store in ``folder``, newest first (unfinished copies are skipped)."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != store_path.stem or not entry.is_file():
            continue
        taken = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupFile(entry, taken, entry.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def backup_due(
    folder: Path, store_path: Path, every_hours: float, now: dt.datetime | None = None
) -> bool:
    """Whether the newest backup is older than ``every_hours`` (or there is none)."""
    backups = list_backups(folder, store_path)
    if not backups:
        return True
    age = (now or _utc_now()) - backups[0].taken_at
    return age >= dt.timedelta(hours=every_hours)


def take_backup(
    engine: Engine,
    store_path: Path,
    folder: Path,
    health: HealthReport,
    *,
    keep: int,
    now: dt.datetime | None = None,
    connect_target: Callable[[Path], Any] | None = None,
) -> BackupFile:
    """Copy the store behind ``engine`` into ``folder`` and keep only the newest ``keep``.

    ``health`` is the quick_check of this store: a damaged store is never backed up (its
    damage would overwrite a good backup in the rotation). ``connect_target`` opens the new
    file with the same driver and key as the store (default: the store's own driver, and the
    desk's key when the store is encrypted).
    Blocking: call it off the GUI thread.
    """
    if not health.sound:
        raise StoreDamagedError(str(store_path), health.summary)
    taken_at = (now or _utc_now()).astimezone(dt.UTC).replace(microsecond=0)
    final = folder / f"{store_path.stem}-{taken_at.strftime(_STAMP)}.sqlite3"
    partial = folder / f".{final.name}.partial"
    try:
        _make_private_folder(folder)
        # Copies cut short by a killed desk; only this desk writes here (the store's lock).
        for stale in folder.glob(f".{store_path.stem}-*.sqlite3.partial"):
            stale.unlink(missing_ok=True)
        _create_private_file(partial)
        raw = engine.raw_connection()
        try:
            source: Any = raw.driver_connection
            target = (connect_target or _same_driver(source))(partial)
            try:
                source.backup(target)
                # A standalone file: no -wal beside it, readable on its own when restored.
                target.execute("PRAGMA journal_mode=DELETE").fetchall()
                target.commit()
            finally:
                target.close()
        finally:
            raw.close()
        _fsync(partial)
        os.replace(partial, final)
        _fsync_folder(folder)
    except Exception as exc:  # OSError or the driver's own errors (sqlite3, SQLCipher)
        partial.unlink(missing_ok=True)
        raise BackupFailedError(str(folder), _reason(exc)) from exc
    rotate_backups(folder, store_path, keep)
    size = final.stat().st_size
    log.info("store backed up: %s (%d bytes)", final.name, size)
    return BackupFile(final, taken_at, size)


def rotate_backups(folder: Path, store_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of this store (at least one stays)."""
    removed = []
    for old in list_backups(folder, store_path)[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def restore_backup(
    backup: Path,
    store_path: Path,
    *,
    now: dt.datetime | None = None,
    connect_backup: Callable[[Path], Any] | None = None,
) -> Path:
    """Make ``backup`` the store; return where the current store was put aside.

    The backup passes quick_check first (BackupDamagedError otherwise, nothing changed). The
    current store and its -wal/-shm are renamed, never deleted. Every connection to the store
    must be closed first (engine.dispose()): Windows cannot rename an open file, and a
    connection left open would go on writing into the file put aside.
    """
    require_sound_file(backup, connect_backup or _open_backup)
    stamp = (now or _utc_now()).astimezone(dt.UTC).strftime(_STAMP)
    aside = store_path.with_name(f"{store_path.name}.before-restore-{stamp}")
    incoming = store_path.with_name(f".{store_path.name}.restoring")
    try:
        _create_private_file(incoming)
        with backup.open("rb") as source, incoming.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(target.fileno())
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise RestoreFailedError(str(backup), _reason(exc)) from exc
    moved: list[tuple[Path, Path]] = []
    try:
        # The -wal holds committed rows not yet in the main file: it goes aside with it, under
        # the name SQLite looks for, so the store put aside opens complete.
        for suffix in ("", "-wal", "-shm"):
            current = store_path.with_name(store_path.name + suffix)
            if current.exists():
                current.rename(aside.with_name(aside.name + suffix))
                moved.append((aside.with_name(aside.name + suffix), current))
        os.replace(incoming, store_path)
        _fsync_folder(store_path.parent)
    except OSError as exc:
        for put_aside, original in reversed(moved):
            put_aside.rename(original)
        incoming.unlink(missing_ok=True)
        raise RestoreFailedError(str(backup), _reason(exc)) from exc
    log.info("backup %s restored; previous store kept as %s", backup.name, aside.name)
    return aside


def _open_backup(path: Path) -> Any:
    """A backup opened for its check: under the desk's key when it is encrypted."""
    if store_file_kind(path) is StoreFile.ENCRYPTED:
        return connect_local_store(path)
    return open_read_only(path)


def _same_driver(source: Any) -> Callable[[Path], Any]:
    module = sys.modules[type(source).__module__]
    if isinstance(source, encryption.DBAPI.Connection):  # encrypted: the backup is keyed too
        return connect_local_store

    def connect(path: Path) -> Any:
        return module.connect(str(path))

    return connect


def _make_private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        if sys.platform != "win32":
            folder.chmod(0o700)


def _create_private_file(path: Path) -> None:
    # Created 0600 before SQLite or anyone writes into it, so no patient row is ever in a file
    # that others can read; SQLite gives its journal the same mode. A leftover from a crash
    # is replaced.
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    if sys.platform != "win32":
        path.chmod(0o600)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return  # folders cannot be opened for fsync there; NTFS journals the rename
    _fsync(folder)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
