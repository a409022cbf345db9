"""Changes the central database refused for good, as the desk keeps them for its people.

A refused change stays in the outbox, quarantined, with the server's own words (PostgreSQL's
message, kept verbatim for IT, never shown as the desk's sentence). The desk names the kind of
refusal with a code the window translates, and can put a change back in line once the cause is
mended (a permission granted, a missing parent row restored); nothing refused is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from agent_app.domain.enums import OutboxState
from agent_app.store.schema import FollowupTask, Patient
from agent_app.store.schema.local import Outbox

# Stores written before refusals kept the server's words alone carry this prefix.
_OLD_PREFIX = "The server refused this change: "

# The server's wording (PostgreSQL's English messages, lc_messages=C on the server) mapped to
# what the desk says; the first match wins.
_KINDS: tuple[tuple[str, str], ...] = (
    ("does not accept", "not_taken"),  # sync_apply: this kind of change never comes from desks
    ("row-level security", "not_allowed"),
    ("permission denied", "not_allowed"),
    ("not an active staff member", "not_allowed"),
    ("another login", "not_allowed"),
    ("another patient", "conflict"),
    ("foreign key", "missing_row"),
    ("not present in table", "missing_row"),
    ("does not exist", "missing_row"),
    ("is not on the server", "missing_row"),
    ("check constraint", "invalid_value"),
    ("unknown task status", "invalid_value"),
    ("needs its client uuid", "invalid_value"),
    ("invalid input", "invalid_value"),
    ("out of range", "invalid_value"),
    ("not-null", "invalid_value"),
    ("too long", "invalid_value"),
    ("duplicate key", "conflict"),
    ("unique constraint", "conflict"),
)


def refusal_kind(server_words: str) -> str:
    """A code for why the server refused a change: not_taken, not_allowed, missing_row,
    invalid_value, conflict or other."""
    lowered = server_words.lower()
    for needle, kind in _KINDS:
        if needle in lowered:
            return kind
    return "other"


def server_words(stored: str) -> str:
    """The server's message as the outbox keeps it (older stores wrapped it in a sentence)."""
    if stored.startswith(_OLD_PREFIX):
        return stored[len(_OLD_PREFIX) :].removesuffix(".")
    return stored


@dataclass(frozen=True)
class RefusedChange:
    seq: int
    change_id: uuid.UUID
    table: str
    row_id: str
    operation: str
    made_at: dt.datetime
    patient_id: int | None
    patient_name: str  # empty when the change names no patient this desk holds
    kind: str
    server_words: str


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def _patient_of(table: str, row_id: str, payload: dict[str, object]) -> int | None:
    if table == "patient":
        return _int(payload.get("id", row_id))
    return _int(payload.get("patient_id"))


def _pairs(connection: Connection, query: Any, ids: set[int]) -> dict[Any, Any]:
    """``query``'s (key, value) rows whose key is one of ``ids``."""
    if not ids:
        return {}
    key = query.selected_columns[0]
    return {k: v for k, v in connection.execute(query.where(key.in_(ids)))}


def refused_changes(engine: Engine) -> list[RefusedChange]:
    """Every refused change this desk holds, oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(Outbox.__table__)
            .where(Outbox.state == OutboxState.QUARANTINED)
            .order_by(Outbox.seq)
        ).all()
        tasks_wanted = {
            task
            for row in rows
            if _patient_of(row.table_name, row.row_id, row.payload or {}) is None
            and (task := _int((row.payload or {}).get("task_id"))) is not None
        }
        task_patients = _pairs(
            connection, select(FollowupTask.id, FollowupTask.patient_id), tasks_wanted
        )
        entries = []
        for row in rows:
            payload = row.payload or {}
            patient = _patient_of(row.table_name, row.row_id, payload)
            if patient is None:
                patient = task_patients.get(_int(payload.get("task_id")) or 0)
            entries.append((row, patient))
        wanted = {patient for _, patient in entries if patient is not None}
        names = _pairs(connection, select(Patient.id, Patient.name), wanted)
    return [
        RefusedChange(
            seq=row.seq,
            change_id=row.change_id,
            table=row.table_name,
            row_id=row.row_id,
            operation=row.operation,
            made_at=row.created_at,
            patient_id=patient,
            patient_name=names.get(patient, "") if patient is not None else "",
            kind=refusal_kind(server_words(row.error or "")),
            server_words=server_words(row.error or ""),
        )
        for row, patient in entries
    ]


def send_again(engine: Engine, seqs: Sequence[int]) -> int:
    """Put refused changes back in line for the next push, in their first order (the outbox
    sends by sequence). Changes that are no longer refused are left alone. Answers how many."""
    if not seqs:
        return 0
    with engine.begin() as connection:
        result = connection.execute(
            update(Outbox)
            .where(Outbox.seq.in_(list(seqs)), Outbox.state == OutboxState.QUARANTINED)
            .values(state=OutboxState.PENDING, error="")
        )
        return int(result.rowcount or 0)


def it_report(changes: Sequence[RefusedChange]) -> str:
    """Plain text for the hospital's IT (change ids, tables, the server's words; no patient
    data), to paste into a ticket."""
    lines = []
    for change in changes:
        lines.append(
            f"{change.change_id}\t{change.table}\t{change.operation}\t{change.row_id}\t"
            f"{change.made_at.isoformat(timespec='seconds')}\t{change.server_words}"
        )
    return "\n".join(lines)
