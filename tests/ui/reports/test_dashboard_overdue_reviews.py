"""Knowledge articles past their review date show on the statistics dashboard: a supervisor's
own department's, every department's for quality staff; none when nothing is overdue."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.knowledge import ArticleCategory, ArticleState, ArticleText
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import write_article
from agent_app.ui.reports.dashboard import StatsDashboard
from tests.reports.tiny_hospital import NURSE_B
from tests.ui.reports.dashboard_driver import TODAY, WAIT_MS, settle


def _articles(engine: Engine, *rows: tuple[str, str, int, dt.date, ArticleState]) -> None:
    with Session(engine) as session, session.begin():
        for slug, title, department, review, state in rows:
            article = ArticleText(
                slug, title, ArticleCategory.WOUND_CARE, "", True, review, "正文", state
            )
            write_article(session, article, department, None)


def _overdue_text(qtbot: QtBot, engine: Engine, account: StaffAccount) -> str:
    dashboard = StatsDashboard(engine, account, today=lambda: TODAY)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.overdue_reviews.sig_loaded, timeout=WAIT_MS):
        dashboard.show()
    notice = dashboard.overdue_reviews
    shown = notice.text() if notice.isVisible() else ""
    settle(qtbot)  # the dashboard's own first refresh
    return shown


def test_overdue_reviews_show_on_the_dashboard_by_department(
    qtbot: QtBot, tiny_store: Engine, supervisor: StaffAccount, quality: StaffAccount
) -> None:
    assert supervisor.id == NURSE_B and supervisor.department_id == 2
    assert _overdue_text(qtbot, tiny_store, supervisor) == ""
    _articles(
        tiny_store,
        ("wound", "术后伤口护理", 2, dt.date(2026, 10, 1), ArticleState.APPROVED),
        ("diet", "外科饮食", 2, dt.date(2027, 1, 1), ArticleState.APPROVED),
        ("old", "旧文章", 2, dt.date(2026, 1, 1), ArticleState.RETIRED),
        ("warfarin", "华法林注意事项", 1, dt.date(2026, 9, 1), ArticleState.APPROVED),
    )
    shown = _overdue_text(qtbot, tiny_store, supervisor)
    assert "术后伤口护理 (2026-10-01)" in shown
    assert "华法林" not in shown and "外科饮食" not in shown and "旧文章" not in shown
    everyone = _overdue_text(qtbot, tiny_store, quality)
    assert "术后伤口护理" in everyone and "华法林注意事项" in everyone
