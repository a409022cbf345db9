"""The administrator's call scripts: list, load, check and save.

Scripts are one row per code (plans point at the row), so a save overwrites it; the text it
replaces is kept in ``audit_log`` (action ``edit``, ``detail.previous_body``), which is the
script's edit history. A refusal is a :class:`~agent_app.domain.call_script.ScriptError` whose
message is the exact reason, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.call_script import CallScriptText, ScriptError, parse_script
from agent_app.domain.questionnaire_fields import ID_PATTERN
from agent_app.store.repositories.templates import NotInStoreError, check_admin, record_edit
from agent_app.store.schema import AuditLog, CallScript, FollowupPlan


@dataclass(frozen=True)
class ScriptSummary:
    id: int
    code: str
    title: str
    plans: int


@dataclass(frozen=True)
class StoredScript:
    id: int
    code: str
    title: str
    body: str
    script: CallScriptText


@dataclass(frozen=True)
class SavedScript:
    id: int
    code: str
    created: bool  # False: an existing script was overwritten (old text in audit_log)


# Reading and saving ---------------------------------------------------------------------------


def list_scripts(engine: Engine) -> list[ScriptSummary]:
    """Every call script with the number of active plans using it, by code."""
    with Session(engine) as session:
        plans = dict(
            session.execute(
                select(FollowupPlan.script_id, func.count())
                .where(FollowupPlan.active, FollowupPlan.script_id.is_not(None))
                .group_by(FollowupPlan.script_id)
            ).all()
        )
        rows = session.execute(
            select(CallScript.id, CallScript.code, CallScript.title).order_by(CallScript.code)
        ).all()
    return [ScriptSummary(sid, code, title, plans.get(sid, 0)) for sid, code, title in rows]


def load_script(engine: Engine, code: str) -> StoredScript:
    """The script with this code; ``LookupError`` if absent."""
    with Session(engine) as session:
        row = session.scalars(select(CallScript).where(CallScript.code == code)).first()
        if row is None:
            raise NotInStoreError("script_not_in_store", script=code)
        return StoredScript(row.id, row.code, row.title, row.body, parse_script(row.body))


def save_script(engine: Engine, code: str, title: str, text: str, *, staff_id: int) -> SavedScript:
    """Create or overwrite the script ``code`` after checking it (``ScriptError`` with the
    exact reason, nothing written); the text it replaces goes to ``audit_log``."""
    if not ID_PATTERN.match(code):
        raise ScriptError("script_bad_code", value=repr(code))
    title = title.strip()
    if not title or len(title) > 120:
        raise ScriptError("script_bad_title")
    parse_script(text)
    with Session(engine) as session, session.begin():
        check_admin(session, staff_id)
        row = session.scalars(select(CallScript).where(CallScript.code == code)).first()
        created = row is None
        detail: dict[str, Any] = {"code": code}
        if row is None:
            row = CallScript(code=code, title=title, body=text)
            session.add(row)
        else:
            detail |= {"previous_title": row.title, "previous_body": row.body}
            row.title, row.body = title, text
        session.flush()
        record_edit(session, staff_id, "call_script", row.id, detail)
        return SavedScript(row.id, code, created)


@dataclass(frozen=True)
class ScriptEdit:
    """One save of a script: who, when, and the text it replaced (empty when created)."""

    staff_id: int
    at: dt.datetime
    previous_title: str
    previous_body: str


def script_history(engine: Engine, code: str) -> list[ScriptEdit]:
    """The saves of script ``code``, newest first."""
    with Session(engine) as session:
        script_id = session.scalar(select(CallScript.id).where(CallScript.code == code))
        if script_id is None:
            return []
        rows = session.scalars(
            select(AuditLog)
            .where(
                AuditLog.object_type == "call_script",
                AuditLog.object_id == str(script_id),
                AuditLog.action == "edit",
            )
            .order_by(AuditLog.at.desc())
        ).all()
        return [
            ScriptEdit(
                r.staff_id,
                r.at,
                str(r.detail.get("previous_title", "")),
                str(r.detail.get("previous_body", "")),
            )
            for r in rows
        ]
