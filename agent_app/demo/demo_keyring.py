"""The demo's two keys on a computer that has no keyring (a bare Linux machine, a CI box).

A desk keeps its store and recordings keys only in the operating system's keyring, and refuses
to start without one. The demo holds a generated hospital, not patients: where no keyring
exists it keeps just those two keys in a file beside the demo's data (owner-only) rather than
refusing to start. Passwords never go there ("Remember me" says this computer has no keyring).
No other profile ever uses this.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordSetError

from agent_app.credentials import KEYRING_SERVICE
from agent_app.store.store_key import RECORDINGS_KEY_ENTRY, STORE_KEY_ENTRY

log = logging.getLogger(__name__)

DEMO_KEYS_FILE = "demo-keys.json"
_ENTRIES = frozenset({STORE_KEY_ENTRY, RECORDINGS_KEY_ENTRY})


class DemoKeyring(KeyringBackend):
    """Holds the demo store's and recordings' keys in one owner-only file; nothing else."""

    priority = 0  # never chosen by keyring itself

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return {k: v for k, v in loaded.items() if k in _ENTRIES and isinstance(v, str)}

    def get_password(self, service: str, username: str) -> str | None:
        if service != KEYRING_SERVICE or username not in _ENTRIES:
            return None
        return self._read().get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if service != KEYRING_SERVICE or username not in _ENTRIES:
            raise PasswordSetError("the demo keeps no passwords without a system keyring")
        self._write({**self._read(), username: password})

    def delete_password(self, service: str, username: str) -> None:
        keys = self._read()
        if service == KEYRING_SERVICE and keys.pop(username, None) is not None:
            self._write(keys)

    def _write(self, keys: dict[str, str]) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(keys, handle)


def system_keyring_works() -> bool:
    """Whether the operating system offers a keyring at all."""
    try:
        keyring.get_password(KEYRING_SERVICE, STORE_KEY_ENTRY)
    except KeyringError:
        return False
    return True


def use_demo_keys_without_a_keyring(data_dir: Path) -> bool:
    """For the demo only: when the computer has no keyring, keep the demo's keys in a file in
    ``data_dir``; True when that is now the case."""
    if system_keyring_works():
        return False
    log.warning("no system keyring: the demo keeps its keys in %s", DEMO_KEYS_FILE)
    keyring.set_keyring(DemoKeyring(data_dir / DEMO_KEYS_FILE))
    return True
