"""The call model under load: scripted call sequences through it into the real store.

    python -m bench.call_model [--sequences 10000] [--seed 5]

Each sequence (tests/calls/sequences.py: outbound, inbound, inbound during outbound, two
inbound with either call-waiting setting, hang-up while ringing, line lost mid-call, desk killed
mid-call) runs on the simulated line with a hand-turned clock, through one ``CallModel`` and the
desk's one writer thread, into an encrypted local store with the known hospital's patients.

Printed: phone events per second (handed to the model, and until every write landed: a
"desk closed" sequence waits for the writes queued before it, as a closing desk does), store
writes per second, and the per-write cost against two floors measured in the same run on the
same store: (1) a tenth as many sequences of the same mix with every write run inline on this
thread (no queue, no writer thread), and (2) the bare repository writes of an outbound attempt
(start, answered, finished). Afterwards the attempts left open must be 0 and every attempt
must hold the code of how its call ended; the exit status is 1 otherwise.
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
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from agent_app.calls.writer import Done, Job, StoreWriter
from agent_app.domain.enums import CallWaiting, LineType
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import finish_attempt, mark_answered, start_outbound
from tests.calls.desk_script import ScriptedDesk, attempt_rows, open_attempts
from tests.calls.sequences import SEQUENCES
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


class InlineWriter(StoreWriter):
    """The floor's writer: each write runs at once on the calling thread (no queue, no
    thread), so the same call sequences cost only the model and the repository writes."""

    def __init__(self) -> None:  # no thread is started
        self.completed = 0

    def submit(self, job: Job, done: Done | None = None) -> None:
        try:
            result, error = job(), None
        except Exception as exc:
            result, error = None, exc
        self.completed += 1
        if done is not None:
            done(result, error)

    def flush(self, timeout: float | None = 30.0) -> bool:
        return True

    def close(self, timeout: float | None = 30.0) -> bool:
        return True


@dataclass
class Run:
    """One pass of scripted sequences and what it cost."""

    events: int = 0
    writes: int = 0
    handed: float = 0.0  # seconds until every event was handed to the model
    landed: float = 0.0  # seconds until every write had landed too
    expected: dict[uuid.UUID, tuple[str, tuple[str, bool, str]]] = field(default_factory=dict)


def run_sequences(hospital: KnownHospital, writer: StoreWriter, sequences: int, seed: int) -> Run:
    """``sequences`` sequences drawn with ``seed``, through one model per call-waiting setting."""
    rng = random.Random(seed)
    names = sorted(SEQUENCES)
    desks: dict[tuple[CallWaiting, bool], ScriptedDesk] = {}
    result = Run()
    done_before = writer.completed
    started = time.perf_counter()
    for _ in range(sequences):
        name = rng.choice(names)
        sequence = SEQUENCES[name]
        key = (sequence.waiting, sequence.can_hold)
        if key not in desks:
            desks[key] = ScriptedDesk(
                hospital.engine, hospital.cardiology_nurse, writer, *key
            )  # fmt: skip
        desk = desks[key]
        desk.calls.clear()
        ids: dict[str, uuid.UUID] = {}
        for step in sequence.steps:
            desk.step(*step)
            for label in desk.calls.keys() - ids.keys():
                ids[label] = desk.attempt_of(label)
        for label, row in sequence.rows.items():
            result.expected[ids[label]] = (name, row)
    result.handed = time.perf_counter() - started
    for desk in desks.values():
        desk.model.flush(None)
    result.landed = time.perf_counter() - started
    result.writes = writer.completed - done_before
    result.events = sum(d.events for d in desks.values())
    return result


def run(hospital: KnownHospital, sequences: int, seed: int) -> int:
    logging.getLogger("agent_app.calls").setLevel(logging.ERROR)  # each kill's closing
    engine = hospital.engine
    floor_run = run_sequences(hospital, InlineWriter(), max(1, sequences // 10), seed + 1)
    bare = floor_seconds_per_write(engine, hospital.cardiology_nurse.id)
    writer = StoreWriter("bench-writer")
    main = run_sequences(hospital, writer, sequences, seed)
    writer.close()

    left_open = open_attempts(engine)
    rows = attempt_rows(engine)
    wrong = 0
    for attempt, (name, row) in {**floor_run.expected, **main.expected}.items():
        if rows.get(str(attempt)) != row:
            wrong += 1
            print(f"  {name}: {rows.get(str(attempt))} instead of {row}")
    per_write = main.landed / main.writes
    inline = floor_run.landed / floor_run.writes
    events, handed, landed = main.events, main.handed, main.landed
    print(f"sequences {sequences} (seed {seed}), attempts {len(main.expected)}, events {events}")
    print(f"events handed to the model: {events / handed:,.0f} per second ({handed:.1f} s)")
    print(f"events until every write landed: {events / landed:,.0f} per second ({landed:.1f} s)")
    print(
        f"store writes {main.writes}: {main.writes / landed:,.0f}/s, {per_write * 1e3:.2f} ms each"
    )
    print(
        f"floor 1, the same kind of sequences ({len(floor_run.expected)} attempts) with every "
        f"write run inline on this thread: {inline * 1e3:.2f} ms per write; "
        f"ratio {per_write / inline:.2f}x"
    )
    print(
        f"floor 2, bare repository writes of an outbound attempt: {bare * 1e3:.2f} ms per "
        f"write; ratio {per_write / bare:.2f}x (inbound writes also look the caller up)"
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
