"""The demo hospital: deterministic, realistic, and loadable on both engines."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from agent_app.demo.hospital import DemoHospital
from agent_app.demo.rows import PATIENT_TABLES
from agent_app.demo.seed import StoreNotEmptyError, seed_store
from agent_app.domain.phone_numbers import normalize_number
from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.transfer_targets import list_targets, target_for_department
from agent_app.store.schema import Contact, Department, FollowupResult, FollowupTask, Patient
from tests.conftest import DEMO_TODAY

DOCTOR = TransferTargetKind.DOCTOR_ON_DUTY

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _fingerprint(engine: Engine) -> str:
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in PATIENT_TABLES:
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_same_seed_and_day_give_the_same_hospital(tmp_path: Path) -> None:
    prints = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        engine = open_local_store(tmp_path / f"{name}.sqlite3")
        seed_store(engine, 150, seed=seed, today=DEMO_TODAY, history=False)
        prints.append(_fingerprint(engine))
        engine.dispose()
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_every_generated_number_is_valid_and_keyed_like_a_caller(demo_engine: Engine) -> None:
    with demo_engine.connect() as connection:
        contacts = connection.execute(
            select(Contact.number_raw, Contact.number_e164, Contact.number_national, Contact.kind)
        ).all()
    assert {c.kind for c in contacts} == {"mobile", "landline"}
    for contact in contacts:
        normalized = normalize_number(contact.number_raw)
        assert (normalized.e164, normalized.national) == (
            contact.number_e164,
            contact.number_national,
        )


def test_resident_ids_carry_birth_date_sex_and_a_valid_check_digit(demo_engine: Engine) -> None:
    with demo_engine.connect() as connection:
        patients = connection.execute(
            select(Patient.id_number, Patient.birth_date, Patient.sex)
        ).all()
    for p in patients:
        body = p.id_number[:17]
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]
        assert p.id_number[17] == check
        assert p.id_number[6:14] == p.birth_date.strftime("%Y%m%d")
        assert (int(p.id_number[16]) % 2 == 1) == (p.sex.value == "M")


def test_hospital_has_past_results_overdue_and_upcoming_tasks(demo_engine: Engine) -> None:
    now = dt.datetime.combine(DEMO_TODAY, dt.time(1, 0), dt.UTC)
    with demo_engine.connect() as connection:

        def count(*where: object) -> int:
            query = select(func.count()).select_from(FollowupTask).where(*where)  # type: ignore[arg-type]
            return int(connection.execute(query).scalar_one())

        upcoming = count(FollowupTask.status == "pending", FollowupTask.due_at > now)
        overdue = count(FollowupTask.status == "pending", FollowupTask.due_at < now)
        done = count(FollowupTask.status == "done")
        results = connection.execute(select(func.count()).select_from(FollowupResult)).scalar()
        names = connection.execute(select(Patient.name)).scalars().all()
    assert upcoming > 0 and overdue > 0 and done > 0
    assert results == done
    assert any(" " in n for n in names) and any("\u4e00" <= n[0] <= "\u9fff" for n in names)


def test_seeding_refuses_a_store_that_already_has_patients(demo_engine: Engine) -> None:
    with pytest.raises(StoreNotEmptyError):
        seed_store(demo_engine, 10, today=DEMO_TODAY)


def test_generator_needs_reference_rows_first() -> None:
    with pytest.raises(RuntimeError):
        next(DemoHospital(5, today=DEMO_TODAY).patient_batches())


@pytest.mark.slow
def test_seed_command_fills_a_store(tmp_path: Path) -> None:
    store = tmp_path / "cli.sqlite3"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_app.demo",
            "seed",
            "--patients",
            "60",
            "--store",
            str(store),
            "--today",
            DEMO_TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "seeded 60 patients" in done.stdout
    assert "with a past of 102 patients" in done.stdout
    assert len(list((tmp_path / "recordings").rglob("*.wav"))) == 1  # beside the store
    engine = open_local_store(store)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Patient)).scalar() == 162


def test_every_department_has_a_transfer_line_and_doctors_in_the_directory(
    demo_engine: Engine,
) -> None:
    with demo_engine.connect() as connection:
        departments = (
            connection.execute(select(Department.id).where(Department.code != "FUC"))
            .scalars()
            .all()
        )
    entries = list_targets(demo_engine)
    for dept_id in departments:
        line = target_for_department(demo_engine, dept_id)
        assert line is not None and line.kind is TransferTargetKind.FOLLOWUP_LINE
        doctors = [e for e in entries if (e.department_id, e.kind) == (dept_id, DOCTOR)]
        assert len(doctors) == 2 and all(d.number.isdigit() for d in doctors)
