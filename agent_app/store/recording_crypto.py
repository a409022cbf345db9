"""Call recordings at rest: AES-256-GCM in 64 KiB chunks under the desk's recordings key.

A finished recording is encrypted in place (same name, so its ``recording.local_path`` does not
change): the plaintext is read and written a chunk at a time, so an hour-long call is never
held in memory whole. The row keeps the size and sha256 of the *plaintext*, as before, and the
central server receives the plaintext Opus (decrypted while uploading) and checks that sha256.

Layout: a 24-byte header (magic ``FDREC1``, two reserved bytes, a random 16-byte salt), then
chunks of at most ``CHUNK`` plaintext bytes, each followed by its 16-byte GCM tag. Each file
has its own key, HKDF-SHA256 of the desk key with the file's salt, and chunk ``i`` uses the
nonce ``i`` (11 bytes) plus one byte that is 1 only on the last chunk, with the header as
associated data (the STREAM construction): chunks cannot be reordered, dropped, moved to another
file, and a cut-off file does not decrypt. Chunk positions follow from plaintext offsets, so a
resumed upload starts decrypting at the chunk it needs.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agent_app.store.store_key import recordings_key

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"FDREC1\x00\x00"
SALT_BYTES = 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES
CHUNK = 64 * 1024
TAG_BYTES = 16
FILE_MODE = 0o600


class RecordingDecryptError(OSError):
    """A recording file does not decrypt under this desk's key (another key, or damage)."""


@dataclass(frozen=True)
class PlainDigest:
    """What the recording row keeps about the plaintext."""

    size_bytes: int
    sha256: str


def is_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` starts with the encrypted-recording header."""
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _cipher(key: bytes, salt: bytes) -> AESGCM:
    # cryptography takes some 75 ms to import: only when a recording is read or written,
    # not at the desk's start (which only checks headers).
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"follow-up recording v1")
    return AESGCM(hkdf.derive(key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _write_private(path: Path) -> io.BufferedWriter:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    return os.fdopen(fd, "wb")


def encrypt_in_place(path: Path, key: bytes | None = None) -> PlainDigest:
    """Replace the plaintext file at ``path`` by its encrypted form (atomically: a kill leaves
    the plaintext or the encrypted file, never half of one); returns the plaintext's digest."""
    key = key or recordings_key()
    salt = secrets.token_bytes(SALT_BYTES)
    header = MAGIC + salt
    aead = _cipher(key, salt)
    digest = hashlib.sha256()
    size = 0
    partial = path.with_name(path.name + ".encrypting")
    try:
        with open(path, "rb") as source, _write_private(partial) as target:
            target.write(header)
            chunk = source.read(CHUNK)
            index = 0
            while True:
                following = source.read(CHUNK) if len(chunk) == CHUNK else b""
                last = not following
                digest.update(chunk)
                size += len(chunk)
                target.write(aead.encrypt(_nonce(index, last), chunk, header))
                if last:
                    break
                chunk, index = following, index + 1
            target.flush()
            os.fsync(target.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return PlainDigest(size, digest.hexdigest())


def plain_size(path: Path) -> int:
    """The plaintext size of an encrypted recording (or the size of a plaintext one)."""
    total = path.stat().st_size
    if not is_encrypted(path):
        return total
    body = total - HEADER_BYTES
    chunks = max(1, -(-body // (CHUNK + TAG_BYTES)))
    return body - chunks * TAG_BYTES


class DecryptingReader(io.RawIOBase):
    """A seekable, read-only view of an encrypted recording's plaintext."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        header = self._file.read(HEADER_BYTES)
        if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
            self._file.close()
            raise RecordingDecryptError(f"{path.name} is not an encrypted recording.")
        self._header = header
        self._aead = _cipher(key or recordings_key(), header[len(MAGIC) :])
        self._size = plain_size(path)
        self._chunks = max(1, -(-self._size // CHUNK))
        self._position = 0
        self._cached: tuple[int, bytes] | None = None
        self.name = str(path)

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._file.seek(HEADER_BYTES + index * (CHUNK + TAG_BYTES))
        sealed = self._file.read(CHUNK + TAG_BYTES)
        from cryptography.exceptions import InvalidTag

        try:
            plain = self._aead.decrypt(
                _nonce(index, index == self._chunks - 1), sealed, self._header
            )
        except InvalidTag as exc:
            raise RecordingDecryptError(
                f"{Path(self.name).name} does not decrypt with this computer's recordings key."
            ) from exc
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._position >= self._size:
            return 0
        index, start = divmod(self._position, CHUNK)
        piece = self._chunk(index)[start : start + len(buffer)]
        buffer[: len(piece)] = piece
        self._position += len(piece)
        return len(piece)

    def close(self) -> None:
        self._file.close()
        super().close()


def open_recording(path: Path) -> io.BufferedReader:
    """The recording's plaintext as a seekable binary file, whether the file on disk is
    encrypted or (made before encryption, not yet converted) plain."""
    if is_encrypted(path):
        return io.BufferedReader(DecryptingReader(path), buffer_size=CHUNK)
    return open(path, "rb")


def plain_chunks(path: Path, size: int = CHUNK) -> Iterator[bytes]:
    """The recording's plaintext, ``size`` bytes at a time."""
    with open_recording(path) as fh:
        yield from iter(lambda: fh.read(size), b"")


def plain_digest(path: Path) -> PlainDigest:
    """Size and sha256 of the recording's plaintext (what the row and the server keep)."""
    digest = hashlib.sha256()
    size = 0
    for block in plain_chunks(path):
        digest.update(block)
        size += len(block)
    return PlainDigest(size, digest.hexdigest())


def decrypt_to(path: Path, target: Path) -> Path:
    """Write the recording's plaintext to ``target``, created 0600 (for the player)."""
    with _write_private(target) as out:
        for block in plain_chunks(path):
            out.write(block)
    return target
