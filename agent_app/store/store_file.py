"""Open the way to the desk's store file: create it, encrypt an old plaintext one, or find
its key, before SQLAlchemy connects."""

from __future__ import annotations

from pathlib import Path

from agent_app.store.encrypt_existing import encrypt_plaintext_store
from agent_app.store.encryption import (
    ENCRYPTING_SUFFIX,
    Progress,
    StoreFile,
    create_private_file,
    restrict_store_files,
    store_file_kind,
)
from agent_app.store.store_key import (
    StoreUnreadableError,
    UnreadableReason,
    existing_store_key,
    store_key,
)


def prepare_store_file(path: Path, progress: Progress | None = None) -> bytes:
    """Make sure the file at ``path`` is a store this desk can open; return its key.

    A missing store is created empty and private, under the desk's key (made on first use).
    A plaintext store from an older version is encrypted in place first (see
    ``encrypt_existing``), reporting to ``progress``. An encrypted store needs the key already
    in the keyring: without it ``StoreUnreadableError(KEY_MISSING)`` is raised and the file is
    left as it is.
    """
    leftover = path.with_name(path.name + ENCRYPTING_SUFFIX)
    leftover.unlink(missing_ok=True)  # a migration killed before its last step
    kind = store_file_kind(path)
    if kind is StoreFile.ENCRYPTED:
        key = existing_store_key()
        if key is None:
            raise StoreUnreadableError(UnreadableReason.KEY_MISSING, path)
    else:
        key = store_key()
        if kind is StoreFile.ABSENT:
            create_private_file(path)
        else:
            encrypt_plaintext_store(path, key, progress)
    restrict_store_files(path)
    return key
