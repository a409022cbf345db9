"""Text messages through the hospital's SMS platform over HTTP, measured against a local
platform (tests/sms/fake_sms_platform.py) that checks every signature.

    python -m bench.sms_http --messages 2000 [--drop-every 100] [--busy-every 50]

The desk's sender works through N queued messages on an encrypted store; every
``--drop-every``-th message the platform takes and then drops the line before answering (the
desk must mark it unknown and never send it again), every ``--busy-every``-th it answers 503
(the desk must try it again). Printed:

- messages per minute through the sender (store writes, audit, signing, HTTP), against the
  floor of the same signed requests sent by the adapter alone in the same run, as a ratio;
- unknown: messages left to a person (one per dropped line);
- duplicated: messages the platform was asked to take twice (a 503 is not a take; must be 0);
- lost: messages the store calls sent that the platform never took (must be 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import keyring
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from agent_app.config import SmsHttpSettings, SmsRoute, SmsSettings
from agent_app.credentials import KEYRING_SERVICE, sms_platform_key_entry
from agent_app.domain.enums import SmsState
from agent_app.sms.errors import SmsModemError
from agent_app.sms.gateway import Handed
from agent_app.sms.http_platform import HttpPlatform
from agent_app.sms.sender import SmsSender
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms import OutgoingSms
from agent_app.store.schema import SmsMessage
from agent_app.store.schema.base import utcnow
from tests.keyring_memory import FILE_VARIABLE, SharedKeyring
from tests.screenpop.known_hospital import build_known_hospital
from tests.sms.fake_sms_platform import FakeSmsPlatform
from tests.sms.send_then_die import never_quiet

NUMBER = "+8613511112222"
TEXT = "您好，这里是市第一人民医院随访中心。请您于十二月十日上午到心血管内科门诊复诊。" * 2
ACCOUNT = "bench"
KEY = "bench-signing-key-0123456789abcdef"


def run(messages: int, drop_every: int, busy_every: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sms-http-bench-"))
    shared = SharedKeyring(folder / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_memory.SharedKeyring"
    os.environ[FILE_VARIABLE] = str(shared.path)
    keyring.set_keyring(shared)
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), KEY)
    engine = open_local_store(folder / "store.sqlite3")
    staff = build_known_hospital(engine).cardiology_nurse.id
    platform = FakeSmsPlatform(KEY.encode())
    http = SmsHttpSettings(url=f"{platform.url}/send", account=ACCOUNT, timeout=5.0)
    settings = SmsSettings(
        route=SmsRoute.HTTP, http=http, per_minute=10**9, retry_seconds=0, max_attempts=10**6
    )
    try:
        floor = floor_seconds(http, messages)
        platform.requests.clear()
        platform.taken.clear()
        platform.takes.clear()
        start = utcnow()
        with Session(engine) as session, session.begin():
            session.execute(
                insert(SmsMessage),
                [
                    {"id": uuid.uuid4(), "number_e164": NUMBER, "body": f"{n} {TEXT}",
                     "state": SmsState.QUEUED, "created_at": start, "sender_id": 1}
                    for n in range(messages)
                ],
            )  # fmt: skip
        gateway = Troubled(http, platform, drop_every, busy_every)
        gateway.open()
        sender = SmsSender(engine, gateway, settings, staff, quiet=never_quiet)
        sender.start()
        began = time.monotonic()
        while True:
            try:
                if sender.send_due() == 0 and not waiting(engine):
                    break
            except SmsModemError:
                pass  # a busy answer ends the round; the worker would wait, the bench goes on
        elapsed = time.monotonic() - began
        with engine.connect() as connection:
            rows = connection.execute(select(SmsMessage.id, SmsMessage.state)).all()
    finally:
        platform.stop()
        engine.dispose()
    states = Counter(state for _, state in rows)
    duplicated = sum(1 for count in platform.takes.values() if count > 1)
    lost = sum(
        1 for sms_id, state in rows if state is SmsState.SENT and str(sms_id) not in platform.taken
    )
    rate, floor_rate = messages / (elapsed / 60), messages / (floor / 60)
    print(f"messages: {messages}  drop every: {drop_every}  busy every: {busy_every}")
    print(f"states: {dict((str(k), v) for k, v in states.items())}")
    print(f"elapsed: {elapsed:.1f} s  throughput: {rate:.0f} messages/min")
    print(f"floor (the adapter alone, no store): {floor_rate:.0f} messages/min; ratio: "
          f"{rate / floor_rate:.2f}")  # fmt: skip
    print(f"unknown (left to a person): {states[SmsState.UNKNOWN]}")
    print(f"duplicated: {duplicated}  (must be 0)")
    print(f"lost: {lost}  (must be 0)")


class Troubled(HttpPlatform):
    """The adapter, with the platform told to drop or refuse every so many messages."""

    def __init__(
        self, http: SmsHttpSettings, platform: FakeSmsPlatform, drop_every: int, busy_every: int
    ) -> None:
        super().__init__(http)
        self.platform, self.drop_every, self.busy_every = platform, drop_every, busy_every
        self.handed = 0

    def send(self, message: OutgoingSms) -> Handed:
        self.handed += 1
        self.platform.drop_next = bool(self.drop_every) and self.handed % self.drop_every == 0
        busy = self.busy_every and self.handed % self.busy_every == 0
        self.platform.status_next = 503 if busy and not self.platform.drop_next else None
        return super().send(message)


def waiting(engine: object) -> bool:
    with Session(engine) as session:  # type: ignore[call-overload]
        found = session.scalar(select(SmsMessage.id).where(SmsMessage.state == SmsState.QUEUED))
    return found is not None


def floor_seconds(http: SmsHttpSettings, messages: int) -> float:
    """The same number of signed requests through the adapter, without the store."""
    gateway = HttpPlatform(dataclasses.replace(http))
    gateway.open()
    began = time.monotonic()
    for n in range(messages):
        gateway.send(OutgoingSms(uuid.uuid4(), NUMBER, f"{n} {TEXT}", 0))
    return time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--drop-every", type=int, default=100, help="0: no dropped lines")
    parser.add_argument("--busy-every", type=int, default=50, help="0: no 503 answers")
    args = parser.parse_args()
    run(args.messages, args.drop_every, args.busy_every)


if __name__ == "__main__":
    main()
