"""Unfinished follow-ups on disk: every typed answer survives a crash, a kill or a power cut.

One small JSON file per task and agent, replaced atomically (write a temporary file, fsync,
rename, fsync the folder), so a draft on disk is always either the previous or the new version,
never half of one. The result itself goes to the store at wrap-up; the draft is removed after.
The JSON is sealed with AES-GCM under a key derived from the store's (``sealed_files``), and the
file is 0600: typed answers are patient data like the store's own rows.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent_app.store.sealed_files import Sealer, is_sealed

log = logging.getLogger(__name__)

FORMAT = 1
DRAFTS_PURPOSE = "drafts"


class DraftError(OSError):
    """A draft could not be written or read; the message says why in plain words."""


@dataclass(frozen=True)
class Draft:
    """What the agent has typed so far for one task."""

    task_id: int
    staff_id: int
    answers: dict[str, Any]  # AnswerSheet.to_json()
    notes: str = ""
    attempt_id: str | None = None  # the call in progress or last made
    extra: dict[str, Any] = field(default_factory=dict)  # wrap-up choices typed so far
    saved_at: dt.datetime | None = None


def _plain_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder cannot be written"
    return exc.strerror or str(exc)


class DraftStore:
    """Drafts of one agent under ``folder/<staff id>/task-<id>.json``."""

    def __init__(self, folder: Path, staff_id: int, sealer: Sealer | None = None) -> None:
        self.folder = folder / str(staff_id)
        self.staff_id = staff_id
        self._sealer = sealer or Sealer(DRAFTS_PURPOSE)

    def path(self, task_id: int) -> Path:
        return self.folder / f"task-{task_id}.json"

    def save(self, draft: Draft) -> Draft:
        """Replace the task's draft; raises DraftError (the previous draft stays intact)."""
        saved = Draft(
            draft.task_id,
            self.staff_id,
            draft.answers,
            draft.notes,
            draft.attempt_id,
            dict(draft.extra),
            dt.datetime.now(dt.UTC),
        )
        data = {
            "format": FORMAT,
            "task_id": saved.task_id,
            "staff_id": saved.staff_id,
            "answers": saved.answers,
            "notes": saved.notes,
            "attempt_id": saved.attempt_id,
            "extra": saved.extra,
            "saved_at": saved.saved_at.isoformat() if saved.saved_at else None,
        }
        target = self.path(draft.task_id)
        temporary = target.with_suffix(".tmp")
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            sealed = self._sealer.seal(json.dumps(data, ensure_ascii=False).encode("utf-8"))
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
                handle.write(sealed)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
            self._sync_folder()
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise DraftError(
                exc.errno or 0,
                f"Your answers could not be saved to disk ({_plain_reason(exc)}); "
                "they are still on screen — free some space or call IT before closing the desk.",
            ) from exc
        return saved

    def _sync_folder(self) -> None:
        if os.name != "posix":
            return
        descriptor = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def load(self, task_id: int) -> Draft | None:
        """The task's draft, or None. A damaged file is kept aside (``.bad``) and reported."""
        target = self.path(task_id)
        try:
            blob = target.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DraftError(
                exc.errno or 0, f"The saved answers cannot be read: {_plain_reason(exc)}."
            ) from exc
        try:
            # A draft from before sealing is read as it is (and sealed by the next save).
            text = self._sealer.open(blob) if is_sealed(blob) else blob
            return _from_json(json.loads(text.decode("utf-8")))
        except (ValueError, KeyError, TypeError) as exc:  # SealedFileError is a ValueError
            aside = target.with_suffix(".bad")
            os.replace(target, aside)
            log.warning("damaged draft for task %s moved to %s: %s", task_id, aside, exc)
            raise DraftError(
                0, f"The saved answers of this follow-up were damaged and were kept in {aside}."
            ) from exc

    def unfinished(self) -> list[Draft]:
        """Every readable draft of this agent, newest first (damaged ones are skipped)."""
        drafts = []
        for path in self.folder.glob("task-*.json"):
            try:
                draft = self.load(int(path.stem.removeprefix("task-")))
            except (DraftError, ValueError) as exc:
                log.warning("skipping draft %s: %s", path.name, exc)
                continue
            if draft is not None:
                drafts.append(draft)
        epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
        return sorted(drafts, key=lambda d: d.saved_at or epoch, reverse=True)

    def discard(self, task_id: int) -> None:
        """Forget the task's draft (after its result is safely in the store)."""
        self.path(task_id).unlink(missing_ok=True)


def _from_json(data: dict[str, Any]) -> Draft:
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown draft format {data.get('format')!r}")
    saved = data.get("saved_at")
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise TypeError("answers must be an object")
    return Draft(
        task_id=int(data["task_id"]),
        staff_id=int(data["staff_id"]),
        answers=answers,
        notes=str(data.get("notes", "")),
        attempt_id=data.get("attempt_id"),
        extra=dict(data.get("extra") or {}),
        saved_at=dt.datetime.fromisoformat(saved) if saved else None,
    )


def seal_plaintext_drafts(folder: Path) -> int:
    """Seal, in place and atomically, the drafts an older version left in plaintext under
    ``folder`` (every agent's); returns how many."""
    sealer: Sealer | None = None
    count = 0
    for path in sorted(folder.glob("*/task-*.json")):
        blob = path.read_bytes()
        if is_sealed(blob):
            continue
        sealer = sealer or Sealer(DRAFTS_PURPOSE)
        temporary = path.with_suffix(".tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
            handle.write(sealer.seal(blob))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        count += 1
    return count
