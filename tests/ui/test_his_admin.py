"""The discharge import admin screen: history, rejected rows, plans, and a file import by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, update

from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.runs import RunReport
from agent_app.store.engine import open_local_store
from agent_app.store.schema import FollowupPlan
from agent_app.ui.his_admin import HisAdminWidget
from agent_app.ui.qt import QApplication, Qt
from agent_app.ui.translations import install_translations, remove_translations
from tests.his.conftest import load_reference

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "his" / "sample_discharges.csv"
SAMPLES = Path(__file__).resolve().parents[1] / "his" / "samples"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    load_reference(engine)
    yield engine
    engine.dispose()


def _cells(model: object, column: int) -> list[str]:
    rows = model.rowCount()  # type: ignore[attr-defined]
    return [model.index(r, column).data(Qt.ItemDataRole.DisplayRole) for r in range(rows)]  # type: ignore[attr-defined]


def _widget(qtbot: QtBot, store: Engine, chosen: Path | None) -> HisAdminWidget:
    widget = HisAdminWidget(store, choose_file=lambda _parent: chosen)
    qtbot.addWidget(widget)
    # The first load's result is delivered by the event loop, which only runs while we wait.
    qtbot.waitSignal(widget.sig_loaded, timeout=10_000).wait()
    return widget


def test_the_plans_are_listed_on_opening(qtbot: QtBot, store: Engine) -> None:
    widget = _widget(qtbot, store, None)

    assert _cells(widget.plans, 0) == ["心内科出院随访", "肿瘤生存随访", "通用出院随访"]
    assert _cells(widget.plans, 3)[1] == "3, 7, 30, 90, 365"
    assert widget.runs.rowCount() == 0
    assert not widget.progress.isVisible()


def test_importing_a_file_shows_progress_then_the_run_and_its_rejected_rows(
    qtbot: QtBot, store: Engine
) -> None:
    widget = _widget(qtbot, store, SAMPLE)
    progress: list[int] = []
    widget.progress.valueChanged.connect(progress.append)

    with qtbot.waitSignal(widget.sig_import_finished, timeout=30_000) as finished:
        qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
        assert not widget.import_button.isEnabled()
    qtbot.waitSignal(widget.sig_loaded, timeout=10_000).wait()

    report = finished.args[0]
    assert isinstance(report, RunReport) and report.created == 5
    assert progress[-1] == widget.progress.maximum() == 8
    assert widget.import_button.isEnabled()
    assert "5 new" in widget.status.text() and "3 rejected" in widget.status.text()
    assert _cells(widget.runs, 4) == ["finished"]
    assert widget.warning.isHidden()
    assert sorted(_cells(widget.rejected, 4)) == [
        "no phone number for the patient or a contact",  # from the stored codes
        "the department “XYZ” is not known",
        "the discharge date “2026-13-45” is not a date",
    ]


def test_an_unreadable_file_is_said_and_the_button_comes_back(
    qtbot: QtBot, store: Engine, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("姓名,电话\n王,138\n", encoding="utf-8")
    widget = _widget(qtbot, store, broken)

    with qtbot.waitSignal(widget.sig_import_finished, timeout=30_000):
        qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)

    assert "The import stopped" in widget.status.text()
    assert "住院号" in widget.status.text()
    assert widget.import_button.isEnabled()


def test_cancelling_the_file_chooser_does_nothing(qtbot: QtBot, store: Engine) -> None:
    widget = _widget(qtbot, store, None)

    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)

    assert widget.import_button.isEnabled()
    assert widget.status.text() == ""


def test_a_skipped_plan_is_said_on_the_screen_and_the_status_bar_in_chinese(
    qtbot: QtBot, store: Engine
) -> None:
    with store.begin() as connection:
        connection.execute(
            update(FollowupPlan).where(FollowupPlan.id == 103).values(offsets_days=[3, -1])
        )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "zh_CN")
    try:
        widget = _widget(qtbot, store, SAMPLE)
        said: list[str] = []
        widget.sig_message.connect(said.append)
        with qtbot.waitSignal(widget.sig_import_finished, timeout=30_000) as finished:
            qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitSignal(widget.sig_loaded, timeout=10_000).wait()
    finally:
        remove_translations(app)

    report = finished.args[0]
    assert isinstance(report, RunReport) and report.status == "ok" and report.tasks_created > 0
    assert len(said) == 1 and "通用出院随访" in said[0] and "随访天数" in said[0]
    assert not widget.warning.isHidden() and "通用出院随访" in widget.warning.text()
    problem = _cells(widget.plans, 9)[2]
    assert "随访天数" in problem and "plan_" not in problem
    assert _cells(widget.runs, 4) == ["已完成"] and "随访天数" in _cells(widget.runs, 14)[0]


def test_a_refused_hl7_message_is_listed_in_chinese_without_its_code(
    qtbot: QtBot, store: Engine
) -> None:
    intake = Hl7Intake(store, "hl7")
    message = (SAMPLES / "vendor_a_no_pid3.hl7").read_text("utf-8")
    intake.handle(message)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "zh_CN")
    try:
        widget = _widget(qtbot, store, None)
    finally:
        remove_translations(app)

    (reason,) = _cells(widget.rejected, 4)
    assert "患者标识" in reason and "PID-3:MR" in reason and "hl7_" not in reason
