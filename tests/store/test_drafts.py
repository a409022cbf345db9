"""Drafts: typed answers on disk survive a kill, a full disk and a damaged file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent_app.store.drafts import Draft, DraftError, DraftStore

ANSWERS = {
    "format": 1,
    "template": "cardiology",
    "version": 1,
    "answers": {"chest_pain": {"value": "no"}},
}


def test_a_draft_round_trips_with_notes_and_wrap_up_choices(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, staff_id=7)
    saved = store.save(Draft(42, 7, ANSWERS, "家属代答", "a-1", {"disposition": "reached"}))
    loaded = store.load(42)
    assert loaded == saved
    assert loaded is not None and loaded.saved_at is not None
    assert store.unfinished() == [saved]


def test_saving_again_replaces_the_draft_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, staff_id=7)
    store.save(Draft(42, 7, ANSWERS))
    store.save(Draft(42, 7, {**ANSWERS, "answers": {}}, notes="second"))
    loaded = store.load(42)
    assert loaded is not None and loaded.notes == "second"
    assert sorted(p.name for p in store.folder.iterdir()) == ["task-42.json"]


def test_a_full_disk_is_reported_in_plain_words_and_the_old_draft_survives(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path, staff_id=7)
    store.save(Draft(42, 7, ANSWERS, notes="before"))
    # The temporary file is /dev/full: every write fails with ENOSPC like a full disk.
    os.symlink("/dev/full", store.path(42).with_suffix(".tmp"))
    with pytest.raises(DraftError, match="disk is full"):
        store.save(Draft(42, 7, ANSWERS, notes="after"))
    loaded = store.load(42)
    assert loaded is not None and loaded.notes == "before"


def test_a_damaged_draft_is_kept_aside_and_reported(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, staff_id=7)
    store.save(Draft(42, 7, ANSWERS))
    store.save(Draft(43, 7, ANSWERS))
    store.path(42).write_text('{"format": 1, "task_id": 42, "answ', "utf-8")  # torn write
    with pytest.raises(DraftError, match="damaged"):
        store.load(42)
    assert store.path(42).with_suffix(".bad").exists()
    assert [d.task_id for d in store.unfinished()] == [43]


def test_drafts_of_other_agents_are_not_listed(tmp_path: Path) -> None:
    DraftStore(tmp_path, staff_id=7).save(Draft(42, 7, ANSWERS))
    assert DraftStore(tmp_path, staff_id=8).unfinished() == []


def test_discard_removes_the_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, staff_id=7)
    store.save(Draft(42, 7, ANSWERS))
    store.discard(42)
    assert store.load(42) is None
