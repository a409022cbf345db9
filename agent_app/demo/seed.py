"""Load a generated hospital into a store (SQLite for the demo, PostgreSQL for benchmarks)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from sqlalchemy import Engine, func, select

from agent_app.demo.hospital import DEMO_PASSWORD, DemoHospital
from agent_app.demo.rows import COLUMNS, PATIENT_TABLES
from agent_app.demo.transfer_directory import seed_transfer_directory
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.store.bulk import bulk_insert, deferred_indexes, reset_id_sequences
from agent_app.store.repositories.knowledge_import import SHIPPED_ARTICLES, import_folder
from agent_app.store.repositories.sms_templates import import_shipped
from agent_app.store.schema import Patient
from agent_app.store.tallies import paused_tallies

if TYPE_CHECKING:
    from agent_app.demo.history import HistoryReport

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class StoreNotEmptyError(Exception):
    """Seeding would mix generated patients into a store that already has some."""


@dataclass(frozen=True)
class SeedReport:
    patients: int
    rows: dict[str, int]  # the present-day hospital's
    history: HistoryReport | None = None  # the past, when it was generated

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def hash_demo_password() -> str:
    """One argon2 hash of the demo password; every demo account shares it."""
    return PasswordHasher().hash(DEMO_PASSWORD)


def local_recordings_dir(engine: Engine) -> Path | None:
    """The recordings folder beside a SQLite store file, as the desk keeps it (the demo's
    store and recordings both live in the data folder); None for other stores."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).absolute().parent / "recordings"


def seed_store(
    engine: Engine,
    patients: int,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
    batch_size: int = 5000,
    *,
    history: bool = True,
    recordings: int | None = None,
    recordings_dir: Path | None = None,
) -> SeedReport:
    """Fill an empty, migrated store with a generated hospital; one transaction per batch.

    With ``history`` (the default) the hospital also gets its past six months of follow-up
    work (``demo.history``), with ``recordings`` WAV files (default: 60 for a hospital of
    3,000 patients, fewer for smaller ones) under ``recordings_dir`` (default: the
    ``recordings`` folder beside a SQLite store; no audio elsewhere). ``progress(done,
    total)`` counts patients, past ones included; ``total`` stays the same throughout.
    """
    with engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Patient)).scalar_one():
            raise StoreNotEmptyError("The store already holds patients; seed an empty store.")
    today = today or dt.datetime.now(HOSPITAL_TZ).date()
    past = 0
    if history:
        # Imported here: the past needs numpy and the supervision code, a plain seed does not.
        from agent_app.demo import history as past_work

        past = past_work.past_patients(patients)
    total = patients + past
    hospital = DemoHospital(patients, seed=seed, today=today, password_hash=hash_demo_password())
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        for table, rows in hospital.reference_rows().items():
            bulk_insert(connection, table, COLUMNS[table], rows)
            counts[table] = len(rows)
    # The shipped knowledge base, approved, as a hospital would have imported it.
    counts["knowledge_article"] = import_folder(engine, SHIPPED_ARTICLES, staff_id=None).created
    counts["sms_template"] = import_shipped(engine)  # and the shipped text messages
    counts["transfer_target"] = seed_transfer_directory(engine)
    done = 0
    # The statistics tallies are worked out once from the loaded rows rather than by a
    # trigger per row. Secondary indexes are built once at the end too: sorting a million
    # keys in one go is far cheaper than inserting them one by one in random order. Both
    # are restored even when loading fails, so a store is never left without them.
    with paused_tallies(engine, PATIENT_TABLES):
        with deferred_indexes(engine, PATIENT_TABLES):
            for batch in hospital.patient_batches(batch_size):
                with engine.begin() as connection:
                    for table in PATIENT_TABLES:
                        bulk_insert(connection, table, COLUMNS[table], batch[table])
                        counts[table] = counts.get(table, 0) + len(batch[table])
                done += len(batch["patient"])
                if progress is not None:
                    progress(done, total)
        report = None
        if history:
            folder = recordings_dir or local_recordings_dir(engine)
            wanted = past_work.default_recordings(patients) if recordings is None else recordings

            def past_progress(past_done: int, _: int) -> None:
                if progress is not None:
                    progress(patients + past_done, total)

            report = past_work.seed_history(
                engine,
                today=today,
                patients=past,
                seed=seed,
                recordings=wanted,
                recordings_dir=folder,
                progress=past_progress,
            )
    with engine.begin() as connection:
        reset_id_sequences(
            connection, [t for t in COLUMNS if t not in ("call_attempt", "followup_result")]
        )
        connection.exec_driver_sql("ANALYZE")
    log.info("seeded %d patients (%d rows)", patients, sum(counts.values()))
    return SeedReport(patients, counts, report)
