"""Opening the dashboard on the tiny hospital and waiting for its background work."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.ui.qt import QThreadPool
from agent_app.ui.reports.dashboard import StatsDashboard

# Two days into November, so the last complete month, shown on opening, is the tiny October.
TODAY = dt.date(2026, 11, 2)
WAIT_MS = 60_000


def open_dashboard(qtbot: QtBot, engine: Engine, account: StaffAccount) -> StatsDashboard:
    """The dashboard once its first refresh (the last complete month: October 2026) is on
    screen."""
    dashboard = StatsDashboard(engine, account, today=lambda: TODAY)
    qtbot.addWidget(dashboard)
    dashboard.show()
    # Results come back through the event loop, which only runs while we wait.
    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=WAIT_MS):
        pass
    return dashboard


def refresh(qtbot: QtBot, dashboard: StatsDashboard) -> None:
    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=WAIT_MS):
        dashboard.refresh_action.trigger()


def settle(qtbot: QtBot) -> None:
    """Let every background job end and its result be delivered."""
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    qtbot.wait(50)
