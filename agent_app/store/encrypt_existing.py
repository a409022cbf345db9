"""Encrypt a plaintext store left by an older version, so that no plaintext copy remains.

The steps are ordered so that a kill at any moment leaves one complete store at ``path``,
either the old plaintext one or the new encrypted one, never a mix and never a loss:

1. The plaintext store's WAL is checkpointed into its main file (SQLite's own recovery
   replays it if the process dies here).
2. ``sqlcipher_export`` copies schema and rows into ``<store>.encrypting``, keyed; the copy is
   checked table by table against the source's row counts and synced to disk. A kill here
   leaves a half-written ``.encrypting`` that the next start deletes before trying again.
3. The plaintext ``-wal``/``-shm`` (empty after step 1) are removed, then ``os.replace``
   swaps the encrypted file in atomically and the folder entry is synced.

The old bytes are unlinked, not overwritten: on an SSD or a journalling file system no program
can promise to scrub them, which is why the README asks for full-disk encryption as well.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from agent_app.store.encryption import (
    COMPANIONS,
    ENCRYPTING_SUFFIX,
    FILE_MODE,
    Progress,
    connect_encrypted,
    quiet,
)
from agent_app.store.errors import StoreCorruptError, StoreUnavailableError

STEPS = 1000  # progress is reported in thousandths of the copy
_HANDLER_INSTRUCTIONS = 20_000  # how often SQLite lets the copy report its progress


def _table_counts(connection: sqlcipher.Connection, schema: str = "main") -> dict[str, int]:
    """Rows per stored table. Virtual tables (the knowledge base's FTS5 indexes) are left out:
    their rows live in their shadow tables, which are counted, and a virtual table the export
    has just written into the attached copy cannot be opened on this connection."""
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def _fsync(path: Path) -> None:
    if path.is_dir() and os.name == "nt":
        return  # Windows cannot open a folder to sync it; NTFS journals the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _export(path: Path, target: Path, key: bytes, progress: Progress | None) -> dict[str, int]:
    """Steps 1 and 2: checkpoint, then copy into ``target``; returns the source's row counts."""
    source_bytes = max(path.stat().st_size, 1)

    def report() -> int:
        if progress is not None:
            try:
                written = target.stat().st_size
            except FileNotFoundError:
                written = 0
            progress(min(STEPS - 1, written * STEPS // source_bytes), STEPS)
        return 0  # go on

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.close(fd)
    source = sqlcipher.connect(str(path), isolation_level=None)
    quiet(source)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _table_counts(source)
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        # The copy is thrown away whenever it is not finished, and synced once at the end:
        # no journal and no sync per table (which made the copy thirty times slower).
        source.execute("PRAGMA encrypted.journal_mode = OFF")
        source.execute("PRAGMA encrypted.synchronous = OFF")
        # A small page cache spills to the file as the copy goes, so its size tells progress.
        source.execute("PRAGMA encrypted.cache_size = -1024")
        source.set_progress_handler(report, _HANDLER_INSTRUCTIONS)
        source.execute("BEGIN")
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute("COMMIT")
        source.set_progress_handler(None, 0)
        copied = _table_counts(source, "encrypted")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    if copied != counts:
        raise StoreCorruptError(
            f"Encrypting the data store {path} did not copy every row; the plaintext store "
            f"was kept and will be encrypted at the next start."
        )
    return counts


def encrypt_plaintext_store(path: Path, key: bytes, progress: Progress | None = None) -> None:
    """Replace the plaintext store at ``path`` by an encrypted copy with the same rows."""
    target = path.with_name(path.name + ENCRYPTING_SUFFIX)
    try:
        counts = _export(path, target, key, progress)
        check = connect_encrypted(target, key, isolation_level=None)
        try:
            check.execute("PRAGMA journal_mode=WAL")
            if _table_counts(check) != counts:
                raise StoreCorruptError(
                    f"The encrypted copy of {path} does not read back whole; the plaintext "
                    f"store was kept."
                )
        finally:
            check.close()
        _fsync(target)
        for suffix in COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists() and companion.stat().st_size and suffix == "-wal":
                raise StoreUnavailableError(
                    f"The data store {path} is in use by another program; close it and start again."
                )
            companion.unlink(missing_ok=True)
        os.replace(target, path)
        _fsync(path.parent)
    except sqlcipher.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise StoreCorruptError(
            f"The data store {path} could not be encrypted ({exc}); it was left as it is."
        ) from exc
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(STEPS, STEPS)
