"""Complaints and suggestions: registered from a call or by hand, assigned to a department,
replied to, closed.

States move only forward: open → assigned → replied → closed; a complaint may be re-assigned
while assigned and replied to again while replied. Every step appends to ``replies`` (the
complaint's history: who, when, what), so the server, whose sync rule takes state, replies
and closing time, receives the whole story; the department id travels in that history too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import ComplaintState
from agent_app.store.schema import CallAttempt, Complaint, Department, FollowupTask
from agent_app.store.schema.base import utcnow
from agent_app.supervision.errors import ComplaintError, ComplaintStateError, NotFoundError
from agent_app.supervision.persist import persist

KINDS = ("complaint", "suggestion", "praise")

# Which states each step may start from, and where it leads.
_STEPS: dict[str, tuple[frozenset[ComplaintState], ComplaintState]] = {
    "assign": (
        frozenset({ComplaintState.OPEN, ComplaintState.ASSIGNED}),
        ComplaintState.ASSIGNED,
    ),
    "reply": (
        frozenset({ComplaintState.ASSIGNED, ComplaintState.REPLIED}),
        ComplaintState.REPLIED,
    ),
    "close": (frozenset({ComplaintState.REPLIED}), ComplaintState.CLOSED),
}

_WHY = {
    "assign": "only an open or assigned complaint can be assigned",
    "reply": "assign it to a department before replying",
    "close": "a complaint is closed only after it has been replied to",
}


@dataclass(frozen=True)
class ComplaintEvent:
    step: str  # register, assign, reply, close
    staff_id: int
    at: dt.datetime
    text: str
    department_id: int | None


@dataclass(frozen=True)
class ComplaintView:
    id: uuid.UUID
    kind: str
    summary: str
    state: ComplaintState
    patient_id: int | None
    attempt_id: uuid.UUID | None
    department_id: int | None
    department_name: str
    created_by_id: int
    created_at: dt.datetime
    closed_at: dt.datetime | None
    history: tuple[ComplaintEvent, ...]


def _event(step: str, staff_id: int, text: str, department_id: int | None) -> dict[str, Any]:
    return {
        "step": step,
        "staff_id": staff_id,
        "at": utcnow().isoformat(),
        "text": text,
        "department_id": department_id,
    }


def _view(row: Complaint, department_name: str) -> ComplaintView:
    history = tuple(
        ComplaintEvent(
            str(e.get("step", "")),
            int(e.get("staff_id", 0)),
            dt.datetime.fromisoformat(str(e["at"])),
            str(e.get("text", "")),
            e.get("department_id"),
        )
        for e in row.replies or []
    )
    return ComplaintView(
        row.id,
        row.kind,
        row.summary,
        row.state,
        row.patient_id,
        row.attempt_id,
        row.department_id,
        department_name,
        row.created_by_id,
        row.created_at,
        row.closed_at,
        history,
    )


def _department_name(session: Session, department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = session.get(Department, department_id)
    if department is None:
        raise NotFoundError(f"Department {department_id} is not in this store.")
    return department.name


def register_complaint(
    engine: Engine,
    staff_id: int,
    summary: str,
    *,
    kind: str = "complaint",
    patient_id: int | None = None,
    attempt_id: uuid.UUID | None = None,
    department_id: int | None = None,
) -> ComplaintView:
    """Register a complaint or suggestion, by hand or from a call (``attempt_id``: the
    patient and, unless given, the department come from the call's task)."""
    text = summary.strip()
    if not text:
        raise ComplaintError("Write what the complaint or suggestion is about.")
    if kind not in KINDS:
        raise ComplaintError(f"'{kind}' is not a kind of feedback; use {', '.join(KINDS)}.")
    with Session(engine) as session, session.begin():
        if attempt_id is not None:
            attempt = session.get(CallAttempt, attempt_id)
            if attempt is None:
                raise NotFoundError(f"The call {attempt_id} is not in this store.")
            patient_id = patient_id or attempt.patient_id
            if department_id is None and attempt.task_id is not None:
                task = session.get(FollowupTask, attempt.task_id)
                department_id = task.department_id if task else None
        name = _department_name(session, department_id)
        row = Complaint(
            id=uuid.uuid4(),
            patient_id=patient_id,
            attempt_id=attempt_id,
            department_id=department_id,
            kind=kind,
            summary=text,
            state=ComplaintState.OPEN,
            replies=[_event("register", staff_id, text, department_id)],
            created_by_id=staff_id,
            created_at=utcnow(),
        )
        persist(session, row, "insert", staff_id)
        return _view(row, name)


def _move(
    engine: Engine,
    staff_id: int,
    complaint_id: uuid.UUID,
    step: str,
    text: str,
    department_id: int | None = None,
) -> ComplaintView:
    allowed, target = _STEPS[step]
    with Session(engine) as session, session.begin():
        row = session.get(Complaint, complaint_id, with_for_update=True)
        if row is None:
            raise NotFoundError(f"Complaint {complaint_id} is not in this store.")
        if row.state not in allowed:
            raise ComplaintStateError(f"This complaint is {row.state.value}; {_WHY[step]}.")
        if step == "assign":
            row.department_id = department_id
        name = _department_name(session, row.department_id)
        row.state = target
        row.replies = [*(row.replies or []), _event(step, staff_id, text, row.department_id)]
        if target is ComplaintState.CLOSED:
            row.closed_at = utcnow()
        persist(session, row, "update", staff_id)
        return _view(row, name)


def assign_complaint(
    engine: Engine, staff_id: int, complaint_id: uuid.UUID, department_id: int, note: str = ""
) -> ComplaintView:
    """Hand the complaint to a department to answer (open or assigned → assigned)."""
    with Session(engine) as session:
        _department_name(session, department_id)
    return _move(engine, staff_id, complaint_id, "assign", note.strip(), department_id)


def reply_complaint(
    engine: Engine, staff_id: int, complaint_id: uuid.UUID, reply: str
) -> ComplaintView:
    """Record the department's reply (assigned or replied → replied)."""
    if not reply.strip():
        raise ComplaintError("Write the reply before saving it.")
    return _move(engine, staff_id, complaint_id, "reply", reply.strip())


def close_complaint(
    engine: Engine, staff_id: int, complaint_id: uuid.UUID, note: str = ""
) -> ComplaintView:
    """Close a replied complaint (replied → closed)."""
    return _move(engine, staff_id, complaint_id, "close", note.strip())


def list_complaints(
    engine: Engine,
    *,
    state: ComplaintState | None = None,
    department_id: int | None = None,
    limit: int = 200,
) -> list[ComplaintView]:
    """Complaints, newest first, optionally in one state or of one department."""
    query = (
        select(Complaint, Department.name)
        .outerjoin(Department, Department.id == Complaint.department_id)
        .order_by(Complaint.created_at.desc())
        .limit(limit)
    )
    if state is not None:
        query = query.where(Complaint.state == state)
    if department_id is not None:
        query = query.where(Complaint.department_id == department_id)
    with Session(engine) as session:
        return [_view(row, name or "") for row, name in session.execute(query)]
