"""Child process for the SIP kill -9 test: an answered SIP call being recorded, forever.

Usage: python -m tests.dialer.sip_record_then_die WAV PEER_URI
Prints "recording" once the recorder has run for a second, then pumps until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from agent_app.dialer.events import Answered, Ended, PhoneEvent
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig


def main(wav: Path, peer_uri: str) -> None:
    # null_audio left to its default: with no sound card the line picks the null device.
    phone = SipPhone(SipLineConfig(user="agent", bound_address="127.0.0.1"))
    seen: list[PhoneEvent] = []
    phone.add_listener(seen.append)
    call_id = phone.dial(peer_uri)
    deadline = time.monotonic() + 10
    while not any(isinstance(e, Answered) for e in seen):
        if time.monotonic() > deadline or any(isinstance(e, Ended) for e in seen):
            sys.exit(f"the call was not answered: {seen}")
        phone.pump()
        time.sleep(0.005)
    phone.start_recording(call_id, wav)
    started = time.monotonic()
    announced = False
    while True:  # until killed
        phone.pump()
        if not announced and time.monotonic() - started > 1.0:
            sys.stdout.write("recording\n")
            sys.stdout.flush()
            announced = True
        time.sleep(0.005)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
