"""The account that signed in last on this computer, offered first at the next sign-in.

Only the user name is kept (in the per-user config folder, beside the language choice): it is
not a secret. Passwords are only ever in the OS keyring (agent_app.credentials)."""

from __future__ import annotations

import logging
from pathlib import Path

from agent_app.config import default_config_path

log = logging.getLogger(__name__)


def last_account_path() -> Path:
    return default_config_path().parent / "last_account"


def remembered_account() -> str:
    """The user name that signed in last, "" when none did (or it cannot be read)."""
    try:
        return last_account_path().read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def remember_account(username: str) -> None:
    """Keep ``username`` for the next sign-in; a read-only config folder only logs."""
    path = last_account_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(username + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("Could not remember the last account in %s: %s", path, exc)
