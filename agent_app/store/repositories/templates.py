"""The administrator's questionnaire templates: list, load, check and save new versions.

Templates are versioned: a save always adds a row ``(code, version)`` and never overwrites an
older one, because results keep pointing at the version they were answered with. The new
version must be exactly the next number for its code. Call scripts are in
:mod:`agent_app.store.repositories.call_scripts`.

Everything is checked before anything is written, and each save is one transaction; a refusal
is a :class:`~agent_app.domain.questionnaire_model.QuestionnaireError` with a code and the
admin's values (its English ``str`` is the exact reason). Each save is noted in ``audit_log``
(action ``edit``). Templates and scripts are hospital-wide reference data that the server hands
out; this module writes them where the admin works (the central store, or the demo's local
store) and does not queue them for sync.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar, cast

from sqlalchemy import CursorResult, Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import Role
from agent_app.domain.questionnaire import (
    QuestionnaireError,
    Template,
    TemplateDiff,
    TemplateError,
    compare_templates,
    parse_template,
)
from agent_app.domain.template_errors import json_syntax_error
from agent_app.domain.template_limits import (
    MAX_DEPTH,
    TemplateLimit,
    TemplateLimitError,
    check_body_size,
    check_depth,
)
from agent_app.store.schema import AuditLog, FollowupPlan, QuestionnaireTemplate, Staff
from agent_app.store.schema.base import utcnow


class VersionNumberError(TemplateError):
    """The template's version is not the next one for its code."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "template_first_version": "Template '{template}' is new, so its version must be 1, "
        "not {version}.",
        "template_next_version": "Template '{template}': the latest stored version is "
        "{latest}, so the new one must be version {expected}, not {version}.",
        "template_saved_meanwhile": "Someone else saved this version of the template a moment "
        "ago; reload and try again.",
    }


class StoredVersionDamagedError(TemplateError):
    """The latest stored version cannot be read, so a new one cannot be compared with it;
    ``cause`` is why it cannot be read."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "template_stored_damaged": "The stored version {version} of '{template}' is damaged "
        "and cannot be compared:",
    }

    def __init__(self, version: int, template: str, cause: TemplateError) -> None:
        self.cause = cause  # before the sentence is made, which ends with it
        super().__init__("template_stored_damaged", version=version, template=template)

    def english(self) -> str:
        return f"{super().english()} {self.cause}"

    def as_json(self) -> dict[str, Any]:
        return {**super().as_json(), "cause": self.cause.as_json()}


class EditNotAllowedError(CodedError, QuestionnaireError):
    """The person saving is not an administrator."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "edit_not_admin": "Only an administrator may change templates and scripts.",
    }


