"""The demo starts on a computer without a keyring; a real desk never keeps keys in a file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from keyring.errors import PasswordSetError

from agent_app.credentials import KEYRING_SERVICE
from agent_app.demo.demo_keyring import DEMO_KEYS_FILE, use_demo_keys_without_a_keyring
from agent_app.store.store_key import store_key

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_keyring_the_demo_keeps_only_its_two_keys_in_an_owner_only_file(
    tmp_path: Path,
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        assert use_demo_keys_without_a_keyring(tmp_path)
        key = store_key()
        assert store_key() == key  # kept, so the demo store opens again after a restart
        keys = tmp_path / DEMO_KEYS_FILE
        assert stat.S_IMODE(keys.stat().st_mode) == 0o600
        assert key.hex() in keys.read_text("utf-8")
        with pytest.raises(PasswordSetError):
            keyring.set_password(KEYRING_SERVICE, "nurse1", "demo")  # never a password
        assert keyring.get_password(KEYRING_SERVICE, "nurse1") is None
    finally:
        keyring.set_keyring(before)


def test_with_a_keyring_nothing_is_written_beside_the_data(tmp_path: Path) -> None:
    assert not use_demo_keys_without_a_keyring(tmp_path)
    assert not (tmp_path / DEMO_KEYS_FILE).exists()


def test_a_real_desk_without_a_keyring_refuses_to_start_in_one_sentence(tmp_path: Path) -> None:
    env = {**os.environ, "AGENT_APP_NO_DIALOGS": "1", "AGENT_APP_DATA_DIR": str(tmp_path),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "agent_app"], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "keyring" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / DEMO_KEYS_FILE).exists()
