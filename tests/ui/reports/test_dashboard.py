"""The statistics dashboard shows what the core computes for the filter as typed."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine

from agent_app.domain.views import StaffAccount
from agent_app.reports import tables
from agent_app.reports.answer_stats import (
    answer_distribution,
    complaint_counts,
    return_visit_rate,
    satisfaction_distribution,
    satisfaction_trend,
)
from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import agent_workload, attempts_per_reach, followup_rates
from agent_app.reports.red_flag_stats import time_to_acknowledge
from agent_app.reports.survival import survival_by_diagnosis
from agent_app.ui.qt import Qt
from agent_app.ui.reports.dashboard import StatsDashboard
from agent_app.ui.reports.dashboard_figures import Page
from tests.ui.reports.dashboard_driver import WAIT_MS, open_dashboard, refresh, settle

OCTOBER = month_filter(2026, 10)


def _expected(
    engine: Engine, flt: StatsFilter, grouping: Grouping, question: str = "symptoms"
) -> dict[Page, tables.Table]:
    return {
        Page.RATE: tables.followup_rate_table(followup_rates(engine, flt, grouping)),
        Page.ATTEMPTS: tables.attempts_table(attempts_per_reach(engine, flt)),
        Page.WORKLOAD: tables.workload_table(agent_workload(engine, flt)),
        Page.SATISFACTION: tables.satisfaction_table(satisfaction_distribution(engine, flt)),
        Page.TREND: tables.satisfaction_trend_table(satisfaction_trend(engine, flt)),
        Page.RETURN_VISITS: tables.return_visit_table(return_visit_rate(engine, flt)),
        Page.ANSWERS: tables.answer_table(
            answer_distribution(engine, flt, "general_discharge", question)
        ),
        Page.COMPLAINTS: tables.complaint_table(complaint_counts(engine, flt)),
        Page.SURVIVAL: tables.survival_table(survival_by_diagnosis(engine, flt)),
        Page.ACK_TIME: tables.ack_time_table(time_to_acknowledge(engine, flt)),
    }


def _shown(dashboard: StatsDashboard) -> dict[Page, tables.Table | None]:
    return {page: view.table for page, view in dashboard.pages.items()}


def _column(dashboard: StatsDashboard, page: Page, column: int) -> list[str]:
    model = dashboard.pages[page].model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_refresh_fills_every_tab_with_the_core_figures_and_a_chart(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    dashboard.answer_picker.choose("general_discharge", "symptoms")

    refresh(qtbot, dashboard)

    assert dashboard.filter_bar.period() == (OCTOBER.start, OCTOBER.end)  # the last month
    assert _shown(dashboard) == _expected(tiny_store, OCTOBER, Grouping.DEPARTMENT)
    assert _column(dashboard, Page.RATE, 0) == ["心内科", "外科"]
    assert _column(dashboard, Page.RATE, 1) == ["3", "2"]
    assert _column(dashboard, Page.ANSWERS, 1) == ["2", "1", "0", "0", "0"]  # fever, pain, …
    for page, view in dashboard.pages.items():
        if page in (Page.RETURN_VISITS, Page.ACK_TIME):  # the core draws no chart for them
            assert view.chart.isHidden()
        else:
            assert not view.chart.source.isNull() and not view.chart.pixmap().isNull()
    assert not dashboard.progress.isVisible()
    assert dashboard.progress.value() == dashboard.progress.maximum() == len(Page)


def test_the_filter_as_typed_is_the_filter_computed(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    bar = dashboard.filter_bar
    bar.set_period(dt.date(2026, 10, 3), dt.date(2026, 10, 31))
    bar.diagnosis.setText("i21")
    bar.plan.setCurrentIndex(bar.plan.findData(1))
    bar.grouping.setCurrentIndex(bar.grouping.findData(Grouping.STAFF.value))
    dashboard.answer_picker.choose("general_discharge", "symptoms")

    refresh(qtbot, dashboard)

    flt = StatsFilter(dt.date(2026, 10, 3), OCTOBER.end, plan_id=1, diagnosis_prefix="I21")
    assert _shown(dashboard) == _expected(tiny_store, flt, Grouping.STAFF)
    assert _column(dashboard, Page.RATE, 0) == ["护士甲"]
    assert bar.quick.currentData() == ""  # typed dates, not a quick pick


def test_a_supervisor_sees_only_their_department(
    qtbot: QtBot, tiny_store: Engine, supervisor: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, supervisor)
    bar = dashboard.filter_bar
    assert bar.department.count() == 1 and not bar.department.isEnabled()
    assert bar.department.currentText() == "外科"
    assert [bar.plan.itemText(i) for i in range(bar.plan.count())][1:] == ["计划2"]

    surgery = StatsFilter(OCTOBER.start, OCTOBER.end, department_id=2)
    first_question = dashboard.answer_picker.chosen()[1]
    assert first_question == "identity_confirmed"
    assert _shown(dashboard) == _expected(tiny_store, surgery, Grouping.DEPARTMENT, first_question)
    assert _column(dashboard, Page.RATE, 0) == ["外科"]
    assert set(_column(dashboard, Page.COMPLAINTS, 0)) == {"外科"}
    assert _column(dashboard, Page.WORKLOAD, 0) == ["护士乙"]


def test_a_period_that_ends_before_it_starts_is_said_and_kept(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    before = _shown(dashboard)
    dashboard.filter_bar.set_period(dt.date(2026, 10, 31), dt.date(2026, 10, 1))

    with qtbot.waitSignal(dashboard.sig_refresh_failed, timeout=1_000) as failed:
        dashboard.refresh_action.trigger()

    assert "swap" in failed.args[0] and dashboard.status.text() == failed.args[0]
    assert failed.args[0].endswith("The figures shown are for October 2026.")
    assert dashboard.filter_bar.period() == (dt.date(2026, 10, 31), dt.date(2026, 10, 1))
    assert _shown(dashboard) == before
    assert not dashboard.progress.isVisible()


def test_cancelling_a_refresh_keeps_the_previous_figures(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    october = _shown(dashboard)
    assert _column(dashboard, Page.RATE, 1) == ["3", "2"]
    dashboard.filter_bar.set_quick_period("this_month")  # November

    with qtbot.assertNotEmitted(dashboard.sig_refreshed):
        dashboard.refresh_action.trigger()
        assert dashboard.progress.isVisible() and dashboard.cancel_action.isEnabled()
        with qtbot.waitSignal(dashboard.sig_cancelled, timeout=1_000):
            dashboard.cancel_action.trigger()
        settle(qtbot)

    assert _shown(dashboard) == october
    assert not dashboard.progress.isVisible() and not dashboard.cancel_action.isEnabled()
    assert dashboard.status.text() == ("Refresh cancelled. The figures shown are for October 2026.")
    assert dashboard.filter_bar.period() == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def test_an_unreachable_database_is_said_in_a_sentence(
    qtbot: QtBot, tmp_path: object, quality: StaffAccount
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/missing/store.sqlite3")
    dashboard = StatsDashboard(engine, quality)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.sig_refresh_failed, timeout=WAIT_MS):
        pass  # the choices cannot be loaded
    dashboard.filter_bar.diagnosis.setText("C50")

    with qtbot.waitSignal(dashboard.sig_refresh_failed, timeout=WAIT_MS) as failed:
        dashboard.refresh_action.trigger()

    assert failed.args[0].startswith("The database cannot be reached")
    assert dashboard.figures is None
    assert dashboard.filter_bar.diagnosis.text() == "C50"
    engine.dispose()


def test_picking_another_question_counts_its_answers(
    qtbot: QtBot, tiny_store: Engine, quality: StaffAccount
) -> None:
    dashboard = open_dashboard(qtbot, tiny_store, quality)
    picker = dashboard.answer_picker
    questions = [picker.question.itemData(i) for i in range(picker.question.count())]
    assert "general_condition" in questions

    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=WAIT_MS):
        picker.question.setCurrentIndex(questions.index("general_condition"))
        picker.question.activated.emit(questions.index("general_condition"))

    shown = dashboard.pages[Page.ANSWERS].table
    assert shown == tables.answer_table(
        answer_distribution(tiny_store, OCTOBER, "general_discharge", "general_condition")
    )
    assert dashboard.pages[Page.ANSWERS].model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
