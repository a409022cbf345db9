"""The local store on disk: SQLCipher 4 encrypted, readable by its owner only.

The key is the desk's raw 256-bit key from the keyring (``store_key``), given as
``PRAGMA key = "x'…'"`` so that opening a connection runs no key derivation (SQLCipher's
PBKDF2 of a passphrase took 110 ms per connection here; a raw key opens in 0.2 ms). Pages
are AES-256 with an HMAC-SHA512 each, so neither the main file nor its ``-wal`` holds a
readable byte. The wheel's SQLCipher is built with ``SQLITE_TEMP_STORE=2``: sorts and
temporary tables stay in memory, never in a plaintext temporary file.

Files are created 0600 before SQLite opens them; SQLite gives the ``-wal`` and ``-shm`` the
database file's own mode, so they follow.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from agent_app.store.store_key import (
    StoreUnreadableError,
    UnreadableReason,
    existing_store_key,
)

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
FILE_MODE = 0o600
FOLDER_MODE = 0o700
ENCRYPTING_SUFFIX = ".encrypting"

DBAPI = sqlcipher  # the DB-API module SQLAlchemy drives for an encrypted store
DatabaseError = sqlcipher.DatabaseError
Progress = Callable[[int, int], None]  # done, total (per mille of a plaintext store's migration)


class StoreFile(enum.Enum):
    ABSENT = "absent"  # no file, or an empty one: a new store
    PLAINTEXT = "plaintext"  # an SQLite file from a version before encryption
    ENCRYPTED = "encrypted"  # anything else: SQLCipher pages (or not a store at all)


def store_file_kind(path: Path) -> StoreFile:
    """What is at ``path``, judged from its first 16 bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return StoreFile.ABSENT
    if not head:
        return StoreFile.ABSENT
    return StoreFile.PLAINTEXT if head == SQLITE_HEADER else StoreFile.ENCRYPTED


def key_statement(key: bytes) -> str:
    """The PRAGMA that hands SQLCipher a raw key (no key derivation)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_encrypted(path: Path | str, key: bytes, **kwargs: Any) -> sqlcipher.Connection:
    """A DB-API connection to an encrypted store, keyed before anything reads the file."""
    connection = sqlcipher.connect(str(path), **kwargs)
    quiet(connection)
    connection.execute(key_statement(key))
    return connection


def quiet(connection: sqlcipher.Connection) -> None:
    """Keep SQLCipher from printing its own error lines on stderr (a wrong key printed three);
    the store layer reports the failure once, as a typed error."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect_local_store(path: Path, **kwargs: Any) -> sqlcipher.Connection:
    """A raw DB-API connection to an existing encrypted store under the desk's key (for bulk
    tools and checks that work below SQLAlchemy)."""
    key = existing_store_key()
    if key is None:
        raise StoreUnreadableError(UnreadableReason.KEY_MISSING, path)
    return connect_encrypted(path, key, **kwargs)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) readable by the owner only."""
    if not folder.exists():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask


def restrict_store_files(path: Path) -> None:
    """Make the store and its companions owner-only (a store from an older version was 0644)."""
    for candidate in (path, *(path.with_name(path.name + s) for s in COMPANIONS)):
        try:
            if stat.S_IMODE(candidate.stat().st_mode) != FILE_MODE:
                candidate.chmod(FILE_MODE)
        except FileNotFoundError:
            continue


def create_private_file(path: Path) -> None:
    """An empty 0600 file for SQLite to fill (it would create one from the umask, 0644)."""
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Move an unreadable store and its companions out of the way; return where it went.

    Nothing is deleted: with the key found again (a keyring restored from a backup) the
    moved store opens as before."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    for suffix in ("", *COMPANIONS):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, aside.with_name(aside.name + suffix))
    return aside
