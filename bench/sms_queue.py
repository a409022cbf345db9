"""Text messages through the modem, measured: a queue of N at the modem's pace, with kill -9.

    python -m bench.sms_queue --messages 10000 --kills 100 [--pace 2,4] [--long-every 4]

A GSM modem is played on a pty (tests/sms/fake_gsm_modem.py) that spends ``--pace`` seconds
on each part (a real network takes 2-4 s), and the desk's sender runs as its own process
(tests/sms/send_then_die.py) on an encrypted store holding N queued messages, every
``--long-every``-th one a long Chinese text sent in two parts. ``--kills`` times, spread over
the run, the sender is killed with SIGKILL while the modem holds a part it has not answered,
and started again. Printed:

- messages and parts per minute, against the floor the modem's pace allows in the same run
  (the time it spent on parts), as a ratio;
- unknown: messages a kill left undecided (one per kill; a person decides, never resent);
- duplicated: messages the phone got twice (must be 0); lost: messages the store calls sent
  that the phone never got (must be 0).

At the real pace, 10,000 messages take hours; ``--pace 0.01,0.02`` runs it in minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import keyring
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.schema import SmsMessage
from agent_app.store.schema.base import utcnow
from tests.keyring_memory import FILE_VARIABLE, SharedKeyring
from tests.screenpop.known_hospital import build_known_hospital
from tests.sms.fake_gsm_modem import FakeGsmModem
from tests.sms.send_then_die import SenderProcess

NUMBER = "+8613511112222"
SHORT = "您好，请您明天上午到心内科门诊复诊。"
LONG = "您好，这里是市第一人民医院随访中心。请您于十二月十日上午到心血管内科门诊复诊，" * 2


def queue_messages(engine: Engine, count: int, long_every: int) -> None:
    start = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "task_id": None,
            "number_e164": NUMBER,
            "body": f"{n} {LONG if long_every and n % long_every == 0 else SHORT}",
            "state": SmsState.QUEUED,
            "created_at": start + dt.timedelta(milliseconds=n),
            "sender_id": 1,  # queued on this desk, which sends them itself
        }
        for n in range(count)
    ]
    with Session(engine) as session, session.begin():
        session.execute(insert(SmsMessage), rows)


def settled(engine: Engine) -> int:
    """Messages no longer waiting (sent, delivered, unknown or failed)."""
    with engine.connect() as connection:
        waiting = connection.execute(
            select(func.count()).where(SmsMessage.state.in_((SmsState.QUEUED, SmsState.SENDING)))
        ).scalar_one()
        total = connection.execute(select(func.count()).select_from(SmsMessage)).scalar_one()
    return int(total - waiting)


def awaiting_report(engine: Engine) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            select(func.count()).where(SmsMessage.state == SmsState.SENT)
        ).scalar_one()
    return int(found)


def run(messages: int, kills: int, pace: tuple[float, float], long_every: int) -> None:
    kills = max(0, min(kills, messages - 1))
    folder = Path(tempfile.mkdtemp(prefix="sms-bench-"))
    shared = SharedKeyring(folder / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_memory.SharedKeyring"
    os.environ[FILE_VARIABLE] = str(shared.path)
    keyring.set_keyring(shared)
    store = folder / "store.sqlite3"
    engine = open_local_store(store)
    staff = build_known_hospital(engine).cardiology_nurse.id
    queue_messages(engine, messages, long_every)
    fake = FakeGsmModem(folder / "ttyGsm", pace=pace)
    sender = SenderProcess(store, fake.link, staff)
    targets = [messages * (i + 1) // (kills + 1) for i in range(kills)]
    began = time.monotonic()
    restarts = 0.0
    try:
        sender.start()
        for target in targets:
            while settled(engine) < target:
                time.sleep(0.05)
            sender.kill_while_sending(fake)
            t0 = time.monotonic()
            sender.start()
            restarts += time.monotonic() - t0
        while settled(engine) < messages:
            time.sleep(0.05)
        elapsed = time.monotonic() - began
        until = time.monotonic() + 10
        while awaiting_report(engine) and time.monotonic() < until:
            time.sleep(0.1)  # the last status reports
    finally:
        sender.kill()
        fake.stop()
    report(engine, fake, messages, kills, elapsed, restarts)
    engine.dispose()


def report(
    engine: Engine, fake: FakeGsmModem, messages: int, kills: int, elapsed: float, restarts: float
) -> None:
    with engine.connect() as connection:
        rows = connection.execute(select(SmsMessage.body, SmsMessage.state)).all()
    states = Counter(state for _, state in rows)
    received = Counter(text for _, text in fake.messages())
    duplicated = sum(1 for count in received.values() if count > 1)
    lost = sum(
        1
        for body, state in rows
        if state in (SmsState.SENT, SmsState.DELIVERED) and received[body] == 0
    )
    parts = len(fake.parts)
    minutes = elapsed / 60
    floor_minutes = fake.busy_seconds / 60  # the modem's own time on the parts it answered
    print(f"messages: {messages}  parts sent: {parts}  kills: {kills}  pace: {fake.pace} s/part")
    print(f"states: {dict((str(k), v) for k, v in states.items())}")
    print(f"elapsed: {elapsed:.1f} s (of which restarts after kills: {restarts:.1f} s)")
    print(f"throughput: {messages / minutes:.1f} messages/min, {parts / minutes:.1f} parts/min")
    working = (elapsed - restarts) / 60
    print(
        f"without the restarts: {messages / working:.1f} messages/min, "
        f"{parts / working:.1f} parts/min"
    )
    if floor_minutes > 0:
        floor_rate = parts / floor_minutes
        print(
            f"floor (modem pace alone): {floor_rate:.1f} parts/min; "
            f"ratio measured/floor: {(parts / minutes) / floor_rate:.2f} "
            f"(without the restarts: {(parts / working) / floor_rate:.2f})"
        )
    print(f"unknown (left to a person): {states[SmsState.UNKNOWN]}  (kills: {kills})")
    print(f"duplicated: {duplicated}  (must be 0)")
    print(f"lost: {lost}  (must be 0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--pace", default="2,4", help="seconds per part: low,high")
    parser.add_argument("--long-every", type=int, default=4, help="0: no long messages")
    args = parser.parse_args()
    low, _, high = args.pace.partition(",")
    run(args.messages, args.kills, (float(low), float(high or low)), args.long_every)


if __name__ == "__main__":
    main()
