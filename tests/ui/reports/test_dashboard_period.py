"""The dashboard opens on the last complete month, follows the filter without Refresh, and its
caption names the period the figures on screen are for, also while new ones are computed."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.reports.filters import month_filter
from agent_app.ui.reports import dashboard as dashboard_module
from agent_app.ui.reports.dashboard_figures import Page
from tests.ui.reports.dashboard_driver import TODAY, WAIT_MS, open_dashboard

OCTOBER = month_filter(2026, 10)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[dt.date, dt.date]]:
    """The periods the dashboard computed, in order (recorded on the worker thread)."""
    periods: list[tuple[dt.date, dt.date]] = []
    real: Callable[..., Any] = dashboard_module.compute_dashboard

    def recording(engine: Engine, request: Any, *args: Any) -> Any:
        periods.append((request.filter.start, request.filter.end))
        return real(engine, request, *args)

    monkeypatch.setattr(dashboard_module, "compute_dashboard", recording)
    return periods


def test_it_opens_on_the_last_complete_month_even_two_days_into_a_new_one(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    assert TODAY.day == 2
    dashboard = open_dashboard(qtbot, tiny_store, quality)

    assert dashboard.filter_bar.period() == (OCTOBER.start, OCTOBER.end)
    assert dashboard.filter_bar.quick.currentData() == "last_month"
    assert dashboard.request is not None and dashboard.request.filter.start == OCTOBER.start
    assert dashboard.status.text() == "Figures for October 2026."
    rate = dashboard.pages[Page.RATE].model
    assert [rate.index(r, 1).data() for r in range(rate.rowCount())] == ["3", "2"]


def test_changing_the_period_refreshes_once_without_pressing_refresh(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, computed: list[Any]
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    assert computed == [(OCTOBER.start, OCTOBER.end)]
    bar = dashboard.filter_bar

    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=WAIT_MS):
        # A burst of changes, as when a date is typed digit by digit.
        bar.set_period(dt.date(2026, 10, 5), OCTOBER.end)
        bar.set_period(dt.date(2026, 10, 10), OCTOBER.end)
        bar.set_quick_period("last_3_months")
        assert dashboard.refresh_timer.isActive()  # waiting for the changes to stop
    qtbot.wait(dashboard.refresh_timer.interval() * 2)

    three_months = (dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    assert computed == [(OCTOBER.start, OCTOBER.end), three_months]
    assert dashboard.request is not None
    assert (dashboard.request.filter.start, dashboard.request.filter.end) == three_months
    assert dashboard.status.text() == "Figures for 2026-09-01 – 2026-11-30."


def test_the_caption_names_the_figures_shown_while_others_are_computed(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    release = threading.Event()
    real = dashboard_module.compute_dashboard

    def held(*args: Any) -> Any:
        release.wait(WAIT_MS / 1000)
        return real(*args)

    monkeypatch.setattr(dashboard_module, "compute_dashboard", held)

    dashboard.filter_bar.set_quick_period("this_month")
    # The filter says November; the figures are still October's, and the caption says so.
    assert dashboard.status.text() == (
        "Figures for October 2026; the changed filter is computed next…"
    )
    qtbot.waitUntil(lambda: dashboard.cancel_action.isEnabled(), timeout=WAIT_MS)
    assert dashboard.status.text() == "Figures for October 2026; computing November 2026…"

    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=WAIT_MS):
        release.set()
    assert dashboard.status.text() == "Figures for November 2026."
