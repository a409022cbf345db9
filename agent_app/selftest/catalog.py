"""The core's checks in the order the self-test runs them; ui/ puts its Qt checks between
the local and the connected ones (see ``agent_app.ui.selftest_qt``)."""

from __future__ import annotations

from agent_app.config import Settings
from agent_app.selftest.line_checks import line_checks
from agent_app.selftest.local_checks import DISK, KEYRING, PJSUA2, SQLCIPHER
from agent_app.selftest.runner import Check
from agent_app.selftest.server_checks import SERVER_CHECKS
from agent_app.selftest.sound_checks import sound_checks
from agent_app.selftest.store_check import STORE

# This computer alone: what packaging's offline smoke test runs.
LOCAL_CHECKS: tuple[Check, ...] = (KEYRING, STORE, DISK, SQLCIPHER, PJSUA2)


def connected_checks(settings: Settings) -> tuple[Check, ...]:
    """The headset, the line (and echo call, when set up) and the central server."""
    return (*sound_checks(), *line_checks(settings), *SERVER_CHECKS)
