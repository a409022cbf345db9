"""Open the desk's encrypted store at start: encrypt an old plaintext store (and plaintext
call recordings and drafts) behind a progress bar, and say in one translated sentence what
happens to a store this desk cannot read.

A store is unreadable when the keyring lost the desk's key, or holds a different one. Its
data cannot be recovered without that key, so:

- with a central server (``[server]`` set) the unreadable store is moved aside, untouched,
  and a new empty one is started, which the first sync fills as on a new desk; changes the
  old store had not yet pushed stay in it, readable only if the key is found again;
- in the demo, the same, and the demo hospital is generated again;
- on a desk that works offline only, the desk stops and changes nothing: the store is the
  only copy of its data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine

from agent_app.config import Profile, Settings, ensure_data_dir
from agent_app.store.desk_store import DeskStore
from agent_app.store.desk_store import open_desk_store as open_store_checked
from agent_app.store.drafts import seal_plaintext_drafts
from agent_app.store.encryption import StoreFile, set_aside, store_file_kind
from agent_app.store.engine import open_local_store
from agent_app.store.recordings_at_rest import encrypt_recordings, plaintext_recordings
from agent_app.store.store_key import (
    StoreUnreadableError,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.fatal import show_fatal
from agent_app.ui.qt import QApplication, QCoreApplication, QObject, QProgressDialog, Qt, Signal
from agent_app.ui.store_messages import unreadable_reason

log = logging.getLogger(__name__)


class _Progress(QObject):
    sig_progress = Signal(int, int)  # done, total; emitted on the worker, shown on the GUI thread


def rebuilt_text(error: StoreUnreadableError, aside: str, demo: bool) -> str:
    """What the desk says after setting an unreadable store aside and starting a new one."""
    if demo:
        text = QCoreApplication.translate(
            "StoreOpening",
            "The demo data store could not be read ({reason}). It was moved to {aside} and "
            "the demo hospital is generated again.",
        )
    else:
        text = QCoreApplication.translate(
            "StoreOpening",
            "The local data store could not be read ({reason}). It was moved to {aside} and "
            "a new one was started, which the first sync fills from the central server; "
            "changes not yet sent from the old store stay in it, readable only with its key.",
        )
    return text.format(reason=unreadable_reason(error.code), aside=aside)


T = TypeVar("T")


def _behind_progress(label: str, work: Callable[[Callable[[int, int], None]], T]) -> T:
    """Run ``work(progress)`` on a worker thread behind a modal progress bar; its result, or
    its exception raised here. Without a QApplication (scripts) it simply runs."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return work(lambda _done, _total: None)
    progress = QProgressDialog(label, "", 0, 1000)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    outcome: dict[str, Any] = {}
    relay = _Progress()
    relay.sig_progress.connect(lambda done, total: progress.setValue(done * 1000 // total))

    def finished(key: str, value: object) -> None:
        outcome[key] = value
        progress.close()

    run_in_background(
        lambda: work(relay.sig_progress.emit),
        lambda result: finished("result", result),
        lambda error: finished("error", error),
    )
    progress.exec()
    while not outcome:
        app.processEvents()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result


def _open_with_progress(path: Path) -> Engine:
    if store_file_kind(path) is not StoreFile.PLAINTEXT:
        return open_local_store(path)
    log.info("encrypting the plaintext store %s", path.name)
    label = QCoreApplication.translate("StoreOpening", "Encrypting the local data store…")
    return _behind_progress(label, lambda progress: open_local_store(path, progress))


def _encrypt_old_files(settings: Settings) -> None:
    """Recordings and drafts an older version left in plaintext (a few milliseconds when
    there are none)."""
    seal_plaintext_drafts(settings.data_dir / "drafts")
    folders = (settings.recordings_dir, settings.data_dir / "recording-cache")
    files = plaintext_recordings(folders)
    if files:
        label = QCoreApplication.translate("StoreOpening", "Encrypting the call recordings…")
        _behind_progress(label, lambda progress: encrypt_recordings(files, progress))


def _opener(settings: Settings) -> Callable[[Path], Engine]:
    """Open the store at a path, encrypting an old plaintext one; an unreadable one is
    replaced where the data can come back (central server, demo), else raised."""

    def open_it(path: Path) -> Engine:
        try:
            return _open_with_progress(path)
        except StoreUnreadableError as error:
            demo = settings.profile is Profile.DEMO
            if not (demo or settings.server.configured):
                raise
            aside = set_aside(path)
            log.warning("unreadable store (%s) moved aside to %s", error.code.value, aside.name)
            show_fatal(rebuilt_text(error, str(aside), demo), exit_app=False)
            return open_local_store(path)

    return open_it


def open_desk_store(settings: Settings) -> DeskStore:
    """The desk's store: on this computer's own disk, this desk's alone (a lock), checked,
    encrypted and current (store/desk_store.py); StoreError for ``store_error_text``."""
    ensure_data_dir(settings)
    store = open_store_checked(settings.store_path, opener=_opener(settings))
    try:
        _encrypt_old_files(settings)
    except BaseException:
        store.close()
        raise
    return store
