"""What the HIS tells us after a discharge: a cancelled discharge, new details, a merge.

Each function works inside the caller's transaction and changes rows in place (never
deletes): desks learn of changes by the change cursor, which cannot carry a deletion.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from agent_app.domain.enums import TaskStatus
from agent_app.his.records import Phone, SourceRow
from agent_app.his.validate import phones_of
from agent_app.store.schema import Base, Contact, FollowupTask, HisEpisodeLink, Patient

log = logging.getLogger(__name__)

# his_episode_link.row_hash of a visit whose discharge the HIS cancelled: no content hashes to
# it, so the next A03 for the visit counts as a correction and its tasks are planned again.
DISCHARGE_CANCELLED = "discharge-cancelled"


@dataclass(frozen=True)
class ChangeOutcome:
    found: bool  # the visit or patient was known here
    tasks_cancelled: int = 0
    tasks_reopened: int = 0
    contacts_added: int = 0


def cancel_discharge(
    connection: Connection, source: str, visit: str, now: dt.datetime
) -> ChangeOutcome:
    """Cancel the visit's waiting tasks (pending, never attempted); worked ones stay."""
    link = connection.execute(
        select(HisEpisodeLink.id, HisEpisodeLink.episode_id).where(
            HisEpisodeLink.source == source, HisEpisodeLink.visit_number == visit
        )
    ).one_or_none()
    if link is None:
        return ChangeOutcome(found=False)
    cancelled = connection.execute(
        update(FollowupTask)
        .where(
            FollowupTask.episode_id == link.episode_id,
            FollowupTask.status == TaskStatus.PENDING,
            FollowupTask.attempt_count == 0,
        )
        .values(status=TaskStatus.CANCELLED, updated_at=now)
    ).rowcount
    connection.execute(
        update(HisEpisodeLink)
        .where(HisEpisodeLink.id == link.id)
        .values(row_hash=DISCHARGE_CANCELLED, updated_at=now)
    )
    log.info("HIS %s visit %s: discharge cancelled, %s tasks cancelled", source, visit, cancelled)
    return ChangeOutcome(found=True, tasks_cancelled=int(cancelled))


def reopen_discharge(connection: Connection, source: str, visit: str) -> int:
    """Before a visit is discharged again: put back the tasks its cancelled discharge took
    away (cancelled then, never attempted), so the plans can align them with the new date.
    A task someone else cancelled keeps its state. Returns how many came back."""
    link = connection.execute(
        select(HisEpisodeLink.episode_id, HisEpisodeLink.updated_at).where(
            HisEpisodeLink.source == source,
            HisEpisodeLink.visit_number == visit,
            HisEpisodeLink.row_hash == DISCHARGE_CANCELLED,
        )
    ).one_or_none()
    if link is None:
        return 0
    reopened = connection.execute(
        update(FollowupTask)
        .where(
            FollowupTask.episode_id == link.episode_id,
            FollowupTask.status == TaskStatus.CANCELLED,
            FollowupTask.attempt_count == 0,
            FollowupTask.updated_at == link.updated_at,
        )
        .values(status=TaskStatus.PENDING)
    ).rowcount
    return int(reopened)


def _patient_id(connection: Connection, mrn: str) -> int | None:
    found = connection.execute(select(Patient.id).where(Patient.mrn == mrn)).scalar_one_or_none()
    return None if found is None else int(found)


def update_patient(connection: Connection, mrn: str, row: SourceRow, region: str) -> ChangeOutcome:
    """New name and numbers for a known patient (an unknown one is not ours to follow up).

    The message's numbers come first in calling order, in its order; numbers an agent added
    stay, after them.
    """
    patient_id = _patient_id(connection, mrn)
    if patient_id is None:
        return ChangeOutcome(found=False)
    name = row.get("name")
    if name:
        connection.execute(
            update(Patient).where(Patient.id == patient_id, Patient.name != name).values(name=name)
        )
    phones, _ = phones_of(row, name, region)
    added = _put_numbers_first(connection, patient_id, phones)
    return ChangeOutcome(found=True, contacts_added=added)


def _put_numbers_first(connection: Connection, patient_id: int, phones: list[Phone]) -> int:
    existing = connection.execute(
        select(Contact.id, Contact.number_e164, Contact.priority)
        .where(Contact.patient_id == patient_id)
        .order_by(Contact.priority, Contact.id)
    ).all()
    by_number = {c.number_e164: c for c in existing}
    new = [p for p in phones if p.e164 not in by_number]
    if new:
        connection.execute(
            insert(Contact),
            [
                {
                    "patient_id": patient_id,
                    "name": p.name[:60],
                    "relation": p.relation,
                    "kind": p.kind,
                    "number_raw": p.raw[:40],
                    "number_e164": p.e164,
                    "number_national": p.national,
                    "priority": 0,
                }
                for p in new
            ],
        )
    ids = {
        number: int(cid)
        for cid, number in connection.execute(
            select(Contact.id, Contact.number_e164).where(Contact.patient_id == patient_id)
        )
    }
    first = [ids[p.e164] for p in phones]
    order = first + [int(c.id) for c in existing if int(c.id) not in first]
    current = {int(c.id): c.priority for c in existing}
    for priority, contact_id in enumerate(order):
        if current.get(contact_id) != priority:
            connection.execute(
                update(Contact).where(Contact.id == contact_id).values(priority=priority)
            )
    return len(new)


def merge_patients(
    connection: Connection, mrn: str, prior_mrn: str, row: SourceRow, region: str
) -> ChangeOutcome:
    """Move everything of ``prior_mrn`` (episodes, tasks, calls, alerts, complaints, numbers)
    onto ``mrn``. When only the prior patient is known here it simply takes the new MRN. The
    prior patient row stays, empty, so desks that hold it still resolve it."""
    survivor = _patient_id(connection, mrn)
    prior = _patient_id(connection, prior_mrn)
    if prior is not None and survivor is None:
        connection.execute(update(Patient).where(Patient.id == prior).values(mrn=mrn))
        log.info("HIS merge: patient %s renumbered to the surviving MRN", prior)
    elif prior is not None and survivor is not None and prior != survivor:
        _move_patient_rows(connection, prior, survivor)
        log.info("HIS merge: patient %s merged into patient %s", prior, survivor)
    outcome = update_patient(connection, mrn, row, region)
    return ChangeOutcome(
        found=outcome.found or prior is not None, contacts_added=outcome.contacts_added
    )


def _move_patient_rows(connection: Connection, prior: int, survivor: int) -> None:
    known = set(
        connection.execute(
            select(Contact.number_e164).where(Contact.patient_id == survivor)
        ).scalars()
    )
    patient_id = Patient.__table__.c.id
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not any(fk.column is patient_id for fk in column.foreign_keys):
                continue
            statement = update(table).where(column == prior).values({column.name: survivor})
            if table.name == Contact.__tablename__:  # a number both had stays once
                statement = statement.where(table.c.number_e164.not_in(known))
            connection.execute(statement)
