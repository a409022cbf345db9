"""The transfer directory: what the transfer dialog lists, where a department's calls go, and
the administrator's edits.

Only administrators write it (``check_admin`` here, grants on the server), and every change
is noted in ``audit_log``. A removal keeps the row with ``active`` false so that desks learn of
it by their pull. Reads are plain local queries (a few dozen rows): callers on the GUI thread
run them through ``run_in_background`` like every other store read.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.coded_error import CodedError
from agent_app.domain.transfer_targets import (
    MAX_LABEL,
    MAX_NUMBER,
    DirectoryTarget,
    TransferTargetKind,
    best_for_department,
    is_dialable,
)
from agent_app.store.repositories.templates import check_admin, record_edit
from agent_app.store.schema import Department, TransferTarget
from agent_app.store.schema.base import utcnow


class TransferTargetError(CodedError, ValueError):
    """An entry the directory cannot take; nothing was written."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "transfer_target_no_label": "the entry needs a name",
        "transfer_target_label_too_long": "the name is longer than {limit} characters",
        "transfer_target_bad_number": "'{number}' is not a number or SIP address a line can dial",
        "transfer_target_bad_duty": "the duty ends before it starts",
        "transfer_target_no_department": "there is no department {department_id}",
        "transfer_target_missing": "that entry is no longer in the directory",
    }


def list_targets(engine: Engine, now: dt.datetime | None = None) -> list[DirectoryTarget]:
    """Active entries that can take a call at ``now`` (default: now), by department and then
    follow-up lines before doctors."""
    moment = now or utcnow()
    with Session(engine) as session:
        rows = session.execute(
            select(TransferTarget, Department.name)
            .join(Department, Department.id == TransferTarget.department_id)
            .where(TransferTarget.active.is_(True))
            .order_by(Department.name, TransferTarget.kind.desc(), TransferTarget.label)
        ).all()
    entries = [_entry(row, name) for row, name in rows]
    return [e for e in entries if e.on_duty(moment)]


def target_for_department(
    engine: Engine, department_id: int, now: dt.datetime | None = None
) -> DirectoryTarget | None:
    """Where a call for ``department_id`` goes now: its follow-up line, else its doctor on
    duty; None when the directory has neither (the screen-pop then offers no transfer)."""
    return best_for_department(list_targets(engine, now), department_id, now or utcnow())


def save_target(
    engine: Engine,
    *,
    staff_id: int,
    department_id: int,
    kind: TransferTargetKind,
    label: str,
    number: str,
    duty: tuple[dt.datetime, dt.datetime] | None = None,
    target_id: int | None = None,
) -> DirectoryTarget:
    """Add an entry (or change ``target_id``); administrators only (``EditNotAllowedError``).
    Bad input raises ``TransferTargetError`` and writes nothing."""
    label, number = label.strip(), number.strip()
    _check(label, number, duty)
    with Session(engine) as session, session.begin():
        check_admin(session, staff_id)
        department = session.get(Department, department_id)
        if department is None:
            raise TransferTargetError("transfer_target_no_department", department_id=department_id)
        row = (
            TransferTarget(active=True)
            if target_id is None
            else session.get(TransferTarget, target_id)
        )
        if row is None or not row.active:
            raise TransferTargetError("transfer_target_missing")
        row.department_id, row.kind, row.label, row.number = department_id, kind, label, number
        row.duty_starts_at, row.duty_ends_at = duty if duty else (None, None)
        row.changed_by_id, row.changed_at = staff_id, utcnow()
        session.add(row)
        session.flush()
        record_edit(
            session,
            staff_id,
            "transfer_target",
            row.id,
            {"department_id": department_id, "kind": kind.value, "label": label, "active": True},
        )
        return _entry(row, department.name)


def remove_target(engine: Engine, target_id: int, *, staff_id: int) -> None:
    """Take an entry out of the directory (the row stays, inactive, for the desks' pull)."""
    with Session(engine) as session, session.begin():
        check_admin(session, staff_id)
        row = session.get(TransferTarget, target_id)
        if row is None or not row.active:
            raise TransferTargetError("transfer_target_missing")
        row.active, row.changed_by_id, row.changed_at = False, staff_id, utcnow()
        record_edit(session, staff_id, "transfer_target", row.id, {"active": False})


def _check(label: str, number: str, duty: tuple[dt.datetime, dt.datetime] | None) -> None:
    if not label:
        raise TransferTargetError("transfer_target_no_label")
    if len(label) > MAX_LABEL:
        raise TransferTargetError("transfer_target_label_too_long", limit=MAX_LABEL)
    if len(number) > MAX_NUMBER or not is_dialable(number):
        raise TransferTargetError("transfer_target_bad_number", number=number[:MAX_NUMBER])
    if duty is not None and duty[1] <= duty[0]:
        raise TransferTargetError("transfer_target_bad_duty")


def _entry(row: TransferTarget, department_name: str) -> DirectoryTarget:
    return DirectoryTarget(
        id=row.id,
        department_id=row.department_id,
        department_name=department_name,
        kind=row.kind,
        label=row.label,
        number=row.number,
        duty_starts_at=row.duty_starts_at,
        duty_ends_at=row.duty_ends_at,
    )
