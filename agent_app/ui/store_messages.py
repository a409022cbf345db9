"""The store's coded failures (health, lock, location, backups) said in the desk's language."""

from __future__ import annotations

from agent_app.config import ConfigError
from agent_app.store.health_errors import CodedError, HealthCode
from agent_app.store.store_key import (
    KeyringUnavailableError,
    StoreUnreadableError,
    UnreadableReason,
)
from agent_app.ui.config_texts import config_error_text
from agent_app.ui.qt import QCoreApplication


def unreadable_reason(code: UnreadableReason) -> str:
    """Why this desk cannot read its encrypted store, as a clause."""
    if code is UnreadableReason.KEY_MISSING:
        return QCoreApplication.translate(
            "StoreOpening", "this computer's key for it is missing from the system keyring"
        )
    return QCoreApplication.translate(
        "StoreOpening",
        "this computer's key does not open it (it was encrypted on another computer or under "
        "a lost key, or it is damaged)",
    )


def store_error_text(error: BaseException) -> str:
    """One translated sentence for a store that cannot be opened, checked, locked or backed
    up; other errors keep their own text."""
    if isinstance(error, StoreUnreadableError):
        return QCoreApplication.translate(
            "StoreOpening",
            "The local data store {path} cannot be read: {reason}. It was left as it is; "
            "restore the keyring entry, or connect the desk to the central server to rebuild it.",
        ).format(path=error.path, reason=unreadable_reason(error.code))
    if isinstance(error, KeyringUnavailableError):
        return QCoreApplication.translate(
            "StoreOpening",
            "The local data store keeps its key in the system keyring, and this computer has "
            "none available ({detail}).",
        ).format(detail=error.detail)
    if isinstance(error, ConfigError):
        return config_error_text(error)
    if not isinstance(error, CodedError):
        return str(error) or type(error).__name__
    params = error.params
    texts = {
        HealthCode.STORE_DAMAGED: QCoreApplication.translate(
            "StoreMessages",
            "The data store {path} is damaged ({detail}). Nothing was changed in it. Restore one "
            "of its backups, or ask IT to rebuild the store from the server.",
        ),
        HealthCode.STORE_IN_USE: QCoreApplication.translate(
            "StoreMessages",
            "Another follow-up desk is already open on the data folder {folder}. Use that "
            "desk, or close it before starting this one.",
        ),
        HealthCode.STORE_LOCK_FAILED: QCoreApplication.translate(
            "StoreMessages", "The data store {path} cannot be reserved for this desk ({detail})."
        ),
        HealthCode.STORE_ON_NETWORK: QCoreApplication.translate(
            "StoreMessages",
            "The data folder {folder} is on a network share ({fstype}), where the data store "
            "can be damaged without warning. Ask IT to set data_dir to a folder on this "
            "computer's own disk.",
        ),
        HealthCode.BACKUP_DAMAGED: QCoreApplication.translate(
            "StoreMessages",
            "The backup {path} is damaged ({detail}); it was not restored and the data store "
            "was not changed.",
        ),
        HealthCode.BACKUP_FAILED: QCoreApplication.translate(
            "StoreMessages", "The automatic backup into {folder} failed ({detail})."
        ),
        HealthCode.RESTORE_FAILED: QCoreApplication.translate(
            "StoreMessages",
            "The backup {path} could not be restored ({detail}); the data store was not changed.",
        ),
    }
    return texts[error.code].format(**params)
