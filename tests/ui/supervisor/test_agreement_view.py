"""The agreement tab: per-question agreement and the discrepancies between L1 and L2, flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel
from agent_app.ui.qt import QDate, Qt, QTableWidget
from agent_app.ui.supervisor.agreement_view import AgreementView, is_flagged
from agent_app.ui.supervisor.sampling_plan_form import choice_enabled
from agent_app.ui.supervisor.sampling_screen import SamplingScreen
from tests.reports.tiny_hospital import QUALITY
from tests.ui.supervisor.spot_checks import SUPERVISOR, account, checked_october, tiny_store

WAIT = 10_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    """The tiny hospital of spot_checks.py in a desk store."""
    yield from tiny_store(tmp_path)


def _agreement(qtbot: QtBot, engine: Engine, staff_id: int) -> AgreementView:
    screen = SamplingScreen(engine, account(engine, staff_id))
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.runs.sig_loaded, timeout=WAIT):
        pass
    screen.tabs.setCurrentWidget(screen.agreement)
    view = screen.agreement
    view.start.setDate(QDate(2026, 10, 1))
    view.end.setDate(QDate(2026, 10, 31))
    return view


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def test_the_agreement_tab_lists_the_discrepancy_and_highlights_it(
    qtbot: QtBot, store: Engine
) -> None:
    checked_october(store)
    view = _agreement(qtbot, store, QUALITY)

    with qtbot.waitSignal(view.sig_shown, timeout=WAIT):
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)

    table = view.discrepancies
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(5)]  # type: ignore[union-attr]
    assert row == ["患者2", "护士甲", "Satisfaction", "3", "1"]
    assert table.horizontalHeaderItem(4).text() == "L2 answer"  # type: ignore[union-attr]
    assert is_flagged(table.item(0, 3)) and is_flagged(table.item(0, 4))
    assert not is_flagged(table.item(0, 0))
    questions = view.questions
    satisfaction = _column(questions, 0).index("Satisfaction")
    assert [questions.item(satisfaction, c).text() for c in range(4)] == [  # type: ignore[union-attr]
        "Satisfaction", "3", "2", "67%",
    ]  # fmt: skip
    assert is_flagged(questions.item(satisfaction, 3))
    who = _column(questions, 0).index("Who answered")
    assert _column(questions, 3)[who] == "100%" and not is_flagged(questions.item(who, 3))
    assert "3 spot-checks compared" in view.summary.text()
    assert "1 flagged" in view.summary.text()


def test_a_supervisor_sees_the_agreement_of_their_department_only(
    qtbot: QtBot, store: Engine
) -> None:
    checked_october(store)
    view = _agreement(qtbot, store, SUPERVISOR)
    enabled = [view.department.itemText(i) for i in range(view.department.count())
               if choice_enabled(view.department, i)]  # fmt: skip
    assert enabled == ["外科"] and view.department.currentText() == "外科"

    with qtbot.waitSignal(view.sig_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)

    report = shown.args[0]
    assert report.pairs == 1 and report.discrepancies == ()  # T4 only, which agrees
    assert view.discrepancies.rowCount() == 0


def test_choosing_a_past_run_fills_in_its_level_and_period(qtbot: QtBot, store: Engine) -> None:
    result = checked_october(store)
    view = _agreement(qtbot, store, QUALITY)
    view.level.setCurrentIndex(view.level.findData(int(CheckLevel.HOSPITAL)))

    view.run.setCurrentIndex(1)

    assert view.run.currentData().id == result.run_id
    assert view.level.currentData() == int(CheckLevel.DEPARTMENT)
    made = view.run.currentData().created_at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert view.start.date().toPython() == made.date()
    assert view.department.currentText() == "All departments"


def test_a_chosen_run_compares_its_own_spot_checks_and_no_run_goes_back_to_the_dates(
    qtbot: QtBot, store: Engine
) -> None:
    result = checked_october(store)
    view = _agreement(qtbot, store, QUALITY)
    view.run.setCurrentIndex(1)
    # The run's spot-checks are due before the day it ran: its dates alone would miss them.
    with qtbot.waitSignal(view.sig_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].pairs == 3
    assert {d.task_id for d in shown.args[0].discrepancies} <= {c for _, c in result.created}

    view.run.setCurrentIndex(0)  # no run: the dates, which hold none of them
    with qtbot.waitSignal(view.sig_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].pairs == 0
