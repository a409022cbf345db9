"""Child processes for the kill -9 test, forked from one warm parent so 100+ kills stay quick.

The parent imports everything once, then for each ``fork <seed>`` line on stdin forks a child
and prints its pid. A child opens its own engines and loops: save 1-4 call results locally
(each one transaction with its outbox entries), then push, until it is killed. It writes its
phase into a one-byte shared file so the test knows where each kill landed.
"""

from __future__ import annotations

import mmap
import os
import random
import signal
import sys
import traceback
from pathlib import Path

from agent_app.store.engine import create_server_engine, create_sqlite_engine
from agent_app.store.store_key import existing_store_key
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import open_tasks, save_call_result

STARTING, SAVING, PUSHING, FAILED = b"0", b"S", b"P", b"F"


def run_child(store: Path, url: str, phase_file: Path, seed: int) -> None:
    with phase_file.open("r+b") as handle:
        phase = mmap.mmap(handle.fileno(), 1)
    try:
        rng = random.Random(seed)
        local = create_sqlite_engine(store, existing_store_key())  # the desk's encrypted store
        server = create_server_engine(url)
        tasks = [(task, staff) for task, staff in open_tasks(local) if staff != 1][:12]
        while True:
            phase[0:1] = SAVING
            for _ in range(rng.randint(1, 4)):
                task_id, staff_id = rng.choice(tasks)
                save_call_result(local, task_id, staff_id, finish_task=False)
            phase[0:1] = PUSHING
            push_pending(local, server, batch_size=rng.choice((2, 5, 20)))
    except BaseException:
        phase[0:1] = FAILED
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)


def main(store: Path, url: str, phase_file: Path) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed children are reaped by the kernel
    print("ready", flush=True)
    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            run_child(store, url, phase_file, seed)
        print(pid, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
