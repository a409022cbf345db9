"""Open the store the way a desk does at start: local disk only, one desk at a time, checked.

The order matters: the folder is judged and the lock taken before SQLite touches the file, so a
refused start (network share, second desk) changes nothing; a store that needs migrating is
checked before it is migrated (in open_local_store).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from agent_app.store.encryption import StoreFile, connect_encrypted, store_file_kind
from agent_app.store.engine import create_sqlite_engine, open_local_store
from agent_app.store.health import HealthReport, require_sound_store
from agent_app.store.instance_lock import StoreLock
from agent_app.store.network_share import refuse_network_folder
from agent_app.store.store_key import existing_store_key

# Stores up to this size are checked before the sign-in shows; quick_check reads them in well
# under half a second (bench/store_health.py). Larger ones are checked in the background once
# the sign-in is on screen: a million patients take several seconds.
CHECK_BEFORE_SIGN_IN_BYTES = 48 * 1024 * 1024


@dataclass
class DeskStore:
    """The open store and the lock that makes it this desk's alone."""

    path: Path
    engine: Engine
    lock: StoreLock
    health: HealthReport | None  # None: not checked yet (too large to check before sign-in)

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()


def open_desk_store(
    path: Path,
    *,
    check_before_bytes: int = CHECK_BEFORE_SIGN_IN_BYTES,
    opener: Callable[[Path], Engine] = open_local_store,
) -> DeskStore:
    """Refuse a network folder (NetworkStoreError), take the lock (StoreInUseError), run
    quick_check now if the store is small (StoreDamagedError), then open (encrypting an old
    plaintext store) and migrate with ``opener``.

    Every error leaves the store as it was and the lock free.
    """
    refuse_network_folder(path.parent)
    lock = StoreLock(path).acquire()
    try:
        health = _check_if_small(path, check_before_bytes)
        engine = opener(path)
    except BaseException:
        lock.release()
        raise
    return DeskStore(path, engine, lock, health)


def _check_if_small(path: Path, limit: int) -> HealthReport | None:
    # Checked before open_local_store reads the schema version, so that damage is reported as
    # damage rather than as whatever the first query happens to trip over.
    if not path.exists() or path.stat().st_size > limit:
        return None
    key = None
    if store_file_kind(path) is StoreFile.ENCRYPTED:
        key = existing_store_key()
        if key is None or not _opens(path, key):
            return None  # the opener says the key is missing or wrong, in its own words
    probe = create_sqlite_engine(path, key)
    try:
        return require_sound_store(probe, path)
    finally:
        probe.dispose()


def _opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the store at all (a wrong key is not damage)."""
    try:
        connection = connect_encrypted(path, key)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except Exception as exc:  # SQLCipher's DatabaseError tree, apart from sqlite3's
        if "not a database" in str(exc):
            return False
        raise
    return True
