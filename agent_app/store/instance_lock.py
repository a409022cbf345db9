"""One desk per store: an exclusive lock on a file next to the store, held while the desk runs.

SQLite's own locks only serialise writers; two desks on one data folder would both claim
follow-ups, both push the same outbox and both write recordings. The operating system drops
the lock when the process ends, even on kill -9, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from agent_app.store.health_errors import StoreInUseError, StoreLockError

log = logging.getLogger(__name__)


def lock_path_for(store_path: Path) -> Path:
    """The lock file beside the store: ``store.sqlite3`` → ``store.sqlite3.lock``."""
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    """An exclusive, non-blocking lock on the store's lock file; release() or exit to free it."""

    def __init__(self, store_path: Path) -> None:
        self.path = lock_path_for(store_path)
        self._fd: int | None = None
        self._store_path = store_path

    def acquire(self) -> StoreLock:
        """Take the lock or raise StoreInUseError; a second desk changes nothing on disk."""
        try:
            # No O_TRUNC: the file of the desk that holds the lock is not touched.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreLockError(str(self._store_path), exc.strerror or str(exc)) from exc
        try:
            _lock(fd)
        except BlockingIOError as exc:
            os.close(fd)
            raise StoreInUseError(str(self._store_path.parent)) from exc
        except OSError as exc:
            os.close(fd)
            if _held_elsewhere(exc):
                raise StoreInUseError(str(self._store_path.parent)) from exc
            raise StoreLockError(str(self._store_path), exc.strerror or str(exc)) from exc
        self._fd = fd
        _write_owner(fd)
        return self

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Free the lock (closing the file frees it); the lock file itself stays."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _write_owner(fd: int) -> None:
    # The holder's process id, for a person looking at the folder; never read back by the lock.
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        log.debug("could not note the lock owner", exc_info=True)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _held_elsewhere(exc: OSError) -> bool:
        # msvcrt reports a lock held by another process as EACCES ("Permission denied")
        # or EDEADLOCK after its retries, never as BlockingIOError.
        return exc.errno in (errno.EACCES, errno.EDEADLOCK)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _held_elsewhere(exc: OSError) -> bool:
        return exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
