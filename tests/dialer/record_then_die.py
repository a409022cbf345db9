"""Child process for the kill -9 test: a simulated answered call being recorded, forever."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from agent_app.dialer.events import Answered
from agent_app.dialer.fake import FakeOutcome, FakePhone


def main(wav: Path, cache: Path) -> None:
    phone = FakePhone(
        ring_seconds=(0.1, 0.1), outcomes={"13812345678": FakeOutcome.ANSWER}, voice_cache=cache
    )
    answered: list[str] = []
    phone.add_listener(lambda e: answered.append(e.call_id) if isinstance(e, Answered) else None)
    call_id = phone.dial("13812345678")
    while not answered:
        phone.pump()
        time.sleep(0.01)
    phone.start_recording(call_id, wav)
    print("recording", flush=True)
    while True:  # until killed
        phone.pump()
        time.sleep(0.01)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
