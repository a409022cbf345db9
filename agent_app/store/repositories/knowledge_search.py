"""Find approved articles by a Chinese (or any) substring, on the desk's SQLite or the server.

Ranking: articles whose title holds the query first, then those whose body does (on the desk
in the index's order, which lets a query stop at its page; on the server by title). Each hit
carries a snippet of the body around the first match with every match marked
(``domain.knowledge.snippet``), the same on both engines.

Desk: three characters or more go to the FTS5 trigram index, one or two to the
character-and-pair index (migration 0017), in both cases title hits and body hits come from
the index alone and only the page of hits is read from the article table. A short query
holding punctuation or a space (which the pair index splits away) is answered by a plain
substring scan. Server: the GIN index over characters and pairs narrows, ``strpos`` checks.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from agent_app.domain.knowledge import (
    SHORT_QUERY,
    ArticleCategory,
    SnippetPart,
    fold_case,
    query_grams,
    search_query,
    snippet,
)

PAGE = 30


@dataclass(frozen=True)
class ArticleHit:
    id: uuid.UUID
    slug: str
    title: str
    category: ArticleCategory
    department_name: str
    may_read_to_patient: bool
    in_title: bool
    snippet: tuple[SnippetPart, ...]
    body: str


def search_articles(engine: Engine, query: str, limit: int = PAGE) -> list[ArticleHit]:
    """Approved articles holding ``query`` (trimmed; case-blind for Latin letters), title hits
    first; empty for an empty query."""
    wanted = fold_case(search_query(query))
    if not wanted:
        return []
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            rows = _desk_rows(connection, wanted, limit)
        else:
            rows = _server_rows(connection, wanted, limit)
    return [_hit(row, wanted) for row in rows]


def _hit(row: Sequence[Any], wanted: str) -> ArticleHit:
    article_id, slug, title, category, department, may_read, body = row
    return ArticleHit(
        article_id if isinstance(article_id, uuid.UUID) else uuid.UUID(str(article_id)),
        slug,
        title,
        ArticleCategory(category),
        department,
        bool(may_read),
        wanted in fold_case(title),
        snippet(body, wanted),
        body,
    )


_COLUMNS = "a.id, a.slug, a.title, a.category, d.name, a.may_read_to_patient, a.body"


def fts_phrase(wanted: str) -> str:
    """``wanted`` as one FTS5 string: every character literal."""
    return '"' + wanted.replace('"', '""') + '"'


def _desk_ids(connection: Connection, index: str, match: str, limit: int) -> list[int]:
    """Row ids matching ``match`` in FTS5 table ``index``, in the index's order: with a LIMIT
    and no ORDER BY the index stops at the page, so a common word costs no more than a rare
    one."""
    return list(
        connection.execute(
            text(f"SELECT rowid FROM {index} WHERE {index} MATCH :m LIMIT :limit"),
            {"m": match, "limit": limit},
        ).scalars()
    )


def _desk_rows(connection: Connection, wanted: str, limit: int) -> list[Sequence[Any]]:
    if len(wanted) < SHORT_QUERY and not wanted.isalnum():
        return _desk_scan(connection, wanted, limit)
    index = "knowledge_fts" if len(wanted) >= SHORT_QUERY else "knowledge_gram"
    phrase, approved = fts_phrase(wanted), 'state : "approved"'
    in_title = _desk_ids(connection, index, f"title : {phrase} AND {approved}", limit)
    anywhere = _desk_ids(
        connection, index, f"{{title body}} : {phrase} AND {approved}", limit + len(in_title)
    )
    order = list(dict.fromkeys(in_title + anywhere))[:limit]
    if not order:
        return []
    at = {rid: n for n, rid in enumerate(order)}
    marks = ", ".join(str(int(rid)) for rid in order)
    rows = connection.execute(
        text(
            f"SELECT a.rowid, {_COLUMNS} FROM knowledge_article a "
            f"JOIN department d ON d.id = a.department_id WHERE a.rowid IN ({marks})"
        )
    ).all()
    return [tuple(row[1:]) for row in sorted(rows, key=lambda row: at[row[0]])]


def _desk_scan(connection: Connection, wanted: str, limit: int) -> list[Sequence[Any]]:
    """A short query the indexes cannot take (punctuation, a space): read every article."""
    return list(
        connection.execute(
            text(
                f"SELECT {_COLUMNS} FROM knowledge_article a "
                "JOIN department d ON d.id = a.department_id "
                "WHERE a.state = 'approved' AND (instr(lower(a.title), :q) > 0 "
                "OR instr(lower(a.body), :q) > 0) "
                "ORDER BY instr(lower(a.title), :q) = 0, a.title LIMIT :limit"
            ),
            {"q": wanted, "limit": limit},
        ).all()
    )


# Migration 0017's SECURITY DEFINER search: approved articles only, through the GIN index
# (row-level security would keep a staff login's own query from using it).
SERVER_SEARCH = "SELECT * FROM desk_kb_search(CAST(:grams AS text[]), :q, :check, :limit)"


def _server_rows(connection: Connection, wanted: str, limit: int) -> list[Sequence[Any]]:
    # One- and two-character queries of letters are answered exactly by the pairs; a longer
    # one (or one with a space) only narrowed, so strpos checks the candidates.
    check = len(wanted) >= SHORT_QUERY or not wanted.isalnum()
    grams = query_grams(wanted) if wanted.strip() else []
    return list(
        connection.execute(
            text(SERVER_SEARCH),
            {"grams": [g for g in grams if g.strip()], "check": check, "q": wanted, "limit": limit},
        ).all()
    )
