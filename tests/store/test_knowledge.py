"""The knowledge base on both engines: Chinese search of any length, ranking, what a search
leaves out, the all-or-nothing importer, who may write, overdue reviews."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.knowledge import ArticleState, KnowledgeError, parse_article
from agent_app.store.repositories.knowledge import (
    list_articles,
    load_article,
    overdue_reviews,
    save_article,
    set_state,
)
from agent_app.store.repositories.knowledge_import import SHIPPED_ARTICLES, import_folder
from agent_app.store.repositories.knowledge_search import search_articles
from agent_app.store.schema import KnowledgeArticle, Outbox

CODES = ("CARD", "GSUR", "ORTH", "OBST", "NEUR", "RESP", "GAST", "ONCO", "ENDO", "UROL",
         "PEDI", "NEPH", "FUC")  # fmt: skip


def _departments(engine: Engine) -> None:
    with engine.begin() as connection:
        for number, code in enumerate(CODES, 1):
            connection.execute(
                text(
                    "INSERT INTO department (id, code, name, name_en, change_seq) "
                    "VALUES (:i, :c, :c, :c, 0)"
                ),
                {"i": number, "c": code},
            )
        connection.execute(
            text(
                "INSERT INTO staff (id, username, full_name, role, title, department_id, "
                "password_hash, sip_account, extension, active, change_seq) VALUES "
                "(1, 'sup_card', '王护士长', 'supervisor', '', 1, '', '', '', true, 0), "
                "(2, 'agent_card', '李护士', 'agent', '', 1, '', '', '', true, 0), "
                "(3, 'sup_gsur', '赵护士长', 'supervisor', '', 2, '', '', '', true, 0), "
                "(4, 'admin', '管理员', 'admin', '', 13, '', '', '', true, 0)"
            )
        )


@pytest.fixture
def kb_engine(store_engine: Engine) -> Engine:
    _departments(store_engine)
    import_folder(store_engine, SHIPPED_ARTICLES, staff_id=None)
    return store_engine


def _slugs(engine: Engine, query: str) -> list[str]:
    return [hit.slug for hit in search_articles(engine, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("华", "warfarin-precautions"),  # one character
        ("伤口", "wound-care-after-surgery"),  # two
        ("华法林", "warfarin-precautions"),  # three: the trigram index
        ("异地就医备案", "out-of-town-medical-registration"),
        ("inr", "warfarin-precautions"),  # Latin, case-blind
    ],
)
def test_search_finds_chinese_articles_of_any_query_length(
    kb_engine: Engine, query: str, expected: str
) -> None:
    assert expected in _slugs(kb_engine, query)


def test_every_hit_holds_the_query_and_title_hits_come_first(kb_engine: Engine) -> None:
    for query in ("伤口", "急诊", "复诊", "医保报销", "血"):
        hits = search_articles(kb_engine, query)
        assert hits, query
        for hit in hits:
            assert query in hit.title or query in hit.body
        tiers = [not hit.in_title for hit in hits]
        assert tiers == sorted(tiers), query
        for hit in hits:
            if query in hit.body:  # the snippet shows the body around its first match
                assert any(part.hit and part.text == query for part in hit.snippet)
    first = search_articles(kb_engine, "伤口")[0]
    assert "伤口" in first.title


def test_search_leaves_out_drafts_and_retired_articles_and_finds_nothing_absent(
    kb_engine: Engine,
) -> None:
    assert "warfarin-precautions" in _slugs(kb_engine, "华法林")
    set_state(kb_engine, "warfarin-precautions", ArticleState.RETIRED, staff_id=4)
    assert "warfarin-precautions" not in _slugs(kb_engine, "华法林")
    assert "warfarin-precautions" not in _slugs(kb_engine, "华")
    set_state(kb_engine, "warfarin-precautions", ArticleState.APPROVED, staff_id=4)
    assert "warfarin-precautions" in _slugs(kb_engine, "华法林")
    assert _slugs(kb_engine, "量子力学") == []
    assert _slugs(kb_engine, "   ") == []


def test_an_edited_article_is_found_by_its_new_words_only(kb_engine: Engine) -> None:
    stored = load_article(kb_engine, "low-salt-diet")
    article = parse_article(
        "---\nslug: low-salt-diet\ntitle: 低盐饮食\ncategory: diet\ndepartment: CARD\n"
        "may_read_to_patient: yes\nreview_date: 2027-06-30\n---\n酱油和味精也含钠，请控制用量。\n",
        "edit",
    )
    save_article(kb_engine, article, staff_id=1)
    assert "low-salt-diet" in _slugs(kb_engine, "味精")
    assert "low-salt-diet" not in _slugs(kb_engine, "限盐勺")
    assert load_article(kb_engine, "low-salt-diet").id == stored.id
    if kb_engine.dialect.name != "sqlite":
        return  # written on the server itself: nothing to queue
    with Session(kb_engine) as session:
        queued = session.scalars(
            select(Outbox).where(Outbox.table_name == "knowledge_article")
        ).all()
    assert [entry.operation for entry in queued] == ["update"]


@pytest.mark.parametrize(("staff_id", "slug"), [(2, "low-salt-diet"), (3, "low-salt-diet")])
def test_only_the_owner_departments_supervisor_or_an_admin_may_save(
    kb_engine: Engine, staff_id: int, slug: str
) -> None:
    stored = load_article(kb_engine, slug)
    text_ = (
        f"---\nslug: {slug}\ntitle: 改过的标题\ncategory: diet\ndepartment: CARD\n"
        "may_read_to_patient: yes\nreview_date: 2027-06-30\n---\n正文\n"
    )
    with pytest.raises(KnowledgeError) as refused:
        save_article(kb_engine, parse_article(text_, "x"), staff_id=staff_id)
    assert refused.value.code == "kb_not_allowed"
    assert load_article(kb_engine, slug).title == stored.title
    save_article(kb_engine, parse_article(text_, "x"), staff_id=4)  # the administrator
    assert load_article(kb_engine, slug).title == "改过的标题"
    assert Role.SUPERVISOR  # the roles the staff rows above carry


def test_a_malformed_file_names_itself_and_nothing_is_imported(
    store_engine: Engine, tmp_path: Path
) -> None:
    _departments(store_engine)
    folder = tmp_path / "kb"
    shutil.copytree(SHIPPED_ARTICLES, folder)
    (folder / "zz-broken.md").write_text(
        "---\nslug: broken\ntitle: 坏文件\ncategory: diet\ndepartment: CARD\n"
        "may_read_to_patient: maybe\nreview_date: 2027-01-01\n---\n正文\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeError) as refused:
        import_folder(store_engine, folder, staff_id=4)
    assert refused.value.code == "kb_bad_flag"
    assert "zz-broken.md" in str(refused.value)
    (folder / "zz-broken.md").write_text(
        "---\nslug: broken\ntitle: 坏文件\ncategory: diet\ndepartment: NOPE\n"
        "may_read_to_patient: no\nreview_date: 2027-01-01\n---\n正文\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeError) as unknown:
        import_folder(store_engine, folder, staff_id=4)
    assert unknown.value.code == "kb_unknown_department"
    with Session(store_engine) as session:
        assert session.scalar(select(func.count()).select_from(KnowledgeArticle)) == 0
        if store_engine.dialect.name == "sqlite":
            assert session.scalar(select(func.count()).select_from(Outbox)) == 0
    assert _slugs(store_engine, "伤口") == []


def test_the_shipped_articles_import_with_both_kinds_of_flag(kb_engine: Engine) -> None:
    articles = list_articles(kb_engine)
    assert len(articles) >= 30
    assert {a.may_read_to_patient for a in articles} == {True, False}
    assert all(a.state is ArticleState.APPROVED for a in articles)


def test_overdue_reviews_are_the_approved_articles_past_their_date(kb_engine: Engine) -> None:
    today = dt.date(2026, 12, 3)
    overdue = overdue_reviews(kb_engine, today)
    assert [a.slug for a in overdue] == ["smoking-cessation", "fall-prevention-at-home"]
    set_state(kb_engine, "smoking-cessation", ArticleState.RETIRED, staff_id=4)
    assert [a.slug for a in overdue_reviews(kb_engine, today)] == ["fall-prevention-at-home"]
    assert overdue_reviews(kb_engine, today, department_id=1) == []
