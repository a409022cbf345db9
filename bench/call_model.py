"""The call model under load: scripted call sequences through it into the real store.

    python -m bench.call_model [--sequences 10000] [--seed 5]

Each sequence (tests/calls/sequences.py: outbound, inbound, inbound during outbound, two
inbound with either call-waiting setting, hang-up while ringing, line lost mid-call, desk killed
mid-call) runs on the simulated line with a hand-turned clock, through one ``CallModel`` and the
desk's one writer thread, into an encrypted local store with the known hospital's patients.

Printed: phone events per second (handed to the model, and until every write landed), store
writes per second, and the per-write cost against the floor measured in the same run on the
same store: the bare repository writes of an attempt (start, answered, finished) from this
thread. Afterwards the attempts left open must be 0 and every attempt must hold the code of how
its call ended; the exit status is 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine

from agent_app.calls.writer import StoreWriter
from agent_app.domain.enums import CallWaiting, LineType
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import finish_attempt, mark_answered, start_outbound
from tests.calls.desk_script import ScriptedDesk, attempt_rows, open_attempts
from tests.calls.sequences import SEQUENCES, Sequence
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital

FLOOR_ATTEMPTS = 300


def floor_seconds_per_write(engine: Engine, staff_id: int) -> float:
    """The bare repository writes of an outbound attempt, on this thread, per write."""
    started = time.perf_counter()
    for n in range(FLOOR_ATTEMPTS):
        attempt = start_outbound(engine, staff_id=staff_id, number=f"1380000{n:04d}",
                                 line=LineType.FAKE)  # fmt: skip
        now = dt.datetime.now(dt.UTC)
        mark_answered(engine, attempt, now)
        finish_attempt(engine, attempt, answered_at=now, ended_at=now, end_reason="local_hangup")
    return (time.perf_counter() - started) / (3 * FLOOR_ATTEMPTS)


def run(hospital: KnownHospital, sequences: int, seed: int) -> int:
    logging.getLogger("agent_app.calls").setLevel(logging.ERROR)  # each kill's closing
    rng = random.Random(seed)
    names = sorted(SEQUENCES)
    writer = StoreWriter("bench-writer")
    desks: dict[tuple[CallWaiting, bool], ScriptedDesk] = {}
    expected: dict[uuid.UUID, tuple[str, tuple[str, bool, str]]] = {}
    engine = hospital.engine
    done_before = writer.completed

    def desk_for(sequence: Sequence) -> ScriptedDesk:
        key = (sequence.waiting, sequence.can_hold)
        if key not in desks:
            desks[key] = ScriptedDesk(
                engine, hospital.cardiology_nurse, writer, sequence.waiting, sequence.can_hold
            )
        return desks[key]

    started = time.perf_counter()
    for _ in range(sequences):
        name = rng.choice(names)
        sequence = SEQUENCES[name]
        desk = desk_for(sequence)
        desk.calls.clear()
        ids: dict[str, uuid.UUID] = {}
        for step in sequence.steps:
            desk.step(*step)
            for label in desk.calls.keys() - ids.keys():
                ids[label] = desk.attempt_of(label)
        for label, row in sequence.rows.items():
            expected[ids[label]] = (name, row)
    handed = time.perf_counter() - started
    for desk in desks.values():
        desk.model.flush(None)
    landed = time.perf_counter() - started
    writes = writer.completed - done_before
    writer.close()
    events = sum(d.events for d in desks.values())

    floor = floor_seconds_per_write(engine, hospital.cardiology_nurse.id)
    left_open = open_attempts(engine)
    rows = attempt_rows(engine)
    wrong = 0
    for attempt, (name, row) in expected.items():
        if rows.get(str(attempt)) != row:
            wrong += 1
            print(f"  {name}: {rows.get(str(attempt))} instead of {row}")
    per_write = landed / writes
    print(f"sequences {sequences} (seed {seed}), attempts {len(expected)}, phone events {events}")
    print(f"events handed to the model: {events / handed:,.0f} per second ({handed:.1f} s)")
    print(f"events until every write landed: {events / landed:,.0f} per second ({landed:.1f} s)")
    print(f"store writes {writes}: {writes / landed:,.0f}/s, {per_write * 1e3:.2f} ms each")
    print(
        f"floor (bare repository writes of an attempt, this thread): {floor * 1e3:.2f} ms per "
        f"write; ratio {per_write / floor:.2f}x"
    )
    print(f"attempts left open afterwards: {left_open} (must be 0)")
    print(f"attempts whose row differs from the call's end: {wrong} (must be 0)")
    return 0 if left_open == 0 and wrong == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sequences", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_local_store(Path(folder) / "desk.sqlite3")
        try:
            status = run(build_known_hospital(engine), args.sequences, args.seed)
        finally:
            engine.dispose()
    sys.exit(status)


if __name__ == "__main__":
    main()
