"""In-memory keyring backends: tests never touch the machine's real keyring.

``SharedKeyring`` also writes its entries to a JSON file named by ``TEST_KEYRING_FILE``, so a
desk started as a child process (``PYTHON_KEYRING_BACKEND=tests.keyring_memory.SharedKeyring``)
finds the same keys as the test that started it. The desk's own keys (store and recordings)
are kept apart from ``secrets``, so a test can say exactly which passwords were remembered.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

from agent_app.store.store_key import RECORDINGS_KEY_ENTRY, STORE_KEY_ENTRY

FILE_VARIABLE = "TEST_KEYRING_FILE"
DESK_KEY_ENTRIES = frozenset({STORE_KEY_ENTRY, RECORDINGS_KEY_ENTRY})


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class SharedKeyring(MemoryKeyring):
    """A memory keyring mirrored to a file that child processes read and write too."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        # keyring makes one of every backend class to rank them, without arguments.
        named = os.environ.get(FILE_VARIABLE)
        self.path = path or (Path(named) if named else None)
        self.desk_keys: dict[tuple[str, str], str] = {}

    def _book(self, username: str) -> dict[tuple[str, str], str]:
        return self.desk_keys if username in DESK_KEY_ENTRIES else self.secrets

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            entries = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return
        self.secrets, self.desk_keys = {}, {}
        for service, user, secret in entries:
            self._book(user)[(service, user)] = secret

    def _save(self) -> None:
        if self.path is None:
            return
        both = {**self.secrets, **self.desk_keys}
        entries = [[service, user, secret] for (service, user), secret in both.items()]
        self.path.write_text(json.dumps(entries), "utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        self._load()
        return self._book(username).get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._load()
        self._book(username)[(service, username)] = password
        self._save()

    def delete_password(self, service: str, username: str) -> None:
        self._load()
        self._book(username).pop((service, username), None)
        self._save()
