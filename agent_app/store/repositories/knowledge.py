"""Knowledge-base articles: read one, list them for the editor, save, approve, retire, and
find the ones whose review date has passed.

Who may write mirrors the server's row security (migration 0017): an administrator, or a
supervisor of the article's owner department. A save commits the row and its outbox entry
together, so a supervisor's edit at the desk reaches the server like any other change; the
text it replaces is kept in ``audit_log`` (action ``edit``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.knowledge import (
    ArticleCategory,
    ArticleState,
    ArticleText,
    KnowledgeError,
)
from agent_app.store.outbox import enqueue
from agent_app.store.repositories.templates import record_edit
from agent_app.store.schema import Department, KnowledgeArticle, Staff
from agent_app.store.schema.base import Base, utcnow


@dataclass(frozen=True)
class StoredArticle:
    id: uuid.UUID
    slug: str
    title: str
    category: ArticleCategory
    department_id: int
    department_name: str
    may_read_to_patient: bool
    review_date: dt.date
    state: ArticleState
    body: str

    def review_overdue(self, today: dt.date) -> bool:
        return self.state is ArticleState.APPROVED and self.review_date < today


@dataclass(frozen=True)
class SavedArticle:
    id: uuid.UUID
    slug: str
    created: bool


def _stored(row: KnowledgeArticle, department_name: str) -> StoredArticle:
    return StoredArticle(
        row.id,
        row.slug,
        row.title,
        row.category,
        row.department_id,
        department_name,
        row.may_read_to_patient,
        row.review_date,
        row.state,
        row.body,
    )


def _with_department() -> Any:
    return select(KnowledgeArticle, Department.name).join(
        Department, Department.id == KnowledgeArticle.department_id
    )


def load_article(engine: Engine, slug: str) -> StoredArticle:
    """The article ``slug``; :class:`KnowledgeError` ``kb_not_found`` if this store lacks it."""
    with Session(engine) as session:
        found = session.execute(_with_department().where(KnowledgeArticle.slug == slug)).first()
    if found is None:
        raise KnowledgeError("kb_not_found", slug=slug)
    return _stored(*found)


def list_articles(engine: Engine) -> list[StoredArticle]:
    """Every article in this store (what the server let this desk pull), by title."""
    with Session(engine) as session:
        rows = session.execute(_with_department().order_by(KnowledgeArticle.title)).all()
    return [_stored(*row) for row in rows]


def overdue_reviews(
    engine: Engine, today: dt.date, department_id: int | None = None
) -> list[StoredArticle]:
    """Approved articles whose review date is before ``today``, oldest first; one
    department's only when ``department_id`` is given."""
    query = _with_department().where(
        KnowledgeArticle.state == ArticleState.APPROVED, KnowledgeArticle.review_date < today
    )
    if department_id is not None:
        query = query.where(KnowledgeArticle.department_id == department_id)
    with Session(engine) as session:
        rows = session.execute(query.order_by(KnowledgeArticle.review_date)).all()
    return [_stored(*row) for row in rows]


def may_edit(role: Role, own_department: int, article_department: int) -> bool:
    """The server's write rule: administrators, and supervisors of the owner department."""
    return role is Role.ADMIN or (role is Role.SUPERVISOR and own_department == article_department)


def check_editor(session: Session, staff_id: int, department_id: int) -> None:
    """Refuse (``kb_not_allowed``) unless ``staff_id`` may write an article of that department."""
    found = session.execute(
        select(Staff.role, Staff.department_id).where(Staff.id == staff_id, Staff.active)
    ).first()
    if found is None or not may_edit(found[0], found[1], department_id):
        raise KnowledgeError("kb_not_allowed")


def department_ids(session: Session) -> dict[str, int]:
    return {code: did for code, did in session.execute(select(Department.code, Department.id))}


def write_article(
    session: Session, article: ArticleText, department_id: int, staff_id: int | None
) -> tuple[KnowledgeArticle, bool]:
    """Create or overwrite the article with ``article.slug`` in ``session`` (no checks, no
    outbox): the one place that copies an :class:`ArticleText` onto a row."""
    row = session.scalars(
        select(KnowledgeArticle).where(KnowledgeArticle.slug == article.slug)
    ).first()
    created = row is None
    if row is None:
        row = KnowledgeArticle(id=uuid.uuid4(), slug=article.slug)
        session.add(row)
    elif staff_id is not None:
        record_edit(
            session,
            staff_id,
            "knowledge_article",
            str(row.id),
            {
                "slug": row.slug,
                "previous_title": row.title,
                "previous_body": row.body,
                "previous_state": row.state.value,
            },
        )
    row.title, row.category, row.department_id = article.title, article.category, department_id
    row.may_read_to_patient, row.review_date = article.may_read_to_patient, article.review_date
    row.state, row.body = article.state, article.body
    row.updated_by, row.updated_at = staff_id, utcnow()
    return row, created


def queue_for_server(session: Session, row: Base, created: bool, staff_id: int) -> None:
    """On a desk, queue a saved reference row (an article, a text message template) for the
    server; written on the server itself (an administrator's import there), it is already
    where every desk pulls from."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        enqueue(session, row, "insert" if created else "update", actor_id=staff_id)


def save_article(engine: Engine, article: ArticleText, *, staff_id: int) -> SavedArticle:
    """Create or overwrite ``article`` (by slug) as ``staff_id``, who must be allowed to write
    for both the old and the new owner department; queued for the server in the same
    transaction."""
    with Session(engine) as session, session.begin():
        department = department_ids(session).get(article.department_code)
        if department is None:
            raise KnowledgeError(
                "kb_unknown_department", source=article.slug, department=article.department_code
            )
        check_editor(session, staff_id, department)
        old = session.scalar(
            select(KnowledgeArticle.department_id).where(KnowledgeArticle.slug == article.slug)
        )
        if old is not None:
            check_editor(session, staff_id, old)
        row, created = write_article(session, article, department, staff_id)
        queue_for_server(session, row, created, staff_id)
        return SavedArticle(row.id, row.slug, created)


def set_state(engine: Engine, slug: str, state: ArticleState, *, staff_id: int) -> None:
    """Approve, retire or send back to draft the article ``slug`` (same rules as a save)."""
    stored = load_article(engine, slug)
    with Session(engine) as session:
        code = session.scalar(select(Department.code).where(Department.id == stored.department_id))
    save_article(
        engine,
        ArticleText(
            stored.slug,
            stored.title,
            stored.category,
            code or "",
            stored.may_read_to_patient,
            stored.review_date,
            stored.body,
            state,
        ),
        staff_id=staff_id,
    )


@dataclass(frozen=True)
class DepartmentChoice:
    id: int
    code: str
    name: str


def department_choices(engine: Engine) -> list[DepartmentChoice]:
    """Every department, by name, for the editor's owner list."""
    with Session(engine) as session:
        rows = session.execute(
            select(Department.id, Department.code, Department.name).order_by(Department.name)
        ).all()
    return [DepartmentChoice(*row) for row in rows]
