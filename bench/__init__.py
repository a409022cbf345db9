"""Benchmarks that print figures and ratios against a floor measured in the same run.

The local store keeps its key in the OS keyring. A headless machine has none, so there the
benchmarks keep the desk's keys in a 0600 file beside their cached stores (generated data
only), so that a store encrypted by one run opens in the next. The figures are the same: the
key is read once per open.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail


class _BenchKeyring(KeyringBackend):
    priority = 0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "agent-app-bench"
        self._path = cache / "bench-keyring.json"

    def _entries(self) -> dict[str, str]:
        try:
            entries: dict[str, str] = json.loads(self._path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return entries

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(entries, fh)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        entries.pop(f"{service}\n{username}", None)
        self._path.write_text(json.dumps(entries), "utf-8")


if isinstance(keyring.get_keyring(), fail.Keyring):
    keyring.set_keyring(_BenchKeyring())