class NotInStoreError(CodedError, LookupError):
    """The template (version) or call script asked for is not in the store."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "template_not_in_store": "There is no template '{template}' in this store.",
        "template_version_not_in_store": "There is no template '{template}' version {version} "
        "in this store.",
        "script_not_in_store": "There is no call script '{script}' in this store.",
    }


@dataclass(frozen=True)
class TemplateSummary:
    """One template code as the admin list shows it (its latest version)."""

    id: int
    code: str
    version: int
    title: str
    specialty: str
    active: bool
    versions: int
    plans: int  # active plans using any version of this code


@dataclass(frozen=True)
class StoredTemplate:
    id: int
    code: str
    version: int
    title: str
    active: bool
    body: dict[str, Any]
    template: Template

    @property
    def body_text(self) -> str:
        return format_body(self.body)


@dataclass(frozen=True)
class VersionCheck:
    """A checked new version and what it means for the answers stored under the previous one."""

    template: Template
    body: dict[str, Any]
    previous_id: int | None
    previous_version: int | None
    diff: TemplateDiff | None  # None for the first version of a code


@dataclass(frozen=True)
class SavedTemplate:
    id: int
    code: str
    version: int
    diff: TemplateDiff | None
    previous_deactivated: bool
    plans_moved: int


# Reading and checking --------------------------------------------------------------------------


def format_body(body: Mapping[str, Any]) -> str:
    """A template body as the editor shows it: indented JSON, Chinese kept readable."""
    return json.dumps(body, ensure_ascii=False, indent=2)


def read_template_text(text: str | Mapping[str, Any]) -> tuple[dict[str, Any], Template]:
    """Decode and check a template body; ``TemplateError`` with line and column for bad JSON,
    ``TemplateLimitError`` for a body too large or too deeply nested."""
    if isinstance(text, Mapping):
        data: object = dict(text)
        check_depth(data)  # before json.dumps, which recurses
        check_body_size(len(json.dumps(data, ensure_ascii=False).encode()))
    else:
        check_body_size(len(text.encode()))
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise json_syntax_error(exc) from None
        except RecursionError:
            # The decoder recurses per nesting level; a body deep enough to exhaust the stack
            # is far over the depth limit.
            raise TemplateLimitError(TemplateLimit.DEPTH, MAX_DEPTH) from None
    template = parse_template(data)
    assert isinstance(data, dict)  # parse_template refuses anything but an object
    return data, template


def read_template_file(path: Path) -> str:
    """The text of a template file (UTF-8, with or without a byte-order mark)."""
    try:
        check_body_size(path.stat().st_size)  # not read into memory first
        return path.read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError("template_file_not_utf8", file=path.name) from None
    except OSError as exc:
        raise TemplateError(
            "template_file_unreadable", file=path.name, detail=exc.strerror
        ) from None


def check_admin(session: Session, staff_id: int) -> None:
    """Refuse unless ``staff_id`` is an active administrator."""
    role = session.scalar(select(Staff.role).where(Staff.id == staff_id, Staff.active))
    if role is not Role.ADMIN:
        raise EditNotAllowedError("edit_not_admin")


def _plans_by_template(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(FollowupPlan.template_id, func.count())
        .where(FollowupPlan.active)
        .group_by(FollowupPlan.template_id)
    )
    return {template_id: count for template_id, count in rows}


def list_templates(engine: Engine) -> list[TemplateSummary]:
    """Every template code with its latest version, by code."""
    with Session(engine) as session:
        plans = _plans_by_template(session)
        rows = session.execute(
            select(
                QuestionnaireTemplate.id,
                QuestionnaireTemplate.code,
                QuestionnaireTemplate.version,
                QuestionnaireTemplate.title,
                QuestionnaireTemplate.active,
                QuestionnaireTemplate.body,
            ).order_by(QuestionnaireTemplate.code, QuestionnaireTemplate.version)
        ).all()
    found: dict[str, TemplateSummary] = {}
    used: dict[str, int] = {}
    counts: dict[str, int] = {}
    for tid, code, version, title, active, body in rows:
        used[code] = used.get(code, 0) + plans.get(tid, 0)
        counts[code] = counts.get(code, 0) + 1
        specialty = body.get("specialty", "") if isinstance(body, dict) else ""
        found[code] = TemplateSummary(tid, code, version, title, str(specialty), active, 0, 0)
    return [
        replace(summary, versions=counts[code], plans=used[code]) for code, summary in found.items()
    ]


def load_template(engine: Engine, code: str, version: int | None = None) -> StoredTemplate:
    """One stored version (the latest when ``version`` is None); ``LookupError`` if absent."""
    query = select(QuestionnaireTemplate).where(QuestionnaireTemplate.code == code)
    if version is not None:
        query = query.where(QuestionnaireTemplate.version == version)
    with Session(engine) as session:
        row = session.scalars(query.order_by(QuestionnaireTemplate.version.desc())).first()
        if row is None:
            if version is None:
                raise NotInStoreError("template_not_in_store", template=code)
            raise NotInStoreError("template_version_not_in_store", template=code, version=version)
        return StoredTemplate(
            row.id, row.code, row.version, row.title, row.active, row.body, parse_template(row.body)
        )


def _check_version(session: Session, text: str | Mapping[str, Any]) -> VersionCheck:
    body, template = read_template_text(text)
    previous = session.scalars(
        select(QuestionnaireTemplate)
        .where(QuestionnaireTemplate.code == template.code)
        .order_by(QuestionnaireTemplate.version.desc())
        .limit(1)
    ).first()
    expected = 1 if previous is None else previous.version + 1
    if template.version != expected:
        if previous is None:
            raise VersionNumberError(
                "template_first_version", template=template.code, version=template.version
            )
        raise VersionNumberError(
            "template_next_version",
            template=template.code,
            latest=previous.version,
            expected=expected,
            version=template.version,
        )
    if previous is None:
        return VersionCheck(template, body, None, None, None)
    try:
        old = parse_template(previous.body)
    except TemplateError as exc:
        # A damaged stored version cannot be compared; say so rather than guess compatibility.
        raise StoredVersionDamagedError(previous.version, template.code, exc) from exc
    return VersionCheck(
        template, body, previous.id, previous.version, compare_templates(old, template)
    )


def check_new_version(engine: Engine, text: str | Mapping[str, Any]) -> VersionCheck:
    """Check a body as the next version of its code, without writing anything."""
    with Session(engine) as session:
        return _check_version(session, text)


def save_template_version(
    engine: Engine,
    text: str | Mapping[str, Any],
    *,
    staff_id: int,
    deactivate_previous: bool = False,
    move_plans: bool = False,
) -> SavedTemplate:
    """Store a checked body as a new row (the next version of its code), in one transaction.

    ``deactivate_previous`` marks the older versions inactive; ``move_plans`` points the
    plans that used the previous version at the new one (their open tasks then ask it).
    Refuses with the exact reason (nothing written) when the body is malformed, the version is
    not the next one, or ``staff_id`` is not an administrator.
    """
    try:
        with Session(engine) as session, session.begin():
            check_admin(session, staff_id)
            check = _check_version(session, text)
            template = check.template
            row = QuestionnaireTemplate(
                code=template.code,
                version=template.version,
                title=template.title.zh_CN,
                body=check.body,
                active=True,
            )
            session.add(row)
            session.flush()
            moved = 0
            if check.previous_id is not None and move_plans:
                result = session.execute(
                    update(FollowupPlan)
                    .where(FollowupPlan.template_id == check.previous_id)
                    .values(template_id=row.id)
                )
                moved = cast(CursorResult[Any], result).rowcount
            if check.previous_id is not None and deactivate_previous:
                session.execute(
                    update(QuestionnaireTemplate)
                    .where(
                        QuestionnaireTemplate.code == template.code,
                        QuestionnaireTemplate.id != row.id,
                    )
                    .values(active=False)
                )
            record_edit(
                session,
                staff_id,
                "questionnaire_template",
                row.id,
                {"code": template.code, "version": template.version, "plans_moved": moved},
            )
            saved = SavedTemplate(
                row.id,
                template.code,
                template.version,
                check.diff,
                deactivate_previous and check.previous_id is not None,
                moved,
            )
    except IntegrityError:
        # Another admin saved the same version between our check and our insert.
        raise VersionNumberError("template_saved_meanwhile") from None
    return saved


def import_template_file(
    engine: Engine,
    path: Path,
    *,
    staff_id: int,
    deactivate_previous: bool = False,
    move_plans: bool = False,
) -> SavedTemplate:
    """Save a JSON template file as the next version of its code (same checks as a save)."""
    return save_template_version(
        engine,
        read_template_file(path),
        staff_id=staff_id,
        deactivate_previous=deactivate_previous,
        move_plans=move_plans,
    )


def record_edit(
    session: Session,
    staff_id: int,
    object_type: str,
    object_id: int | str,
    detail: dict[str, Any],
) -> None:
    """Note who changed which reference row, in the caller's transaction."""
    session.add(
        AuditLog(
            id=uuid.uuid4(),
            staff_id=staff_id,
            action="edit",
            object_type=object_type,
            object_id=str(object_id),
            detail=detail,
            at=utcnow(),
        )
    )
