"""Small files sealed whole with AES-256-GCM under a key derived from the desk's store key.

For what the desk keeps beside its store that holds patient data and is small enough to
read at once: the drafts of unfinished follow-ups (typed answers and notes). Each purpose gets
its own key (HKDF-SHA256 of the store key with the purpose as ``info``), so the SQLCipher key is
never used directly for anything else; each file gets a fresh random 96-bit nonce.
"""

from __future__ import annotations

import secrets

from agent_app.store.store_key import store_key

MAGIC = b"FDSEAL1\x00"
NONCE_BYTES = 12


class SealedFileError(ValueError):
    """Sealed bytes that do not open under this desk's key (another key, or damage)."""


class Sealer:
    """Seals and opens files for one purpose; reads the keyring once, when made."""

    def __init__(self, purpose: str, key: bytes | None = None) -> None:
        # Imported here: cryptography costs some 75 ms, and the desk's start needs none of it.
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        self._purpose = purpose.encode("utf-8")
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=None,
            info=b"follow-up desk sealed file: " + self._purpose,
        )
        self._aead = AESGCM(hkdf.derive(key or store_key()))

    def seal(self, data: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, MAGIC + self._purpose)

    def open(self, blob: bytes) -> bytes:
        if not is_sealed(blob):
            raise SealedFileError("not a sealed file")
        nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(
                nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC + self._purpose
            )
        except InvalidTag as exc:
            raise SealedFileError("the file does not open with this computer's key") from exc


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)
