"""Store validated discharge records idempotently, in batches, inside one transaction each.

An episode is found again by ``(source, visit_number)`` (``his_episode_link``). The same row
twice changes nothing; a row whose content hash differs is a correction: the patient and
episode are updated, new phone numbers added, and the correction logged. New episodes attach
to an existing patient matched by MRN, then by ID number, else to a new patient.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from agent_app.his.records import DischargeRecord
from agent_app.his.reference import Reference
from agent_app.store.bulk import bulk_insert
from agent_app.store.schema import Base, Contact, Episode, HisEpisodeLink, Patient
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)

CONTACT_COLUMNS = (
    "patient_id",
    "name",
    "relation",
    "kind",
    "number_raw",
    "number_e164",
    "number_national",
    "priority",
    "change_seq",
)


def store_time(moment: dt.datetime) -> str:
    """A UTC time as the text ``store.bulk`` loads (whole seconds)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class BatchOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    episode_ids: list[int] = field(default_factory=list)  # created or updated


def _patient_values(record: DischargeRecord) -> dict[str, object]:
    return {
        "name": record.name,
        "sex": record.sex,
        "birth_date": record.birth_date,
        "id_number": record.id_number,
        "address": record.address,
    }


def _episode_values(record: DischargeRecord, ref: Reference) -> dict[str, object]:
    department_id = ref.department_ids[record.department_code]
    return {
        "department_id": department_id,
        "ward": record.ward,
        "admitted_on": record.admitted_on,
        "discharged_on": record.discharged_on,
        "diagnosis_code": record.diagnosis_code,
        "diagnosis_name": record.diagnosis_name,
        "attending_doctor_id": ref.staff_id(record.attending_doctor, department_id),
        "attending_nurse_id": ref.staff_id(record.attending_nurse, department_id),
        "discharge_disposition": record.disposition,
        "revisit_on": record.revisit_on,
    }


def import_batch(
    connection: Connection, records: Sequence[DischargeRecord], ref: Reference
) -> BatchOutcome:
    """Import one batch of records of one source inside the caller's transaction."""
    outcome = BatchOutcome()
    latest: dict[str, DischargeRecord] = {r.visit_number: r for r in records}  # last one wins
    if not latest:
        return outcome
    source = next(iter(latest.values())).source
    links = {
        visit: (episode_id, row_hash, revision, patient_id)
        for visit, episode_id, row_hash, revision, patient_id in connection.execute(
            select(
                HisEpisodeLink.visit_number,
                HisEpisodeLink.episode_id,
                HisEpisodeLink.row_hash,
                HisEpisodeLink.revision,
                Episode.patient_id,
            )
            .join(Episode, Episode.id == HisEpisodeLink.episode_id)
            .where(HisEpisodeLink.source == source, HisEpisodeLink.visit_number.in_(list(latest)))
        )
    }
    hashes = {visit: record.content_hash() for visit, record in latest.items()}
    new: list[DischargeRecord] = []
    changed: list[tuple[DischargeRecord, int, int, int]] = []
    for visit, record in latest.items():
        link = links.get(visit)
        if link is None:
            new.append(record)
        elif link[1] == hashes[visit]:
            outcome.unchanged += 1
        else:
            changed.append((record, link[0], link[2], link[3]))
    now = utcnow()
    patient_of: dict[str, int] = {}
    if changed:
        _apply_corrections(connection, changed, hashes, ref, now)
        outcome.updated = len(changed)
        outcome.episode_ids += [episode_id for _, episode_id, _, _ in changed]
        patient_of |= {r.visit_number: pid for r, _, _, pid in changed}
    if new:
        patient_of |= _resolve_patients(connection, new)
        episode_ids = _insert_episodes(connection, new, patient_of, ref)
        stamp = store_time(now)
        bulk_insert(
            connection,
            "his_episode_link",
            ("source", "visit_number", "episode_id", "row_hash", "revision", "updated_at"),
            [
                (source, r.visit_number, episode_id, hashes[r.visit_number], 1, stamp)
                for r, episode_id in zip(new, episode_ids, strict=True)
            ],
        )
        outcome.created = len(new)
        outcome.episode_ids += episode_ids
    touched = [r for r, *_ in changed] + new
    _add_missing_contacts(connection, touched, patient_of)
    return outcome


def _apply_corrections(
    connection: Connection,
    changed: Sequence[tuple[DischargeRecord, int, int, int]],
    hashes: dict[str, str],
    ref: Reference,
    now: dt.datetime,
) -> None:
    patient_table = Base.metadata.tables["patient"]
    episode_table = Base.metadata.tables["episode"]
    connection.execute(
        update(patient_table).where(patient_table.c.id == bindparam("pid")),
        [{"pid": pid, **_patient_values(r)} for r, _, _, pid in changed],
    )
    connection.execute(
        update(episode_table).where(episode_table.c.id == bindparam("eid")),
        [{"eid": eid, **_episode_values(r, ref)} for r, eid, _, _ in changed],
    )
    link_table = Base.metadata.tables["his_episode_link"]
    connection.execute(
        update(link_table).where(link_table.c.episode_id == bindparam("eid")),
        [
            {
                "eid": eid,
                "row_hash": hashes[r.visit_number],
                "revision": revision + 1,
                "updated_at": now,
            }
            for r, eid, revision, _ in changed
        ],
    )
    for record, episode_id, revision, _ in changed:
        log.info(
            "HIS %s visit %s corrected: episode %s now at revision %s",
            record.source,
            record.visit_number,
            episode_id,
            revision + 1,
        )


