"""Drafts at rest: the typed answers and notes of an unfinished follow-up are sealed under the
desk's key in a 0600 file; drafts an older version left in plaintext are read, then sealed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from agent_app.store.drafts import Draft, DraftError, DraftStore, seal_plaintext_drafts
from agent_app.store.sealed_files import Sealer, is_sealed

ANSWERS = {"format": 1, "template": "cardiology", "version": 1,
           "answers": {"chest_pain": {"value": "胸痛加重"}}}  # fmt: skip


def test_a_draft_on_disk_holds_no_typed_answer_and_is_owner_only(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", staff_id=7)
    saved = store.save(Draft(42, 7, ANSWERS, notes="家属说夜里喘不上气"))
    data = store.path(42).read_bytes()
    assert is_sealed(data)
    for plain in ("胸痛加重", "家属说夜里喘不上气", "chest_pain", '"answers"'):
        assert plain.encode("utf-8") not in data
    assert stat.S_IMODE(store.path(42).stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert store.load(42) == saved


def test_a_plaintext_draft_from_an_older_version_is_read_then_sealed(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    (folder / "7").mkdir(parents=True)
    old = {"format": 1, "task_id": 42, "staff_id": 7, "answers": ANSWERS, "notes": "旧草稿",
           "attempt_id": None, "extra": {}, "saved_at": "2026-11-20T08:00:00+00:00"}  # fmt: skip
    path = folder / "7" / "task-42.json"
    path.write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    store = DraftStore(folder, staff_id=7)
    before = store.load(42)
    assert before is not None and before.notes == "旧草稿"
    assert seal_plaintext_drafts(folder) == 1
    assert is_sealed(path.read_bytes()) and "旧草稿".encode() not in path.read_bytes()
    assert store.load(42) == before
    assert seal_plaintext_drafts(folder) == 0


def test_a_draft_sealed_under_another_key_is_kept_aside_and_reported(tmp_path: Path) -> None:
    elsewhere = DraftStore(tmp_path, staff_id=7, sealer=Sealer("drafts", key=os.urandom(32)))
    elsewhere.save(Draft(42, 7, ANSWERS))
    with pytest.raises(DraftError, match="damaged"):
        DraftStore(tmp_path, staff_id=7).load(42)
    assert elsewhere.path(42).with_suffix(".bad").exists()
