"""Desk processes to kill -9 while they save and push, forked from one warm parent so that
hundreds of kills stay quick.

The parent (the "zygote", ``python -m tests.sync.save_push_then_die``) imports everything and
opens the follow-ups to work on once, then for each ``fork <seed>`` line on stdin forks a child
and prints its pid. A child opens its own engines and loops like a desk at work: wrap up 1-4
answered follow-ups through the desk's own save path (the call's attempt stored as it is
placed, then ``save_wrapup``: one local transaction with its outbox entries), then push, until
it is killed. After each save returned (what the agent is told as "saved") it appends
``note result-id microseconds`` to the acknowledged-save log and fsyncs it, so whoever kills
it knows every save the agent saw acknowledged and how long each took. A push the server
could not take (it crashed) is retried, as the desk's sync worker does. The child writes its
phase into a one-byte shared file so the killer knows where each kill landed.

``DeskZygote`` starts the parent and kills its children; the kill -9 test and
``bench/durability.py`` both drive it.
"""

from __future__ import annotations

import mmap
import os
import random
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import keyring

from agent_app.domain.enums import LineType
from agent_app.store.engine import create_server_engine, create_sqlite_engine
from agent_app.store.repositories.attempts import start_outbound
from agent_app.store.repositories.followups import FollowupWork, load_followup, save_wrapup
from agent_app.store.store_key import existing_store_key
from agent_app.sync.errors import SyncError
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import answered_wrapup, open_tasks

STARTING, SAVING, PUSHING, FAILED = b"0", b"S", b"P", b"F"
Work = tuple[FollowupWork, int]  # a follow-up as opened, and the agent who works on it
ROOT = Path(__file__).resolve().parents[2]


def run_child(
    store: Path, url: str, phase_file: Path, ack_log: Path, works: list[Work], seed: int
) -> None:
    with phase_file.open("r+b") as handle:
        phase = mmap.mmap(handle.fileno(), 1)
    try:
        rng = random.Random(seed)
        local = create_sqlite_engine(store, existing_store_key())  # the desk's encrypted store
        server = create_server_engine(url, connect_timeout=2)
        log = os.open(ack_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        saves = 0
        while True:
            phase[0:1] = SAVING
            for _ in range(rng.randint(1, 4)):
                work, staff = rng.choice(works)
                note = f"{seed}-{saves}"
                call = start_outbound(
                    local, staff_id=staff, number="+8613800000000", line=LineType.FAKE,
                    task_id=work.task_id, patient_id=work.card.id,
                )  # fmt: skip
                wrap = answered_wrapup(work.task_id, staff, note, call)
                started = time.perf_counter()
                saved = save_wrapup(local, work, wrap)
                took = time.perf_counter() - started
                os.write(log, f"{note} {saved.result_id} {round(took * 1e6)}\n".encode())
                os.fsync(log)
                saves += 1
            phase[0:1] = PUSHING
            try:
                push_pending(local, server, batch_size=rng.choice((2, 5, 20)))
            except SyncError:  # the server is down or restarting: the next round retries
                time.sleep(0.02)
    except BaseException:
        phase[0:1] = FAILED
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)


def main(store: Path, url: str, phase_file: Path, ack_log: Path) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed children are reaped by the kernel
    # The follow-ups to work on, opened once while they are open, as the follow-up screen
    # opens them (a wrap-up closes a task; later calls on it are still saved and pushed);
    # no connection crosses a fork.
    local = create_sqlite_engine(store, existing_store_key())
    tasks = [(task, staff) for task, staff in open_tasks(local) if staff != 1][:12]
    works = [(load_followup(local, task_id), staff) for task_id, staff in tasks]
    local.dispose()
    print("ready", flush=True)
    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            run_child(store, url, phase_file, ack_log, works, seed)
        print(pid, flush=True)


@dataclass(frozen=True)
class Acknowledged:
    """One line of the acknowledged-save log: a save the agent was told had succeeded."""

    note: str
    result_id: str
    seconds: float


def read_acknowledged(ack_log: Path) -> list[Acknowledged]:
    """Every complete line of the log (a kill may cut the last one short; that save was never
    acknowledged)."""
    if not ack_log.exists():
        return []
    found = []
    for line in ack_log.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].isdigit():
            found.append(Acknowledged(parts[0], parts[1], int(parts[2]) / 1e6))
    return found


class DeskZygote:
    """The warm parent of the desk processes, and the kill -9 of each."""

    def __init__(self, process: subprocess.Popen[str], phase_file: Path, ack_log: Path) -> None:
        self.process = process
        self.ack_log = ack_log
        with phase_file.open("r+b") as handle:
            self._phase = mmap.mmap(handle.fileno(), 1)

    @classmethod
    @contextmanager
    def started(cls, store: Path, server_url: str, folder: Path) -> Iterator[DeskZygote]:
        """The zygote over the desk store ``store``, pushing to ``server_url``; its phase file
        and acknowledged-save log go into ``folder``. Children read the desk's key from the
        same keyring backend as this process."""
        phase_file, ack_log = folder / "phase", folder / "acknowledged.log"
        phase_file.write_bytes(STARTING)
        backend = type(keyring.get_keyring())
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": f"{backend.__module__}.{backend.__name__}"}
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.save_push_then_die", str(store), server_url,
             str(phase_file), str(ack_log)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
            yield cls(process, phase_file, ack_log)
        finally:
            process.kill()
            process.wait(timeout=10)

    @property
    def phase(self) -> bytes:
        return self._phase[0:1]

    def fork(self, seed: int) -> int:
        """Start a desk process; returns once it has begun saving."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self._phase[0:1] = STARTING
        self.process.stdin.write(f"fork {seed}\n")
        self.process.stdin.flush()
        pid = int(self.process.stdout.readline())
        self.wait_for(lambda phase: phase != STARTING, "the desk never started saving")
        return pid

    def wait_for(self, landed: Callable[[bytes], bool], why: str, seconds: float = 10) -> None:
        """Wait until the desk's phase satisfies ``landed``; a desk that failed stops it."""
        deadline = time.monotonic() + seconds
        while not landed(self.phase):
            assert self.phase != FAILED, "the desk failed on its own (see its stderr)"
            assert time.monotonic() < deadline, why
            time.sleep(0.001)

    def kill_at_random(self, pid: int, rng: random.Random, max_delay: float) -> bytes:
        """kill -9 the desk at a random moment: every other time once it is pushing (a save
        takes longer than a push, so waiting blindly would rarely land in one)."""
        if rng.random() < 0.5:
            self.wait_for(lambda phase: phase == PUSHING, "the desk never pushed", 30)
            time.sleep(rng.uniform(0.0, 0.01))
        else:
            time.sleep(rng.uniform(0.0, max_delay))
        return self.kill(pid)

    def kill(self, pid: int) -> bytes:
        """kill -9 the desk process; the phase the kill landed in."""
        landed = self.phase
        assert landed != FAILED, "the desk failed on its own (see its stderr)"
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return landed
            assert time.monotonic() < deadline, f"desk {pid} survived kill -9"
            time.sleep(0.002)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
