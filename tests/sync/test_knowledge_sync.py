"""Articles reach the desks by the pull (only what the login may read), are found there by
the desk's own search, and a supervisor's edit at the desk reaches the server by the push."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Engine, text

from agent_app.domain.knowledge import ArticleText, parse_article
from agent_app.store.repositories.knowledge import load_article, save_article
from agent_app.store.repositories.knowledge_search import search_articles
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending

Connect = Callable[..., Engine]


def _article(server: Engine, slug: str, title: str, department: int, state: str) -> None:
    with server.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO knowledge_article (id, slug, title, category, department_id, "
                "may_read_to_patient, review_date, state, body) VALUES (:i, :s, :t, "
                "'medication', :d, true, '2027-01-01', :st, '每天固定时间服药，定期复查。')"
            ),
            {"i": uuid.uuid4(), "s": slug, "t": title, "d": department, "st": state},
        )


def _edit(server: Engine, title: str, body: str) -> ArticleText:
    """The warfarin article as a supervisor of department 1 rewrites it at the desk."""
    with server.connect() as connection:
        code = connection.execute(text("SELECT code FROM department WHERE id = 1")).scalar_one()
    return parse_article(
        f"---\nslug: warfarin\ntitle: {title}\ncategory: medication\n"
        f"department: {code}\nmay_read_to_patient: yes\nreview_date: 2027-09-30\n---\n"
        f"{body}\n",
        "edit",
    )


def test_an_approved_article_reaches_a_desk_and_is_found_there_and_a_draft_does_not(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    _article(server, "warfarin", "华法林注意事项", 1, "approved")
    _article(server, "warfarin-draft", "华法林草稿", 1, "draft")
    pull_changes(local, as_staff("nurse1"))
    assert [hit.slug for hit in search_articles(local, "华法林")] == ["warfarin"]
    assert [hit.slug for hit in search_articles(local, "复查")] == ["warfarin"]
    with local.connect() as connection:
        slugs = connection.execute(text("SELECT slug FROM knowledge_article")).scalars().all()
    assert slugs == ["warfarin"]
    # A later change on the server comes with the next pull.
    with server.begin() as connection:
        connection.execute(text("UPDATE knowledge_article SET title = '华法林怎么吃'"))
    pull_changes(local, as_staff("nurse1"))
    assert [hit.title for hit in search_articles(local, "怎么吃")] == ["华法林怎么吃"]


def test_a_supervisors_edit_at_the_desk_is_pushed_to_the_server(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    _article(server, "warfarin", "华法林注意事项", 1, "approved")
    supervisor = as_staff("nurse4")
    pull_changes(local, supervisor)
    article = _edit(server, "华法林注意事项（修订）", "按医生开的剂量服药，不要自行加减。")
    save_article(local, article, staff_id=4)
    report = push_pending(local, supervisor)
    assert report.pushed == 1
    with server.connect() as connection:
        title, writer = connection.execute(
            text("SELECT title, updated_by FROM knowledge_article WHERE slug = 'warfarin'")
        ).one()
    assert (title, writer) == ("华法林注意事项（修订）", 4)
    pull_changes(local, supervisor)
    assert load_article(local, "warfarin").title == "华法林注意事项（修订）"


def test_an_edit_waiting_to_be_pushed_is_not_overwritten_by_the_servers_older_copy(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    """The pull leaves rows with changes still in the outbox alone; an article's key is a
    uuid, which the pulled rows carry as 32 hex digits and the outbox with dashes."""
    _article(server, "warfarin", "华法林注意事项", 1, "approved")
    supervisor = as_staff("nurse4")
    pull_changes(local, supervisor)
    article = _edit(server, "华法林注意事项（待上传）", "按医生开的剂量服药。")
    save_article(local, article, staff_id=4)
    with server.begin() as connection:  # the server's copy changes meanwhile
        connection.execute(text("UPDATE knowledge_article SET category = 'diet'"))
    pull_changes(local, supervisor)
    assert load_article(local, "warfarin").title == "华法林注意事项（待上传）"