def _resolve_patients(connection: Connection, new: Sequence[DischargeRecord]) -> dict[str, int]:
    """visit number → patient id: by MRN, then by ID number, else a new patient row."""
    mrns = sorted({r.mrn for r in new})
    by_mrn: dict[str, int] = {
        mrn: pid
        for mrn, pid in connection.execute(
            select(Patient.mrn, Patient.id).where(Patient.mrn.in_(mrns))
        )
    }
    id_numbers = sorted({r.id_number for r in new if r.id_number and r.mrn not in by_mrn})
    by_id: dict[str, int] = {}
    if id_numbers:
        for id_number, pid in connection.execute(
            select(Patient.id_number, Patient.id)
            .where(Patient.id_number.in_(id_numbers))
            .order_by(Patient.id)
        ):
            by_id.setdefault(id_number, pid)
    to_create: dict[str, DischargeRecord] = {}
    for record in new:
        if record.mrn not in by_mrn and not (record.id_number and record.id_number in by_id):
            to_create.setdefault(record.mrn, record)
    if to_create:
        rows = [{"mrn": mrn, **_patient_values(r)} for mrn, r in to_create.items()]
        ids = _insert_with_ids(connection, Patient, rows)
        by_mrn |= dict(zip(to_create, ids, strict=True))
    return {r.visit_number: by_mrn[r.mrn] if r.mrn in by_mrn else by_id[r.id_number] for r in new}


def _insert_episodes(
    connection: Connection,
    new: Sequence[DischargeRecord],
    patient_of: dict[str, int],
    ref: Reference,
) -> list[int]:
    rows = [{"patient_id": patient_of[r.visit_number], **_episode_values(r, ref)} for r in new]
    return _insert_with_ids(connection, Episode, rows)


def _insert_with_ids(
    connection: Connection, model: type[Patient] | type[Episode], rows: list[dict[str, object]]
) -> list[int]:
    """Insert rows and return their new ids, in order.

    On PostgreSQL the ids are drawn from the table's sequence first and the rows go in by
    COPY (a third of the import's time went to INSERT … RETURNING); SQLite has no sequence to
    draw from while another writer may be adding rows, so it inserts with RETURNING.
    """
    table = model.__tablename__
    if connection.dialect.name != "postgresql":
        result = connection.execute(
            insert(model).returning(model.id, sort_by_parameter_order=True), rows
        )
        return list(result.scalars())
    ids = list(
        connection.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
            f"FROM generate_series(1, {len(rows)})"
        ).scalars()
    )
    # COPY skips SQLAlchemy's Python-side defaults (notes "", change_seq 0): add them here.
    defaults = {
        column.name: column.default.arg
        for column in Base.metadata.tables[table].columns
        if isinstance(column.default, ScalarElementColumnDefault)
        and column.name not in rows[0]
        and column.name != "id"
    }
    columns = ("id", *rows[0], *defaults)
    extra = tuple(defaults.values())
    bulk_insert(
        connection,
        table,
        columns,
        [(i, *(_plain(v) for v in row.values()), *extra) for i, row in zip(ids, rows, strict=True)],
    )
    return ids


def _plain(value: object) -> object:
    """Enum members as their stored text, for COPY."""
    return value.value if isinstance(value, enum.Enum) else value


def _add_missing_contacts(
    connection: Connection, records: Iterable[DischargeRecord], patient_of: dict[str, int]
) -> None:
    """Add numbers the patient does not have yet; numbers agents added are never removed."""
    wanted = [(patient_of[r.visit_number], r) for r in records]
    if not wanted:
        return
    known: dict[int, set[str]] = {}
    for pid, e164 in connection.execute(
        select(Contact.patient_id, Contact.number_e164).where(
            Contact.patient_id.in_(sorted({pid for pid, _ in wanted}))
        )
    ):
        known.setdefault(pid, set()).add(e164)
    rows: list[tuple[object, ...]] = []
    for pid, record in wanted:
        numbers = known.setdefault(pid, set())
        for phone in record.phones:
            if phone.e164 in numbers:
                continue
            numbers.add(phone.e164)
            rows.append(
                (
                    pid,
                    phone.name[:60],
                    phone.relation.value,
                    phone.kind.value,
                    phone.raw[:40],
                    phone.e164,
                    phone.national,
                    len(numbers) - 1,
                    0,
                )
            )
    bulk_insert(connection, "contact", CONTACT_COLUMNS, rows)
