"""The desk's secret keys: random 256-bit keys kept only in the OS keyring, never in a file.

One key encrypts the local store (SQLCipher, given as a raw key so no key derivation runs at
each open), another the call recordings (AES-GCM). Both belong to the desk (the OS account),
not to one file: every store this account opens uses the same store key. Losing the keyring
entry makes what it encrypted unreadable; the desk then says so (``StoreUnreadableError`` with
``UnreadableReason.KEY_MISSING``) and, with a central server, starts over from it.
"""

from __future__ import annotations

import enum
import secrets
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from agent_app.credentials import KEYRING_SERVICE
from agent_app.store.errors import StoreCorruptError, StoreError

STORE_KEY_ENTRY = "local-store-key"
RECORDINGS_KEY_ENTRY = "recordings-key"
KEY_BYTES = 32


class UnreadableReason(enum.StrEnum):
    """Why an existing store cannot be read; ui/ turns each into one translated sentence."""

    KEY_MISSING = "key_missing"  # the keyring has no key for this desk
    KEY_WRONG = "key_wrong"  # the keyring's key does not open it (another desk's, or damage)


class StoreUnreadableError(StoreCorruptError):
    """An encrypted store this desk has no working key for; the file is left as it is."""

    def __init__(self, reason: UnreadableReason, path: Path) -> None:
        self.code = reason
        self.path = path
        if reason is UnreadableReason.KEY_MISSING:
            why = "this computer's key for it is missing from the keyring"
        else:
            why = (
                "this computer's key does not open it (it was encrypted elsewhere or under "
                "a lost key, or it is not a follow-up desk data store)"
            )
        super().__init__(f"The data store {path} cannot be read: {why}; it was left as it is.")


class KeyringUnavailableError(StoreError):
    """The operating system offers no keyring to keep the desk's keys in."""

    code = "keyring_unavailable"

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"The data store needs the operating system's keyring to keep its key, and none "
            f"is available ({detail})."
        )


def _read(entry: str) -> bytes | None:
    try:
        stored = keyring.get_password(KEYRING_SERVICE, entry)
    except KeyringError as exc:
        raise KeyringUnavailableError(type(exc).__name__) from exc
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None  # not a key we wrote: as good as missing
    return key if len(key) == KEY_BYTES else None


def _create(entry: str) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    try:
        keyring.set_password(KEYRING_SERVICE, entry, key.hex())
    except KeyringError as exc:
        raise KeyringUnavailableError(type(exc).__name__) from exc
    return key


def existing_store_key() -> bytes | None:
    """The desk's store key, or None when the keyring holds none."""
    return _read(STORE_KEY_ENTRY)


def store_key() -> bytes:
    """The desk's store key, made and kept in the keyring on first use."""
    return _read(STORE_KEY_ENTRY) or _create(STORE_KEY_ENTRY)


def recordings_key() -> bytes:
    """The desk's recordings key, made and kept in the keyring on first use.

    Recordings made under a key that is later lost cannot be played back here; their copies
    already uploaded to the central server are unaffected (the server gets plain Opus)."""
    return _read(RECORDINGS_KEY_ENTRY) or _create(RECORDINGS_KEY_ENTRY)
