"""Keep recordings encrypted on disk: convert the plaintext ones an older version left, and
give the player a private plaintext copy only while it plays.

The desk's recordings and its cache of recordings fetched from the server are swept at start:
every file there that is not yet encrypted is encrypted in place (same name, so no row
changes; each file is swapped atomically, so a kill leaves it plain or encrypted, whole).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from agent_app.store.recording_crypto import decrypt_to, encrypt_in_place, is_encrypted

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # files done, files in all
_PARTIAL_SUFFIXES = (".encrypting", ".part")
_play_folder: Path | None = None


def plaintext_recordings(folders: Iterable[Path]) -> list[Path]:
    """Recording files under ``folders`` that are still plaintext, oldest path first.

    Half-written leftovers of a killed encryption or download are removed on the way."""
    found: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            if path.name.endswith(_PARTIAL_SUFFIXES):
                path.unlink(missing_ok=True)
            elif not is_encrypted(path):
                found.append(path)
    return found


def encrypt_recordings(files: list[Path], progress: Progress | None = None) -> int:
    """Encrypt each file in place; returns how many were encrypted."""
    for done, path in enumerate(files, start=1):
        encrypt_in_place(path)
        if progress is not None:
            progress(done, len(files))
    if files:
        log.info("encrypted %d recordings left in plaintext by an older version", len(files))
    return len(files)


def _private_folder() -> Path:
    global _play_folder
    if _play_folder is None:
        _play_folder = Path(tempfile.mkdtemp(prefix="agent-app-play-"))  # 0700
        atexit.register(shutil.rmtree, _play_folder, ignore_errors=True)
    return _play_folder


def play_copy(path: Path, suffix: str) -> Path:
    """A plaintext copy of the recording for the media player: 0600, in a 0700 folder of its
    own that is removed at exit. A plaintext file (not yet swept) is played where it is."""
    if not is_encrypted(path):
        return path
    handle, name = tempfile.mkstemp(suffix=f".{suffix}", dir=_private_folder())  # 0600
    os.close(handle)
    try:
        return decrypt_to(path, Path(name))
    except BaseException:
        Path(name).unlink(missing_ok=True)  # no half-written plaintext left behind
        raise


def discard_play_copy(path: Path) -> None:
    """Remove a copy made by ``play_copy`` (the recording itself is never touched)."""
    if _play_folder is None or path.parent != _play_folder:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # Windows: still open for the waveform; removed at exit instead
        log.debug("play copy kept until exit: %s", exc.strerror)
