"""One desk per store: a second desk on the same data folder says so and changes nothing."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_app.store.desk_store import open_desk_store
from agent_app.store.health_errors import HealthCode, StoreInUseError
from agent_app.store.instance_lock import StoreLock, lock_path_for
from tests.store.damage import files_in

LOG = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO) ")  # the desk's log
ROOT = Path(__file__).resolve().parents[2]
HOLD = (
    "import sys; from pathlib import Path; "
    "from agent_app.store.desk_store import open_desk_store; "
    "store = open_desk_store(Path(sys.argv[1])); print('ready', flush=True); sys.stdin.read()"
)


@pytest.fixture
def first_desk(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that opened ``data/demo.sqlite3`` as a desk does and keeps it open."""
    data = tmp_path / "data"
    data.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data / "demo.sqlite3")],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait(timeout=10)


def _second_desk(data: Path, language: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "AGENT_APP_NO_DIALOGS": "1",
        "AGENT_APP_DATA_DIR": str(data),
        "AGENT_APP_LANGUAGE": language,
    }
    return subprocess.run(
        [sys.executable, "-m", "agent_app", "--demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_second_desk_process_on_the_same_store_exits_with_one_sentence_changing_nothing(
    first_desk: subprocess.Popen[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    before = files_in(data)
    done = _second_desk(data, "en")
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip() and not LOG.match(line)]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("Another follow-up desk is already open on the data folder")
    assert str(data) in lines[0]
    assert files_in(data) == before


def test_the_second_desk_says_it_in_chinese_when_the_desk_speaks_chinese(
    first_desk: subprocess.Popen[str], tmp_path: Path
) -> None:
    done = _second_desk(tmp_path / "data", "zh_CN")
    assert done.returncode == 2
    assert "另一个随访工作台" in done.stderr, done.stderr


def test_the_lock_is_freed_when_the_first_desk_is_killed(
    first_desk: subprocess.Popen[str], tmp_path: Path
) -> None:
    path = tmp_path / "data" / "demo.sqlite3"
    with pytest.raises(StoreInUseError):
        open_desk_store(path)
    first_desk.send_signal(signal.SIGKILL)
    first_desk.wait(timeout=10)
    store = open_desk_store(path)  # kill -9 leaves no stale lock behind
    store.close()


def test_two_locks_on_one_store_in_one_process_also_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with StoreLock(path) as first:
        assert first.held
        with pytest.raises(StoreInUseError) as caught:
            StoreLock(path).acquire()
        assert caught.value.code is HealthCode.STORE_IN_USE
        assert lock_path_for(path).read_text().strip() == str(os.getpid())
    with StoreLock(path) as again:  # released on exit
        assert again.held
