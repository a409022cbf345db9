"""The call-back time is the hospital's wall clock, whatever zone the desk's computer is in
(a desk set to UTC showed 16:15 for 22:15 in Shanghai), and the default never falls in the
night."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from agent_app.domain.enums import Disposition
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.ui.followup.wrapup_panel import WrapUpPanel, default_call_back
from agent_app.ui.qt import QDateTime


def test_the_default_call_back_is_on_the_hospitals_clock(qtbot: QtBot) -> None:
    panel = WrapUpPanel()
    qtbot.addWidget(panel)
    shown = dt.datetime.strptime(
        panel.callback.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M"
    ).replace(tzinfo=HOSPITAL_TZ)
    expected = default_call_back(dt.datetime.now(HOSPITAL_TZ))
    assert abs(shown - expected) < dt.timedelta(minutes=2)


@pytest.mark.parametrize(
    ("now", "default"),
    [
        ((2026, 12, 3, 10, 15), (2026, 12, 3, 12, 15)),  # two hours later
        ((2026, 12, 4, 0, 51), (2026, 12, 4, 9, 0)),  # not at 02:51: 09:00
        ((2026, 12, 3, 18, 30), (2026, 12, 4, 9, 0)),  # not at 20:30: tomorrow 09:00
    ],
)
def test_a_default_call_back_never_falls_in_the_night(
    now: tuple[int, ...], default: tuple[int, ...]
) -> None:
    moment = dt.datetime(*now, tzinfo=HOSPITAL_TZ)
    assert default_call_back(moment) == dt.datetime(*default, tzinfo=HOSPITAL_TZ)


def test_a_chosen_call_back_is_read_as_the_hospitals_time(qtbot: QtBot) -> None:
    panel = WrapUpPanel()
    qtbot.addWidget(panel)
    panel.choose(Disposition.CALL_BACK_LATER)
    panel.callback.setDateTime(QDateTime.fromString("2099-12-04 09:00", "yyyy-MM-dd HH:mm"))
    assert panel.callback_at() == dt.datetime(2099, 12, 4, 1, 0, tzinfo=dt.UTC)
