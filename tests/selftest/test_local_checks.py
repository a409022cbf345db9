"""The checks of this computer alone: keyring, disk space, libraries and the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from agent_app.config import Settings, load_settings
from agent_app.demo.demo_keyring import DemoKeyring
from agent_app.selftest.local_checks import MB, check_disk, check_keyring, module_check
from agent_app.selftest.result import CheckName, Status
from agent_app.selftest.runner import SelfTestContext, exit_code, run_one
from agent_app.selftest.store_check import check_store
from agent_app.store.desk_store import open_desk_store
from agent_app.store.health_errors import StoreDamagedError, StoreInUseError
from tests.store.damage import seeded_store, zero_pages_in_the_middle


def _site(tmp_path: Path) -> Settings:
    return load_settings({"AGENT_APP_DATA_DIR": str(tmp_path / "data")})


def test_keyring_that_answers_is_green(tmp_path: Path) -> None:
    assert check_keyring(SelfTestContext(_site(tmp_path))).status is Status.GREEN


def test_no_keyring_on_a_hospital_desk_is_red(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    result = check_keyring(SelfTestContext(_site(tmp_path)))
    assert (result.status, result.code) == (Status.RED, "keyring_missing")


def test_the_demos_key_file_is_amber(tmp_path: Path) -> None:
    keyring.set_keyring(DemoKeyring(tmp_path / "keys.json"))
    settings = load_settings({"AGENT_APP_DATA_DIR": str(tmp_path)}, demo=True)
    assert check_keyring(SelfTestContext(settings)).code == "keyring_demo_file"


def test_disk_is_red_below_the_floor_and_amber_below_the_advice(tmp_path: Path) -> None:
    context = SelfTestContext(_site(tmp_path))
    free = shutil.disk_usage(tmp_path).free
    assert check_disk(context, red_below=free + MB, amber_below=free + 2 * MB).code == "disk_full"
    amber = check_disk(context, red_below=MB, amber_below=free + MB)
    assert (amber.status, amber.code) == (Status.AMBER, "disk_low")
    assert check_disk(context, red_below=MB, amber_below=2 * MB).status is Status.GREEN


def test_disk_advice_grows_with_the_store(tmp_path: Path) -> None:
    """Each backup is as large as the store: twice the store is advised."""
    settings = _site(tmp_path)
    settings.data_dir.mkdir(parents=True)
    with settings.store_path.open("wb") as store:  # sparse: takes no space itself
        store.truncate(shutil.disk_usage(tmp_path).free // 2 + 10 * MB)
    result = check_disk(SelfTestContext(settings), red_below=MB, amber_below=2 * MB)
    assert result.status is Status.AMBER
    assert int(result.params["advised_mb"]) == 2 * settings.store_path.stat().st_size // MB


def test_a_library_that_does_not_load_is_red() -> None:
    check = module_check(CheckName.PJSUA2, "pjsua2_not_installed_here")
    result = run_one(check, SelfTestContext(Settings()))
    assert (result.status, result.code) == (Status.RED, "module_missing")
    assert exit_code([result]) == 1


def test_the_store_that_opens_is_green_and_kept_open_for_the_sign_in(tmp_path: Path) -> None:
    context = SelfTestContext(_site(tmp_path))
    try:
        assert check_store(context).status is Status.GREEN
        assert context.store is not None
    finally:
        context.close()
    assert context.store is None


def test_a_damaged_store_is_red_with_its_coded_error(tmp_path: Path) -> None:
    settings = _site(tmp_path)
    settings.data_dir.mkdir(parents=True)
    seeded_store(settings.store_path)
    zero_pages_in_the_middle(settings.store_path)
    result = check_store(SelfTestContext(settings))
    assert (result.status, result.code) == (Status.RED, "store_failed")
    assert isinstance(result.cause, StoreDamagedError)


def test_a_store_the_running_desk_holds_is_amber(tmp_path: Path) -> None:
    settings = _site(tmp_path)
    settings.data_dir.mkdir(parents=True)
    running = open_desk_store(settings.store_path)
    try:
        result = check_store(SelfTestContext(settings))
    finally:
        running.close()
    assert (result.status, result.code) == (Status.AMBER, "store_in_use")
    assert isinstance(result.cause, StoreInUseError)


def test_inside_the_desk_the_desks_own_store_is_checked_again(tmp_path: Path) -> None:
    settings = _site(tmp_path)
    settings.data_dir.mkdir(parents=True)
    seeded_store(settings.store_path)
    store = open_desk_store(settings.store_path)
    try:
        context = SelfTestContext(settings, local=store.engine)
        assert check_store(context).status is Status.GREEN
        zero_pages_in_the_middle(settings.store_path)
        store.engine.dispose()  # no page of the old file left in a connection's cache
        assert check_store(context).status is Status.RED
        context.close()
        assert store.lock.held  # the desk's store stays the desk's
    finally:
        store.close()


@pytest.mark.parametrize("status", list(Status))
def test_exit_code_is_one_only_on_red(status: Status) -> None:
    result = run_one(module_check(CheckName.SQLCIPHER, "sqlcipher3"), SelfTestContext(Settings()))
    coloured = type(result)(result.name, status, result.code, result.params)
    assert exit_code([result, coloured]) == (1 if status is Status.RED else 0)
