"""The core's checks in the order the self-test runs them; ui/ inserts its Qt checks after
the local ones (see ``agent_app.ui.selftest_qt``)."""

from __future__ import annotations

from agent_app.selftest.local_checks import DISK, KEYRING, PJSUA2, SQLCIPHER
from agent_app.selftest.runner import Check
from agent_app.selftest.store_check import STORE

# This computer alone: what packaging's offline smoke test runs.
LOCAL_CHECKS: tuple[Check, ...] = (KEYRING, STORE, DISK, SQLCIPHER, PJSUA2)
# The headset, the line and the central server.
CONNECTED_CHECKS: tuple[Check, ...] = ()
