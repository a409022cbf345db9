"""Text message templates in a store: list them, save and approve them, import the shipped ones.

Who may write mirrors the server's row security (migration 0020): an administrator, or a
supervisor of the template's owner department; a hospital-wide template (no department) only
an administrator. A save commits the row and its outbox entry together, like a knowledge
article, and the text it replaces goes to ``audit_log`` (action ``edit``). Every save is
checked by :func:`agent_app.domain.sms_template.check_body`, so a draft cannot hold advice
either; only approved templates are sent.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.sms_template import (
    SmsTemplateError,
    SmsTemplateKind,
    SmsTemplateState,
    SmsTemplateText,
    check_body,
    checked_template,
)
from agent_app.shipped_files import RESOURCES_DIR
from agent_app.store.repositories.knowledge import department_ids, queue_for_server
from agent_app.store.repositories.templates import record_edit
from agent_app.store.schema import Department, SmsTemplate, Staff
from agent_app.store.schema.base import utcnow

SHIPPED_TEMPLATES = RESOURCES_DIR / "sms_templates" / "templates.json"


@dataclass(frozen=True)
class StoredTemplate:
    id: uuid.UUID
    code: str
    kind: SmsTemplateKind
    title: str
    body: str
    department_code: str | None
    state: SmsTemplateState


def _stored(row: SmsTemplate, department_code: str | None) -> StoredTemplate:
    return StoredTemplate(
        row.id, row.code, row.kind, row.title, row.body, department_code, row.state
    )


def list_templates(
    engine: Engine, kind: SmsTemplateKind | None = None, *, approved_only: bool = False
) -> list[StoredTemplate]:
    """The templates this store holds (what the server let it pull), by title."""
    query = select(SmsTemplate, Department.code).outerjoin(
        Department, Department.id == SmsTemplate.department_id
    )
    if kind is not None:
        query = query.where(SmsTemplate.kind == kind)
    if approved_only:
        query = query.where(SmsTemplate.state == SmsTemplateState.APPROVED)
    with Session(engine) as session:
        rows = session.execute(query.order_by(SmsTemplate.title, SmsTemplate.code)).all()
    return [_stored(*row) for row in rows]


def load_template(engine: Engine, code: str) -> StoredTemplate:
    """The template ``code``; :class:`SmsTemplateError` ``sms_tpl_not_found`` otherwise."""
    found = [t for t in list_templates(engine) if t.code == code]
    if not found:
        raise SmsTemplateError("sms_tpl_not_found", template=code)
    return found[0]


def approved_template(session: Session, code: str) -> tuple[SmsTemplateKind, str] | None:
    """The kind and text of template ``code`` if it is approved, else None: an unapproved
    template is never sent, whatever a plan or a wrap-up names."""
    found = session.execute(
        select(SmsTemplate.kind, SmsTemplate.body).where(
            SmsTemplate.code == code, SmsTemplate.state == SmsTemplateState.APPROVED
        )
    ).first()
    return (found[0], found[1]) if found else None


def education_choices(session: Session) -> tuple[tuple[str, str], ...]:
    """The approved health-education templates, (code, title) by title, for the wrap-up."""
    rows = session.execute(
        select(SmsTemplate.code, SmsTemplate.title)
        .where(
            SmsTemplate.kind == SmsTemplateKind.HEALTH_EDUCATION,
            SmsTemplate.state == SmsTemplateState.APPROVED,
        )
        .order_by(SmsTemplate.title, SmsTemplate.code)
    )
    return tuple((code, title) for code, title in rows)


def may_edit(role: Role, own_department: int, template_department: int | None) -> bool:
    """The server's write rule: administrators; supervisors for their own department's."""
    return role is Role.ADMIN or (
        role is Role.SUPERVISOR
        and template_department is not None
        and own_department == template_department
    )


def _check_editor(session: Session, staff_id: int, department_id: int | None) -> None:
    found = session.execute(
        select(Staff.role, Staff.department_id).where(Staff.id == staff_id, Staff.active)
    ).first()
    if found is None or not may_edit(found[0], found[1], department_id):
        raise SmsTemplateError("sms_tpl_not_allowed")


def _write(
    session: Session, template: SmsTemplateText, department_id: int | None, staff_id: int | None
) -> tuple[SmsTemplate, bool]:
    """Create or overwrite the row with ``template.code`` (no checks, no outbox)."""
    row = session.scalars(select(SmsTemplate).where(SmsTemplate.code == template.code)).first()
    created = row is None
    if row is None:
        row = SmsTemplate(id=uuid.uuid4(), code=template.code)
        session.add(row)
    elif staff_id is not None:
        record_edit(
            session,
            staff_id,
            "sms_template",
            str(row.id),
            {"code": row.code, "previous_body": row.body, "previous_state": row.state.value},
        )
    row.kind, row.title, row.body = template.kind, template.title, template.body
    row.department_id, row.state = department_id, template.state
    row.updated_by, row.updated_at = staff_id, utcnow()
    return row, created


def save_template(engine: Engine, template: SmsTemplateText, *, staff_id: int) -> bool:
    """Check and save ``template`` (by code) as ``staff_id``, who must be allowed to write for
    the old and the new owner; queued for the server in the same transaction. True when the
    template is new."""
    check_body(template.body)
    with Session(engine) as session, session.begin():
        department: int | None = None
        if template.department_code:
            department = department_ids(session).get(template.department_code)
            if department is None:
                raise SmsTemplateError(
                    "sms_tpl_unknown_department", department=template.department_code
                )
        _check_editor(session, staff_id, department)
        old = session.execute(
            select(SmsTemplate.department_id).where(SmsTemplate.code == template.code)
        ).first()
        if old is not None:
            _check_editor(session, staff_id, old[0])
        row, created = _write(session, template, department, staff_id)
        queue_for_server(session, row, created, staff_id)
        return created


def set_state(engine: Engine, code: str, state: SmsTemplateState, *, staff_id: int) -> None:
    """Approve, retire or send back to draft template ``code`` (same rules as a save)."""
    stored = load_template(engine, code)
    save_template(
        engine,
        SmsTemplateText(
            stored.code, stored.kind, stored.title, stored.body, stored.department_code, state
        ),
        staff_id=staff_id,
    )


def read_shipped(path: Path = SHIPPED_TEMPLATES) -> list[SmsTemplateText]:
    """The templates shipped with the desk, checked, approved."""
    entries = json.loads(path.read_text("utf-8"))
    return [
        checked_template(
            code=e["code"],
            kind=e["kind"],
            title=e["title"],
            body=e["body"],
            state=SmsTemplateState.APPROVED.value,
        )
        for e in entries
    ]


def import_shipped(engine: Engine, path: Path = SHIPPED_TEMPLATES) -> int:
    """Add the shipped templates whose codes this store lacks (a hospital's own edits are
    kept); how many were added. Nothing is queued: run on the server or to seed a store."""
    added = 0
    with Session(engine) as session, session.begin():
        have = set(session.scalars(select(SmsTemplate.code)))
        for template in read_shipped(path):
            if template.code not in have:
                _write(session, template, None, None)
                added += 1
    return added
