"""The knowledge base on the follow-up screen, in zh_CN: Ctrl+K opens the search panel, typing
finds approved articles (one, two and more characters) with their badge, and a call script's
article link opens that article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.dialer.fake import FakeOdds, FakePhone
from agent_app.domain.enums import LineType
from agent_app.ui.call_bar import CallBar
from agent_app.ui.followup.followup_view import FollowupView
from agent_app.ui.knowledge.search_panel import KnowledgePanel
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QApplication, QLabel, Qt, QUrl
from tests.ui.conftest import seeded_sqlite
from tests.ui.test_followup_flow import cardiology_agent, open_next


@pytest.fixture(scope="module")
def kb_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 40, seed=5)


@pytest.fixture
def followup(
    qtbot: QtBot, kb_store: Engine, tmp_path: Path, chinese: None
) -> Iterator[FollowupView]:
    phone = FakePhone(FakeOdds(answer=1, no_answer=0, busy=0, wrong_number=0))
    bridge = PhoneBridge(phone)
    window = MainWindow(
        kb_store,
        cardiology_agent(kb_store),
        "Line: simulated (demo)",
        CallBar(bridge, tmp_path / "recordings"),
        drafts_dir=tmp_path / "drafts",
        line=LineType.FAKE,
    )
    qtbot.addWidget(window)
    window.show()
    view = open_next(qtbot, window)
    yield view
    window.writer.wait()
    bridge.stop()


def _search(qtbot: QtBot, panel: KnowledgePanel, text: str) -> list[str]:
    panel.query.clear()
    with qtbot.waitSignal(panel.sig_results_shown, timeout=15000):
        for character in text:  # as an input method commits them (QTest types Latin only)
            panel.query.insert(character)
    return [hit.slug for hit in panel.hits]


def test_ctrl_k_opens_the_panel_in_chinese_and_typing_finds_articles(
    qtbot: QtBot, followup: FollowupView
) -> None:
    followup.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is followup.window(), timeout=3000)
    qtbot.keyClick(followup.wrapup.disposition, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = followup.knowledge
    assert panel is not None and panel.isVisible()
    assert panel.windowTitle() == "知识库"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query, timeout=3000)
    assert "warfarin-precautions" in _search(qtbot, panel, "华法林")
    assert _search(qtbot, panel, "伤口")[0] == "wound-care-after-surgery"  # title hit first
    assert "night-emergency" in _search(qtbot, panel, "夜")
    assert panel.shown_slug == panel.hits[0].slug
    label = panel.results.itemWidget(panel.results.item(0))
    assert isinstance(label, QLabel)
    assert "可以读给患者" in label.text() and "background:#fff59d" in label.text()
    assert "可以读给患者" in panel.article.toHtml() or "可以读给患者" in panel.article.toPlainText()
    assert "internal-no-treatment-advice" in _search(qtbot, panel, "内部口径")
    internal = panel.hits.index(
        next(h for h in panel.hits if h.slug == "internal-no-treatment-advice")
    )
    panel.results.setCurrentRow(internal)
    assert "仅供内部" in panel.article.toPlainText()
    assert "已找到" in panel.status.text()


def test_a_script_link_opens_its_article(qtbot: QtBot, followup: FollowupView) -> None:
    html = followup.script.toHtml()
    assert "kb:warfarin-precautions" in html and "华法林注意事项" in followup.script.toPlainText()
    with qtbot.waitSignal(followup.script.sig_article, timeout=2000):
        followup.script.anchorClicked.emit(QUrl("kb:warfarin-precautions"))
    panel = followup.knowledge
    assert panel is not None
    qtbot.waitUntil(lambda: panel.shown_slug == "warfarin-precautions", timeout=15000)
    assert panel.isVisible()
    assert "定期抽血监测" in panel.article.toPlainText()
