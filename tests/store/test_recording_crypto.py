"""Call recordings at rest: AES-GCM in chunks under the desk's recordings key, no RIFF or OggS
left on disk, the same bytes read back from any offset, tampering and other keys refused, and
plaintext recordings from an older version encrypted at start."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from agent_app.dialer.transcode import transcode_to_opus
from agent_app.dialer.wav import WavWriter
from agent_app.store.recording_crypto import (
    CHUNK,
    PlainDigest,
    RecordingDecryptError,
    encrypt_in_place,
    is_encrypted,
    open_recording,
    plain_chunks,
    plain_digest,
    plain_size,
)
from agent_app.store.recordings_at_rest import (
    discard_play_copy,
    encrypt_recordings,
    plaintext_recordings,
    play_copy,
)

SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5]


def _wav_bytes(size: int) -> bytes:
    body = os.urandom(max(0, size - 12))
    return (b"RIFF\x00\x00\x00\x00WAVE" + body)[:size]


@pytest.mark.parametrize("size", SIZES)
def test_an_encrypted_recording_has_no_header_and_reads_back_the_same_bytes(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "call.wav"
    original = _wav_bytes(size)
    path.write_bytes(original)
    path.chmod(0o644)
    digest = encrypt_in_place(path)
    on_disk = path.read_bytes()
    assert is_encrypted(path)
    assert b"RIFF" not in on_disk and b"WAVE" not in on_disk
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"".join(plain_chunks(path)) == original
    assert plain_size(path) == size
    assert digest == plain_digest(path) == PlainDigest(size, hashlib.sha256(original).hexdigest())
    assert [p.name for p in tmp_path.iterdir()] == ["call.wav"]  # no partial left


def test_a_resumed_upload_reads_the_plaintext_from_any_offset(tmp_path: Path) -> None:
    path = tmp_path / "call.opus"
    original = os.urandom(3 * CHUNK + 777)
    path.write_bytes(original)
    encrypt_in_place(path)
    with open_recording(path) as fh:
        for offset in (0, 5, CHUNK - 3, CHUNK, 2 * CHUNK + 9, len(original) - 1, len(original)):
            fh.seek(offset)
            assert fh.read(4096) == original[offset : offset + 4096]


def test_a_finished_call_is_stored_as_encrypted_opus_that_decodes(tmp_path: Path) -> None:
    writer = WavWriter(tmp_path / "call.wav")
    t = np.arange(3 * 8000) / 8000
    writer.write((np.sin(2 * np.pi * 300 * t) * 12000).astype(np.int16).tobytes())
    done = transcode_to_opus(writer.close())
    on_disk = done.path.read_bytes()
    assert b"OggS" not in on_disk and b"OpusHead" not in on_disk
    assert not (tmp_path / "call.wav").exists()
    with open_recording(done.path) as plain:
        assert plain.read(4) == b"OggS"
        plain.seek(0)
        audio, rate = sf.read(plain, dtype="float32")
    assert rate == 8000 and abs(len(audio) / rate - 3.0) < 0.05
    assert plain_digest(done.path) == PlainDigest(done.size_bytes, done.sha256)


def test_a_changed_or_cut_recording_is_refused(tmp_path: Path) -> None:
    original = os.urandom(2 * CHUNK + 100)
    changed, cut = tmp_path / "changed.opus", tmp_path / "cut.opus"
    for path in (changed, cut):
        path.write_bytes(original)
        encrypt_in_place(path)
    with open(changed, "r+b") as fh:
        fh.seek(CHUNK + 200)
        fh.write(b"\x00\x01")
    with pytest.raises(RecordingDecryptError):
        plain_digest(changed)
    data = cut.read_bytes()
    cut.write_bytes(data[: len(data) - 116])  # the last chunk dropped whole
    with pytest.raises(RecordingDecryptError):
        plain_digest(cut)


def test_another_desks_key_cannot_read_a_recording(tmp_path: Path) -> None:
    path = tmp_path / "call.opus"
    path.write_bytes(b"OggS" + os.urandom(500))
    encrypt_in_place(path, key=os.urandom(32))
    with pytest.raises(RecordingDecryptError, match="recordings key"):
        plain_digest(path)


def test_plaintext_recordings_left_by_an_older_version_are_encrypted(tmp_path: Path) -> None:
    folder = tmp_path / "recordings" / "2026-11-20"
    folder.mkdir(parents=True)
    originals = {folder / f"call{n}.opus": b"OggS" + os.urandom(1000 + n) for n in range(3)}
    for path, data in originals.items():
        path.write_bytes(data)
    already = folder / "done.opus"
    already.write_bytes(b"OggS" + os.urandom(50))
    encrypt_in_place(already)
    before = already.read_bytes()
    (folder / "call9.opus.encrypting").write_bytes(b"half")  # a killed earlier attempt
    seen: list[tuple[int, int]] = []

    files = plaintext_recordings([tmp_path / "recordings", tmp_path / "no-cache-yet"])
    assert sorted(files) == sorted(originals)
    assert encrypt_recordings(files, lambda done, total: seen.append((done, total))) == 3

    assert plaintext_recordings([tmp_path / "recordings"]) == []
    assert seen[-1] == (3, 3)
    assert already.read_bytes() == before
    assert not (folder / "call9.opus.encrypting").exists()
    for path, data in originals.items():
        assert b"OggS" not in path.read_bytes() and b"".join(plain_chunks(path)) == data


def test_the_player_gets_a_private_plaintext_copy_that_it_discards(tmp_path: Path) -> None:
    path = tmp_path / "call.opus"
    data = b"OggS" + os.urandom(3000)
    path.write_bytes(data)
    encrypt_in_place(path)
    copy = play_copy(path, "opus")
    assert copy.suffix == ".opus" and copy.read_bytes() == data
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    discard_play_copy(copy)
    assert not copy.exists() and path.exists()
