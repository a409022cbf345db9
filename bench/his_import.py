"""Discharge import throughput: rows/s for import + task generation, against a raw bulk insert.

    python -m bench.his_import [--rows 100000] [--engine sqlite|postgresql|both] [--url URL]

Generates ``--rows`` discharges of the demo hospital (Chinese names, phone numbers written the
ways HIS exports write them, ICD-10 diagnoses) as source rows, then times ``run_import``:
validation, phone normalization, patient matching, idempotent episode import and task
generation by three plans. The floor is the same end rows (patients, contacts, episodes,
visit links, tasks), read back from that store, bulk-inserted into a fresh store by
``store.bulk.bulk_insert`` (executemany on SQLite, COPY on PostgreSQL) in the same run.
A second import of the same rows (everything unchanged) is timed too. Without ``--url`` a
throwaway PostgreSQL is started for the postgresql engine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from agent_app.demo import catalog
from agent_app.demo.people import chinese_name, landline_number, mobile_number, resident_id
from agent_app.his.records import SourceRow
from agent_app.his.runs import ImportOptions, run_import
from agent_app.store.bulk import bulk_insert
from agent_app.store.engine import open_local_store
from bench.bench_server import bench_server, fresh_database
from tests.his.conftest import NOW, load_reference

TABLES = ("patient", "contact", "episode", "his_episode_link", "followup_task")
_DISPOSITIONS = ("医嘱离院",) * 90 + ("医嘱转院",) * 6 + ("非医嘱离院",) * 3 + ("死亡",)


def source_rows(count: int, seed: int = 11) -> list[SourceRow]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        spec = rng.choice(catalog.DEPARTMENTS)
        male = spec.code != "OBST" and rng.random() < 0.5
        name, _ = chinese_name(rng, male)
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(90 * 365))
        discharged = dt.date(2026, 11, 22) - dt.timedelta(days=rng.randrange(60))
        admitted = discharged - dt.timedelta(
            days=rng.randrange(*spec.stay_days) if spec.stay_days[1] else 0
        )
        code, diagnosis = rng.choice(spec.diagnoses)
        phone = mobile_number(rng) if rng.random() < 0.85 else landline_number(rng)
        family = mobile_number(rng)
        rows.append(
            SourceRow(
                f"row {n + 2}",
                {
                    "visit_number": f"ZY{2026000000 + n}",
                    "mrn": f"BA{3000000 + n}",
                    "name": name,
                    "sex": "男" if male else "女",
                    "birth_date": birth.isoformat(),
                    "id_number": resident_id(rng, birth, male),
                    "phone": phone.raw,
                    "contact_name": chinese_name(rng, rng.random() < 0.5)[0],
                    "contact_relation": rng.choice(("配偶", "儿子", "女儿", "父亲")),
                    "contact_phone": family.raw,
                    "admitted_on": admitted.isoformat(),
                    "discharged_on": f"{discharged.isoformat()} 10:{n % 60:02d}",
                    "department": spec.code,
                    "ward": rng.choice(spec.wards),
                    "diagnosis_code": code,
                    "diagnosis_name": diagnosis,
                    "attending_doctor": "",
                    "attending_nurse": "",
                    "disposition": rng.choice(_DISPOSITIONS),
                },
            )
        )
    return rows


def _encode(value: Any) -> Any:
    """The text form store.bulk expects (UTC times without offset, ISO dates)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _read_back(engine: Engine) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    out = {}
    with engine.connect() as connection:
        for table in TABLES:
            result = connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            names = list(result.keys())
            columns = [c for c in names if c != "change_xid"]
            keep = [i for i, c in enumerate(names) if c != "change_xid"]
            rows = [tuple(_encode(row[i]) for i in keep) for row in result]
            out[table] = (columns, rows)
    return out


def _floor(engine: Engine, data: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    started = time.perf_counter()
    with engine.begin() as connection:
        for table in TABLES:
            columns, rows = data[table]
            for start in range(0, len(rows), 10_000):
                bulk_insert(connection, table, columns, rows[start : start + 10_000])
    return time.perf_counter() - started


@contextlib.contextmanager
def _stores(kind: str, url: str | None, folder: Path) -> Iterator[tuple[Engine, Engine]]:
    if kind == "sqlite":
        a, b = (
            open_local_store(folder / "import.sqlite3"),
            open_local_store(folder / "floor.sqlite3"),
        )
        yield a, b
        a.dispose()
        b.dispose()
        return
    with bench_server(url) as admin_url:
        engines = [fresh_database(admin_url, n) for n in ("bench_his_import", "bench_his_floor")]
        yield engines[0], engines[1]
        for engine in engines:
            engine.dispose()


def bench(kind: str, count: int, url: str | None) -> None:
    rows = source_rows(count)
    with (
        tempfile.TemporaryDirectory() as folder,
        _stores(kind, url, Path(folder)) as (store, floor),
    ):
        load_reference(store)
        load_reference(floor)
        options = ImportOptions(now=NOW, batch_size=2000)
        started = time.perf_counter()
        report = run_import(store, "bench", "file", rows, options=options)
        took = time.perf_counter() - started
        started = time.perf_counter()
        again = run_import(store, "bench", "file", rows, options=options)
        took_again = time.perf_counter() - started
        data = _read_back(store)
        floor_took = _floor(floor, data)
    end_rows = sum(len(r) for _, r in data.values())
    print(
        f"[{kind}] {count:,} discharges: {report.created:,} episodes, "
        f"{report.rejected:,} rejected, {report.tasks_created:,} tasks "
        f"({end_rows:,} rows written)"
    )
    print(f"[{kind}] import + task generation: {took:.2f} s = {count / took:,.0f} rows/s")
    print(
        f"[{kind}] re-import, all unchanged: {took_again:.2f} s = {count / took_again:,.0f} rows/s"
        f" ({again.unchanged:,} unchanged, {again.tasks_created} new tasks)"
    )
    print(
        f"[{kind}] floor, raw bulk insert of the same {end_rows:,} rows: {floor_took:.2f} s "
        f"= {count / floor_took:,.0f} discharges/s"
    )
    print(f"[{kind}] ratio import / raw bulk insert: {took / floor_took:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--url", help="PostgreSQL admin URL (else a throwaway server)")
    args = parser.parse_args()
    for kind in ("sqlite", "postgresql") if args.engine == "both" else (args.engine,):
        bench(kind, args.rows, args.url)


if __name__ == "__main__":
    main()
