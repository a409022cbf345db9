"""The local store at rest: SQLCipher-encrypted under the desk's keyring key, owner-only files,
an old plaintext store encrypted on first open with nothing lost, and a lost or wrong key
reported plainly with the file left as it is."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from agent_app.credentials import KEYRING_SERVICE
from agent_app.demo.seed import seed_store
from agent_app.store.encryption import SQLITE_HEADER, connect_local_store
from agent_app.store.engine import create_sqlite_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.repositories.knowledge_search import search_articles
from agent_app.store.schema import Patient
from agent_app.store.store_key import STORE_KEY_ENTRY, StoreUnreadableError, UnreadableReason
from tests.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _plaintext_store(path: Path, patients: int = 60) -> None:
    """A store as the versions before encryption wrote it: plain SQLite, 0644."""
    engine = create_sqlite_engine(path)
    upgrade_to_head(engine)
    seed_store(engine, patients, seed=3, today=DEMO_TODAY, history=False)
    engine.dispose()
    path.chmod(0o644)


def _all_rows(connection: sqlite3.Connection | object) -> dict[str, list[str]]:
    names = [
        row[0]
        for row in connection.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {
        name: sorted(repr(r) for r in connection.execute(f'SELECT * FROM "{name}"'))  # type: ignore[attr-defined]
        for name in names
    }


def test_store_and_wal_hold_no_sqlite_header_nor_patient_name_and_are_owner_only(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    path = folder / "store.sqlite3"
    engine = open_local_store(path)
    seed_store(engine, 40, seed=5, today=DEMO_TODAY, history=False)
    with engine.connect() as connection:
        names = connection.execute(select(Patient.name)).scalars().all()
        wal = path.with_name(path.name + "-wal")
        shm = path.with_name(path.name + "-shm")
        assert wal.stat().st_size > 0  # the rows are (also) in the WAL while it is open
        for part in (path, wal):
            data = part.read_bytes()
            assert not data.startswith(SQLITE_HEADER)
            assert SQLITE_HEADER not in data
            for name in names:
                assert name.encode("utf-8") not in data, f"{name} readable in {part.name}"
        assert (_mode(path), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
    assert _mode(folder) == 0o700
    engine.dispose()


def test_a_wrong_key_is_refused_in_one_sentence_and_the_store_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    open_local_store(path).dispose()
    before = path.read_bytes()
    keyring.set_password(KEYRING_SERVICE, STORE_KEY_ENTRY, os.urandom(32).hex())
    with pytest.raises(StoreUnreadableError) as caught:
        open_local_store(path)
    assert caught.value.code is UnreadableReason.KEY_WRONG
    message = str(caught.value)
    assert message.startswith(f"The data store {path} cannot be read")
    assert "\n" not in message and message.count(". ") == 0
    assert path.read_bytes() == before


def test_a_lost_key_is_reported_and_no_new_key_is_made_for_the_old_store(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite3"
    open_local_store(path).dispose()
    before = path.read_bytes()
    keyring.delete_password(KEYRING_SERVICE, STORE_KEY_ENTRY)
    with pytest.raises(StoreUnreadableError) as caught:
        open_local_store(path)
    assert caught.value.code is UnreadableReason.KEY_MISSING
    assert "key for it is missing from the keyring" in str(caught.value)
    assert keyring.get_password(KEYRING_SERVICE, STORE_KEY_ENTRY) is None
    assert path.read_bytes() == before


def test_a_plaintext_store_is_encrypted_on_open_with_every_row_and_no_plaintext_left(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old" / "store.sqlite3"
    old.parent.mkdir()
    _plaintext_store(old)
    # Rows committed to the WAL but not yet checkpointed must come along too: copy the files
    # while a writer still holds them.
    path = tmp_path / "store.sqlite3"
    writer = sqlite3.connect(old)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "UPDATE patient SET name = name || '-wal' WHERE id = (SELECT min(id) FROM patient)"
    )
    writer.commit()
    for suffix in ("", "-wal"):
        path.with_name(path.name + suffix).write_bytes(
            old.with_name(old.name + suffix).read_bytes()
        )
    expected = _all_rows(writer)
    writer.close()
    assert path.read_bytes().startswith(SQLITE_HEADER)

    seen: list[tuple[int, int]] = []
    open_local_store(path, lambda done, total: seen.append((done, total))).dispose()

    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert _mode(path) == 0o600
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert all(not p.endswith((".encrypting", "-journal")) for p in leftovers)
    for part in tmp_path.glob("store.sqlite3*"):
        assert SQLITE_HEADER not in part.read_bytes()
    with connect_local_store(path) as db:
        assert _all_rows(db) == expected
    assert seen[-1] == (1000, 1000)
    # The knowledge base's search indexes (FTS5 virtual tables) came along and answer.
    engine = open_local_store(path)
    try:
        assert [hit.title for hit in search_articles(engine, "伤口护理")]
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_kill_during_encryption_leaves_one_whole_store(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    _plaintext_store(source, patients=800)
    with sqlite3.connect(source) as db:
        expected = _all_rows(db)
    rng = random.Random(15)
    script = (
        "import sys; from pathlib import Path;"
        "from agent_app.store.encrypt_existing import encrypt_plaintext_store;"
        "from agent_app.store.store_key import store_key;"
        "print('go', flush=True);"
        "encrypt_plaintext_store(Path(sys.argv[1]), store_key())"
    )
    outcomes = set()
    for round_ in range(5):
        path = tmp_path / f"round{round_}" / "store.sqlite3"
        path.parent.mkdir()
        path.write_bytes(source.read_bytes())
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(path)], cwd=ROOT, stdout=subprocess.PIPE
        )
        assert child.stdout is not None and child.stdout.readline().strip() == b"go"
        time.sleep(rng.uniform(0.0, 0.2))
        child.kill()
        child.wait()
        encrypted = not path.read_bytes().startswith(SQLITE_HEADER)
        outcomes.add(encrypted)
        if encrypted:
            with connect_local_store(path) as db:
                assert _all_rows(db) == expected
        else:
            with sqlite3.connect(path) as db:
                assert _all_rows(db) == expected
        open_local_store(path).dispose()  # the next start finishes the job
        with connect_local_store(path) as db:
            assert _all_rows(db) == expected
        assert not any(p.name.endswith(".encrypting") for p in path.parent.iterdir())
    assert outcomes  # the mix depends on the machine's speed
