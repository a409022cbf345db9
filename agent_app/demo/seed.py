"""Load a generated hospital into a store (SQLite for the demo, PostgreSQL for benchmarks)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import Engine, func, select

from agent_app.demo.hospital import DEMO_PASSWORD, DemoHospital
from agent_app.demo.rows import COLUMNS, PATIENT_TABLES
from agent_app.store.bulk import bulk_insert, deferred_indexes, reset_id_sequences
from agent_app.store.schema import Patient

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class StoreNotEmptyError(Exception):
    """Seeding would mix generated patients into a store that already has some."""


@dataclass(frozen=True)
class SeedReport:
    patients: int
    rows: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def hash_demo_password() -> str:
    """One argon2 hash of the demo password; every demo account shares it."""
    return PasswordHasher().hash(DEMO_PASSWORD)


def seed_store(
    engine: Engine,
    patients: int,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
    batch_size: int = 5000,
) -> SeedReport:
    """Fill an empty, migrated store with a generated hospital; one transaction per batch."""
    with engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Patient)).scalar_one():
            raise StoreNotEmptyError("The store already holds patients; seed an empty store.")
    hospital = DemoHospital(patients, seed=seed, today=today, password_hash=hash_demo_password())
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        for table, rows in hospital.reference_rows().items():
            bulk_insert(connection, table, COLUMNS[table], rows)
            counts[table] = len(rows)
    done = 0
    # Secondary indexes are built once at the end: sorting a million keys in one go is far
    # cheaper than inserting them one by one in random order. They are rebuilt even when
    # loading fails, so a store is never left without its indexes.
    with deferred_indexes(engine, PATIENT_TABLES):
        for batch in hospital.patient_batches(batch_size):
            with engine.begin() as connection:
                for table in PATIENT_TABLES:
                    bulk_insert(connection, table, COLUMNS[table], batch[table])
                    counts[table] = counts.get(table, 0) + len(batch[table])
            done += len(batch["patient"])
            if progress is not None:
                progress(done, patients)
    with engine.begin() as connection:
        reset_id_sequences(
            connection, [t for t in COLUMNS if t not in ("call_attempt", "followup_result")]
        )
        connection.exec_driver_sql("ANALYZE")
    log.info("seeded %d patients (%d rows)", patients, sum(counts.values()))
    return SeedReport(patients, counts)
