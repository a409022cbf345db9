"""Bring a folder of article files into a store: all of them, or none.

Every file is read and checked before anything is written, and the rows go in one
transaction, so a malformed file (named in the :class:`KnowledgeError`) or an unknown
department leaves the store as it was. Articles are matched by slug: a file for an existing
slug overwrites it (its old text goes to ``audit_log``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.knowledge import ArticleText, KnowledgeError, parse_article
from agent_app.shipped_files import RESOURCES_DIR
from agent_app.store.repositories.knowledge import (
    check_editor,
    department_ids,
    queue_for_server,
    write_article,
)

SHIPPED_ARTICLES = RESOURCES_DIR / "knowledge"


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int


def read_folder(folder: Path) -> list[ArticleText]:
    """Every ``*.md`` file of ``folder``, checked, by file name; the first bad one raises."""
    files = sorted(folder.glob("*.md"))
    if not files:
        raise KnowledgeError("kb_no_files", source=str(folder))
    articles: list[ArticleText] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            content = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError("kb_no_front_matter", source=path.name) from exc
        article = parse_article(content, path.name)
        if article.slug in seen:
            raise KnowledgeError("kb_duplicate_slug", source=path.name, slug=article.slug)
        seen[article.slug] = path.name
        articles.append(article)
    return articles


def import_articles(
    engine: Engine, articles: list[ArticleText], *, staff_id: int | None
) -> ImportReport:
    """Write ``articles`` in one transaction. With ``staff_id`` (an administrator or the
    owner department's supervisor, checked per article) each is queued for the server;
    without it (seeding a store) nothing is queued."""
    created = updated = 0
    with Session(engine) as session, session.begin():
        departments = department_ids(session)
        for article in articles:
            department = departments.get(article.department_code)
            if department is None:
                raise KnowledgeError(
                    "kb_unknown_department",
                    source=article.slug,
                    department=article.department_code,
                )
            if staff_id is not None:
                check_editor(session, staff_id, department)
            row, new = write_article(session, article, department, staff_id)
            if staff_id is not None:
                queue_for_server(session, row, new, staff_id)
            created, updated = created + new, updated + (not new)
    return ImportReport(created, updated)


def import_folder(engine: Engine, folder: Path, *, staff_id: int | None) -> ImportReport:
    """:func:`read_folder` then :func:`import_articles`: all files or none."""
    return import_articles(engine, read_folder(folder), staff_id=staff_id)
