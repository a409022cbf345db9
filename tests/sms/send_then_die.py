"""A desk's text sender as a child process, to be killed with -9 while it sends.

``python -m tests.sms.send_then_die STORE LINK STAFF_ID PER_MINUTE`` opens the desk's store and
the modem, marks what an earlier kill left ``sending`` as unknown, says ``ready`` and sends
until killed. ``SenderProcess`` starts it and kills it while the modem holds a part it has not
answered yet; the kill -9 test and ``bench/sms_queue.py`` both drive it.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.sms.fake_gsm_modem import FakeGsmModem

ROOT = Path(__file__).resolve().parents[2]


def never_quiet(moment: dt.datetime) -> bool:
    """Quiet hours are not what these runs measure: they may run at any hour."""
    return False


def main(store: Path, link: str, staff_id: int, per_minute: int) -> None:
    from agent_app.config import SmsSettings
    from agent_app.sms.gsm_modem import GsmModem
    from agent_app.sms.modem_gateway import ModemGateway
    from agent_app.sms.sender import SmsSender
    from agent_app.store.engine import open_local_store

    engine = open_local_store(store)
    modem = GsmModem(link, command_timeout=5.0, send_timeout=60.0)
    modem.open()
    settings = SmsSettings(per_minute=per_minute)
    sender = SmsSender(engine, ModemGateway(modem), settings, staff_id, quiet=never_quiet)
    sender.start()
    print("ready", flush=True)
    while True:  # until killed
        sender.run_once(0.02)


@dataclass
class SenderProcess:
    store: Path
    link: Path
    staff_id: int
    per_minute: int = 100_000
    process: subprocess.Popen[str] | None = field(default=None, init=False)

    def start(self, timeout: float = 60.0) -> None:
        args = [str(self.store), str(self.link), str(self.staff_id), str(self.per_minute)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.sms.send_then_die", *args],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline()
        if line.strip() != "ready" or time.monotonic() > deadline:
            raise RuntimeError(f"the sender did not start: {line!r}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def kill_while_sending(self, fake: FakeGsmModem, timeout: float = 30.0) -> None:
        """Kill -9 once the modem holds a part it has not answered (the network is busy)."""
        received = fake.pdus_received
        deadline = time.monotonic() + timeout
        while fake.pdus_received == received:
            if time.monotonic() > deadline:
                raise RuntimeError("the sender sent nothing")
            time.sleep(0.002)
        self.kill()
        while fake.pdus_answered < fake.pdus_received:
            time.sleep(0.01)  # the late answer lands in the port before the next start


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
