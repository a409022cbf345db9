"""The administrator's calling calendar: local exceptions added and removed with a date and a
reason, the holiday data's range, and the warning when it runs out (on the page in zh_CN and
in the administrator's status bar, never an agent's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.domain.national_holidays import last_known_day
from agent_app.domain.views import StaffAccount
from agent_app.domain.work_calendar import ExceptionKind
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.calendar_exceptions import list_exceptions
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.admin import calendar_page
from agent_app.ui.admin.calendar_page import CalendarPage
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QDate, QPushButton
from tests.conftest import DEMO_TODAY

END = last_known_day()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_store(engine, 5, seed=3, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()


def _account(engine: Engine, role: Role) -> StaffAccount:
    return next(a for a in list_accounts(engine) if a.role is role)


def _page(qtbot: QtBot, store: Engine, today: dt.date) -> CalendarPage:
    page = CalendarPage(store, _account(store, Role.ADMIN), today=today)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.show()
    return page


def test_the_page_in_chinese_warns_that_the_holiday_data_runs_out(
    qtbot: QtBot, store: Engine, chinese: None
) -> None:
    page = _page(qtbot, store, END - dt.timedelta(days=28))
    assert page.banner.isVisible()
    assert page.banner.text().startswith("国家法定节假日数据截止到")
    assert f"{END.isoformat()}（还剩 28 天）" in page.banner.text()
    assert f"{END.year}" in page.data_range.text() and "调休上班日" in page.data_range.text()
    assert page.windowTitle() == "拨打日历"

    ended = _page(qtbot, store, END + dt.timedelta(days=3))
    assert ended.banner.isVisible()
    assert ended.banner.text().startswith(f"国家法定节假日数据已于 {END.isoformat()} 截止")
    assert "法定节假日不会被跳过" in ended.banner.text()


def test_no_banner_while_the_data_lasts_longer_than_60_days(qtbot: QtBot, store: Engine) -> None:
    page = _page(qtbot, store, END - dt.timedelta(days=61))
    assert not page.banner.isVisible() and page.banner.text() == ""


def test_the_admin_adds_and_removes_a_closure_day_with_its_reason(
    qtbot: QtBot, store: Engine, chinese: None
) -> None:
    page = _page(qtbot, store, dt.date(2026, 12, 3))
    page.day.setDate(QDate(2026, 12, 16))
    page.kind.setCurrentIndex(page.kind.findData(ExceptionKind.CLOSED.value))
    page.reason.setText("全院消防演练")
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.add_button.click()
    assert page.result.text() == "已添加 2026-12-16：停诊日（不拨打）。"
    assert [page.model.index(0, c).data() for c in range(3)] == [
        "2026-12-16",
        "停诊日（不拨打）",
        "全院消防演练",
    ]
    assert [(e.day, e.kind) for e in list_exceptions(store)] == [
        (dt.date(2026, 12, 16), ExceptionKind.CLOSED)
    ]

    with qtbot.waitSignal(page.sig_refused, timeout=10_000) as refused:
        page.add_button.click()  # the same day again
    assert refused.args == ["2026-12-16 已有例外设置，请先删除。"]

    page.table.selectRow(0)
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.remove_button.click()
    assert page.model.rowCount() == 0 and list_exceptions(store) == []


def _window(qtbot: QtBot, engine: Engine, role: Role) -> MainWindow:
    window = MainWindow(engine, _account(engine, role), "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.show()
    return window


def test_only_the_administrators_status_bar_warns_and_it_opens_the_calendar(
    qtbot: QtBot, store: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent_app.ui.desk_tools import add_tools

    monkeypatch.setattr(calendar_page, "hospital_today", lambda: END - dt.timedelta(days=10))
    admin = _window(qtbot, store, Role.ADMIN)
    add_tools(admin)
    notice = admin.findChild(QPushButton, "holidayDataWarning")
    assert notice is not None and notice.isVisible()
    assert "10 days left" in notice.toolTip()
    notice.click()
    page = admin.findChild(CalendarPage)
    assert page is not None and page.isVisible() and page.banner.isVisible()

    for role in (Role.AGENT, Role.SUPERVISOR):
        desk = _window(qtbot, store, role)
        add_tools(desk)
        assert desk.findChild(QPushButton, "holidayDataWarning") is None

    monkeypatch.setattr(calendar_page, "hospital_today", lambda: END - dt.timedelta(days=90))
    calm = _window(qtbot, store, Role.ADMIN)
    add_tools(calm)
    assert calm.findChild(QPushButton, "holidayDataWarning") is None
