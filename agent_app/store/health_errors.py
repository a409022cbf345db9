"""Typed failures of the store's health, locking, location and backups.

Each carries a ``code`` and its ``params`` so that ui/ can say it in the agent's language; the
English text (``str(error)``) is for logs and command-line tools only.
"""

from __future__ import annotations

import enum

from agent_app.store.errors import StoreCorruptError, StoreError, StoreUnavailableError


class HealthCode(enum.StrEnum):
    STORE_DAMAGED = "store_damaged"
    STORE_IN_USE = "store_in_use"
    STORE_LOCK_FAILED = "store_lock_failed"
    STORE_ON_NETWORK = "store_on_network"
    BACKUP_DAMAGED = "backup_damaged"
    BACKUP_FAILED = "backup_failed"
    RESTORE_FAILED = "restore_failed"


_ENGLISH = {
    HealthCode.STORE_DAMAGED: "The data store {path} is damaged ({detail}); it was left as it "
    "is. Restore one of its backups, or ask IT to rebuild it from the server.",
    HealthCode.STORE_IN_USE: "Another follow-up desk is already using the data folder {folder}; "
    "close it first.",
    HealthCode.STORE_LOCK_FAILED: "The data store {path} cannot be locked for this desk "
    "({detail}).",
    HealthCode.STORE_ON_NETWORK: "The data folder {folder} is on a network share ({fstype}); "
    "the data store must be on this computer's own disk. Set data_dir to a local folder.",
    HealthCode.BACKUP_DAMAGED: "The backup {path} is damaged ({detail}); it was not restored.",
    HealthCode.BACKUP_FAILED: "The backup into {folder} failed ({detail}).",
    HealthCode.RESTORE_FAILED: "The backup {path} could not be restored ({detail}); the data "
    "store was left as it was.",
}


class CodedError:
    """Mixin of every error here: a code, its string parameters, and the English sentence."""

    code: HealthCode
    params: dict[str, str]

    def _init_coded(self, code: HealthCode, params: dict[str, str]) -> str:
        self.code = code
        self.params = dict(params)
        return _ENGLISH[code].format(**params)


class StoreDamagedError(StoreCorruptError, CodedError):
    """``PRAGMA quick_check`` found damage; the file was not changed."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.STORE_DAMAGED, {"path": path, "detail": detail})
        )


class StoreInUseError(StoreUnavailableError, CodedError):
    """Another desk holds the store's lock."""

    def __init__(self, folder: str) -> None:
        super().__init__(self._init_coded(HealthCode.STORE_IN_USE, {"folder": folder}))


class StoreLockError(StoreUnavailableError, CodedError):
    """The lock file could not be created or locked for another reason than a second desk."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.STORE_LOCK_FAILED, {"path": path, "detail": detail})
        )


class NetworkStoreError(StoreUnavailableError, CodedError):
    """The data folder is on a network filesystem, where SQLite's WAL and locks are unsafe."""

    def __init__(self, folder: str, fstype: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.STORE_ON_NETWORK, {"folder": folder, "fstype": fstype})
        )


class BackupDamagedError(StoreError, CodedError):
    """A backup failed ``quick_check`` (or is not a store); nothing was restored."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.BACKUP_DAMAGED, {"path": path, "detail": detail})
        )


class BackupFailedError(StoreError, CodedError):
    """Writing a backup failed; no partial file is left behind."""

    def __init__(self, folder: str, detail: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.BACKUP_FAILED, {"folder": folder, "detail": detail})
        )


class RestoreFailedError(StoreError, CodedError):
    """Restoring failed before the store was replaced; the store is as it was."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            self._init_coded(HealthCode.RESTORE_FAILED, {"path": path, "detail": detail})
        )
