"""The call-back time is the hospital's wall clock, whatever zone the desk's computer is in
(a desk set to UTC showed 16:15 for 22:15 in Shanghai)."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from agent_app.domain.enums import Disposition
from agent_app.ui.followup.wrapup_panel import WrapUpPanel
from agent_app.ui.qt import QDateTime
from agent_app.ui.task_queue_model import HOSPITAL_TZ


def test_the_default_call_back_is_two_hours_from_now_on_the_hospitals_clock(
    qtbot: QtBot,
) -> None:
    panel = WrapUpPanel()
    qtbot.addWidget(panel)
    shown = dt.datetime.strptime(
        panel.callback.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M"
    ).replace(tzinfo=HOSPITAL_TZ)
    expected = dt.datetime.now(HOSPITAL_TZ) + dt.timedelta(hours=2)
    assert abs(shown - expected) < dt.timedelta(minutes=2)


def test_a_chosen_call_back_is_read_as_the_hospitals_time(qtbot: QtBot) -> None:
    panel = WrapUpPanel()
    qtbot.addWidget(panel)
    panel.choose(Disposition.CALL_BACK_LATER)
    panel.callback.setDateTime(QDateTime.fromString("2099-12-04 09:00", "yyyy-MM-dd HH:mm"))
    assert panel.callback_at() == dt.datetime(2099, 12, 4, 1, 0, tzinfo=dt.UTC)
