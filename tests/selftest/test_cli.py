"""``python -m agent_app --self-test [--offline]``: one line per check, exit 1 on red."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _self_test(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # No keyring backend named: the child finds none, as on a bare machine.
    full = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    full.update({"QT_QPA_PLATFORM": "offscreen", "AGENT_APP_NO_DIALOGS": "1", **env})
    return subprocess.run(
        [sys.executable, "-m", "agent_app", "--self-test", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _lines(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """check name -> its line (``OK``/``WARN``/``FAIL`` first)."""
    found = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) > 1 and parts[0] in {"OK", "WARN", "FAIL"}:
            found[parts[1]] = line
    return found


def test_offline_self_test_on_the_demo_store_passes_offscreen(tmp_path: Path) -> None:
    done = _self_test("--demo", "--offline", env={"AGENT_APP_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = _lines(done)
    assert set(lines) == {
        "keyring",
        "store",
        "disk",
        "sqlcipher3",
        "pjsua2",
        "translations",
        "qt_platform",
        "qt_multimedia",
        "sign_in",
    }
    assert lines["sign_in"].startswith("OK") and lines["store"].startswith("OK")
    # No keyring here: the demo keeps its keys in a file, a warning, not a failure.
    assert lines["keyring"].startswith("WARN")
    assert "Traceback" not in done.stderr


def test_offline_self_test_of_a_hospital_desk_without_keyring_fails(tmp_path: Path) -> None:
    done = _self_test("--offline", env={"AGENT_APP_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 1
    lines = _lines(done)
    assert lines["keyring"].startswith("FAIL") and "keyring" in lines["keyring"]
    assert lines["store"].startswith("FAIL")
    assert lines["sign_in"].startswith("WARN")  # not tried: the store's own line is red
    assert lines["qt_platform"].startswith("OK")


def test_a_store_the_running_desk_holds_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    from agent_app.store.desk_store import open_desk_store

    data = tmp_path / "data"
    data.mkdir()
    running = open_desk_store(data / "demo.sqlite3")
    try:
        done = _self_test("--demo", "--offline", env={"AGENT_APP_DATA_DIR": str(data)})
    finally:
        running.close()
    assert done.returncode == 0, done.stdout
    lines = _lines(done)
    assert lines["store"].startswith("WARN") and "running" in lines["store"]
    assert lines["sign_in"].startswith("WARN")


def test_full_self_test_without_sound_hardware_fails_on_the_headset(tmp_path: Path) -> None:
    """This machine has no sound device: the full run is red there, --offline is not."""
    done = _self_test("--demo", env={"AGENT_APP_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 1
    lines = _lines(done)
    for name in ("headset", "microphone", "speaker"):
        assert lines[name].startswith("FAIL"), lines[name]
    assert lines["line"].startswith("OK") and lines["server"].startswith("OK")
    # Only verdict lines on stdout: pjlib's start-up chatter goes to stderr.
    assert all(line.split()[0] in {"OK", "WARN", "FAIL", "self-test:"} for line in
               done.stdout.splitlines())  # fmt: skip


def test_offline_without_self_test_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "agent_app", "--offline"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "--offline goes with --self-test" in done.stderr


def test_without_a_screen_the_qt_checks_run_offscreen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY",
           "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND"}}  # fmt: skip
    env["AGENT_APP_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "agent_app", "--demo", "--self-test", "--offline"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(offscreen)" in _lines(done)["qt_platform"]


def test_the_server_login_takes_the_password_remembered_in_the_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agent_app.credentials import remember_password
    from agent_app.selftest.cli import login_for

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert login_for("nurse1") is None  # nothing remembered, nobody to ask
    assert remember_password("nurse1", "pw-nurse1")
    assert login_for("nurse1") == ("nurse1", "pw-nurse1")
