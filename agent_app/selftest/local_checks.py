"""Checks of this computer alone: the keyring, free disk space, the libraries the desk loads."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from agent_app.config import Profile
from agent_app.credentials import KEYRING_SERVICE
from agent_app.demo.demo_keyring import DemoKeyring
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext

MB = 1024 * 1024
# Below this the next save, sync page or recording may fail: SQLite needs room for its
# journal and a recording takes a few MB per hour (DESIGN: 2.9 MB per hour of Opus).
RED_FREE_BYTES = 500 * MB
# Below this, or below twice the store (each backup is as large as the store, and the store
# grows), the shift can start but IT should free space soon.
AMBER_FREE_BYTES = 2048 * MB
PROBE_ENTRY = "self-test-probe"


def check_keyring(context: SelfTestContext) -> CheckResult:
    """Green when the OS keyring answers a read; the demo's own key file is amber (fine for a
    demo, not for a hospital desk); anything else is red: the store key lives there."""
    backend = keyring.get_keyring()
    if isinstance(backend, DemoKeyring):
        return CheckResult.of(CheckName.KEYRING, Status.AMBER, "keyring_demo_file")
    try:
        keyring.get_password(KEYRING_SERVICE, PROBE_ENTRY)
    except KeyringError as exc:
        if context.settings.profile is Profile.DEMO:
            return CheckResult.of(CheckName.KEYRING, Status.AMBER, "keyring_demo_file")
        detail = str(exc) or type(exc).__name__
        return CheckResult.of(CheckName.KEYRING, Status.RED, "keyring_missing", detail=detail)
    return CheckResult.of(CheckName.KEYRING, Status.GREEN, "keyring_ok")


def _existing(folder: Path) -> Path:
    """The folder, or its nearest existing parent (a first start has no data folder yet)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def check_disk(
    context: SelfTestContext,
    red_below: int = RED_FREE_BYTES,
    amber_below: int = AMBER_FREE_BYTES,
) -> CheckResult:
    """Free space where the store, recordings and backups live."""
    settings = context.settings
    folder = _existing(settings.data_dir)
    free = shutil.disk_usage(folder).free
    store_size = settings.store_path.stat().st_size if settings.store_path.exists() else 0
    advised = max(amber_below, 2 * store_size)
    if free < red_below:
        status, code = Status.RED, "disk_full"
    elif free < advised:
        status, code = Status.AMBER, "disk_low"
    else:
        status, code = Status.GREEN, "disk_ok"
    return CheckResult.of(
        CheckName.DISK,
        status,
        code,
        free_mb=free // MB,
        folder=settings.data_dir,
        advised_mb=advised // MB,
    )


def module_check(name: CheckName, module: str) -> Check:
    """A check that ``module`` imports: a bundle that left out a native library fails here
    rather than in the middle of a call. Both libraries ship with every install (SQLCipher
    encrypts the store; pjsua2 is the SIP line and the sound devices' driver), so a failure
    is red whatever the line."""

    def run(_context: SelfTestContext) -> CheckResult:
        try:
            importlib.import_module(module)
        except (ImportError, OSError) as exc:
            detail = str(exc) or type(exc).__name__
            return CheckResult.of(name, Status.RED, "module_missing", module=module, detail=detail)
        return CheckResult.of(name, Status.GREEN, "module_ok", module=module)

    return Check(name, run)


KEYRING = Check(CheckName.KEYRING, check_keyring)
DISK = Check(CheckName.DISK, check_disk)
SQLCIPHER = module_check(CheckName.SQLCIPHER, "sqlcipher3")
PJSUA2 = module_check(CheckName.PJSUA2, "pjsua2")
