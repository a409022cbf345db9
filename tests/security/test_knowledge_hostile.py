"""Knowledge-base articles against hostile staff logins on a real PostgreSQL: who reads
drafts, who writes across the department line, and what a pushed edit may do.

The small hospital: nurse1 is an agent of department 2, nurse4 the supervisor of
department 1, nurse5 hospital quality, nurse6 the administrator.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

Connect = Callable[..., Engine]
REFUSED = "row-level security|permission denied|violates"
ARTICLES = {  # slug -> (department, state)
    "approved-1": (1, "approved"),
    "draft-1": (1, "draft"),
    "draft-2": (2, "draft"),
    "internal-2": (2, "approved"),
    "retired-2": (2, "retired"),
}


def _articles(server: Engine) -> dict[str, uuid.UUID]:
    ids = {slug: uuid.uuid4() for slug in ARTICLES}
    with server.begin() as connection:
        for slug, (department, state) in ARTICLES.items():
            connection.execute(
                text(
                    "INSERT INTO knowledge_article (id, slug, title, category, department_id, "
                    "may_read_to_patient, review_date, state, body) VALUES (:i, :s, :s, "
                    "'diet', :d, :r, '2027-01-01', :st, '伤口护理的正文')"
                ),
                {"i": ids[slug], "s": slug, "d": department, "r": slug != "internal-2",
                 "st": state},
            )  # fmt: skip
    return ids


def _visible(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("SELECT slug FROM knowledge_article")).scalars())


@pytest.mark.parametrize(
    ("login", "sees"),
    [
        ("nurse1", {"approved-1", "internal-2"}),  # an agent: approved only, own drafts too
        ("nurse5", {"approved-1", "internal-2"}),  # quality staff
        ("nurse4", {"approved-1", "internal-2", "draft-1"}),  # supervisor of department 1
        ("nurse6", set(ARTICLES)),  # the administrator
    ],
)
def test_drafts_and_retired_articles_reach_only_their_departments_supervisor_and_admins(
    server: Engine, as_staff: Connect, login: str, sees: set[str]
) -> None:
    _articles(server)
    assert _visible(as_staff(login)) == sees


@pytest.mark.parametrize("login", ["nurse1", "nurse5"])
def test_agents_and_quality_staff_write_no_article(
    server: Engine, as_staff: Connect, login: str
) -> None:
    ids = _articles(server)
    hostile = as_staff(login)
    for sql in (
        "UPDATE knowledge_article SET title = 'x' WHERE id = :i",
        "INSERT INTO knowledge_article (id, slug, title, category, department_id, "
        "may_read_to_patient, review_date, state, body, updated_by) VALUES "
        "(gen_random_uuid(), 'new', 't', 'diet', 2, true, '2027-01-01', 'approved', 'b', 1)",
        "DELETE FROM knowledge_article WHERE id = :i",
    ):
        with pytest.raises(DBAPIError, match=REFUSED), hostile.begin() as connection:
            connection.execute(text(sql), {"i": ids["approved-1"]})
    assert _visible(server) == set(ARTICLES)


def test_a_supervisor_writes_only_their_own_departments_articles(
    server: Engine, as_staff: Connect
) -> None:
    ids = _articles(server)
    supervisor = as_staff("nurse4")
    with supervisor.begin() as connection:
        own = connection.execute(
            text("UPDATE knowledge_article SET title = '改', updated_by = 4 WHERE id = :i"),
            {"i": ids["approved-1"]},
        )
        assert own.rowcount == 1
        other = connection.execute(  # visible (approved) but another department's
            text("UPDATE knowledge_article SET title = '改', updated_by = 4 WHERE id = :i"),
            {"i": ids["internal-2"]},
        )
        assert other.rowcount == 0
    for sql in (
        # moving an own article to department 2
        "UPDATE knowledge_article SET department_id = 2, updated_by = 4 WHERE id = :i",
        # signing someone else's name
        "UPDATE knowledge_article SET title = 'y', updated_by = 6 WHERE id = :i",
        # a new article for department 2
        "INSERT INTO knowledge_article (id, slug, title, category, department_id, "
        "may_read_to_patient, review_date, state, body, updated_by) VALUES "
        "(gen_random_uuid(), 'new', 't', 'diet', 2, true, '2027-01-01', 'approved', 'b', 4)",
        "DELETE FROM knowledge_article WHERE id = :i",
    ):
        with pytest.raises(DBAPIError, match=REFUSED), supervisor.begin() as connection:
            connection.execute(text(sql), {"i": ids["approved-1"]})
    with server.connect() as connection:
        titles = dict(connection.execute(text("SELECT slug, title FROM knowledge_article")).all())
        departments = dict(
            connection.execute(text("SELECT slug, department_id FROM knowledge_article")).all()
        )
    assert titles["approved-1"] == "改" and titles["internal-2"] == "internal-2"
    assert departments["approved-1"] == 1


def _push(engine: Engine, payload: dict[str, object], op: str = "update") -> str:
    change = {
        "change_id": str(uuid.uuid4()),
        "table": "knowledge_article",
        "op": op,
        "row_id": str(payload["id"]),
        "payload": payload,
    }
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT * FROM sync_push(CAST(:c AS jsonb))"), {"c": json.dumps([change])}
        ).one()
    return str(row[1])


def _payload(article_id: uuid.UUID, slug: str, department: int, title: str) -> dict[str, object]:
    return {
        "id": str(article_id), "slug": slug, "title": title, "category": "diet",
        "department_id": department, "may_read_to_patient": True,
        "review_date": "2027-06-30", "state": "approved", "body": "新的正文",
        "updated_by": 1, "updated_at": None, "change_seq": 0,
    }  # fmt: skip


def test_a_pushed_edit_is_applied_for_the_own_department_and_refused_across_the_line(
    server: Engine, as_staff: Connect
) -> None:
    ids = _articles(server)
    supervisor, agent = as_staff("nurse4"), as_staff("nurse1")
    assert _push(supervisor, _payload(ids["draft-1"], "draft-1", 1, "改过")) == "applied"
    assert _push(supervisor, _payload(ids["internal-2"], "internal-2", 2, "改过")) == "refused"
    assert _push(supervisor, _payload(uuid.uuid4(), "new-2", 2, "新"), "insert") == "refused"
    assert _push(agent, _payload(ids["internal-2"], "internal-2", 2, "改过")) == "refused"
    new = uuid.uuid4()
    assert _push(supervisor, _payload(new, "new-1", 1, "新"), "insert") == "applied"
    with server.connect() as connection:
        rows = {
            slug: (title, writer)
            for slug, title, writer in connection.execute(
                text("SELECT slug, title, updated_by FROM knowledge_article")
            )
        }
    assert rows["draft-1"] == ("改过", 4)  # the writer's own staff id, whatever the desk says
    assert rows["internal-2"] == ("internal-2", None)
    assert rows["new-1"] == ("新", 4) and "new-2" not in rows


@pytest.mark.parametrize("login", ["nurse1", "nurse4", "nurse6"])
def test_the_server_search_returns_approved_articles_only_whoever_calls(
    server: Engine, as_staff: Connect, login: str
) -> None:
    _articles(server)
    with as_staff(login).connect() as connection:
        found = set(
            connection.execute(
                text("SELECT slug FROM desk_kb_search(ARRAY['伤口'], '伤口', false, 30)")
            ).scalars()
        )
    assert found == {"approved-1", "internal-2"}


def test_an_inactive_staff_login_finds_nothing(server: Engine, as_staff: Connect) -> None:
    _articles(server)
    agent = as_staff("nurse1")
    with server.begin() as connection:
        connection.execute(text("UPDATE staff SET active = false WHERE username = 'nurse1'"))
    with agent.connect() as connection:
        found = connection.execute(
            text("SELECT count(*) FROM desk_kb_search(ARRAY['伤口'], '伤口', false, 30)")
        ).scalar_one()
    assert found == 0
