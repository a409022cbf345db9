"""The store's coded failures (health, lock, location, backups) said in the desk's language."""

from __future__ import annotations

from agent_app.store.health_errors import CodedError, HealthCode
from agent_app.ui.qt import QCoreApplication


def store_error_text(error: BaseException) -> str:
    """One translated sentence for a coded store error; other errors keep their own text."""
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
