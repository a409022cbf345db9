"""The article editor: a supervisor edits their department's articles only, a new article is
a draft until approved (and only then found by the search), a save is queued for the server,
and a folder with a malformed file is refused whole with the file named."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import load_article
from agent_app.store.repositories.knowledge_import import SHIPPED_ARTICLES
from agent_app.store.repositories.knowledge_search import search_articles
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Department, KnowledgeArticle, Outbox
from agent_app.ui.knowledge.editor import KnowledgeEditor
from agent_app.ui.qt import Qt
from tests.ui.conftest import seeded_sqlite


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 20, seed=3)


def _cardiology_supervisor(engine: Engine) -> StaffAccount:
    with Session(engine) as session:
        card = session.scalars(select(Department.id).where(Department.code == "CARD")).one()
    return next(
        a for a in list_accounts(engine) if a.role is Role.SUPERVISOR and a.department_id == card
    )


def _open(qtbot: QtBot, engine: Engine, account: StaffAccount, **kwargs: object) -> KnowledgeEditor:
    editor = KnowledgeEditor(engine, account, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sig_loaded, timeout=15000):
        editor.show()
    return editor


def _select(editor: KnowledgeEditor, slug: str) -> None:
    editor.table.selectRow([a.slug for a in editor.articles].index(slug))


def _outbox(engine: Engine) -> int:
    with Session(engine) as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Outbox)
                .where(Outbox.table_name == "knowledge_article")
            )
            or 0
        )


def test_a_supervisor_edits_their_departments_article_and_not_anothers(
    qtbot: QtBot, store: Engine, chinese: None
) -> None:
    editor = _open(qtbot, store, _cardiology_supervisor(store))
    assert editor.windowTitle() == "知识库文章"
    _select(editor, "wound-care-after-surgery")  # surgery's
    assert not editor.save_button.isEnabled()
    _select(editor, "warfarin-precautions")  # cardiology's
    assert editor.save_button.isEnabled()
    editor.title.setText("华法林注意事项(修订)")
    with qtbot.waitSignal(editor.sig_saved, timeout=15000):
        qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_article(store, "warfarin-precautions").title == "华法林注意事项(修订)"
    assert _outbox(store) == 1
    assert "已保存" in editor.status.text()


def test_a_new_article_is_a_draft_until_approved(
    qtbot: QtBot, store: Engine, chinese: None
) -> None:
    editor = _open(qtbot, store, _cardiology_supervisor(store))
    editor.new_article()
    editor.slug.setText("statin-questions")
    editor.title.setText("他汀类药物常见问题")
    editor.body.setPlainText("他汀类药物请按医嘱每天服用，有肌肉酸痛请联系医生。")
    editor.save_button.click()
    qtbot.waitUntil(lambda: "statin-questions" in [a.slug for a in editor.articles], timeout=15000)
    qtbot.waitUntil(lambda: editor._shown == "statin-questions", timeout=15000)
    # the list reloaded and the saved article is selected again: the message is still there
    assert "已保存" in editor.status.text(), editor.status.text()
    assert load_article(store, "statin-questions").state.value == "draft"
    assert [h.slug for h in search_articles(store, "他汀类")] == []
    _select(editor, "statin-questions")
    with qtbot.waitSignal(editor.sig_saved, timeout=15000):
        editor.approve_button.click()
    assert [h.slug for h in search_articles(store, "他汀类")] == ["statin-questions"]


def test_a_folder_with_a_malformed_file_is_refused_whole(
    qtbot: QtBot, store: Engine, tmp_path: Path, chinese: None
) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(SHIPPED_ARTICLES, folder)
    (folder / "new-one.md").write_text(
        "---\nslug: new-one\ntitle: 新文章\ncategory: diet\ndepartment: CARD\n"
        "may_read_to_patient: yes\nreview_date: 2027-01-01\n---\n新文章正文\n",
        "utf-8",
    )
    (folder / "zz-bad.md").write_text("slug: no front matter\n", "utf-8")
    admin = next(a for a in list_accounts(store) if a.role is Role.ADMIN)
    editor = _open(qtbot, store, admin, choose_folder=lambda _: folder)
    editor.import_button.click()
    qtbot.waitUntil(lambda: "zz-bad.md" in editor.status.text(), timeout=15000)
    assert "文件头" in editor.status.text()
    with Session(store) as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(KnowledgeArticle)
                .where(KnowledgeArticle.slug == "new-one")
            )
            == 0
        )
    assert _outbox(store) == 0
